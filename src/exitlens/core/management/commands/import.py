"""`exitlens import departures|survey FILE`: departures, or past exit surveys, from a CSV or Excel
file, checked first."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from exitlens.imports import departures, surveys
from exitlens.imports.departures import Plan, PlannedRow
from exitlens.imports.mapping import FIELDS
from exitlens.imports.spreadsheets import MAX_FILE_SIZE, SpreadsheetError
from exitlens.insights.serialise import safe_text

SHOWN = 10  # rows listed per part of the plan, unless --list-all


class Command(BaseCommand):
    help = "Import records from a spreadsheet."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        imports = commands.add_parser(
            "departures",
            help=(
                "Create and update departures from a CSV or Excel (.xlsx) file of at most "
                f"{MAX_FILE_SIZE // 1024 // 1024} MB. Rows with a known HR system id update "
                "that departure; other rows create one."
            ),
        )
        imports.add_argument("file", type=Path)
        imports.add_argument(
            "--map",
            action="append",
            default=[],
            dest="mappings",
            metavar='"HEADER=FIELD"',
            help=(
                "Read the column with this header into this field (repeatable); "
                f'"HEADER=" leaves the column out. Fields: {", ".join(FIELDS)}'
            ),
        )
        imports.add_argument(
            "--create-departments",
            action="store_true",
            help="Create departments the file names that do not exist yet (at the top level).",
        )
        imports.add_argument(
            "--dry-run", action="store_true", help="Show what would change; change nothing."
        )
        imports.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing, and exit with an error, when any row is rejected.",
        )
        imports.add_argument(
            "--list-all",
            action="store_true",
            help=f"List every row of the plan, not only the first {SHOWN} of each kind.",
        )
        imports.add_argument(
            "--report", type=Path, metavar="CSV", help="Write every rejected row to this CSV file."
        )

        survey = commands.add_parser(
            "survey",
            help=(
                "Import past exit surveys as completed, confidential interviews, so that the "
                "insights count them (see docs/survey-import.md). Rows whose id was imported "
                "before update that leaver instead of adding another."
            ),
        )
        survey.add_argument("file", type=Path)
        survey.add_argument(
            "--format",
            required=True,
            choices=list(surveys.FORMATS),
            dest="survey_format",
            help=(
                "dete or tafe: the Queensland Government exit surveys; generic: the layout "
                "described in docs/survey-import.md."
            ),
        )
        survey.add_argument(
            "--dry-run", action="store_true", help="Show what would change; change nothing."
        )
        survey.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing, and exit with an error, when any row is rejected.",
        )

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"_{action}")(**options)

    def _departures(
        self,
        file,
        mappings=(),
        create_departments=False,
        dry_run=False,
        strict=False,
        report=None,
        list_all=False,
        **_options,
    ):
        try:
            plan = departures.build_plan(Path(file), mappings, create_departments)
        except SpreadsheetError as error:
            raise CommandError(str(error)) from None
        self._show_plan(plan, everything=list_all)
        if report:
            _write_report(plan, Path(report))
            self.stdout.write(_("Rejected rows written to %(path)s.") % {"path": report})
        rejected = len(plan.rejected)
        if strict and rejected:
            raise CommandError(
                ngettext(
                    "Strict mode: %(count)s row rejected, so nothing was imported.",
                    "Strict mode: %(count)s rows rejected, so nothing was imported.",
                    rejected,
                )
                % {"count": f"{rejected:,}"}
            )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed."))
            return
        if not plan.create and not plan.update:
            self.stdout.write(_("Nothing to import."))
            return
        departures.apply_plan(plan)
        self.stdout.write(
            _("Imported: %(created)s created, %(updated)s updated, %(rejected)s rejected.")
            % {
                "created": f"{len(plan.create):,}",
                "updated": f"{len(plan.update):,}",
                "rejected": f"{rejected:,}",
            }
        )

    def _survey(self, file, survey_format, dry_run=False, strict=False, **_options):
        try:
            report = surveys.import_survey(
                Path(file), survey_format, strict=strict, dry_run=dry_run
            )
        except surveys.SurveyError as error:
            raise CommandError(str(error)) from None
        write = self.stdout.write
        count = report.rows_read
        write(
            ngettext("%(path)s: %(count)s row.", "%(path)s: %(count)s rows.", count)
            % {"path": report.path, "count": f"{count:,}"}
        )
        if report.skipped_columns:
            write(
                _("Columns left out: %(headers)s") % {"headers": ", ".join(report.skipped_columns)}
            )
        if report.departments_created:
            write(f"{_('New departments')}: {len(report.departments_created):,}")
            self._list(report.departments_created, everything=True)
        if report.unthemed_reasons:
            reasons = ", ".join(f"{name} ({n:,})" for name, n in report.unthemed_reasons.items())
            write(_("Reasons without a theme, left out: %(reasons)s") % {"reasons": reasons})
        rejected = len(report.rejected)
        write(_("Rejected: %(count)s") % {"count": f"{rejected:,}"})
        self._list(
            [
                _("row %(row)s: %(reason)s") % {"row": row.row, "reason": row.reason}
                for row in report.rejected
            ],
            everything=True,
        )
        if strict and rejected:
            raise CommandError(
                ngettext(
                    "Strict mode: %(count)s row rejected, so nothing was imported.",
                    "Strict mode: %(count)s rows rejected, so nothing was imported.",
                    rejected,
                )
                % {"count": f"{rejected:,}"}
            )
        counts = {
            "created": f"{report.created:,}",
            "updated": f"{report.updated:,}",
            "rejected": f"{rejected:,}",
        }
        if dry_run:
            write(_("Would create %(created)s, update %(updated)s, reject %(rejected)s.") % counts)
            write(_("Dry run: nothing was changed."))
            return
        write(
            _("Imported: %(created)s created, %(updated)s updated, %(rejected)s rejected.") % counts
        )

    def _show_plan(self, plan: Plan, everything: bool) -> None:
        write = self.stdout.write
        count = plan.rows_read
        write(
            ngettext("%(path)s: %(count)s row.", "%(path)s: %(count)s rows.", count)
            % {"path": plan.path, "count": f"{count:,}"}
        )
        write(_("Columns:"))
        for index, name in plan.mapping.columns.items():
            write(f"  {plan.headers[index]} -> {name}")
        if plan.mapping.unmapped:
            write(
                _("Columns left out: %(headers)s") % {"headers": ", ".join(plan.mapping.unmapped)}
            )
        for title, names in [
            (_("New departments"), plan.new_departments),
            (_("New managers"), plan.new_managers),
        ]:
            if names:
                write(f"{title}: {len(names):,}")
                self._list(names, everything)
        parts = [
            (_("To create"), plan.create, _describe),
            (_("To update"), plan.update, _describe_update),
        ]
        for title, rows, describe in parts:
            write(f"{title}: {len(rows):,}")
            self._list([describe(row) for row in rows], everything)
        write(_("Unchanged: %(count)s") % {"count": f"{len(plan.unchanged):,}"})
        write(_("Rejected: %(count)s") % {"count": f"{len(plan.rejected):,}"})
        errors = [
            _("row %(row)s, %(column)s: %(message)s")
            % {"row": error.row, "column": error.column, "message": error.message}
            for error in plan.errors
        ]
        self._list(errors, everything)

    def _list(self, lines: list[str], everything: bool) -> None:
        shown = lines if everything else lines[:SHOWN]
        for line in shown:
            self.stdout.write(f"  {line}")
        if len(lines) > len(shown):
            self.stdout.write(
                "  "
                + _("… and %(count)s more (--list-all lists them all)")
                % {"count": f"{len(lines) - len(shown):,}"}
            )


def _describe(row: PlannedRow) -> str:
    who = f"{row.name} ({row.external_id})" if row.external_id else row.name
    return _("row %(row)s: %(who)s") % {"row": row.row, "who": who}


def _describe_update(row: PlannedRow) -> str:
    fields = {attribute: name for name, attribute in departures.RELATED.items()}
    changes = ", ".join(departures.label(fields.get(name, name)) for name in row.changes)
    return f"{_describe(row)}: {changes}"


def _write_report(plan: Plan, path: Path) -> None:
    try:
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["row", "column", "value", "error"])
            for error in plan.errors:
                cells = [error.column, error.value, error.message]
                writer.writerow([error.row, *(safe_text(cell) for cell in cells)])
    except OSError as error:
        raise CommandError(
            _("Cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None
