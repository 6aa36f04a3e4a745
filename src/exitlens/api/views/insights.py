"""The insights as data: the dashboard's figures for the same filters, for both token roles.
Every figure on fewer people than the minimum group size is null, as is every figure a view
withholds (exitlens.insights.disclosure), and quotes (unattributed, from
confidential or anonymous answers, in views of enough leavers) appear as viewers see them on the
dashboard: only those HR approved (exitlens.insights.quotes), for both roles."""

from rest_framework.response import Response

from exitlens.api.filters import InsightQueryForm
from exitlens.api.models import ApiToken
from exitlens.api.schema import document
from exitlens.api.serializers.insights import InsightsSerializer
from exitlens.api.views.base import ApiView
from exitlens.insights import serialise
from exitlens.insights.figures import compute


class Insights(ApiView):
    required_role = ApiToken.Role.VIEWER
    query_forms = {"GET": InsightQueryForm}

    @document(
        operation_id="insights_read",
        tags=["insights"],
        summary="Read the insights for the dashboard's filters",
        description=(
            "The same filters as the insights dashboard (without any, the last twelve months). "
            "Unattributed quotes as viewers see them on the dashboard, for both roles: only "
            "those HR approved, with names, e-mail addresses and phone numbers taken out "
            "(`[name]`, `[e-mail]`, `[phone]`). Periods count in whole "
            "months; when this view would differ from a nearby one (one filter or one edge of "
            "the period apart) by fewer than the minimum group size, its departure or leaver "
            "figures are null and `withheld` and `withheld_reason` say so. "
            "Written to the audit log as an export of the insights."
        ),
        responses=InsightsSerializer,
    )
    def get(self, request):
        filters = self.query_form.filters()
        found = serialise.as_dict(compute(filters))
        self.audit(
            "insights.exported",
            "insights",
            format="json",
            dataset="insights",
            query=filters.query(),
        )
        return Response(found)
