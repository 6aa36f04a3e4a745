from django.urls import reverse

from exitlens.core.models import (
    Answer,
    AuditEntry,
    Departure,
    Interview,
    Invitation,
    InvitationLink,
)
from tests.conftest import login


def _url(departure) -> str:
    return reverse("departure_delete", args=[departure.code])


def _interview(version, departure=None, **fields):
    return Interview.objects.create(
        departure=departure,
        questionnaire_version=version,
        mode=Interview.Mode.SELF_SERVICE,
        status=Interview.Status.COMPLETED,
        language="nl",
        **fields,
    )


def test_it_sends_an_anonymous_visitor_to_login(client, departure):
    response = client.post(_url(departure))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert Departure.objects.filter(pk=departure.pk).exists()


def test_it_hides_the_page_from_a_viewer(client, viewer, departure):
    login(client, viewer)
    assert client.get(_url(departure)).status_code == 404
    assert client.post(_url(departure)).status_code == 404
    assert Departure.objects.filter(pk=departure.pk).exists()
    assert not AuditEntry.objects.exclude(action__startswith="auth.").exists()  # the sign-in


def test_it_asks_for_confirmation(client, hr, departure):
    login(client, hr)
    response = client.get(_url(departure))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lotte Leaver" in html
    assert 'method="post"' in html
    assert Departure.objects.filter(pk=departure.pk).exists()


def test_it_escapes_the_name_on_the_confirmation(client, hr, departure):
    departure.full_name = "<b>x</b>"
    departure.save()
    login(client, hr)
    html = client.get(_url(departure)).content.decode()
    assert "<b>x</b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html


def test_it_deletes_the_departure_and_audits_it(client, admin, departure):
    subject = f"departure {departure.code} (Lotte Leaver)"
    login(client, admin)
    response = client.post(_url(departure))
    assert response.status_code == 302
    assert response.url == reverse("departure_list")
    assert not Departure.objects.filter(pk=departure.pk).exists()
    entry = AuditEntry.objects.get(action="departure.deleted")
    assert entry.actor == admin
    assert entry.subject == subject
    assert "has been deleted" in client.get(response.url).content.decode()


def test_it_deletes_the_named_interview_and_invitations(
    client, hr, departure, leaver_invitation, questionnaire_version
):
    interview = leaver_invitation.interview
    question = questionnaire_version.questions.filter(kind="text").first()
    interview.answers.create(question=question, text="Why I left")
    login(client, hr)
    client.post(_url(departure))
    assert not Interview.objects.filter(pk=interview.pk).exists()
    assert not Answer.objects.exists()
    assert not Invitation.objects.exists()
    assert not InvitationLink.objects.exists()


def test_it_leaves_anonymous_interviews_alone(client, hr, departure, questionnaire_version):
    anonymous = _interview(
        questionnaire_version,
        confidentiality=Interview.Confidentiality.ANONYMOUS,
        department=departure.department,
    )
    departure.responded_anonymously = True
    departure.save()
    login(client, hr)
    response = client.get(_url(departure))
    assert "not linked to the departure" in response.content.decode()
    client.post(_url(departure))
    assert not Departure.objects.filter(pk=departure.pk).exists()
    assert Interview.objects.filter(pk=anonymous.pk).exists()


def test_it_rejects_other_methods(client, hr, departure):
    login(client, hr)
    assert client.put(_url(departure)).status_code == 405
    assert Departure.objects.filter(pk=departure.pk).exists()
