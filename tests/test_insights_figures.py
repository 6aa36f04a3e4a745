"""Every dashboard figure on the hand-built organisation of tests/insights_data.py, against
values worked out by hand from its table."""

from datetime import date

import pytest

from exitlens.core.models import Department, Departure, Interview
from exitlens.insights import summaries
from exitlens.insights.figures import compute
from exitlens.insights.filters import Filters
from tests import insights_data
from tests.anonymous import release_sealed

YEAR = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}


@pytest.fixture
def people(db):
    return insights_data.build()


def insights(**filters):
    return compute(Filters(**(YEAR | filters)))


def test_headline_figures(people):
    headline = insights().headline

    assert headline.departures == 12  # 7 Sales, 4 Warehouse, 1 Operations
    assert (headline.voluntary.count, headline.voluntary.total) == (11, 12)  # o1 was dismissed
    assert (headline.regrettable.count, headline.regrettable.total) == (2, 12)  # s3, s4
    assert headline.invited == 10  # all but s6 and o1
    # s7's interview is anonymous: it counts through the departure's anonymous-response mark.
    assert (headline.responded.count, headline.responded.total) == (10, 10)
    assert headline.leavers == 11
    # (2 + 3 + 4 + 2 + 1 + 5 + 3 + 4 * 3) / 11
    assert headline.expectations_met == pytest.approx(32 / 11)
    assert headline.expectations_scale == (1, 5)
    # 9, 10 promote; 6, 3, 0 and the four 5s detract: (2 - 7) / 11
    assert headline.recommend_score == pytest.approx(-500 / 11)
    assert (headline.retained.count, headline.retained.total) == (1, 11)  # s5


def test_the_interval_of_a_share_is_wilsons(people):
    voluntary = insights().headline.voluntary

    # Wilson 95% for 11 of 12, worked out by hand: centre 0.8512, half-width 0.1869.
    assert voluntary.low == pytest.approx(0.6461, abs=1e-3)
    assert voluntary.high == pytest.approx(0.9851, abs=1e-3)


def test_why_people_leave_joins_main_contributing_and_coded_reasons(people):
    reasons = {row.theme: row for row in insights().reasons}

    assert [row.theme for row in insights().reasons] == [
        "workload",  # s7, w1-w4
        "pay",  # main s1-s3, coded in s4's answer
        "career",  # main s4-s6
        "manager",  # contributing s1, s2 and s2's answer: one leaver once
        "learning",  # contributing s4
    ]
    assert reasons["workload"].leavers == 5
    assert reasons["pay"].leavers == 4
    assert reasons["pay"].sources == {"main": 3, "text": 1}
    assert reasons["manager"].leavers == 2
    assert reasons["manager"].sources == {"contributing": 2, "text": 1}
    assert reasons["pay"].share.total == 11
    assert reasons["pay"].regrettable == 2  # s3, s4
    assert reasons["career"].regrettable == 1  # s4
    # s3 called the culture a strength in the reason answer: not a reason to leave.
    assert "culture" not in reasons


def test_the_expectation_gap_and_what_attracted(people):
    result = insights()

    assert {row.theme: row.leavers for row in result.attraction} == {"pay": 1, "career": 2}
    # s1 came for the pay and left for it; s4 came for a career and left for lack of one.
    assert {row.theme: row.leavers for row in result.gap} == {"pay": 1, "career": 1}


def test_a_group_of_four_is_hidden_and_a_group_of_five_shown(people):
    operations = Department.objects.get(name="Operations")

    result = insights(department=operations)  # Warehouse counts as part of Operations

    assert result.headline.departures == 5  # w1-w4 and o1: five departures are shown
    assert result.headline.leavers is None  # four interviews are not
    assert result.headline.expectations_met is None
    assert result.headline.recommend_score is None
    assert result.headline.retained is None
    assert result.reasons == [] and result.breakdown is None and result.quotes == {}

    fifth = Departure.objects.get(full_name="Person w1")
    fifth.pk = None
    fifth.full_name = "Person w5"
    fifth.code = __import__("uuid").uuid4()
    fifth.save()
    _copy_interview(people["w1"], fifth)

    result = insights(department=operations)

    assert result.headline.leavers == 5
    assert result.headline.expectations_met == 3
    assert [(row.theme, row.leavers) for row in result.reasons] == [("workload", 5)]


