"""Every staff URL, found from the URL configuration itself, refuses those who may not see it."""

import uuid

import pytest
from django.urls import URLPattern, get_resolver, reverse

from exitlens.core.models import Interview
from exitlens.core.services import interviews
from tests.anonymous import release_alone
from tests.conftest import login

OPEN_TO_EVERY_USER = {"login", "logout", "home", "account"}
ADMIN_ONLY = {
    "administration",
    "audit_log",
    "user_list",
    "user_create",
    "user_edit",
    "api_tokens",
    "api_token_revoke",
    "webhook_list",
    "webhook_create",
    "webhook_detail",
    "webhook_edit",
    "webhook_delete",
    "webhook_ping",
    "delivery_redeliver",
}
# Aggregated and above the threshold: management (viewers) may see these.
OPEN_TO_VIEWERS = {"insights", "insights_report", "insights_report_pdf", "insights_export"}


def _staff_url_names() -> list[str]:
    names = []
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "leaver":
            continue  # reached through a personal link, tested in test_leaver_*.py
        for entry in getattr(pattern, "url_patterns", [pattern]):
            if isinstance(entry, URLPattern) and entry.name:
                names.append(entry.name)
    return [name for name in names if name not in OPEN_TO_EVERY_USER]


STAFF_URLS = _staff_url_names()


@pytest.fixture
def url_for(departure, hr, admin):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"reason": "secret"})
    anonymous = release_alone(interview)
    kwargs = {
        "code": departure.code,
        "interview_id": anonymous.pk,
        "username": hr.username,
        "answer_id": anonymous.answers.first().pk,
        "format": "csv",
        "dataset": "answers",
        "webhook_id": uuid.uuid4(),  # the pages refuse before they look anything up
        "delivery_id": uuid.uuid4(),
        "token": "0" * 32,
    }

    def build(name: str) -> str:
        pattern = next(
            entry for entry in get_resolver().reverse_dict.getlist(name) if isinstance(entry, tuple)
        )
        params = pattern[0][0][1]
        return reverse(name, kwargs={param: kwargs[param] for param in params})

    return build


def test_the_list_covers_the_interview_pages():
    assert {"departure_detail", "answers", "conduct", "anonymous_detail"} <= set(STAFF_URLS)
    assert set(STAFF_URLS) >= ADMIN_ONLY


@pytest.mark.parametrize("name", STAFF_URLS)
def test_a_visitor_is_sent_to_log_in(client, url_for, name):
    response = client.get(url_for(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", sorted(set(STAFF_URLS) - OPEN_TO_VIEWERS))
def test_a_viewer_gets_not_found_on_every_staff_page(client, viewer, url_for, name):
    login(client, viewer)
    assert client.get(url_for(name)).status_code == 404
    assert client.post(url_for(name)).status_code == 404


@pytest.mark.parametrize("name", sorted(OPEN_TO_VIEWERS))
def test_a_viewer_sees_the_insights(client, viewer, url_for, name):
    login(client, viewer)
    assert client.get(url_for(name)).status_code == 200


@pytest.mark.parametrize("name", sorted(ADMIN_ONLY))
def test_hr_gets_not_found_on_admin_pages(client, hr, url_for, name):
    login(client, hr)
    assert client.get(url_for(name)).status_code == 404


def test_an_inactive_account_cannot_log_in(client, outsider):
    assert not login(client, outsider).session.get("_auth_user_id")
