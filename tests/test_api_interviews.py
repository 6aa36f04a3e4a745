"""Interview status, answers, anonymous interviews, coded themes and invitations over the API.
Answers are for HR tokens only, reading them is audited, and anonymous ones name nobody."""

from datetime import date

import pytest
from django.utils import timezone

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    AuditEntry,
    Departure,
    Interview,
    Invitation,
)
from exitlens.core.services.audit import departure_subject
from exitlens.core.services.questionnaires import current_version
from tests.anonymous import release_alone
from tests.test_api_support import Api, error_of, make_key

NAMED_TEXT = "I left because the rota changed every single week."
ANONYMOUS_TEXT = "Nobody ever asked how the team was doing, honestly."


@pytest.fixture
def hr_api(client, admin):
    return Api(client, make_key(admin, role="hr", scope="write"))


@pytest.fixture
def hr_reader(client, admin):
    return Api(client, make_key(admin, role="hr", scope="read", name="Reader"))


@pytest.fixture
def viewer_api(client, admin):
    return Api(client, make_key(admin, role="viewer", scope="write", name="Viewer"))


def _interview(departure, confidentiality: str, **fields) -> Interview:
    return Interview.objects.create(
        departure=departure,
        questionnaire_version=current_version(),
        mode=Interview.Mode.SELF_SERVICE,
        confidentiality=confidentiality,
        language="en",
        **fields,
    )


def _answer(interview, key: str, **fields) -> Answer:
    question = interview.questionnaire_version.questions.get(key=key)
    return Answer.objects.create(interview=interview, question=question, **fields)


def _complete(interview) -> Interview:
    now = timezone.now()
    departure = interview.departure
    Interview.objects.filter(pk=interview.pk).update(
        status=Interview.Status.COMPLETED,
        started_at=now,
        completed_at=now,
        department_id=departure.department_id,
        tenure_band=departure.tenure_band,
        leave_quarter=departure.leave_quarter,
        completed_quarter="2026-Q4",
    )
    interview.refresh_from_db()
    return interview


@pytest.fixture
def named(departure):
    """Lotte's completed named interview: a coded reason, a main reason and a score."""
    interview = _interview(departure, "named")
    reason = _answer(interview, "reason", text=NAMED_TEXT, note="Said calmly.", certainty=0.4)
    AnswerTheme.objects.create(answer=reason, theme="workload", polarity="negative", score=0.8)
    AnswerTheme.objects.create(answer=reason, theme="pay", polarity="negative", score=0.6)
    AnswerChoice.objects.create(answer=_answer(interview, "main_reason"), value="workload")
    _answer(interview, "expectations_met", number=2)
    return _complete(interview)


@pytest.fixture
def anonymous(department):
    """Another leaver's anonymous interview, detached from its departure."""
    leaver = Departure.objects.create(
        full_name="Anna Anoniem",
        personal_email="anna@home.example.org",
        department=department,
        leave_date=date(2026, 9, 30),
        hire_date=date(2019, 9, 1),
    )
    interview = _interview(leaver, "anonymous")
    text = _answer(interview, "liked_least", text=ANONYMOUS_TEXT, certainty=0.9)
    AnswerTheme.objects.create(answer=text, theme="manager", polarity="negative", score=0.7)
    anonymous = release_alone(_complete(interview))
    return leaver, anonymous


# Status


def test_it_lists_the_interview_status_per_departure(hr_api, named, anonymous):
    leaver, _interview = anonymous
    Departure.objects.create(
        full_name="No Interview", department=leaver.department, leave_date=date(2026, 1, 1)
    )

    page = hr_api.get("/api/v1/interviews/").json()

    assert page["count"] == 2
    by_code = {item["departure"]: item for item in page["results"]}
    lotte = by_code[str(named.departure.code)]
    assert lotte["status"] == "completed"
    assert lotte["mode"] == "self_service"
    assert lotte["confidentiality"] == "named"
    assert lotte["anonymised"] is False
    assert lotte["completed_at"] is not None
    assert by_code[str(leaver.code)] == {
        "departure": str(leaver.code),
        "status": "completed",
        "mode": None,
        "confidentiality": "anonymous",
        "anonymised": True,
        "scheduled_at": None,
        "started_at": None,
        "completed_at": None,
    }