def _copy_interview(source: Departure, target: Departure) -> None:
    from exitlens.core.models import Answer, AnswerChoice

    interview = source.interview
    answers = list(interview.answers.prefetch_related("choices"))
    interview.pk, interview.departure = None, target
    interview.save()
    for answer in answers:
        choices = list(answer.choices.all())
        answer.pk, answer.interview = None, interview
        answer.save()
        for choice in choices:
            AnswerChoice.objects.create(answer=answer, value=choice.value)
    assert Answer.objects.filter(interview=interview).count() == len(answers)
    summaries.summarise([interview.pk])  # written past the services: summarised as they would


def test_it_folds_small_segments_into_other_with_the_smallest_shown_ones(people):
    # Operations has four leavers: too few alone, and too few as "other", where the eleven in
    # view minus Sales' seven would show them. Sales folds in too: nothing is left to show.
    assert insights().breakdown is None

    breakdown = insights(by="location").breakdown
    # Tilburg's four and anonymous s7 (no location) make an "other" of five: shown.
    assert [(segment.key, segment.leavers) for segment in breakdown.segments] == [
        ("Utrecht", 6),
        ("other", 5),
    ]
    assert breakdown.hidden == 0  # never a number below the threshold


def test_segments_that_differ_by_more_than_chance_are_marked(people):
    breakdown = insights(by="location").breakdown

    segments = {segment.key: segment for segment in breakdown.segments}
    # Tilburg (w1-w4) is below the threshold, Utrecht (s1-s6) shown; anonymous s7 carries no
    # location and is, with Tilburg, "other": 5 leavers.
    assert {key: segment.leavers for key, segment in segments.items()} == {
        "Utrecht": 6,
        "other": 5,
    }
    # Workload: 0 of 6 in Utrecht against 5 of 5 elsewhere; Fisher's exact p = 0.0022.
    assert segments["Utrecht"].differs == {"workload": "lower"}
    assert segments["other"].differs == {"workload": "higher"}
    assert segments["Utrecht"].themes["pay"] == 4


def test_trends_per_quarter_hide_small_periods(people):
    result = insights()

    assert result.periods == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert result.departures_trend == [
        ("2026-Q1", None),
        ("2026-Q2", 7),
        ("2026-Q3", 5),
        ("2026-Q4", None),
    ]
    voluntary = dict(result.voluntary_trend.points)
    assert (voluntary["2026-Q2"].count, voluntary["2026-Q2"].total) == (7, 7)
    assert (voluntary["2026-Q3"].count, voluntary["2026-Q3"].total) == (4, 5)
    assert voluntary["2026-Q1"] is None
    trends = {series.name: dict(series.points) for series in result.theme_trends}
    assert list(trends) == ["workload", "pay", "career"]
    # Q3 has four leavers (w1-w4): too few, and the eleven in view minus Q2's seven would show
    # them, so Q2 is hidden with Q3. (The departures are 7 and 5: both shown.)
    assert all(point is None for points in trends.values() for point in points.values())


def test_trends_per_month(people):
    result = insights(granularity="month", start=date(2026, 5, 1), end=date(2026, 8, 31))

    assert result.periods == ["2026-05", "2026-06", "2026-07", "2026-08"]
    assert result.departures_trend == [
        ("2026-05", None),  # s1-s4
        ("2026-06", None),  # s5-s7
        ("2026-07", None),
        ("2026-08", 5),
    ]


def test_quotes_come_only_from_confidential_answers_in_large_enough_groups(people, settings):
    result = compute(Filters(**YEAR), with_candidates=True)

    # Named interviews (w1-w4, s6) are never quoted, nor is s4's flagged disclosure.
    # Nor is s4's pay answer: another answer of that interview is a flagged disclosure.
    candidates = result.quote_candidates
    assert {theme: [q.text for q in quotes] for theme, quotes in candidates.items()} == {
        "manager": [insights_data.QUOTE_MANAGER],
    }
    assert result.quotes == {}  # until HR approves them
    assert insights().quote_candidates == {}  # what is rendered or sent holds no candidate

    insights_data.approve_quotes()
    assert {theme: [q.text for q in quotes] for theme, quotes in insights().quotes.items()} == {
        "manager": [insights_data.QUOTE_MANAGER],
    }

    settings.EXITLENS_MIN_QUOTE_GROUP_SIZE = 12  # eleven leavers in view
    assert insights().quotes == {}


