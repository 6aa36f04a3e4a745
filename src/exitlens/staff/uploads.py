"""Uploads are stopped at the import size limit as they arrive, not after they have filled the
disk: Django would otherwise write any size of file to a temporary file before a view sees it."""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, SkipFile

from exitlens.imports.limits import MB


def max_upload_bytes() -> int:
    return settings.EXITLENS_IMPORT_MAX_FILE_MB * MB


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: passes each chunk on to Django's own until a file passes
    the limit, then drops that file; the form then finds no file and says it was too large."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.limit = max_upload_bytes()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > self.limit:
            if self.request is not None:
                self.request.upload_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler makes the file
