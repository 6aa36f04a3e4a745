"""Attack: lower the promise after the leaver read it, or change it under their feet."""

import pytest
from django.test import Client
from django.urls import reverse

from exitlens.core.models import AuditEntry, Interview, SealedResponse
from exitlens.core.services import interviews
from tests.conftest import login


@pytest.fixture
def anonymous(leaver_invitation, hr) -> Interview:
    return interviews.change_confidentiality(leaver_invitation.interview, "anonymous", by=hr)


def test_hr_cannot_lower_the_level_once_the_leaver_has_read_it(
    client, hr, departure, anonymous, leaver_token
):
    leaver = Client()
    assert (
        "separated from your name for good"
        in leaver.get(
            reverse("leaver:interview", args=[leaver_token]), {"lang": "en"}
        ).content.decode()
    )
    login(client, hr)

    client.post(reverse("confidentiality", args=[departure.code]), {"confidentiality": "named"})
    with pytest.raises(interviews.InterviewError):
        interviews.change_confidentiality(anonymous, "named", by=hr)

    anonymous.refresh_from_db()
    assert anonymous.confidentiality == "anonymous"
    lowered = AuditEntry.objects.filter(
        action="interview.confidentiality_changed", data__new="named"
    )
    assert not lowered.exists()


def test_a_submission_under_another_promise_is_refused_and_the_new_one_shown(
    leaver_invitation, leaver_token, hr
):
    """HR raises the level while the leaver answers: the old page's submission is refused,
    the page shows the new text with the answers kept in the form, and nothing is stored."""
    url = reverse("leaver:interview", args=[leaver_token])
    leaver = Client()
    leaver.get(url, {"lang": "en"})  # confidential, as the invitation said
    interviews.change_confidentiality(leaver_invitation.interview, "anonymous", by=hr)

    response = leaver.post(
        url, {"action": "submit", "promise": "confidential", "reason": "Under the old promise"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "separated from your name for good" in page
    assert "Under the old promise" in page
    assert 'name="promise" value="anonymous"' in page
    interview = Interview.objects.get(pk=leaver_invitation.interview.pk)
    assert interview.status == Interview.Status.NOT_STARTED
    assert not interview.answers.exists()

    again = leaver.post(
        url, {"action": "submit", "promise": "anonymous", "reason": "Under the new promise"}
    )
    assert again.status_code == 302
    assert SealedResponse.objects.count() == 1


def test_an_autosave_under_another_promise_saves_nothing(leaver_invitation, leaver_token, hr):
    url = reverse("leaver:interview", args=[leaver_token])
    leaver = Client()
    leaver.get(url)
    interviews.change_confidentiality(leaver_invitation.interview, "anonymous", by=hr)

    response = leaver.post(
        url,
        {"action": "save", "promise": "confidential", "reason": "Typed before the change"},
        headers={"X-Requested-With": "fetch"},
    )

    assert response.status_code == 409
    assert response.json()["promise_changed"] is True
    assert not leaver_invitation.interview.answers.exists()