def test_a_filter_on_what_anonymous_interviews_lost_leaves_them_out(people):
    assert insights().anonymous_left_out == 0  # and the summaries are made

    resignations = Filters(**YEAR, departure_type=Departure.Type.RESIGNATION)
    assert resignations.leavers().count() == 10  # s1-s6 and w1-w4, without anonymous s7


def test_it_withholds_a_view_that_would_single_out_one_interview(people):
    result = insights(departure_type=Departure.Type.RESIGNATION)

    # The eleven leavers in the year minus these ten would be s7's anonymous interview (released
    # on its own in this world), the twelve departures minus eleven resignations o1's dismissal.
    assert result.withheld == ("departures", "leavers")
    assert result.headline.departures is None and result.headline.voluntary is None
    assert result.headline.leavers is None and result.headline.recommend_score is None
    assert result.reasons == [] and result.breakdown is None and result.quotes == {}
    assert result.theme_trends == []
    assert all(count is None for _, count in result.departures_trend)
    assert result.anonymous_left_out is None  # one: below the threshold in any case
    assert result.withheld_reason.startswith(
        "This view would differ from a nearby view by fewer than 5 leavers, so its figures are "
        "withheld; widen the filters."
    )
    assert insights().withheld == () and insights().withheld_reason == ""


def test_age_bands_filter_and_break_down_and_anonymous_interviews_lose_theirs(people):
    for name in ("s1", "s2", "s3", "s4", "s5", "s6", "s7"):
        people[name].age_band = "26-30" if name != "s7" else "31-35"
        people[name].save()  # the summaries follow the departure

    result = insights(age_band="26-30")

    assert result.headline.departures == 6  # s1-s6
    assert result.headline.leavers == 6
    assert {row.theme: row.leavers for row in result.reasons}["pay"] == 4  # s1-s3, s4 coded
    # s7 answered anonymously: no age band kept, so left out; one is below the threshold.
    assert (
        Filters(**YEAR).leavers().count() - Filters(**YEAR, age_band="26-30").leavers().count() == 5
    )
    assert result.anonymous_left_out is None
    breakdown = insights(by="age_band").breakdown
    # 26-30: s1-s6. Not known: s7 (anonymous, whose departure is 31-35) and w1-w4.
    assert {segment.key: segment.leavers for segment in breakdown.segments} == {
        "26-30": 6,
        "unknown": 5,
    }
    # Departures: 26-30 six, not known five (w1-w4, o1), 31-35 one (s7): the one folds with
    # the five, and 26-30 stays shown.
    assert result.withheld == ()


def test_tenure_band_filter_is_computed_like_the_interviews(people):
    result = insights(tenure_band="2-5")

    assert result.headline.departures == 7  # Sales
    assert Filters(**YEAR, tenure_band="2-5").leavers().count() == 7  # s7 kept its band
    # The eleven leavers minus these seven would be Warehouse's four: withheld.
    assert result.withheld == ("leavers",) and result.headline.leavers is None
    assert insights(tenure_band="<1").headline.departures is None  # Warehouse: four


def test_a_filter_that_leaves_nothing_gives_empty_figures(people):
    result = insights(start=date(2020, 1, 1), end=date(2020, 12, 31))

    assert result.headline.departures is None
    assert result.suppressed
    assert result.reasons == []
    assert all(value is None for _, value in result.departures_trend)


def test_reviewed_tags_replace_the_models(people):
    from django.utils import timezone

    from exitlens.core.models import Answer, AnswerTheme

    answer = Answer.objects.get(interview__departure=people["s4"], question__key="reason")
    answer.reviewed_at = timezone.now()
    answer.save()
    AnswerTheme.objects.create(
        answer=answer, theme="recognition", polarity="negative", source="human"
    )
    summaries.summarise([answer.interview_id])  # as the review service does

    reasons = {row.theme: row.leavers for row in insights().reasons}

    assert reasons["pay"] == 3  # the model's pay tag no longer counts
    assert reasons["recognition"] == 1


