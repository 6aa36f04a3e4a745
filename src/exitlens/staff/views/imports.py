"""Importing departures in the browser: upload a spreadsheet, check the plan, then import it.

Between the check and the import the upload waits in DATA_DIR/imports under a random name;
the page carries only that name's token. An upload is deleted once imported, at once when it is
refused or its reading fails, and otherwise after a day (each new upload clears older ones).
"""

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods

from exitlens.core.access import hr_required
from exitlens.imports import coded, departures
from exitlens.imports.departures import Plan
from exitlens.imports.mapping import FIELDS, KNOWN, header_key
from exitlens.imports.spreadsheets import FileRefused, SpreadsheetError, open_sheet
from exitlens.staff.uploads import max_upload_bytes
from exitlens.staff.views import rejected_rows

TOKEN = re.compile(r"\A[0-9a-f]{32}\Z")
SUFFIXES = (".csv", ".xlsx")  # the reader tells them apart by content; the name is a hint
KEEP_FOR = 24 * 60 * 60  # seconds an upload waits for its import
SHOWN = 100  # rejected cells, new departments and new managers listed on the page


class _LinesField(forms.Field):
    """Several values under one name, as the value selects and hidden fields send them."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[str]:
        return [str(line).strip() for line in value or [] if str(line).strip()]


class _OptionsForm(forms.Form):
    create_departments = forms.BooleanField(
        label=gettext_lazy("Create departments that do not exist"), required=False
    )
    skip_bad_rows = forms.BooleanField(
        label=gettext_lazy(
            "Import the valid rows and skip the rejected ones (otherwise any rejected row "
            "means nothing is imported)"
        ),
        required=False,
    )
    value_maps = forms.CharField(
        label=gettext_lazy("Value mappings"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "How to read words the import does not know, one per line as Column:Value=code, "
            "for example: Termination type:Mutual agreement=resignation"
        ),
    )

    def clean(self) -> dict:
        """`value_maps` as a list: the lines typed, then those chosen for unknown values."""
        data = super().clean()
        lines = [line.strip() for line in data.get("value_maps", "").splitlines()]
        lines += data.get("map_value") or []
        data["value_maps"] = list(dict.fromkeys(line for line in lines if line))
        return data


class UploadForm(_OptionsForm):
    file = forms.FileField(
        label=gettext_lazy("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )

    field_order = ["file"]

    def __init__(self, *args, too_large: bool = False, **kwargs):
        """`too_large`: the upload handler dropped the file at the limit, as it arrived."""
        super().__init__(*args, **kwargs)
        self.too_large = too_large
        self.fields["file"].required = not too_large
        self.fields["file"].help_text = _(
            "A CSV file or an Excel workbook (.xlsx) of at most %(limit)s."
        ) % {"limit": filesizeformat(max_upload_bytes())}

    def clean_file(self) -> UploadedFile:
        upload, limit = self.cleaned_data["file"], max_upload_bytes()
        if self.too_large:
            raise forms.ValidationError(
                _("This file is larger than %(limit)s; files up to %(limit)s can be imported.")
                % {"limit": filesizeformat(limit)}
            )
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; files up to %(limit)s can be imported.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class StoredUploadForm(_OptionsForm):
    """The stored upload and the options of the plan, as the check page sends them back."""

    token = forms.RegexField(TOKEN, widget=forms.HiddenInput)
    name = forms.CharField(max_length=255, required=False, widget=forms.HiddenInput)
    map_value = _LinesField(required=False)  # "Column:Value=code", chosen for unknown values


class ColumnsForm(forms.Form):
    """A field for each column of the file, by its header; an empty choice leaves it out."""

    def __init__(self, *args, headers: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("(leave out)"))]
        choices += [(name, capfirst(departures.label(name))) for name in FIELDS]
        for index, header in enumerate(headers):
            if header:  # a column without a header cannot be named, so it is never read
                self.fields[column_key(index)] = forms.ChoiceField(
                    label=header, choices=choices, required=False
                )

    def overrides(self) -> list[str]:
        """The choices as `build_plan` takes them: "Header=field", "Header=" to leave out."""
        return [f"{self.fields[key].label}={value}" for key, value in self.cleaned_data.items()]


def column_key(index: int) -> str:
    return f"column_{index}"


@dataclass
class Check:
    """A stored upload checked: its plan, or why there is none."""

    headers: list[str]
    plan: Plan | None = None
    error: str = ""


@hr_required
@require_http_methods(["GET", "POST"])
def departure_import(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _upload_page(request, UploadForm())
    if "token" in request.POST:
        return _check_again_or_import(request)
    return _upload(request)


def _upload(request: HttpRequest) -> HttpResponse:
    too_large = getattr(request, "upload_too_large", False)  # set by LimitedUploadHandler
    form = UploadForm(request.POST, request.FILES, too_large=too_large)
    if not form.is_valid():
        return _upload_page(request, form)
    _delete_old_uploads()
    upload = form.cleaned_data["file"]
    path = _store(upload)
    choices = {
        "token": path.stem,
        "name": Path(upload.name).name[:255],
        "create_departments": form.cleaned_data["create_departments"],
        "skip_bad_rows": form.cleaned_data["skip_bad_rows"],
        "value_maps": form.cleaned_data["value_maps"],
    }
    with _deleted_on_failure(path):
        try:
            headers = _headers(path)
        except SpreadsheetError as error:
            path.unlink(missing_ok=True)
            form.add_error("file", _readable(error, path, choices["name"]))
            return _upload_page(request, form)
        return _check_page(request, choices, _check(path, choices, headers))


def _check_again_or_import(request: HttpRequest) -> HttpResponse:
    stored = StoredUploadForm(request.POST)
    path = _stored_upload(stored.cleaned_data["token"]) if stored.is_valid() else None
    if path is None:
        messages.error(
            request,
            _("The uploaded file is no longer here (uploads are kept for a day). Upload it again."),
        )
        return redirect("departure_import")
    choices = stored.cleaned_data
    try:
        headers = _headers(path)
    except SpreadsheetError as error:  # it was readable when it came in; a disk fault, say
        path.unlink(missing_ok=True)
        messages.error(request, _readable(error, path, choices["name"]))
        return redirect("departure_import")
    columns = ColumnsForm(request.POST, headers=headers)
    if not columns.is_valid():
        return _check_page(request, choices, Check(headers), columns)
    if request.POST.get("action") == "import":
        return _import(request, path, choices, headers, columns)
    check = _check(path, choices, headers, columns.overrides())
    return _check_page(request, choices, check, columns)


def _import(
    request: HttpRequest, path: Path, choices: dict, headers: list[str], columns: ColumnsForm
) -> HttpResponse:
    """Import the plan the page showed, made again from the file; one request at a time."""
    lock = path.with_suffix(".lock")
    try:
        lock.touch(exist_ok=False)
    except FileExistsError:  # a second click on Import while the first one runs
        messages.warning(request, _("This file is being imported already."))
        return redirect("departure_list")
    try:
        check = _check(path, choices, headers, columns.overrides())
        if check.error or _refusal(check.plan, choices["skip_bad_rows"]):
            return _check_page(request, choices, check, columns)
        departures.apply_plan(
            check.plan,
            by=request.user,
            file_name=choices["name"],
            skip_bad_rows=choices["skip_bad_rows"],
        )
        path.unlink(missing_ok=True)
    finally:
        lock.unlink(missing_ok=True)
    plan = check.plan
    counts = {"created": len(plan.create), "updated": len(plan.update)}
    if not plan.rejected:
        messages.success(
            request,
            _("Imported: %(created)s created, %(updated)s updated, 0 rejected.") % counts,
        )
        return redirect("departure_list")
    token = rejected_rows.store(plan, request.user)
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            ngettext(
                "Imported: %(created)s created, %(updated)s updated; %(skipped)s rejected row "
                "skipped.",
                "Imported: %(created)s created, %(updated)s updated; %(skipped)s rejected rows "
                "skipped.",
                len(plan.rejected),
            )
            % {**counts, "skipped": len(plan.rejected)},
            reverse("departure_import_rejected", args=[token]),
            _("Download the rejected rows (CSV, once, within a day)"),
        ),
    )
    return redirect("departure_list")


def _check(path: Path, choices: dict, headers: list[str], overrides: list[str] = ()) -> Check:
    try:
        plan = departures.build_plan(
            path,
            overrides,
            choices["create_departments"],
            value_maps=choices["value_maps"],
            ignore_unknown_columns=True,  # the page lists them: the user sees and chooses
        )
    except FileRefused as error:  # a limit found only now, reading every value: no use keeping
        path.unlink(missing_ok=True)
        return Check(headers, error=_readable(error, path, choices["name"]))
    except SpreadsheetError as error:  # columns unclear or not recognised: the page can fix it
        return Check(headers, error=_readable(error, path, choices["name"]))
    return Check(plan.headers, plan)


def _refusal(plan: Plan, skip_bad_rows: bool) -> str:
    """Why the plan cannot be imported, or "" if it can."""
    rejected = len(plan.rejected)
    if rejected and not skip_bad_rows:
        return ngettext(
            "%(count)s row is rejected, so nothing can be imported. Correct the file or map "
            "its values, or tick “Import the valid rows and skip the rejected ones”.",
            "%(count)s rows are rejected, so nothing can be imported. Correct the file or map "
            "its values, or tick “Import the valid rows and skip the rejected ones”.",
            rejected,
        ) % {"count": rejected}
    if not plan.create and not plan.update:
        return _("Nothing to import.")
    return ""


def _upload_page(request: HttpRequest, form: UploadForm) -> HttpResponse:
    return render(request, "staff/departure_import.html", {"nav": "departures", "form": form})


def _check_page(
    request: HttpRequest, choices: dict, check: Check, columns: ColumnsForm | None = None
) -> HttpResponse:
    plan = check.plan
    if columns is None:
        columns = ColumnsForm(headers=check.headers, initial=_selected(check.headers, plan))
    refusal = _refusal(plan, choices["skip_bad_rows"]) if plan else ""
    ctx = {
        "nav": "departures",
        "check": check,
        "plan": plan,
        "name": choices["name"],
        "options": StoredUploadForm(
            initial={**choices, "value_maps": "\n".join(choices["value_maps"])}
        ),
        "columns": columns,
        "refusal": refusal,
        "import_fields": _import_fields(choices, plan) if plan and not refusal else [],
        "shown": SHOWN,
    }
    if plan:
        ctx["errors"] = plan.errors[:SHOWN]
        ctx["more_errors"] = max(len(plan.errors) - SHOWN, 0)
        ctx["new_departments"] = plan.new_departments[:SHOWN]
        ctx["more_departments"] = max(len(plan.new_departments) - SHOWN, 0)
        ctx["new_managers"] = plan.new_managers[:SHOWN]
        ctx["more_managers"] = max(len(plan.new_managers) - SHOWN, 0)
        ctx["unknown_values"] = [
            (unknown, [(f"{unknown.mapping}={code}", label) for code, label in
                       coded.choices_of(unknown.field)])
            for unknown in plan.unknown_values[:SHOWN]
        ]  # fmt: skip
    return render(request, "staff/departure_import.html", ctx)


def _selected(headers: list[str], plan: Plan | None) -> dict[str, str]:
    """The field of each column: as the plan read it, or else as its header suggests."""
    if plan:
        return {column_key(i): plan.mapping.columns.get(i, "") for i in range(len(headers))}
    return {column_key(i): KNOWN.get(header_key(header), "") for i, header in enumerate(headers)}


def _import_fields(choices: dict, plan: Plan) -> list[tuple[str, str]]:
    """What the Import button sends: the upload, the options and the columns of this plan."""
    fields = [("token", choices["token"]), ("name", choices["name"])]
    fields += [
        (option, "on") for option in ("create_departments", "skip_bad_rows") if choices[option]
    ]
    fields += [("map_value", line) for line in choices["value_maps"]]
    fields += [
        (column_key(index), plan.mapping.columns.get(index, ""))
        for index, header in enumerate(plan.headers)
        if header
    ]
    return fields


def _readable(error: SpreadsheetError, path: Path, name: str) -> str:
    """The reader names the file by its path on the server; the user knows it by its name."""
    return str(error).replace(str(path), name or _("the file"))


def _headers(path: Path) -> list[str]:
    with open_sheet(path) as sheet:
        return sheet.headers


def _imports_folder() -> Path:
    return Path(settings.DATA_DIR) / "imports"


def _store(upload: UploadedFile) -> Path:
    """Save the upload under a new random name, readable by this process only."""
    folder = _imports_folder()
    folder.mkdir(parents=True, exist_ok=True)
    suffix = Path(upload.name).suffix.lower()
    path = folder / f"{secrets.token_hex(16)}{suffix if suffix in SUFFIXES else '.csv'}"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with _deleted_on_failure(path), os.fdopen(descriptor, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    now = time.time()
    os.utime(path, (now, now))  # kept by this process's clock, which _stored_upload reads
    return path


@contextlib.contextmanager
def _deleted_on_failure(path: Path) -> Iterator[None]:
    """Whatever goes wrong while an upload is first read, it is not left behind."""
    try:
        yield
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _stored_upload(token: str) -> Path | None:
    """The upload with this token if it is still kept; only ever a file in the imports folder."""
    if not TOKEN.match(token):
        return None
    for suffix in SUFFIXES:
        path = _imports_folder() / f"{token}{suffix}"
        with contextlib.suppress(FileNotFoundError):
            if path.is_file() and path.stat().st_mtime > time.time() - KEEP_FOR:
                return path
    return None


def _delete_old_uploads() -> None:
    folder = _imports_folder()
    if not folder.is_dir():
        return
    cutoff = time.time() - KEEP_FOR
    for path in folder.iterdir():
        with contextlib.suppress(FileNotFoundError):  # another request deleted it meanwhile
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
