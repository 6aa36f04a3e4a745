"""The coding review queue: which answers HR checks, in which order, the verdicts and learning."""

import re
from datetime import date

import pytest

from exitlens.core.models import (
    Answer,
    AnswerTheme,
    AuditEntry,
    Departure,
    Interview,
    LearnedModel,
)
from exitlens.core.services import coding, interviews
from tests.conftest import login

pytestmark = pytest.mark.real_analyser

QUEUE = "/coding/"
LEARN = "/coding/learn/"


@pytest.fixture
def learning_dir(settings, tmp_path):
    """`learn` writes its model here, not where the rest of the test session codes from."""
    coding.analyzer()  # the base model, from the session's data dir
    settings.DATA_DIR = tmp_path
    yield tmp_path
    coding.forget_analyzer()


def _leaver(department, name: str) -> Departure:
    return Departure.objects.create(
        full_name=name,
        personal_email=f"{name.split()[0].lower()}@home.example.org",
        language="en",
        department=department,
        hire_date=date(2020, 1, 1),
        leave_date=date(2026, 10, 31),
    )


def _completed(departure, notes=None, level="confidential", **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    interviews.save_answers(interview, values, notes)
    return interviews.submit_interview(interview)


def _answer(interview, key="reason") -> Answer:
    return Answer.objects.get(interview=interview, question__key=key)


def _review_url(answer) -> str:
    return f"/coding/{answer.pk}/review/"


def _queued(response) -> list[Answer]:
    return [item["answer"] for item in response.context["items"]]


def test_it_sends_anonymous_visitors_to_login(client, departure, learning_dir):
    answer = _answer(_completed(departure, reason="The pay was too low."))

    for response in (
        client.get(QUEUE),
        client.post(_review_url(answer), {"pay": "negative"}),
        client.post(LEARN),
    ):
        assert response.status_code == 302
        assert response.url.startswith("/login/")
    answer.refresh_from_db()
    assert answer.reviewed_at is None
    assert not answer.themes.filter(source=AnswerTheme.Source.HUMAN).exists()
    assert not LearnedModel.objects.exists()
    assert not AuditEntry.objects.filter(action__in=["answer.reviewed", "themes.learned"]).exists()


def test_it_hides_the_queue_from_viewers(client, viewer, departure, learning_dir):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    login(client, viewer)

    assert client.get(QUEUE).status_code == 404
    assert client.post(_review_url(answer), {"pay": "negative"}).status_code == 404
    assert client.post(LEARN).status_code == 404
    answer.refresh_from_db()
    assert answer.reviewed_at is None
    assert not LearnedModel.objects.exists()
    assert not AuditEntry.objects.filter(action__in=["answer.reviewed", "themes.learned"]).exists()


def test_it_treats_an_inactive_account_as_signed_out(client, outsider, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    client.force_login(outsider)

    assert client.get(QUEUE).status_code == 302
    assert client.post(_review_url(answer), {"pay": "negative"}).status_code == 302
    answer.refresh_from_db()
    assert answer.reviewed_at is None


def test_it_lists_the_least_certain_answers_first(client, hr, admin, departure, department):
    first = _completed(departure, reason="The pay was too low.", attraction="Nice colleagues.")
    second = _completed(_leaver(department, "Bram Bos"), reason="My commute took two hours.")
    Answer.objects.filter(pk=_answer(first).pk).update(certainty=0.9)
    Answer.objects.filter(pk=_answer(first, "attraction").pk).update(certainty=0.1)
    Answer.objects.filter(pk=_answer(second).pk).update(certainty=0.5)

    for user in (hr, admin):
        login(client, user)
        response = client.get(QUEUE)

        assert response.status_code == 200
        assert _queued(response) == [
            _answer(first, "attraction"),
            _answer(second),
            _answer(first),
        ]
        assert "3 answers to review" in response.content.decode()


def test_it_leaves_out_what_needs_no_review(client, hr, departure, department):
    done = _completed(departure, reason="The pay was too low.", attraction="The team.", recommend=3)
    coding.review_answer(_answer(done, "attraction"), {}, sensitive=False, by=hr)
    unfinished = interviews.get_or_create_interview(
        _leaver(department, "Bram Bos"), mode=Interview.Mode.SELF_SERVICE, confidentiality="named"
    )
    interviews.save_answers(unfinished, {"reason": "Still typing about my manager."})
    uncoded = _completed(_leaver(department, "Cor Cox"), reason="Nobody coded this.")
    Answer.objects.filter(interview=uncoded).update(certainty=None)
    login(client, hr)

    response = client.get(QUEUE)

    assert _queued(response) == [_answer(done)]
    assert "1 answer to review" in response.content.decode()


def test_it_never_shows_who_answered(client, hr, departure):
    _completed(departure, level="named", reason="My manager never listened to me.")
    login(client, hr)

    page = client.get(QUEUE).content.decode()

    assert "My manager never listened to me." in page
    assert "Lotte" not in page
    assert "Leaver" not in page
    assert "lotte@" not in page
    assert str(departure.code) not in page
    assert "/answers/" not in page


def test_it_shows_the_answer_and_preselects_the_models_verdict(client, hr, departure):
    interview = _completed(
        departure,
        notes={"reason": "Spoke about the salary twice."},
        reason="The salary was far too low and I was harassed by a colleague.",
    )
    answer = _answer(interview)
    tags = list(answer.themes.filter(source=AnswerTheme.Source.MODEL))
    assert tags, "the model tags this answer"
    assert answer.sensitive
    login(client, hr)

    response = client.get(QUEUE)

    page = response.content.decode()
    assert answer.question.prompt_in("en") in page
    assert "The salary was far too low and I was harassed by a colleague." in page
    assert "Spoke about the salary twice." in page
    assert "Possible sensitive disclosure" in page
    form = response.context["items"][0]["form"]
    for tag in tags:
        assert form[tag.theme].value() == tag.polarity
        assert re.search(
            rf'<input type="radio" name="{tag.theme}" value="{tag.polarity}"[^>]*checked', page
        )
        assert f"({tag.score:.2f})" in page
    assert re.search(r'<input type="checkbox" name="sensitive"[^>]*checked', page)
    assert page.count('<fieldset class="theme-choice">') == 14


def test_it_shows_the_prompt_in_the_users_language(client, hr, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    hr.language = "nl"
    hr.save()
    login(client, hr)

    page = client.get(QUEUE).content.decode()

    assert answer.question.prompt_in("nl") in page
    assert "Salaris &amp; arbeidsvoorwaarden" in page


def test_it_escapes_what_was_typed(client, hr, departure):
    _completed(departure, reason="<script>alert('x')</script>\nSecond line")
    login(client, hr)

    page = client.get(QUEUE).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;\nSecond line" in page


def test_it_shows_twenty_answers_a_page(client, hr, departure, department):
    texts = {
        "attraction": "The friendly team.",
        "expectations": "More training than I got.",
        "reason": "The pay was too low.",
        "retention": "A raise.",
        "liked_most": "My colleagues.",
        "liked_least": "The long commute.",
    }
    for index, leaver in enumerate(
        [departure] + [_leaver(department, f"Person {n} Test") for n in range(3)]
    ):
        _completed(leaver, **{key: f"{text} ({index})" for key, text in texts.items()})
    login(client, hr)

    first = client.get(QUEUE)
    second = client.get(QUEUE, {"page": 2})

    assert len(_queued(first)) == 20
    assert len(_queued(second)) == 4
    assert set(_queued(first)).isdisjoint(_queued(second))
    assert "24 answers to review" in first.content.decode()


def test_it_stores_the_reviewers_verdict(client, hr, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    model_tags = set(answer.themes.values_list("theme", "polarity", "source"))
    login(client, hr)

    response = client.post(
        _review_url(answer),
        {"pay": "negative", "manager": "positive", "culture": "none", "page": "1"},
    )

    assert response.status_code == 302
    assert response.url == QUEUE
    answer.refresh_from_db()
    assert answer.reviewed_by == hr
    assert answer.reviewed_at is not None
    assert not answer.sensitive
    effective = {(tag.theme, tag.polarity, tag.source) for tag in coding.effective_tags(answer)}
    assert effective == {("pay", "negative", "human"), ("manager", "positive", "human")}
    assert model_tags <= set(answer.themes.values_list("theme", "polarity", "source"))
    entry = AuditEntry.objects.get(action="answer.reviewed")
    assert entry.actor == hr
    assert entry.data == {"themes": ["manager", "pay"]}
    messages = [str(m) for m in client.get(QUEUE).context["messages"]]
    assert messages == ["Review saved. The answer has left the queue."]


def test_it_takes_a_reviewed_answer_out_of_the_queue(client, hr, departure):
    interview = _completed(departure, reason="The pay was too low.", attraction="The team.")
    login(client, hr)
    client.post(_review_url(_answer(interview)), {"pay": "negative", "sensitive": "on"})

    response = client.get(QUEUE)

    assert _queued(response) == [_answer(interview, "attraction")]
    assert "The pay was too low." not in response.content.decode()
    assert _answer(interview).sensitive


def test_it_returns_to_the_page_the_reviewer_was_on(client, hr, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    login(client, hr)

    response = client.post(_review_url(answer), {"pay": "negative", "page": "2"})

    assert response.url == "/coding/?page=2"


def test_it_rejects_a_verdict_that_is_not_offered(client, hr, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    login(client, hr)

    response = client.post(_review_url(answer), {"pay": "awful"}, follow=True)

    answer.refresh_from_db()
    assert answer.reviewed_at is None
    assert not answer.themes.filter(source=AnswerTheme.Source.HUMAN).exists()
    assert not AuditEntry.objects.filter(action="answer.reviewed").exists()
    assert "The review could not be saved" in response.content.decode()


def test_it_404s_for_answers_it_may_not_review(client, hr, departure, department):
    unfinished = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(unfinished, {"reason": "Not submitted yet."})
    scale = _completed(_leaver(department, "Bram Bos"), reason="Pay.", recommend=3)
    login(client, hr)

    assert client.post(_review_url(_answer(unfinished)), {"pay": "negative"}).status_code == 404
    assert client.post(_review_url(_answer(scale, "recommend")), {}).status_code == 302
    assert client.post("/coding/999999/review/", {"pay": "negative"}).status_code == 404
    assert not Answer.objects.filter(reviewed_at__isnull=False).exists()


def test_review_and_learn_only_accept_post(client, hr, departure):
    answer = _answer(_completed(departure, reason="The pay was too low."))
    login(client, hr)

    assert client.get(_review_url(answer)).status_code == 405
    assert client.get(LEARN).status_code == 405


def test_it_learns_from_the_reviews(client, hr, departure, learning_dir):
    interview = _completed(departure, reason="The pay was too low.", attraction="The team.")
    answer = _answer(interview)
    login(client, hr)
    client.post(_review_url(answer), {"pay": "negative", "manager": "negative"})
    tags_before = set(AnswerTheme.objects.values_list("answer_id", "theme", "polarity", "source"))

    response = client.post(LEARN, follow=True)

    assert response.redirect_chain == [(QUEUE, 302)]
    assert LearnedModel.objects.get().reviewed_answers == 1
    assert "The model learned from 1 reviewed answer." in response.content.decode()
    assert "exitlens themes recode" in response.content.decode()
    assert (
        set(AnswerTheme.objects.values_list("answer_id", "theme", "polarity", "source"))
        == tags_before
    )
    answer.refresh_from_db()
    assert {t.theme for t in coding.effective_tags(answer)} == {"pay", "manager"}
    entry = AuditEntry.objects.get(action="themes.learned")
    assert entry.actor == hr
    assert entry.data == {"reviewed_answers": 1}