def test_the_summaries_follow_later_changes(people, hr):
    from exitlens.core.models import Answer
    from exitlens.core.services import coding

    assert insights().headline.leavers == 11  # summarised with the data

    warehouse = Department.objects.get(name="Warehouse")
    s1 = people["s1"]
    s1.department = warehouse  # HR corrects the department
    s1.save()
    operations = Department.objects.get(name="Operations")
    assert insights(department=operations).headline.leavers == 5

    answer = Answer.objects.get(interview__departure=people["s4"], question__key="reason")
    coding.review_answer(answer, {"recognition": "negative"}, sensitive=False, by=hr)
    reasons = {row.theme: row.leavers for row in insights().reasons}
    assert reasons["pay"] == 3 and reasons["recognition"] == 1


def test_a_submitted_interview_is_summarised_at_once(departure, questionnaire_version):
    from exitlens.core.models import Interview
    from exitlens.core.services import interviews
    from exitlens.insights.models import Leaver

    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"main_reason": "pay", "recommend": 4})
    interviews.submit_interview(interview)
    assert not Leaver.objects.exists()  # sealed: not counted before its batch is released
    (anonymous,) = release_sealed()

    leaver = Leaver.objects.get()
    assert leaver.interview_id == anonymous.pk
    assert leaver.departure_id is None and leaver.leave_date is None and leaver.manager_id is None
    assert leaver.job_title == "" and leaver.location == "" and leaver.regrettable is None
    assert leaver.main == 1 << 0 and leaver.reasons == 1  # pay is the first theme
    assert leaver.recommend == 4
    assert leaver.leave_quarter == "2026-Q4"


def test_a_cached_result_is_not_reused_after_a_change(people):
    from exitlens.core.models import Departure

    assert insights().headline.departures == 12
    assert insights().headline.departures == 12  # from the cache

    Departure.objects.create(
        full_name="Person n1",
        department=Department.objects.get(name="Sales"),
        leave_date=date(2026, 7, 1),
    )

    assert insights().headline.departures == 13


def test_it_counts_whole_months(people):
    within = Filters(start=date(2026, 5, 12), end=date(2026, 8, 4))

    assert (within.start, within.end) == (date(2026, 5, 1), date(2026, 8, 31))
    assert within == Filters(start=date(2026, 5, 1), end=date(2026, 8, 31))
    assert "start=2026-05-01&end=2026-08-31" in within.query()
    # A day either way within the month is the same view: nothing to subtract.
    assert compute(within) == compute(Filters(start=date(2026, 5, 31), end=date(2026, 8, 30)))
    assert Filters(start=date(2026, 2, 3), end=date(2028, 2, 3)).end == date(2028, 2, 29)


def _anonymous(department, period: str, count: int) -> None:
    from exitlens.core.services.questionnaires import current_version
    from exitlens.insights.models import Leaver

    for _ in range(count):
        interview = Interview.objects.create(
            questionnaire_version=current_version(),
            confidentiality="anonymous",
            status=Interview.Status.COMPLETED,
            language="",
            department=department,
            leave_quarter=period,
        )
        Leaver.objects.create(
            interview=interview,
            department=department,
            tenure_band="unknown",
            leave_quarter=period,
            confidentiality="anonymous",
        )


def test_it_counts_anonymous_interviews_by_the_period_they_kept(people):
    insights()  # the summaries of the hand-built world are made
    sales = Department.objects.get(name="Sales")
    _anonymous(sales, "2026", 5)  # generalised to the year
    _anonymous(sales, "", 5)  # period unknown
    _anonymous(None, "2026-Q3", 5)  # generalised to the whole organisation

    def counted(**filters) -> int:
        return Filters(**filters).leavers().count()

    # The year 2026: 11 leavers, the five of the year and the five of the organisation.
    assert counted(**YEAR) == 11 + 5 + 5
    # A year counts only when the period holds all of it; a quarter when they overlap.
    assert counted(start=date(2026, 2, 1), end=date(2026, 12, 31)) == 11 + 5
    assert counted(start=date(2026, 9, 1), end=date(2027, 6, 30)) == 5  # Q3 overlaps it
    assert counted(start=date(2025, 1, 1), end=date(2027, 12, 31)) == 11 + 5 + 5
    # No department: counted only without a department filter.
    assert counted(**YEAR, department=sales) == 7 + 5
    assert counted(**YEAR, tenure_band="unknown") == 5 + 5
