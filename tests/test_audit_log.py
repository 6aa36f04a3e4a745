from django.urls import reverse

from exitlens.core.models import AuditEntry
from exitlens.core.services.audit import record_audit
from tests.conftest import login

URL = reverse("audit_log")


def test_it_sends_an_anonymous_visitor_to_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_hides_the_log_from_hr_and_viewers(client, hr, viewer):
    login(client, hr)
    assert client.get(URL).status_code == 404
    login(client, viewer)
    assert client.get(URL).status_code == 404


def test_it_refuses_an_inactive_user(client, outsider):
    login(client, outsider)
    assert client.get(URL).status_code == 302


def test_it_shows_entries_with_their_data(client, admin, hr):
    record_audit(
        hr, "departure.changed", "departure x (<b>Lotte</b>)", fields=["job_title", "outcome"]
    )
    record_audit(None, "interview.submitted", "departure y", reason="self-service")
    login(client, admin)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "hanna" in html
    assert "departure.changed" in html
    assert "&lt;b&gt;Lotte&lt;/b&gt;" in html
    assert "<b>Lotte</b>" not in html
    assert "fields:</dt> <dd>job_title, outcome</dd>" in html
    assert "reason:</dt> <dd>self-service</dd>" in html
    assert "system or leaver" in html


def test_it_filters_by_action_prefix_and_actor(client, admin, hr):
    record_audit(hr, "departure.changed", "a")
    record_audit(hr, "interview.viewed", "b")
    record_audit(admin, "departure.deleted", "c")
    login(client, admin)

    def subjects(params):
        return [entry.subject for entry in client.get(URL, params).context["page"].object_list]

    assert subjects({"action": "departure."}) == ["c", "a"]
    assert subjects({"actor": "hanna"}) == ["b", "a"]
    assert subjects({"action": "departure", "actor": "alice"}) == ["c"]
    assert subjects({"actor": "nobody"}) == ["user alice", "c", "b", "a"]  # with the sign-in
    assert "Select a valid choice" in client.get(URL, {"actor": "nobody"}).content.decode()


def test_it_pages_a_hundred_entries(client, admin):
    AuditEntry.objects.bulk_create(
        AuditEntry(action="test.entry", subject=f"entry {number}") for number in range(150)
    )
    login(client, admin)
    response = client.get(URL)
    assert len(response.context["page"].object_list) == 100
    assert client.get(URL, {"page": "9"}).context["page"].number == 2
    assert client.get(URL, {"page": "x"}).context["page"].number == 1
