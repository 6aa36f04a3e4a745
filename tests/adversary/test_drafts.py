"""Attack: HR reads or changes a leaver's unsubmitted draft through every route it has."""

import pytest
from django.test import Client
from django.urls import reverse

from exitlens.core.models import AuditEntry, Departure
from exitlens.core.services import invitations
from tests.conftest import login
from tests.test_api_support import Api, make_key

DRAFT = "Draft-secret-5521: my team lead made my life hard"


def _token(mailoutbox) -> str:
    return mailoutbox[-1].body.split("/i/")[1].split("/")[0]


@pytest.fixture(params=["named", "confidential", "anonymous"])
def draft(request, departure, hr, mailoutbox):
    """The leaver opened their link and saved a draft answer."""
    invitations.send_invitation(departure, by=hr, confidentiality=request.param)
    token = _token(mailoutbox)
    leaver = Client()
    url = reverse("leaver:interview", args=[token])
    leaver.get(url)
    response = leaver.post(url, {"action": "save", "promise": request.param, "reason": DRAFT})
    assert response.status_code == 302
    return departure


def test_a_new_link_to_another_address_does_not_open_the_draft(client, hr, draft, mailoutbox):
    """HR sets the personal e-mail to their own address and sends a new invitation."""
    login(client, hr)
    draft.personal_email = "hanna@example.org"
    draft.save()
    invitations.send_invitation(draft, by=hr, confidentiality=draft.interview.confidentiality)
    stolen = Client()
    url = reverse("leaver:interview", args=[_token(mailoutbox)])

    page = stolen.get(url)
    assert page.status_code == 409
    assert DRAFT not in page.content.decode()
    refused = stolen.post(url, {"action": "save", "reason": "Overwritten"})
    assert DRAFT not in refused.content.decode()
    assert draft.interview.answers.get(question__key="reason").text == DRAFT

    stolen.post(url, {"action": "start_afresh"})
    assert not draft.interview.answers.filter(text=DRAFT).exists()  # deleted unread
    assert AuditEntry.objects.filter(action="interview.draft_discarded").exists()


def test_the_hr_answers_page_and_the_api_do_not_show_a_draft(client, hr, admin, draft):
    login(client, hr)
    page = client.get(reverse("answers", args=[draft.code]))
    assert page.status_code == 404
    assert DRAFT not in page.content.decode()
    api = Api(client, make_key(admin, role="hr", scope="read"))
    response = api.get(f"/api/v1/departures/{draft.code}/interview/answers/")
    assert response.status_code == 404
    assert DRAFT not in response.content.decode()


def test_an_interviewer_cannot_take_the_draft_over(client, hr, draft):
    login(client, hr)
    scheduled = client.post(
        reverse("schedule", args=[draft.code]),
        {
            "interviewer": hr.pk,
            "scheduled_at": "2026-12-01T10:00",
            "meeting_place": "Room 1",
            "confidentiality": draft.interview.confidentiality,
        },
    )
    assert scheduled.status_code == 302
    conduct = client.get(reverse("conduct", args=[draft.code]), follow=True)
    assert DRAFT not in conduct.content.decode()
    draft.refresh_from_db()
    assert draft.interview.mode == "self_service"


def test_an_address_change_is_audited_from_every_route(client, hr, admin, departure):
    login(client, hr)
    api = Api(client, make_key(admin, role="hr", scope="write"))
    api.patch(f"/api/v1/departures/{departure.code}/", {"personal_email": "api@example.org"})
    entry = AuditEntry.objects.get(action="departure.address_changed")
    assert entry.data == {
        "field": "personal_email",
        "old": "lotte@home.example.org",
        "new": "api@example.org",
        "via": "api",
    }
    assert Departure.objects.get(pk=departure.pk).personal_email == "api@example.org"
