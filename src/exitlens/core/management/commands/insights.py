"""`exitlens insights export`: the dashboard's figures as JSON, CSV, XLSX or a PDF report."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from exitlens.core.services.audit import record_audit
from exitlens.insights import serialise
from exitlens.insights.figures import Insights, compute
from exitlens.insights.filters import (
    DIMENSIONS,
    FILTER_NAMES,
    GRANULARITIES,
    InsightFilterForm,
)

FORMATS = ("json", "csv", "xlsx", "pdf")
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
        insights = compute(filters)
        content = render(insights, format)
        if insights.withheld:
            self.stderr.write(insights.withheld_reason)
        if output:
            if isinstance(content, bytes):
                output.write_bytes(content)
            else:
                output.write_text(content, encoding="utf-8")
            self.stderr.write(_("Wrote the insights to %(path)s.") % {"path": output})
        else:
            self.stdout.write(content.removeprefix(serialise.BOM), ending="")
        record_audit(
            None,
            "insights.exported",
            "insights",
            format=format,
            dataset="insights",
            query=filters.query(),
            via="command line",
        )


def render(insights: Insights, format: str) -> str | bytes:
    if format == "json":
        return json.dumps(serialise.as_dict(insights), ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        return serialise.to_csv(serialise.tables(insights))
    if format == "xlsx":
        return serialise.to_xlsx(serialise.tables(insights))
    from exitlens.insights.report import render_pdf  # WeasyPrint loads only when needed

    return render_pdf(insights)


def _filter_errors(form: InsightFilterForm) -> str:
    lines = [_("The filters are not valid:")]
    for name, errors in form.errors.items():
        where = option_name(name) if name in form.fields else _("filters")
        lines.extend(f"  {where}: {error}" for error in errors)
    return "\n".join(lines)
