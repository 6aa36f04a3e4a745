"""Past exit surveys as completed interviews, so the insights count them: the DETE and TAFE
exit surveys of the Queensland Government, or a generic layout an HR department prepares.

    report = import_survey("dete_survey.csv", "dete", dry_run=True)

docs/survey-import.md describes every format and how its columns are read.
"""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from exitlens.core.models import User
from exitlens.imports.spreadsheets import SpreadsheetError, open_sheet
from exitlens.imports.surveys import dete, generic, store, tafe
from exitlens.imports.surveys.common import Rejected, SurveyError, SurveyReport

FORMATS = {"dete": dete.parse, "tafe": tafe.parse, "generic": generic.parse}

__all__ = ["FORMATS", "Rejected", "SurveyError", "SurveyReport", "import_survey"]


def import_survey(
    path: Path | str,
    format: str,
    *,
    strict: bool = False,
    dry_run: bool = False,
    by: User | None = None,
) -> SurveyReport:
    """Import every usable row of a survey file in one transaction, or nothing: in strict mode
    when any row is rejected, and always on a dry run (which still counts what would change).
    Raises SurveyError when the file as a whole cannot be used."""
    if format not in FORMATS:
        raise SurveyError(
            _("Unknown survey format %(format)s; choose from %(formats)s.")
            % {"format": format, "formats": ", ".join(FORMATS)}
        )
    path = Path(path)
    try:
        with open_sheet(path) as sheet:
            parsed = FORMATS[format](sheet)
    except SpreadsheetError as error:
        raise SurveyError(str(error)) from None
    report = SurveyReport(
        path=path,
        format=format,
        rows_read=parsed.rows_read,
        skipped_columns=parsed.skipped_columns,
        dry_run=dry_run,
        strict=strict,
    )
    with transaction.atomic():
        plan = store.plan(parsed)
        report.created, report.updated = len(plan.create), len(plan.update)
        report.rejected = plan.rejected
        report.unthemed_reasons = dict(plan.unthemed().most_common())
        report.departments_created = sorted(
            (name for name, _parent in plan.new_departments), key=str.casefold
        )
        if strict and plan.rejected:
            transaction.set_rollback(True)
            return report
        store.apply(plan, path, format, by)
        if dry_run:  # written and rolled back, so it fails where the import would
            transaction.set_rollback(True)
            return report
    report.applied = True
    return report
