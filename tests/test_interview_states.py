"""The interview's state table (Interview.TRANSITIONS): every allowed transition works, every
other one is refused by the service with its own message, and the pages and the API show that
same message. One departure is brought to each state through the services themselves."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone, translation

from exitlens.core.models import AuditEntry, Departure, Interview
from exitlens.core.services import interviews, invitations, sealing
from exitlens.core.services.interviews import REFUSALS, REFUSED_IN, TransitionRefused
from exitlens.staff.views.interviews import interview_panel_context
from tests.conftest import login
from tests.test_api_support import Api, error_of, make_key

State = Interview.State
Action = Interview.Action
TRANSITIONS = Interview.TRANSITIONS
STATES = list(State)
# Their services take an interview: with none, they cannot even be asked (the pages ask
# `interviews.check` for the departure instead, tested with the routes below).
NEEDS_AN_INTERVIEW = (
    Action.CHANGE_CONFIDENTIALITY,
    Action.ANSWER,
    Action.DISCARD_DRAFT,
    Action.SUBMIT,
    Action.COMPLETE,
)
# Done by services/sealing.py to completed anonymous interviews only (tested below).
SYSTEM_ONLY = (Action.DETACH,)


def _schedule(departure, hr, level="confidential") -> Interview:
    return interviews.schedule_interview(
        departure,
        interviewer=hr,
        scheduled_at=timezone.now() + timedelta(days=1),
        meeting_place="Room 4.12",
        confidentiality=level,
        by=hr,
    )


def bring_to(state: str, departure: Departure, hr) -> Interview | None:
    """The departure's interview in `state`, reached through the services (None for NONE)."""
    self_service = Interview.Mode.SELF_SERVICE
    if state == State.NONE:
        return None
    if state == State.RESPONDED:
        interview = interviews.get_or_create_interview(
            departure, mode=self_service, confidentiality="anonymous"
        )
        interviews.save_answers(interview, {"reason": "Gone."})
        interviews.submit_interview(interview)
        departure.refresh_from_db()
        return interview
    if state in (State.INVITED, State.DRAFT):
        interview = interviews.get_or_create_interview(
            departure, mode=self_service, confidentiality="confidential"
        )
    elif state == State.PREPARED:
        interview = interviews.get_or_create_interview(
            departure, mode=Interview.Mode.INTERVIEWER, confidentiality="confidential"
        )
    else:
        interview = _schedule(departure, hr)
    if state in (State.DRAFT, State.IN_PROGRESS, State.COMPLETED):
        interviews.save_answers(interview, {"reason": "The rota."})
    if state == State.COMPLETED:
        interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)
    interview.refresh_from_db()
    return interview


def state_now(departure: Departure) -> str:
    departure.refresh_from_db()
    return Interview.state_for(departure, interviews.interview_of(departure))


def perform(action: str, departure: Departure, interview: Interview | None, hr) -> None:
    """`action` through the service every route calls for it."""
    level = interview.confidentiality if interview else "confidential"
    if action == Action.INVITE:
        invitations.send_invitation(departure, by=hr, confidentiality=level)
    elif action == Action.SCHEDULE:
        _schedule(departure, hr, level)
    elif action == Action.CONDUCT:
        interviews.conduct_interview(
            departure, {"reason": "Said in person."}, {}, shown_level=level, by=hr
        )
    elif action == Action.ANSWER:
        interviews.save_answers(interview, {"reason": "More."})
    elif action == Action.DISCARD_DRAFT:
        interviews.discard_draft(interview, address="someone.else@example.org")
    elif action == Action.CHANGE_CONFIDENTIALITY:
        interviews.change_confidentiality(interview, "anonymous", by=hr)
    elif action == Action.SUBMIT:
        interviews.submit_interview(interview)
    elif action == Action.COMPLETE:
        interviews.complete_interview(interview, outcome="retained", by=hr)
    else:
        raise AssertionError(action)


