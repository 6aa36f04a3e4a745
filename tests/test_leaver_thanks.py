"""The thank-you page at /i/<token>/thanks/."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import Interview, Invitation
from exitlens.core.services import interviews


def url(token: str) -> str:
    return reverse("leaver:thanks", args=[token])


def submit(client, token: str, **values) -> None:
    response = client.post(
        reverse("leaver:interview", args=[token]),
        {"action": "submit", "promise": "confidential", **values},
    )
    assert response.status_code == 302


@pytest.fixture
def interview(leaver_invitation) -> Interview:
    return leaver_invitation.interview


def test_it_thanks_the_leaver_after_submission(client, leaver_token):
    submit(client, leaver_token, reason="The commute")
    response = client.get(url(leaver_token), {"lang": "en"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Thank you for your answers" in content
    assert "We have received your answers" in content
    assert "separated from your name" not in content
    assert "The commute" not in content
    assert '<html lang="en">' in content


def test_it_speaks_the_leavers_language(client, leaver_token):
    submit(client, leaver_token, reason="x")
    content = client.get(url(leaver_token)).content.decode()
    assert '<html lang="nl">' in content
    content = client.get(url(leaver_token), {"lang": "de"}).content.decode()
    assert '<html lang="de">' in content


def test_it_ignores_an_unknown_language(client, leaver_token):
    submit(client, leaver_token, reason="x")
    response = client.get(url(leaver_token), {"lang": "klingon"})
    assert response.status_code == 200
    assert '<html lang="nl">' in response.content.decode()


def test_it_says_anonymous_answers_are_separated_from_the_name(client, leaver_token, interview, hr):
    interviews.change_confidentiality(interview, "anonymous", by=hr)
    client.get(reverse("leaver:interview", args=[leaver_token]), {"lang": "en"})
    response = client.post(
        reverse("leaver:interview", args=[leaver_token]),
        {"action": "submit", "promise": "anonymous", "reason": "Quietly"},
        follow=True,
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith(url(leaver_token))
    assert '<html lang="en">' in content  # the language chosen before submission
    assert "separated from your name for good" in content
    assert "Quietly" not in content


def test_it_sends_an_unfinished_interview_back_to_the_questions(client, leaver_token):
    response = client.get(url(leaver_token))
    assert response.status_code == 302
    assert response["Location"] == reverse("leaver:interview", args=[leaver_token])


def test_it_shows_the_expired_page_for_an_unfinished_expired_link(
    client, leaver_token, leaver_invitation
):
    Invitation.objects.filter(pk=leaver_invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(url(leaver_token), follow=True)
    assert response.status_code == 410
    assert "We have received your answers" not in response.content.decode()


@pytest.mark.parametrize("token", ["A" * 43, "nope"])
def test_it_gives_a_404_for_an_unknown_token(client, leaver_token, token):
    response = client.get(url(token))
    assert response.status_code == 404
    assert "Thank you" not in response.content.decode()


def test_it_is_never_cached_and_keeps_the_link_out_of_referrers(client, leaver_token):
    submit(client, leaver_token, reason="x")
    response = client.get(url(leaver_token))
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
