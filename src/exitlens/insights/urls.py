from django.urls import path

from exitlens.insights.views import dashboard, exports, quotes, report

urlpatterns = [
    path("", dashboard.dashboard, name="insights"),
    path("report/", report.report, name="insights_report"),
    path("quotes/review/", quotes.review, name="insights_quote_review"),
    path("report.pdf", report.report_pdf, name="insights_report_pdf"),
    path("export.<str:format>", exports.insights_export, name="insights_export"),
    path("data/<str:dataset>.<str:format>", exports.data_export, name="insights_data_export"),
]
