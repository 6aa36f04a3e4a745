import uuid

from django.urls import reverse

from exitlens.core.models import AuditEntry, Departure, Interview
from tests.conftest import login


def _url(departure) -> str:
    return reverse("departure_detail", args=[departure.code])


def test_it_sends_an_anonymous_visitor_to_login(client, departure):
    response = client.get(_url(departure))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_it_hides_the_departure_from_a_viewer(client, viewer, departure):
    login(client, viewer)
    assert client.get(_url(departure)).status_code == 404


def test_it_refuses_an_inactive_user(client, outsider, departure):
    login(client, outsider)
    assert client.get(_url(departure)).status_code == 302


def test_it_404s_for_an_unknown_code(client, hr, departure):
    login(client, hr)
    assert client.get(reverse("departure_detail", args=[uuid.uuid4()])).status_code == 404


def test_it_shows_the_facts(client, hr, departure):
    departure.destination = "A competitor"
    departure.eligible_for_rehire = True
    departure.save()
    login(client, hr)
    response = client.get(_url(departure))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Lotte Leaver",
        "Customer Service",
        "Mila Manager",
        "Service agent",
        "Utrecht",
        "lotte@work.example.org",
        "lotte@home.example.org",
        "Dutch",
        "Resignation",
        "A competitor",
        "HR-1001",
        "Open",
        "5-10",
    ):
        assert text in html, text
    assert reverse("departure_edit", args=[departure.code]) in html
    assert reverse("departure_delete", args=[departure.code]) in html


def test_it_shows_an_unknown_tenure_without_hire_date(client, admin, departure):
    departure.hire_date = None
    departure.save()
    login(client, admin)
    html = client.get(_url(departure)).content.decode()
    assert "Unknown" in html


def test_it_escapes_the_name(client, hr, departure):
    departure.full_name = "<b>x</b>"
    departure.save()
    login(client, hr)
    html = client.get(_url(departure)).content.decode()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_it_does_not_show_answers_or_audit_a_view(client, hr, departure, questionnaire_version):
    interview = Interview.objects.create(
        departure=departure,
        questionnaire_version=questionnaire_version,
        mode=Interview.Mode.SELF_SERVICE,
        confidentiality=Interview.Confidentiality.NAMED,
        status=Interview.Status.COMPLETED,
        language="nl",
    )
    question = questionnaire_version.questions.filter(kind="text").first()
    interview.answers.create(question=question, text="A secret reason to leave")
    login(client, hr)
    html = client.get(_url(departure)).content.decode()
    assert "A secret reason to leave" not in html
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()
    assert Departure.objects.filter(pk=departure.pk).exists()
