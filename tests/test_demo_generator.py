import re
import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from exitlens.analysis.taxonomy import THEME_IDS
from exitlens.demo import organisation, phrases
from exitlens.demo.generator import QUESTION_KEYS, generate

TODAY = date(2026, 11, 26)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def demo():
    return generate(5000, 11, TODAY, staff_count=2, tz=AMSTERDAM)


@pytest.fixture(scope="module")
def departures(demo):
    return demo[1]


@pytest.fixture(scope="module")
def interviews(departures):
    return [d.interview for d in departures if d.interview is not None]


def share(items, predicate) -> float:
    items = list(items)
    return sum(1 for item in items if predicate(item)) / len(items)


def test_it_gives_the_same_data_for_the_same_seed():
    first = generate(300, 5, TODAY, tz=AMSTERDAM)
    second = generate(300, 5, TODAY, tz=AMSTERDAM)

    assert first[1] == second[1]
    assert first[0].managers == second[0].managers
    assert first[0].departments == second[0].departments


def test_it_gives_other_data_for_another_seed():
    _generator, first = generate(50, 5, TODAY)
    _generator, second = generate(50, 6, TODAY)

    assert [d.full_name for d in first] != [d.full_name for d in second]
    assert {d.code for d in first}.isdisjoint(d.code for d in second)


def test_it_gives_the_first_departures_of_a_larger_run_for_a_smaller_one():
    _generator, small = generate(100, 5, TODAY)
    _generator, large = generate(300, 5, TODAY)

    assert large[:100] == small


def test_it_gives_the_same_data_whatever_the_number_of_staff():
    _generator, without = generate(300, 5, TODAY, staff_count=0)
    _generator, with_staff = generate(300, 5, TODAY, staff_count=3)

    for one, other in zip(without, with_staff, strict=True):
        assert one.full_name == other.full_name
        assert (one.interview and one.interview.answers) == (
            other.interview and other.interview.answers
        )
    interviewers = {d.interview.interviewer for d in with_staff if d.interview}
    assert interviewers <= {None, 0, 1, 2}
    assert interviewers - {None}
    assert {d.interview.interviewer for d in without if d.interview} == {None}


def test_it_builds_the_organisation_with_a_manager_per_department(demo):
    generator, _departures = demo

    assert [d.name for d in generator.departments] == [n for n, _p in organisation.DEPARTMENTS]
    for index, department in enumerate(generator.departments):
        parent = dict(organisation.DEPARTMENTS)[department.name]
        if parent is None:
            assert department.parent is None
        else:
            assert department.parent < index
            assert generator.departments[department.parent].name == parent
    assert sorted(d.manager for d in generator.departments) == list(range(len(generator.managers)))
    assert len({m.name for m in generator.managers}) == len(generator.managers)


def test_it_mixes_departure_types_and_languages_as_asked(departures):
    types = Counter(d.departure_type for d in departures)
    languages = Counter(d.language for d in departures)
    n = len(departures)

    assert types["resignation"] / n == pytest.approx(0.65, abs=0.03)
    assert types["dismissal"] / n == pytest.approx(0.10, abs=0.02)
    assert types["end_of_contract"] / n == pytest.approx(0.12, abs=0.02)
    assert types["retirement"] / n == pytest.approx(0.08, abs=0.02)
    assert types["other"] / n == pytest.approx(0.05, abs=0.015)
    assert languages["nl"] / n == pytest.approx(0.75, abs=0.03)
    assert languages["en"] / n == pytest.approx(0.20, abs=0.03)
    assert 0 < languages["es"] < languages["en"]
    assert 0 < languages["de"] < languages["en"]