def _allowed() -> list[tuple[str, str]]:
    return [
        (action, state)
        for action, table in TRANSITIONS.items()
        if action not in SYSTEM_ONLY
        for state in table
    ]


def _refused() -> list[tuple[str, str]]:
    return [
        (action, state)
        for action in Action
        if action not in SYSTEM_ONLY
        for state in STATES
        if state not in TRANSITIONS[action]
        and not (state == State.NONE and action in NEEDS_AN_INTERVIEW)
    ]


def _reason(action: str, state: str) -> str:
    return str(REFUSALS.get(action, {}).get(state) or REFUSED_IN[state])


# The table itself


def test_every_action_has_a_row_and_leads_to_a_state():
    assert set(TRANSITIONS) == set(Action)
    for table in TRANSITIONS.values():
        assert set(table) <= set(STATES)
        assert set(table.values()) <= set(STATES)


def test_every_refusal_has_its_own_reason():
    for action in Action:
        if action in SYSTEM_ONLY:
            continue
        for state in STATES:
            if state not in TRANSITIONS[action]:
                assert _reason(action, state).strip(), (action, state)


def test_the_reasons_are_only_for_refused_transitions():
    for action, reasons in REFUSALS.items():
        assert not set(reasons) & set(TRANSITIONS[action]), action


def test_nothing_leaves_a_finished_interview_but_a_repeated_submit():
    for action, table in TRANSITIONS.items():
        for state in Interview.FINISHED:
            if state in table:
                assert (action, table[state]) in (
                    (Action.SUBMIT, state),
                    (Action.DETACH, State.RESPONDED),
                )


def test_no_one_but_the_leaver_takes_a_draft_further():
    takes_it = {action for action, table in TRANSITIONS.items() if State.DRAFT in table}
    # Completing a draft was always allowed to the service (the conduct page cannot reach it).
    assert takes_it == {
        Action.INVITE,
        Action.ANSWER,
        Action.DISCARD_DRAFT,
        Action.CHANGE_CONFIDENTIALITY,
        Action.SUBMIT,
        Action.COMPLETE,
    }
    assert not Interview.allows(Action.SCHEDULE, State.DRAFT)
    assert not Interview.allows(Action.CONDUCT, State.DRAFT)


# One way to tell the state


@pytest.mark.parametrize("state", STATES)
def test_the_state_is_told_alike_by_model_database_and_panel(state, departure, hr, rf):
    bring_to(state, departure, hr)

    departure.refresh_from_db()
    in_database = (
        Departure.objects.annotate(state=Interview.state_expression())
        .values_list("state", flat=True)
        .get(pk=departure.pk)
    )
    request = rf.get("/")
    request.user = hr
    panel = interview_panel_context(request, departure)

    assert state_now(departure) == state
    assert in_database == state
    assert panel["panel_state"] == state


# Every allowed transition works


@pytest.mark.parametrize(("action", "state"), _allowed())
def test_an_allowed_transition_leads_where_the_table_says(action, state, departure, hr):
    interview = bring_to(state, departure, hr)

    perform(action, departure, interview, hr)

    assert state_now(departure) == TRANSITIONS[action][state]


def test_an_anonymous_interview_is_detached_once_completed(departure, hr):
    interview = _schedule(departure, hr, "anonymous")
    interviews.save_answers(interview, {"reason": "Not in front of my name."})
    interviews.complete_interview(interview, outcome="exit_confirmed", by=hr)

    assert state_now(departure) == TRANSITIONS[Action.DETACH][State.COMPLETED]
    assert not Interview.objects.filter(departure=departure).exists()


@pytest.mark.parametrize("state", Interview.OPEN)
def test_an_open_anonymous_interview_is_never_detached(state, departure, hr):
    interview = bring_to(state, departure, hr)
    interviews.change_confidentiality(interview, "anonymous", by=hr)

    assert sealing.close_submitted_drafts() == 0
    assert state_now(departure) == state