def test_it_filters_the_interview_status(hr_api, named, anonymous, department):
    leaver, _anonymous = anonymous
    started = Departure.objects.create(
        full_name="Bram Bezig", department=department, leave_date=date(2026, 2, 1)
    )
    _interview(started, "confidential", status=Interview.Status.IN_PROGRESS)

    def codes(**params):
        return {i["departure"] for i in hr_api.get("/api/v1/interviews/", params).json()["results"]}

    assert codes(status="completed") == {str(named.departure.code), str(leaver.code)}
    assert codes(status="in_progress") == {str(started.code)}
    assert codes(confidentiality="anonymous") == {str(leaver.code)}
    assert codes(mode="self_service") == {str(named.departure.code), str(started.code)}
    assert error_of(hr_api.get("/api/v1/interviews/", {"status": "done"}), 400)["fields"] == {
        "status": ["Select a valid choice. done is not one of the available choices."]
    }


def test_it_reads_one_departures_interview_status(hr_reader, named, departure):
    response = hr_reader.get(f"/api/v1/departures/{departure.code}/interview/")

    assert response.status_code == 200
    assert response.json()["status"] == "completed"


def test_a_departure_without_interview_has_no_status(hr_api, departure):
    error = error_of(hr_api.get(f"/api/v1/departures/{departure.code}/interview/"), 404)
    assert "no interview" in error["message"]


# Answers


def test_hr_reads_a_named_interviews_answers_and_it_is_audited(hr_reader, named, departure):
    response = hr_reader.get(f"/api/v1/departures/{departure.code}/interview/answers/")

    assert response.status_code == 200
    body = response.json()
    assert body["interview"]["confidentiality"] == "named"
    answers = {answer["question"]: answer for answer in body["answers"]}
    assert len(answers) == named.questionnaire_version.questions.count()
    reason = answers["reason"]
    assert reason["text"] == NAMED_TEXT
    assert reason["note"] == "Said calmly."
    assert reason["kind"] == "text"
    assert reason["prompt"]
    assert [(t["theme"], t["polarity"], t["source"]) for t in reason["themes"]] == [
        ("workload", "negative", "model"),
        ("pay", "negative", "model"),
    ]
    assert answers["main_reason"]["choices"] == ["workload"]
    assert answers["expectations_met"]["number"] == 2
    assert answers["liked_most"]["id"] is None
    entry = AuditEntry.objects.get(action="interview.viewed")
    assert entry.subject == departure_subject(departure)
    assert entry.actor.username == "alice"
    assert entry.data["api_token"].endswith("(Reader)")


def test_the_answers_show_hrs_tags_once_reviewed(hr_api, named, departure, hr):
    reason = named.answers.get(question__key="reason")
    AnswerTheme.objects.create(
        answer=reason, theme="scheduling", polarity="negative", source="human"
    )
    Answer.objects.filter(pk=reason.pk).update(reviewed_at=timezone.now(), reviewed_by=hr)

    body = hr_api.get(f"/api/v1/departures/{departure.code}/interview/answers/").json()

    (reason,) = [a for a in body["answers"] if a["question"] == "reason"]
    assert reason["reviewed"] is True
    assert [(t["theme"], t["source"], t["score"]) for t in reason["themes"]] == [
        ("scheduling", "human", None)
    ]


def test_no_answers_are_linked_to_an_anonymised_departure(hr_api, anonymous):
    leaver, _interview = anonymous

    response = hr_api.get(f"/api/v1/departures/{leaver.code}/interview/answers/")

    error = error_of(response, 404)
    assert "Anonymous" in error["message"]
    assert ANONYMOUS_TEXT not in response.content.decode()
    assert not AuditEntry.objects.filter(action="interview.viewed").exists()


def test_nobody_reads_an_unfinished_anonymous_interview(hr_api, departure):
    interview = _interview(departure, "anonymous", status=Interview.Status.IN_PROGRESS)
    _answer(interview, "reason", text=NAMED_TEXT)

    response = hr_api.get(f"/api/v1/departures/{departure.code}/interview/answers/")

    assert error_of(response, 404)
    assert NAMED_TEXT not in response.content.decode()
    themes = hr_api.get("/api/v1/themes/").json()
    assert themes["count"] == 0


