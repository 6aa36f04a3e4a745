"""services/sealing.py: anonymous interviews sealed at submission, released only in batches."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from exitlens.core import crypto
from exitlens.core.models import (
    AuditEntry,
    Department,
    Departure,
    Interview,
    Invitation,
    SealedResponse,
)
from exitlens.core.services import interviews, sealing
from tests.anonymous import released


def _sealed(department, leave_quarter, band="2-5", pk=None):
    payload = {"department": department, "leave_quarter": leave_quarter, "tenure_band": band}
    return sealing._Sealed(pk, payload, sealing.generalisations(payload, PARENTS))


SALES, EMEA, NORTH = 1, 2, 3
PARENTS = {SALES: EMEA, EMEA: None, NORTH: EMEA}


def test_generalisations_climb_from_what_was_given_to_the_whole_organisation():
    payload = {"department": SALES, "leave_quarter": "2026-Q3", "tenure_band": "2-5"}
    assert sealing.generalisations(payload, PARENTS) == [
        (SALES, "2026-Q3", "2-5"),
        (SALES, "2026-Q3", ""),
        (SALES, "2026", ""),
        (EMEA, "2026", ""),
        (None, "2026", ""),
        (None, "", ""),
    ]


def test_a_full_group_goes_out_with_its_own_segments():
    group = [_sealed(SALES, "2026-Q3") for _ in range(5)]
    assert sealing.plan_batches(group, 5) == {(SALES, "2026-Q3", "2-5"): group}


def test_small_groups_are_generalised_until_they_are_large_enough():
    waiting = [
        _sealed(SALES, "2026-Q1", "<1"),
        _sealed(SALES, "2026-Q2", "2-5"),
        _sealed(NORTH, "2026-Q3", "5-10"),
        _sealed(NORTH, "2026-Q4", "1-2"),
        _sealed(SALES, "2026-Q4", "10+"),
    ]
    batches = sealing.plan_batches(waiting, 5)
    assert list(batches) == [(EMEA, "2026", "")]
    assert sorted(map(id, batches[(EMEA, "2026", "")])) == sorted(map(id, waiting))


def test_fewer_than_the_minimum_never_go_out_however_coarse():
    waiting = [_sealed(SALES, "2026-Q1"), _sealed(NORTH, "2025-Q3"), _sealed(None, "")]
    assert sealing.plan_batches(waiting, 4) == {}


def test_every_planned_batch_reaches_the_minimum_and_uses_each_response_once():
    import random

    rng = random.Random(7)
    waiting = [
        _sealed(
            rng.choice([SALES, NORTH, EMEA, None]),
            rng.choice(["2025-Q4", "2026-Q1", "2026-Q2"]),
            rng.choice(["<1", "2-5", "10+"]),
        )
        for _ in range(60)
    ]
    batches = sealing.plan_batches(waiting, 5)
    members = [id(item) for group in batches.values() for item in group]
    assert len(members) == len(set(members))
    assert all(len(group) >= 5 for group in batches.values())
    assert len(members) > 40


def test_the_payload_is_encrypted_and_opens_with_a_fallback_key(settings):
    sealed = crypto.encrypt(b"Zebra-quartz")
    assert b"Zebra" not in sealed
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation-0123456789-abcdefghijklmnop"
    assert crypto.decrypt(sealed) == b"Zebra-quartz"
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(crypto.UndecryptableError):
        crypto.decrypt(sealed)


@pytest.fixture
def organisation(db):
    emea = Department.objects.create(name="EMEA")
    return {
        "Sales": Department.objects.create(name="Sales", parent=emea),
        "North": Department.objects.create(name="North", parent=emea),
    }


def _submit_anonymously(department, number, leave=date(2026, 5, 4)) -> Departure:
    departure = Departure.objects.create(
        full_name=f"Leaver {number}", department=department, leave_date=leave
    )
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"reason": f"Reason {number}"})
    interviews.submit_interview(interview, shown_level="anonymous")
    return departure


def test_submissions_stay_sealed_until_a_batch_is_full(organisation):
    for number in range(4):
        _submit_anonymously(organisation["Sales"], number)
        assert not released().exists()
        assert SealedResponse.objects.count() == number + 1
    _submit_anonymously(organisation["Sales"], 4)
    assert SealedResponse.objects.count() == 0
    assert released().count() == 5
    assert set(released().values_list("department", "leave_quarter")) == {
        (organisation["Sales"].pk, "2026-Q2")
    }
    assert Departure.objects.filter(responded_anonymously=True).count() == 5
    entry = AuditEntry.objects.get(action="anonymous.released")
    assert entry.data == {"released": 5, "batches": 1, "still_sealed": 0, "unreadable": 0}


def test_a_crash_between_sealing_and_detaching_is_finished_later(organisation, monkeypatch):
    monkeypatch.setattr(sealing, "close_submitted_drafts", lambda: 0)
    monkeypatch.setattr(sealing, "release_batches", lambda **kwargs: None)
    departure = _submit_anonymously(organisation["Sales"], 1)
    monkeypatch.undo()
    # Sealed, but the draft still hangs on its departure: nothing is lost, nothing shows.
    assert SealedResponse.objects.count() == 1
    assert Interview.objects.filter(departure=departure, status="completed").exists()

    assert sealing.close_submitted_drafts() == 1
    assert not Interview.objects.filter(departure=departure).exists()
    departure.refresh_from_db()
    assert departure.responded_anonymously
    assert not departure.invitations.filter(status=Invitation.Status.OPEN).exists()


def test_a_response_sealed_under_a_lost_key_is_kept_and_reported(organisation, settings):
    for number in range(5):
        _submit_anonymously(organisation["North"], number, leave=date(2026, 9, 1))
    released().delete()
    SealedResponse.objects.create(id="6c4cf94a-9b90-4c1f-8d4e-07a4e8b5a1f2", payload=b"x" * 40)
    out, err = StringIO(), StringIO()
    call_command("release_anonymous", stdout=out, stderr=err)
    assert "Released 0 anonymous interviews in 0 batches; 1 stay sealed." in out.getvalue()
    assert "1 sealed interviews cannot be opened" in err.getvalue()
    assert SealedResponse.objects.count() == 1


def test_released_interviews_alone_in_their_segments_are_sealed_again(organisation):
    with override_settings(EXITLENS_MIN_GROUP_SIZE=1):
        _submit_anonymously(organisation["Sales"], 1)
    assert released().count() == 1  # as a release of the old code would have left it
    sealing.release_batches()
    assert not released().exists()
    assert SealedResponse.objects.count() == 1
