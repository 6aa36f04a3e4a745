from django.urls import include, path, re_path

from exitlens.api.errors import not_found_response
from exitlens.api.views import (
    departures,
    docs,
    insights,
    interviews,
    invitations,
    organisation,
    themes,
    tokens,
)

v1 = [
    path("departments/", organisation.DepartmentList.as_view(), name="api_departments"),
    path("managers/", organisation.ManagerList.as_view(), name="api_managers"),
    path("departures/", departures.DepartureList.as_view(), name="api_departures"),
    path("departures/<str:code>/", departures.DepartureDetail.as_view(), name="api_departure"),
    path(
        "departures/<str:code>/invitations/",
        invitations.DepartureInvitations.as_view(),
        name="api_invitations",
    ),
    path(
        "departures/<str:code>/interview/",
        interviews.DepartureInterview.as_view(),
        name="api_departure_interview",
    ),
    path(
        "departures/<str:code>/interview/answers/",
        interviews.DepartureAnswers.as_view(),
        name="api_departure_answers",
    ),
    path("interviews/", interviews.InterviewList.as_view(), name="api_interviews"),
    path(
        "anonymous-interviews/",
        interviews.AnonymousInterviewList.as_view(),
        name="api_anonymous_interviews",
    ),
    path(
        "anonymous-interviews/<str:interview_id>/",
        interviews.AnonymousInterviewDetail.as_view(),
        name="api_anonymous_interview",
    ),
    path("themes/", themes.ThemeList.as_view(), name="api_themes"),
    path("insights/", insights.Insights.as_view(), name="api_insights"),
    path("schema/", docs.SchemaView.as_view(), name="api_schema"),
    path("docs/", docs.DocsView.as_view(), name="api_docs"),
    re_path(r"^(?P<path>.*)$", not_found_response),
]

urlpatterns = [
    path("tokens/", tokens.token_list, name="api_tokens"),
    path("tokens/<uuid:code>/revoke/", tokens.token_revoke, name="api_token_revoke"),
    path("v1/", include(v1)),
]
