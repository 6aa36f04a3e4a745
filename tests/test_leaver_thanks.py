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


ADVISER = "Vertrouwenspersoon: Anna de Vries, 06-12345678, vertrouwenspersoon@example.org"


def test_it_names_the_confidential_adviser_to_report_misconduct_to(client, leaver_token, settings):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = ADVISER
    submit(client, leaver_token, reason="x")

    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()

    assert "Did you experience or witness misconduct?" in content
    assert "directly, in confidence, to:" in content
    assert ADVISER in content
    assert "nobody can ask you about them" not in content, "only said to anonymous leavers"


def test_without_an_adviser_it_points_to_hr(client, leaver_token, settings):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = ""
    settings.EXITLENS_HR_CONTACT = ""
    submit(client, leaver_token, reason="x")

    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()

    assert (
        "You can report harassment, discrimination, unsafe work or other misconduct directly to "
        "HR or to the confidential adviser of your organisation." in content
    )
    settings.EXITLENS_HR_CONTACT = "hr@example.org"
    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()
    assert "directly to HR (hr@example.org) or to the confidential adviser" in content


def test_it_tells_an_anonymous_leaver_to_report_it_themselves(
    client, leaver_token, interview, hr, settings
):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = ADVISER
    interviews.change_confidentiality(interview, "anonymous", by=hr)
    client.get(reverse("leaver:interview", args=[leaver_token]), {"lang": "en"})
    client.post(
        reverse("leaver:interview", args=[leaver_token]),
        {"action": "submit", "promise": "anonymous", "reason": "I was harassed."},
    )

    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()

    assert ADVISER in content
    assert "Your answers here are anonymous, so nobody can ask you about them." in content
    assert "I was harassed." not in content


def test_it_escapes_the_adviser_contact(client, leaver_token, settings):
    settings.EXITLENS_CONFIDENTIAL_ADVISER = "<b>Anna</b>"
    submit(client, leaver_token, reason="x")

    content = client.get(url(leaver_token), {"lang": "en"}).content.decode()

    assert "&lt;b&gt;Anna&lt;/b&gt;" in content