# Every other transition is refused by the service, with its reason, and changes nothing


@pytest.mark.parametrize(("action", "state"), _refused())
def test_a_refused_transition_says_why_and_changes_nothing(
    action, state, departure, hr, mailoutbox
):
    interview = bring_to(state, departure, hr)
    audited = AuditEntry.objects.count()
    sent = len(mailoutbox)

    with pytest.raises(TransitionRefused) as refusal:
        perform(action, departure, interview, hr)

    assert str(refusal.value) == _reason(action, state)
    assert refusal.value.action == action
    assert state_now(departure) == state
    assert AuditEntry.objects.count() == audited
    assert len(mailoutbox) == sent


@pytest.mark.parametrize("action", NEEDS_AN_INTERVIEW)
def test_the_table_refuses_an_interview_that_does_not_exist(action):
    with pytest.raises(TransitionRefused, match="There is no interview yet"):
        interviews.refuse_unless(action, State.NONE)


def test_a_refusal_is_told_in_the_language_of_the_moment(departure, hr):
    bring_to(State.COMPLETED, departure, hr)

    with translation.override("nl"), pytest.raises(TransitionRefused) as refusal:
        interviews.check(departure, Action.SCHEDULE)

    assert str(refusal.value) != _reason(Action.SCHEDULE, State.COMPLETED)


# Every route shows the service's reason and no other


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("state", [s for s in STATES if not Interview.allows(Action.INVITE, s)])
def test_the_invite_page_and_the_api_show_the_services_refusal(
    state, client, departure, hr, admin, mailoutbox
):
    bring_to(state, departure, hr)
    login(client, hr)
    sent = len(mailoutbox)

    page = client.post(f"/departures/{departure.code}/invite/", {"confidentiality": "anonymous"})
    api = Api(client, make_key(admin, role="hr", scope="write"))
    error = error_of(api.post(f"/api/v1/departures/{departure.code}/invitations/"), 409)

    assert _messages(page) == [_reason(Action.INVITE, state)]
    assert error["message"] == _reason(Action.INVITE, state)
    assert len(mailoutbox) == sent
    assert state_now(departure) == state


@pytest.mark.parametrize("state", [s for s in STATES if not Interview.allows(Action.SCHEDULE, s)])
def test_the_schedule_page_shows_the_services_refusal(state, client, departure, hr):
    bring_to(state, departure, hr)
    login(client, hr)

    response = client.get(f"/departures/{departure.code}/schedule/")

    assert response.status_code == 302
    assert _messages(response) == [_reason(Action.SCHEDULE, state)]


@pytest.mark.parametrize(
    "state",
    [s for s in STATES if not Interview.allows(Action.CHANGE_CONFIDENTIALITY, s)],
)
def test_the_confidentiality_form_shows_the_services_refusal(state, client, departure, hr):
    bring_to(state, departure, hr)
    login(client, hr)

    response = client.post(
        f"/departures/{departure.code}/confidentiality/", {"confidentiality": "anonymous"}
    )

    assert response.status_code == 302
    assert _messages(response) == [_reason(Action.CHANGE_CONFIDENTIALITY, state)]
    assert state_now(departure) == state


@pytest.mark.parametrize("state", [s for s in STATES if not Interview.allows(Action.CONDUCT, s)])
def test_the_conduct_page_shows_the_services_refusal(state, client, departure, hr):
    bring_to(state, departure, hr)
    login(client, hr)

    response = client.get(f"/departures/{departure.code}/conduct/")

    assert response.status_code == 302
    if state == State.COMPLETED:  # its answers are what there is to see
        assert response.url == f"/departures/{departure.code}/answers/"
        assert _messages(response) == []
    else:
        assert response.url == f"/departures/{departure.code}/"
        assert _messages(response) == [_reason(Action.CONDUCT, state)]