def test_a_departure_without_interview_has_no_answers(hr_api, departure):
    assert error_of(hr_api.get(f"/api/v1/departures/{departure.code}/interview/answers/"), 404)


# Anonymous interviews


def test_it_lists_anonymous_interviews_without_identity(hr_api, anonymous, department):
    leaver, interview = anonymous

    response = hr_api.get("/api/v1/anonymous-interviews/")

    assert response.json()["results"] == [
        {
            "id": str(interview.id),
            "department": department.pk,
            "department_name": "Customer Service",
            "tenure_band": "5-10",
            "leave_quarter": "2026-Q3",
        }
    ]
    text = response.content.decode()
    for identity in (str(leaver.code), leaver.full_name, leaver.personal_email):
        assert identity not in text


def test_hr_reads_an_anonymous_interview_and_it_is_audited(hr_api, anonymous):
    leaver, interview = anonymous

    response = hr_api.get(f"/api/v1/anonymous-interviews/{interview.id}/")

    assert response.status_code == 200
    body = response.json()
    assert body["interview"]["id"] == str(interview.id)
    (liked_least,) = [a for a in body["answers"] if a["question"] == "liked_least"]
    assert liked_least["text"] == ANONYMOUS_TEXT
    assert liked_least["themes"][0]["theme"] == "manager"
    text = response.content.decode()
    assert str(leaver.code) not in text and leaver.full_name not in text
    entry = AuditEntry.objects.get(action="interview.viewed")
    assert entry.subject == f"anonymous interview {interview.id}"


@pytest.mark.parametrize("interview_id", ["66827e4f-0ec3-439f-8afc-c0ab41b306ad", "nope", "-1"])
def test_an_unknown_anonymous_interview_is_a_404(hr_api, anonymous, interview_id):
    assert error_of(hr_api.get(f"/api/v1/anonymous-interviews/{interview_id}/"), 404)


def test_a_named_interview_is_not_an_anonymous_one(hr_api, named):
    assert error_of(hr_api.get(f"/api/v1/anonymous-interviews/{named.id}/"), 404)


# Themes


def test_it_lists_the_coded_themes_per_answer(hr_api, named, anonymous, departure):
    _leaver, interview = anonymous

    response = hr_api.get("/api/v1/themes/")

    assert response.status_code == 200
    items = {item["question"]: item for item in response.json()["results"]}
    assert set(items) == {"reason", "liked_least"}
    assert items["reason"]["departure"] == str(departure.code)
    assert items["reason"]["anonymous_interview"] is None
    assert [t["theme"] for t in items["reason"]["themes"]] == ["workload", "pay"]
    assert items["liked_least"]["departure"] is None
    assert items["liked_least"]["anonymous_interview"] == str(interview.id)
    assert NAMED_TEXT not in response.content.decode()
    entry = AuditEntry.objects.get(action="data.exported")
    assert entry.data["dataset"] == "themes"


def test_it_filters_the_coded_themes(hr_api, named, anonymous, departure):
    _leaver, interview = anonymous

    def questions(**params):
        return [i["question"] for i in hr_api.get("/api/v1/themes/", params).json()["results"]]

    assert questions(theme="manager") == ["liked_least"]
    assert questions(theme="pay") == ["reason"]
    assert questions(departure=str(departure.code)) == ["reason"]
    assert questions(anonymous_interview=str(interview.id)) == ["liked_least"]
    assert questions(anonymous_interview=str(named.id)) == []
    assert list(error_of(hr_api.get("/api/v1/themes/", {"theme": "x"}), 400)["fields"]) == ["theme"]


# Invitations


def test_it_sends_an_invitation_through_the_service(hr_api, departure, admin, mailoutbox):
    url = f"/api/v1/departures/{departure.code}/invitations/"

    response = hr_api.post(url, {"confidentiality": "confidential"})

    assert response.status_code == 201
    assert response.json()["sent_to"] == "lotte@home.example.org"
    assert response.json()["status"] == "open"
    invitation = Invitation.objects.get()
    assert invitation.sent_by == admin
    assert invitation.interview.confidentiality == "confidential"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lotte@home.example.org"]
    entry = AuditEntry.objects.get(action="invitation.sent")
    assert entry.actor == admin
    listed = hr_api.get(url).json()
    assert listed["count"] == 1
    assert listed["results"][0]["sent_to"] == "lotte@home.example.org"