def test_it_marks_regrettable_losses_destinations_and_rehire(departures):
    resignations = [d for d in departures if d.departure_type == "resignation"]
    others = [d for d in departures if d.departure_type != "resignation"]

    assert share(resignations, lambda d: d.regrettable) == pytest.approx(0.4, abs=0.04)
    assert not any(d.regrettable or d.destination for d in others)
    assert share(resignations, lambda d: d.destination) > 0.85
    assert {d.destination for d in resignations} - {""} <= set(organisation.DESTINATIONS)
    assert share(departures, lambda d: d.eligible_for_rehire) > 0.7
    dismissals = [d for d in departures if d.departure_type == "dismissal"]
    assert share(dismissals, lambda d: d.eligible_for_rehire) < 0.3


def test_it_spreads_leave_dates_over_two_years_with_a_few_in_the_near_future(departures):
    leave_dates = [d.leave_date for d in departures]
    future = [day for day in leave_dates if day > TODAY]

    assert min(leave_dates) >= TODAY - timedelta(days=730)
    assert 0 < len(future) / len(leave_dates) < 0.05
    assert max(future) <= TODAY + timedelta(days=45 + 31)  # at most to the end of that month
    months = Counter((day.year, day.month) for day in leave_dates if day <= TODAY)
    full_months = [
        count
        for (year, month), count in months.items()
        if (year, month)
        not in (
            (TODAY.year, TODAY.month),
            (TODAY.year - 2, TODAY.month),
        )
    ]
    assert max(full_months) > 1.4 * min(full_months)  # some months are busier


def test_it_hires_people_a_month_to_25_years_before_they_leave_mostly_recently(departures):
    tenures = [(d.leave_date - d.hire_date).days / 365.25 for d in departures]

    assert min(tenures) >= 30 / 365.25
    assert max(tenures) <= 25
    assert statistics.median(tenures) < 3
    retirees = [
        t for d, t in zip(departures, tenures, strict=True) if d.departure_type == "retirement"
    ]
    assert min(retirees) >= 8


def test_it_takes_titles_locations_and_managers_from_the_organisation(demo):
    generator, departures = demo

    for departure in departures:
        department = generator.departments[departure.department]
        assert departure.job_title in organisation.JOB_TITLES[department.name]
        assert departure.location in organisation.LOCATIONS
        assert departure.manager == department.manager


def test_it_numbers_departures_with_unique_ids_and_codes(departures):
    assert [d.external_id for d in departures[:3]] == ["HR-000001", "HR-000002", "HR-000003"]
    assert len({d.external_id for d in departures}) == len(departures)
    assert len({d.code for d in departures}) == len(departures)
    assert all(d.code.version == 4 for d in departures)


def test_it_only_uses_example_domains(demo):
    generator, departures = demo
    addresses = [m.email for m in generator.managers]
    for departure in departures:
        addresses += [departure.work_email, departure.personal_email]
        if departure.invitation:
            addresses.append(departure.invitation.sent_to)

    pattern = re.compile(r"^[a-z0-9.]+@example\.(org|com)$")
    assert all(pattern.match(address) for address in addresses if address)
    assert all(d.work_email.endswith("@example.org") for d in departures)
    places = {d.interview.meeting_place for d in departures if d.interview}
    assert all(p.startswith("https://meet.example.org/") for p in places if "://" in p)


def test_it_interviews_about_70_percent_of_past_voluntary_leavers(departures, interviews):
    voluntary = [
        d
        for d in departures
        if d.departure_type in ("resignation", "retirement") and d.leave_date <= TODAY
    ]

    assert share(voluntary, lambda d: d.interview) == pytest.approx(0.7, abs=0.03)
    assert {d.number for d in departures if d.interview} <= {d.number for d in voluntary}
    assert share(interviews, lambda i: i.status == "completed") == pytest.approx(0.85, abs=0.04)
    assert {i.status for i in interviews} == {"completed", "in_progress", "not_started"}
    confidentiality = Counter(i.confidentiality for i in interviews)
    assert confidentiality["named"] / len(interviews) == pytest.approx(0.2, abs=0.03)
    assert confidentiality["confidential"] / len(interviews) == pytest.approx(0.6, abs=0.04)
    assert confidentiality["anonymous"] / len(interviews) == pytest.approx(0.2, abs=0.03)
    modes = Counter(i.mode for i in interviews)
    assert 0 < modes["interviewer"] < modes["self_service"]


