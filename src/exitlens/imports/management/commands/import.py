"""`exitlens import departures|survey FILE`: departures, or past exit surveys, from a CSV or Excel
file, checked first."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from exitlens.core.spreadsheets import safe_text
from exitlens.imports import coded, departures, surveys
from exitlens.imports.departures import Plan, PlannedRow
from exitlens.imports.mapping import FIELDS
from exitlens.imports.rejected import write_rejected_rows
from exitlens.imports.spreadsheets import MAX_FILE_SIZE, SpreadsheetError

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
            "--map-values",
            action="append",
            default=[],
            dest="value_maps",
            metavar='"COLUMN:VALUE=CODE"',
            help=(
                "Read this word in this column (its header, or its field) as this code "
                '(repeatable): --map-values "Termination type:Mutual agreement=resignation". '
                f"Coded fields: {', '.join(coded.vocabularies())}; yes/no fields take yes or no."
            ),
        )
        imports.add_argument(
            "--ignore-column",
            action="append",
            default=[],
            dest="ignored",
            metavar="HEADER",
            help="Leave this column out (repeatable). A column not recognised is an error.",
        )
        imports.add_argument(
            "--ignore-unknown-columns",
            action="store_true",
            help="Leave out every column that is not recognised, instead of stopping.",
        )
        imports.add_argument(
            "--create-departments",
            action="store_true",
            help="Create departments the file names that do not exist yet (at the top level).",
        )
        imports.add_argument(
            "--dry-run", action="store_true", help="Show what would change; change nothing."
        )
        rows = imports.add_mutually_exclusive_group()
        rows.add_argument(
            "--skip-bad-rows",
            action="store_true",
            help=(
                "Import the valid rows and skip the rejected ones, which go to a CSV file "
                "(--rejected-rows). By default any rejected row means nothing is imported."
            ),
        )
        rows.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing when any row is rejected: the default, kept for old scripts.",
        )
        imports.add_argument(
            "--rejected-rows",
            type=Path,
            metavar="CSV",
            help=(
                "Write the rejected rows, as in the file with their errors in front, to this "
                "CSV file to correct and import again. Default with --skip-bad-rows: "
                "FILE.rejected.csv next to the file."
            ),
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
        value_maps=(),
        ignored=(),
        ignore_unknown_columns=False,
        create_departments=False,
        dry_run=False,
        skip_bad_rows=False,
        report=None,
        rejected_rows=None,
        list_all=False,
        **_options,
    ):
        file = Path(file)
        try:
            plan = departures.build_plan(
                file,
                mappings,
                create_departments,
                value_maps=value_maps,
                ignored=ignored,
                ignore_unknown_columns=ignore_unknown_columns,
            )
        except SpreadsheetError as error:
            raise CommandError(str(error)) from None
        self._show_plan(plan, everything=list_all)
        if report:
            _write_report(plan, Path(report))
            self.stdout.write(_("Errors written to %(path)s.") % {"path": report})
        rejected = len(plan.rejected)
        if rejected and (rejected_rows or (skip_bad_rows and not dry_run)):
            path = Path(rejected_rows) if rejected_rows else _next_to(file)
            _write_rejected(plan, path)
            self.stdout.write(
                ngettext(
                    "%(count)s rejected row written to %(path)s (it holds personal data).",
                    "%(count)s rejected rows written to %(path)s (they hold personal data).",
                    rejected,
                )
                % {"count": f"{rejected:,}", "path": path}
            )
        if rejected and not skip_bad_rows:
            raise CommandError(_failure(plan, list_all, dry_run))
        if rejected:
            self.stdout.write(_errors(plan, list_all))
        if dry_run:
            self.stdout.write(_("Dry run: nothing was changed."))
            return
        if not plan.create and not plan.update:
            if rejected and not plan.unchanged:
                raise CommandError(_("Every row is rejected: nothing was imported."))
            self.stdout.write(_("Nothing to import."))
            return
        departures.apply_plan(plan, skip_bad_rows=skip_bad_rows)
        self.stdout.write(
            _("Imported: %(created)s created, %(updated)s updated, %(rejected)s rejected.")
            % {
                "created": f"{len(plan.create):,}",
                "updated": f"{len(plan.update):,}",
                "rejected": f"{rejected:,}",
            }
        )
        if rejected:
            self.stdout.write(
                ngettext(
                    "%(count)s row was skipped (--skip-bad-rows).",
                    "%(count)s rows were skipped (--skip-bad-rows).",
                    rejected,
                )
                % {"count": f"{rejected:,}"}
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
        if plan.untyped:
            write(
                ngettext(
                    "%(count)s new departure has no type of departure: it is stored as "
                    "a resignation.",
                    "%(count)s new departures have no type of departure: they are stored as "
                    "resignations.",
                    plan.untyped,
                )
                % {"count": f"{plan.untyped:,}"}
            )

    def _list(self, lines: list[str], everything: bool) -> None:
        if lines:
            self.stdout.write(_listed(lines, everything))


def _listed(lines: list[str], everything: bool) -> str:
    shown = lines if everything else lines[:SHOWN]
    listed = [f"  {line}" for line in shown]
    if len(lines) > len(shown):
        listed.append(
            "  "
            + _("… and %(count)s more (--list-all lists them all)")
            % {"count": f"{len(lines) - len(shown):,}"}
        )
    return "\n".join(listed)


def _errors(plan: Plan, everything: bool) -> str:
    """The rejected rows, then each unknown value once with the mapping that would read it."""
    parts = [_("Errors:"), _listed([error.line() for error in plan.errors], everything)]
    unknown = plan.unknown_values
    if unknown:
        parts.append(_("Values not recognised; map each to one of its codes:"))
        lines = [
            ngettext(
                '%(column)s: "%(value)s" in %(count)s row: add %(hint)s',
                '%(column)s: "%(value)s" in %(count)s rows: add %(hint)s',
                len(found.rows),
            )
            % {
                "column": found.column,
                "value": found.value,
                "count": f"{len(found.rows):,}",
                "hint": found.hint(),
            }
            for found in unknown
        ]
        parts.append(_listed(lines, everything=True))
    return "\n".join(parts)


def _failure(plan: Plan, everything: bool, dry_run: bool) -> str:
    rejected = len(plan.rejected)
    counts = {"count": f"{rejected:,}"}
    if dry_run:
        first = ngettext(
            "Dry run: %(count)s row is rejected, so this file would import nothing.",
            "Dry run: %(count)s rows are rejected, so this file would import nothing.",
            rejected,
        )
    else:
        first = ngettext(
            "%(count)s row is rejected, so nothing was imported.",
            "%(count)s rows are rejected, so nothing was imported.",
            rejected,
        )
    advice = _(
        "Correct the file or map its values (--map-values), or import only the valid rows "
        "with --skip-bad-rows."
    )
    return "\n".join([first % counts, _errors(plan, everything), advice])


def _next_to(file: Path) -> Path:
    return file.with_name(f"{file.stem}.rejected.csv")


def _write_rejected(plan: Plan, path: Path) -> None:
    try:
        write_rejected_rows(plan, path)
    except OSError as error:
        raise CommandError(
            _("Cannot write %(path)s: %(reason)s") % {"path": path, "reason": error.strerror}
        ) from None


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