def test_an_invitation_without_a_level_promises_the_default(
    hr_api, departure, settings, mailoutbox
):
    settings.EXITLENS_DEFAULT_CONFIDENTIALITY = "anonymous"

    response = hr_api.post(f"/api/v1/departures/{departure.code}/invitations/", raw="")

    assert response.status_code == 201
    assert Interview.objects.get().confidentiality == "anonymous"


@pytest.mark.parametrize(
    ("body", "field"),
    [({"confidentiality": "secret"}, "confidentiality"), ({"to": "x@example.org"}, "to")],
)
def test_an_invalid_invitation_is_a_400(hr_api, departure, mailoutbox, body, field):
    error = error_of(hr_api.post(f"/api/v1/departures/{departure.code}/invitations/", body), 400)

    assert list(error["fields"]) == [field]
    assert mailoutbox == []


def test_an_invitation_that_cannot_be_sent_is_a_409(hr_api, departure, named, mailoutbox):
    error = error_of(hr_api.post(f"/api/v1/departures/{departure.code}/invitations/"), 409)

    assert error["code"] == "conflict"
    assert "completed" in error["message"]
    assert mailoutbox == []


def test_an_invitation_without_an_address_is_a_409(hr_api, department, mailoutbox):
    silent = Departure.objects.create(
        full_name="No Mail", department=department, leave_date=date(2026, 1, 1)
    )
    error = error_of(hr_api.post(f"/api/v1/departures/{silent.code}/invitations/"), 409)
    assert "e-mail address" in error["message"]
    assert not Invitation.objects.exists()


def test_a_promise_cannot_get_weaker_once_the_leaver_began(hr_api, departure, mailoutbox):
    _interview(departure, "anonymous", status=Interview.Status.IN_PROGRESS)

    response = hr_api.post(
        f"/api/v1/departures/{departure.code}/invitations/", {"confidentiality": "named"}
    )

    assert error_of(response, 409)
    assert Interview.objects.get().confidentiality == "anonymous"
    assert mailoutbox == []


def test_an_interviewer_led_interview_cannot_become_self_service(hr_api, departure, mailoutbox):
    _interview(departure, "named", status=Interview.Status.IN_PROGRESS)
    Interview.objects.update(mode=Interview.Mode.INTERVIEWER)
    error = error_of(hr_api.post(f"/api/v1/departures/{departure.code}/invitations/"), 409)
    assert "interviewer" in error["message"]


def test_a_read_token_cannot_send_invitations(hr_reader, departure, mailoutbox):
    response = hr_reader.post(f"/api/v1/departures/{departure.code}/invitations/")
    assert error_of(response, 403)["code"] == "read_only_token"
    assert mailoutbox == []


# A viewer token never sees an individual


def test_a_viewer_token_never_sees_an_answer_or_a_name(
    viewer_api, named, anonymous, departure, mailoutbox
):
    _leaver, interview = anonymous
    paths = [
        "/api/v1/interviews/",
        "/api/v1/managers/",
        "/api/v1/anonymous-interviews/",
        f"/api/v1/anonymous-interviews/{interview.id}/",
        f"/api/v1/departures/{departure.code}/interview/",
        f"/api/v1/departures/{departure.code}/interview/answers/",
        f"/api/v1/departures/{departure.code}/invitations/",
        "/api/v1/themes/",
    ]
    responses = [viewer_api.get(path) for path in paths]
    responses.append(viewer_api.post(f"/api/v1/departures/{departure.code}/invitations/"))
    for response in responses:
        assert error_of(response, 403)["code"] == "role_forbidden"
        text = response.content.decode()
        for secret in (NAMED_TEXT, ANONYMOUS_TEXT, "Lotte", "Anna", "Mila", str(departure.code)):
            assert secret not in text
    assert not AuditEntry.objects.filter(action__in=["interview.viewed", "data.exported"]).exists()
    assert mailoutbox == []
