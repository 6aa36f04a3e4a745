"""The rejected rows of an import that skipped them, offered once as a CSV download.

The file holds personal data. It waits in DATA_DIR/imports/rejected/<user id>/ under a random
token, readable by this process only, for the person who imported it and nobody else; it is
deleted when downloaded, and after a day if it never is. Every download is audited.
"""

import contextlib
import os
import re
import secrets
import time
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from exitlens.core.access import hr_required
from exitlens.core.models import User
from exitlens.core.services.audit import record_audit
from exitlens.imports.departures import Plan
from exitlens.imports.rejected import write_rejected_rows

TOKEN = re.compile(r"\A[0-9a-f]{32}\Z")
KEEP_FOR = 24 * 60 * 60  # seconds a file waits for its download


def store(plan: Plan, user: User) -> str:
    """Write the plan's rejected rows for this user; the token that downloads them."""
    _delete_expired()
    folder = _folder(user)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    token = secrets.token_hex(16)
    path = folder / f"{token}.csv"
    write_rejected_rows(plan, path)
    now = time.time()
    os.utime(path, (now, now))  # kept by this process's clock, which _delete_expired reads
    return token


@hr_required
@require_GET
def departure_import_rejected(request: HttpRequest, token: str) -> FileResponse:
    _delete_expired()
    path = _folder(request.user) / f"{token}.csv" if TOKEN.match(token) else None
    try:
        handle = path.open("rb") if path else None
    except FileNotFoundError:
        handle = None
    if handle is None:
        raise Http404
    path.unlink()  # the open handle still reads it; no second download
    record_audit(
        request.user, "departures.rejected_rows_downloaded", f"import {token}", request=request
    )
    return FileResponse(handle, as_attachment=True, filename="rejected-rows.csv")


def _folder(user: User) -> Path:
    return Path(settings.DATA_DIR) / "imports" / "rejected" / str(user.pk)


def _delete_expired() -> None:
    cutoff = time.time() - KEEP_FOR
    for path in (Path(settings.DATA_DIR) / "imports" / "rejected").glob("*/*.csv"):
        with contextlib.suppress(FileNotFoundError):  # another request deleted it meanwhile
            if path.stat().st_mtime < cutoff:
                path.unlink()