def test_it_sets_outcomes_only_for_completed_interviews(departures):
    completed = [d for d in departures if d.interview and d.interview.status == "completed"]
    others = [d for d in departures if not (d.interview and d.interview.status == "completed")]

    assert share(completed, lambda d: d.outcome == "retained") == pytest.approx(0.05, abs=0.02)
    assert {d.outcome for d in completed} == {"retained", "exit_confirmed"}
    assert {d.outcome for d in others} == {"pending"}


def test_it_detaches_completed_anonymous_interviews(departures):
    for departure in departures:
        interview = departure.interview
        if interview is None:
            assert not departure.responded_anonymously
            continue
        detached = interview.status == "completed" and interview.confidentiality == "anonymous"
        assert interview.detached == detached
        assert departure.responded_anonymously == detached
        if detached:
            assert interview.started_at is None
            assert interview.completed_at is None
            assert interview.scheduled_at is None
            assert interview.interviewer is None
            assert interview.meeting_place == ""
            assert interview.department == departure.department
            assert interview.tenure_band and interview.leave_quarter
            assert (interview.language, interview.mode, interview.completed_quarter) == ("", "", "")
            assert departure.updated_at == departure.registered_at
            if departure.invitation:
                assert not departure.invitation.linked


def test_it_keeps_timestamps_in_order_and_in_the_past(departures):
    midnight = datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=AMSTERDAM)
    for departure in departures:
        assert departure.hire_date <= departure.registered_at.date() < TODAY
        interview, invitation = departure.interview, departure.invitation
        if interview is None:
            assert invitation is None
            continue
        if interview.started_at:
            assert interview.started_at < midnight
        if interview.completed_at:
            assert interview.started_at < interview.completed_at < midnight
            assert interview.status == "completed"
        if invitation is None:
            assert interview.mode == "interviewer" or interview.detached
            continue
        assert invitation.sent_at < midnight
        assert invitation.sent_to == (departure.personal_email or departure.work_email)
        assert invitation.expires_at == invitation.sent_at + timedelta(days=30)
        assert len(invitation.links) == invitation.reminders_sent + 1 <= 3
        if interview.status == "completed":
            assert invitation.status == "completed"
        else:
            assert invitation.status == ("open" if invitation.expires_at > midnight else "expired")


def test_it_leaves_open_invitations_for_recent_leavers_who_did_not_start(departures):
    waiting = [d for d in departures if d.invitation and d.interview.status == "not_started"]

    assert {d.invitation.status for d in waiting} == {"open", "expired"}
    assert all(not d.interview.answers for d in waiting)


def test_it_hashes_link_tokens_uniquely(departures):
    hashes = [link.token_hash for d in departures if d.invitation for link in d.invitation.links]

    assert len(set(hashes)) == len(hashes)
    assert all(re.fullmatch(r"[0-9a-f]{64}", value) for value in hashes)


def test_it_answers_each_question_once_in_order(interviews):
    for interview in interviews:
        keys = [answer[0] for answer in interview.answers]
        if interview.status == "completed":
            assert keys == list(QUESTION_KEYS)
        elif interview.status == "in_progress":
            assert 1 <= len(keys) <= 8
            assert keys == list(QUESTION_KEYS[: len(keys)])
        else:
            assert keys == []


def test_it_gives_valid_numbers_and_choices(interviews):
    for interview in interviews:
        answers = {key: (text, number, choices) for key, text, number, choices in interview.answers}
        if interview.status != "completed":
            continue
        assert answers["expectations_met"][1] in (None, 1, 2, 3, 4, 5)
        assert answers["recommend"][1] is None or 0 <= answers["recommend"][1] <= 10
        (main,) = answers["main_reason"][2]
        contributing = answers["contributing_reasons"][2]
        assert main in THEME_IDS
        assert set(contributing) <= set(THEME_IDS) - {main}
        assert len(set(contributing)) == len(contributing) <= 3
        assert answers["come_back"][2] in ((), ("yes",), ("maybe",), ("no",))


