"""Sensitive disclosures: the HR list, and the highlight and themes on the answers pages."""

from datetime import date

from exitlens.core.models import Answer, AuditEntry, Departure, Interview
from exitlens.core.services import coding, interviews
from tests.anonymous import release_sealed
from tests.conftest import login

SENSITIVE = "/coding/sensitive/"
HARASSED = "My manager sexually harassed me."
HIGHLIGHT = (
    "Possible sensitive disclosure: harassment, discrimination, safety or misconduct. "
    "Follow your organisation's procedure."
)


def _leaver(department, name: str, leave_date=date(2026, 10, 31)) -> Departure:
    return Departure.objects.create(
        full_name=name,
        personal_email=f"{name.split()[0].lower()}@home.example.org",
        language="en",
        department=department,
        hire_date=date(2020, 1, 1),
        leave_date=leave_date,
    )


def _completed(departure, level="confidential", notes=None, **values) -> Interview:
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality=level
    )
    interviews.save_answers(interview, values, notes)
    submitted = interviews.submit_interview(interview)
    if level == "anonymous":
        (submitted,) = release_sealed()
    return submitted


def _listed(response) -> list[Answer]:
    return [item["answer"] for item in response.context["items"]]


def test_it_sends_anonymous_visitors_to_login(client, departure):
    _completed(departure, reason=HARASSED)

    response = client.get(SENSITIVE)

    assert response.status_code == 302
    assert response.url.startswith("/login/")
    assert not AuditEntry.objects.filter(action="coding.sensitive_viewed").exists()


def test_it_hides_the_list_from_viewers_and_inactive_accounts(client, viewer, outsider, departure):
    _completed(departure, reason=HARASSED)
    login(client, viewer)

    response = client.get(SENSITIVE)

    assert response.status_code == 404
    assert HARASSED not in response.content.decode()
    client.force_login(outsider)
    assert client.get(SENSITIVE).status_code == 302
    assert not AuditEntry.objects.filter(action="coding.sensitive_viewed").exists()


def test_it_lists_sensitive_answers_with_a_link_to_the_interview(client, hr, admin, departure):
    interview = _completed(
        departure, reason=HARASSED, attraction="The friendly team.", liked_least="The pay."
    )
    harassed = Answer.objects.get(interview=interview, question__key="reason")
    assert harassed.sensitive

    for user in (hr, admin):
        login(client, user)
        response = client.get(SENSITIVE)

        assert response.status_code == 200
        assert _listed(response) == [harassed]
        page = response.content.decode()
        assert HARASSED in page
        assert harassed.question.prompt_in("en") in page
        assert f'href="/departures/{departure.code}/answers/"' in page
        assert "The friendly team." not in page
    entries = AuditEntry.objects.filter(action="coding.sensitive_viewed").order_by("id")
    assert [e.actor for e in entries] == [hr, admin]
    assert entries[0].subject == "sensitive answers"
    assert entries[0].data == {"page": 1, "answers": 1, "shown": [harassed.pk]}


def test_it_links_anonymous_answers_to_the_anonymous_response(client, hr, departure):
    _completed(departure, level="anonymous", reason=HARASSED)
    anonymous = Interview.objects.get(departure__isnull=True)
    login(client, hr)

    response = client.get(SENSITIVE)

    page = response.content.decode()
    assert HARASSED in page
    assert f'href="/anonymous/{anonymous.id}/"' in page
    assert str(departure.code) not in page
    assert "Lotte" not in page


def test_it_leaves_out_unfinished_interviews_and_answers_cleared_by_review(
    client, hr, departure, department
):
    unfinished = interviews.get_or_create_interview(
        _leaver(department, "Bram Bos"), mode=Interview.Mode.SELF_SERVICE, confidentiality="named"
    )
    interviews.save_answers(unfinished, {"reason": "I was bullied every day."})
    cleared = _completed(departure, reason="The safety training was great.")
    answer = Answer.objects.get(interview=cleared, question__key="reason")
    coding.review_answer(answer, {"learning": "positive"}, sensitive=False, by=hr)
    flagged = _completed(_leaver(department, "Cor Cox"), reason="Too much work.")
    by_hand = Answer.objects.get(interview=flagged, question__key="reason")
    coding.review_answer(by_hand, {"workload": "negative"}, sensitive=True, by=hr)
    login(client, hr)

    response = client.get(SENSITIVE)

    assert _listed(response) == [by_hand]


def test_it_shows_the_latest_quarter_first(client, hr, departure, department):
    _completed(departure, reason=HARASSED)  # leaves 2026-Q4
    earlier = _completed(
        _leaver(department, "Bram Bos", leave_date=date(2026, 2, 1)),
        reason="My colleague threatened me.",
    )
    anonymous = _completed(
        _leaver(department, "Cor Cox"), level="anonymous", reason="I was bullied by my boss."
    )
    login(client, hr)

    listed = _listed(client.get(SENSITIVE))

    assert [a.interview.leave_quarter for a in listed] == ["2026-Q4", "2026-Q4", "2026-Q1"]
    assert listed[1].interview == anonymous, "anonymous ones come last within their quarter"
    assert listed[2].interview == earlier


def test_it_escapes_what_was_typed(client, hr, departure):
    _completed(departure, reason="<script>alert('x')</script> I was harassed.")
    login(client, hr)

    page = client.get(SENSITIVE).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; I was harassed." in page


def test_the_answers_page_shows_themes_and_the_highlight(client, hr, departure):
    interview = _completed(departure, reason=HARASSED, attraction="The friendly team.")
    harassed = Answer.objects.get(interview=interview, question__key="reason")
    tags = coding.effective_tags(harassed)
    assert tags
    login(client, hr)

    page = client.get(f"/departures/{departure.code}/answers/").content.decode()

    assert page.count(HIGHLIGHT) == 1
    assert 'class="callout callout-danger sensitive-callout"' in page
    assert page.index(HIGHLIGHT) < page.index(HARASSED)
    assert page.count('class="answer-themes"') == 2  # the two text answers, not the others
    for tag in tags:
        sign = "+" if tag.polarity == "positive" else "\N{MINUS SIGN}"
        assert f'<span class="theme-sign" aria-hidden="true">{sign}</span>' in page
    assert "Reviewed" not in page


def test_the_answers_page_shows_the_reviewers_tags(client, hr, departure):
    interview = _completed(departure, reason="The pay was too low.")
    answer = Answer.objects.get(interview=interview, question__key="reason")
    coding.review_answer(answer, {"career": "negative"}, sensitive=False, by=hr)
    login(client, hr)

    page = client.get(f"/departures/{departure.code}/answers/").content.decode()

    assert "Career growth" in page
    assert '<span class="visually-hidden">Problem:</span>' in page
    assert "✓ Reviewed" in page
    assert "Possible sensitive disclosure" not in page


def test_the_anonymous_response_shows_the_highlight(client, hr, departure):
    _completed(departure, level="anonymous", reason=HARASSED)
    anonymous = Interview.objects.get(departure__isnull=True)
    login(client, hr)

    page = client.get(f"/anonymous/{anonymous.id}/").content.decode()

    assert HIGHLIGHT in page
    assert 'class="answer-themes"' in page
