"""`exitlens insights export`: the dashboard's figures as JSON, CSV, XLSX or a PDF report.
`exitlens insights summarise`: rebuild the leavers' summaries the figures count (after data
was loaded by hand, or an upgrade that added what the summaries hold)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from exitlens.core import spreadsheets
from exitlens.insights import summaries
from exitlens.insights.exports import FORMATS, export_insights
from exitlens.insights.filters import (
    DIMENSIONS,
    FILTER_NAMES,
    GRANULARITIES,
    InsightFilterForm,
)

TEXT_FORMATS = ("json", "csv")
FILTER_OPTIONS = ("start", "end", *FILTER_NAMES, "by", "granularity")


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")


class Command(BaseCommand):
    help = "Export the insights: every figure of the dashboard, for the filters given."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True)
        export = commands.add_parser(
            "export", help="Write the dashboard's figures as JSON, CSV, XLSX or a PDF report."
        )
        export.add_argument("--format", required=True, choices=FORMATS)
        export.add_argument(
            "--output", type=Path, help="File to write (default: stdout; needed for xlsx and pdf)"
        )
        export.add_argument("--start", help="First day of the period, YYYY-MM-DD")
        export.add_argument("--end", help="Last day of the period, YYYY-MM-DD")
        export.add_argument("--department", help="Department id (its sub-departments count too)")
        export.add_argument("--manager", help="Manager id")
        export.add_argument("--job-title")
        export.add_argument("--location")
        export.add_argument("--age-band")
        export.add_argument("--tenure-band", help="<1, 1-2, 2-5, 5-10 or 10+")
        export.add_argument("--departure-type", help="resignation, dismissal, end_of_contract, …")
        export.add_argument("--regrettable", choices=["yes", "no"])
        export.add_argument("--by", help=", ".join(key for key, label in DIMENSIONS))
        export.add_argument("--granularity", help=", ".join(key for key, label in GRANULARITIES))
        summarise = commands.add_parser(
            "summarise",
            help="Summarise every completed interview without a summary, so the figures count it.",
        )
        summarise.add_argument(
            "--all", action="store_true", help="Rebuild every summary, not only the missing ones."
        )

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"_{action}")(**options)

    def _export(self, format, output=None, **options):
        if format not in FORMATS:
            raise CommandError(_("Unknown format: %(format)s") % {"format": format})
        output = Path(output) if output else None  # call_command() skips argparse's types
        if output is None and format not in TEXT_FORMATS:
            raise CommandError(
                _("A %(format)s export needs --output FILE: it cannot go to the terminal.")
                % {"format": format}
            )
        form = InsightFilterForm(
            {
                name: str(options[name])
                for name in FILTER_OPTIONS
                if options.get(name) not in (None, "")
            }
        )
        if not form.is_valid():
            raise CommandError(_filter_errors(form))
        filters = form.filters()
        insights, content = export_insights(filters, format, by=None, via="command line")
        if insights.withheld:
            self.stderr.write(insights.withheld_reason)
        if output:
            if isinstance(content, bytes):
                output.write_bytes(content)
            else:
                output.write_text(content, encoding="utf-8")
            self.stderr.write(_("Wrote the insights to %(path)s.") % {"path": output})
        else:
            self.stdout.write(content.removeprefix(spreadsheets.BOM), ending="")

    def _summarise(self, all=False, **options):
        done = summaries.summarise_all() if all else summaries.summarise_missing()
        self.stderr.write(_("Summarised %(n)s completed interviews.") % {"n": done})


def _filter_errors(form: InsightFilterForm) -> str:
    lines = [_("The filters are not valid:")]
    for name, errors in form.errors.items():
        where = option_name(name) if name in form.fields else _("filters")
        lines.extend(f"  {where}: {error}" for error in errors)
    return "\n".join(lines)
