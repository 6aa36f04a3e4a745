from django.contrib.auth import views as auth_views
from django.urls import path, register_converter

from exitlens.staff.views import (
    account,
    admin,
    answers,
    cases,
    coding,
    departures,
    home,
    imports,
    interviews,
    questionnaire,
    rejected_rows,
)


class SignedIntConverter:
    """Whole numbers that may be negative: anonymised answers have random negative ids."""

    regex = "-?[0-9]+"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(SignedIntConverter, "signed")

urlpatterns = [
    path("", home.home, name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="staff/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/", account.account, name="account"),
    # Departures (HR)
    path("departures/", departures.departure_list, name="departure_list"),
    path("departures/new/", departures.departure_create, name="departure_create"),
    path("departures/import/", imports.departure_import, name="departure_import"),
    path(
        "departures/import/rejected/<str:token>/",
        rejected_rows.departure_import_rejected,
        name="departure_import_rejected",
    ),
    path("departures/<uuid:code>/", departures.departure_detail, name="departure_detail"),
    path("departures/<uuid:code>/edit/", departures.departure_edit, name="departure_edit"),
    path("departures/<uuid:code>/delete/", departures.departure_delete, name="departure_delete"),
    # Interviews (HR)
    path("departures/<uuid:code>/invite/", interviews.invite, name="invite"),
    path("departures/<uuid:code>/schedule/", interviews.schedule, name="schedule"),
    path(
        "departures/<uuid:code>/confidentiality/",
        interviews.confidentiality,
        name="confidentiality",
    ),
    path("departures/<uuid:code>/conduct/", interviews.conduct, name="conduct"),
    path("departures/<uuid:code>/answers/", answers.answers, name="answers"),
    path("anonymous/", answers.anonymous_list, name="anonymous_list"),
    path("anonymous/<uuid:interview_id>/", answers.anonymous_detail, name="anonymous_detail"),
    # Questionnaire (HR)
    path("questionnaire/", questionnaire.questionnaire_detail, name="questionnaire"),
    path("questionnaire/edit/", questionnaire.questionnaire_edit, name="questionnaire_edit"),
    # Theme coding (HR)
    path("coding/", coding.coding_queue, name="coding_queue"),
    path("coding/<signed:answer_id>/review/", coding.coding_review, name="coding_review"),
    path("coding/learn/", coding.coding_learn, name="coding_learn"),
    # The list of sensitive answers became the disclosure cases.
    path("coding/sensitive/", coding.coding_sensitive, name="coding_sensitive"),
    # Disclosure cases (HR staff who handle cases)
    path("cases/", cases.case_list, name="case_list"),
    path("cases/<uuid:code>/", cases.case_detail, name="case_detail"),
    path("cases/<uuid:code>/take/", cases.case_take, name="case_take"),
    path("cases/<uuid:code>/assign/", cases.case_assign, name="case_assign"),
    path("cases/<uuid:code>/category/", cases.case_category, name="case_category"),
    path("cases/<uuid:code>/notes/", cases.case_note, name="case_note"),
    path("cases/<uuid:code>/refer/", cases.case_refer, name="case_refer"),
    path("cases/<uuid:code>/close/", cases.case_close, name="case_close"),
    path("cases/<uuid:code>/reopen/", cases.case_reopen, name="case_reopen"),
    # Administration
    path("administration/", admin.administration, name="administration"),
    path("audit/", admin.audit_log, name="audit_log"),
    path("users/", admin.user_list, name="user_list"),
    path("users/new/", admin.user_create, name="user_create"),
    path("users/<str:username>/", admin.user_edit, name="user_edit"),
]