def _texts_of(lang):
    known = set(phrases.EMPTY_ANSWERS[lang])
    for by_theme in phrases.PHRASES[lang].values():
        for bank in by_theme.values():
            known.update(bank)
    for bank in phrases.EXPECTATIONS[lang].values():
        known.update(bank)
    return known


def test_it_writes_answers_from_the_phrase_banks_or_leaves_them_blank(interviews):
    known = {lang: _texts_of(lang) for lang in ("nl", "en")}
    connectors = {lang: [text for text, _lower in phrases.CONNECTORS[lang]] for lang in known}
    blanks = joined = 0
    for interview in interviews:
        # A detached (anonymous) interview no longer says which language it was held in.
        languages = [interview.language] if interview.language else ["nl", "en"]
        assert set(languages) <= {"nl", "en"}
        for key, text, _number, _choices in interview.answers:
            assert isinstance(text, str)
            if key not in (
                "attraction",
                "expectations",
                "reason",
                "retention",
                "liked_most",
                "liked_least",
            ):
                assert text == ""
                continue
            if text == "":
                blanks += 1
                continue
            assert text.strip() == text
            if not any(text in known[lang] for lang in languages):
                joined += 1
                assert any(c in text for lang in languages for c in connectors[lang]), text
    assert blanks and joined


def test_it_answers_spanish_and_german_leavers_in_english(departures):
    for departure in departures:
        if departure.interview and not departure.interview.detached:
            expected = "nl" if departure.language == "nl" else "en"
            assert departure.interview.language == expected


def test_it_tells_a_coherent_story(interviews):
    completed = [i for i in interviews if i.status == "completed"]
    by_main = {}
    for interview in completed:
        answers = {key: (number, choices) for key, _text, number, choices in interview.answers}
        by_main.setdefault(answers["main_reason"][1][0], []).append(answers)

    def mean_recommend(themes):
        scores = [
            a["recommend"][0]
            for t in themes
            for a in by_main.get(t, [])
            if a["recommend"][0] is not None
        ]
        return statistics.mean(scores)

    assert mean_recommend(["manager", "leadership"]) < mean_recommend(["career", "personal"]) - 2
    main_reasons = Counter({theme: len(rows) for theme, rows in by_main.items()})
    frequent = {theme for theme, _count in main_reasons.most_common(6)}
    assert len(frequent & {"career", "manager", "pay", "workload", "work_life", "leadership"}) >= 5
    low = [
        a
        for rows in by_main.values()
        for a in rows
        if (a["recommend"][0] or 0) <= 4 and a["come_back"][1]
    ]
    high = [
        a
        for rows in by_main.values()
        for a in rows
        if (a["recommend"][0] or 0) >= 8 and a["come_back"][1]
    ]
    assert share(low, lambda a: a["come_back"][1] == ("no",)) > 0.6
    assert share(high, lambda a: a["come_back"][1] == ("no",)) < 0.2


def test_it_matches_expectation_answers_to_the_score(interviews):
    lookup = {}
    for lang in ("nl", "en"):
        for bucket, texts in phrases.EXPECTATIONS[lang].items():
            for text in set(texts) - set(phrases.EMPTY_ANSWERS[lang]):  # "No." is both
                lookup[text] = bucket
    for interview in interviews:
        answers = {key: (text, number) for key, text, number, _choices in interview.answers}
        if "expectations_met" not in answers:
            continue
        text, (_empty, score) = answers["expectations"][0], answers["expectations_met"]
        if text in lookup and score is not None:
            expected = "met" if score >= 4 else "partly" if score == 3 else "not_met"
            assert lookup[text] == expected
