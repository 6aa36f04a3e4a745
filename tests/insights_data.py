"""A small organisation built by hand for the insights tests; the expected figures are worked
out by hand in tests/test_insights_figures.py from the table below.

    who  dept       leave       type         interview      main      contributing  reason text
    s1   Sales      2026-05-04  resignation  confidential   pay       manager       -
    s2   Sales      2026-05-11  resignation  confidential   pay       manager       manager-
    s3   Sales      2026-05-18  resignation  confidential   pay       -             culture+
    s4   Sales      2026-05-25  resignation  confidential   career    learning      pay-
    s5   Sales      2026-06-01  resignation  confidential   career    -             -
    s6   Sales      2026-06-08  resignation  named          career    -             -
    s7   Sales      2026-06-15  resignation  anonymous      workload  -             -
    w1-4 Warehouse  2026-08-03  resignation  named          workload  -             -
    o1   Operations 2026-08-10  dismissal    (none)
Warehouse is part of Operations. Sales leavers were hired 2023-01-15 (tenure 2-5), Warehouse
leavers 2026-01-10 (<1), o1 has no hire date.
"""

from datetime import UTC, date, datetime, timedelta

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Department,
    Departure,
    Interview,
    Invitation,
)
from exitlens.core.segments import quarter
from exitlens.core.services.questionnaires import current_version
from exitlens.insights import summaries
from tests.anonymous import release_alone

EXPECTATIONS = {"s1": 2, "s2": 3, "s3": 4, "s4": 2, "s5": 1, "s6": 5, "s7": 3}
RECOMMEND = {"s1": 9, "s2": 10, "s3": 6, "s4": 7, "s5": 3, "s6": 8, "s7": 0}
QUOTE_PAY = "The salary stayed far below what other employers paid."
QUOTE_MANAGER = "My manager never listened to anything I suggested."
SENSITIVE = "My manager shouted at me in front of clients, every week."


def build() -> dict[str, Departure]:
    version = current_version()
    questions = {question.key: question for question in version.questions.all()}
    sales = Department.objects.create(name="Sales")
    operations = Department.objects.create(name="Operations")
    warehouse = Department.objects.create(name="Warehouse", parent=operations)
    people = {}

    def leaver(code, department, leave, *, main, contributing=(), reason=None, **options):
        departure = Departure.objects.create(
            full_name=f"Person {code}",
            department=department,
            leave_date=leave,
            hire_date=options.get("hired", date(2023, 1, 15)),
            departure_type=options.get("type", Departure.Type.RESIGNATION),
            regrettable=options.get("regrettable", False),
            outcome=options.get("outcome", Departure.Outcome.EXIT_CONFIRMED),
            job_title=options.get("job_title", "Agent"),
            location=options.get("location", "Utrecht"),
        )
        people[code] = departure
        if options.get("invited", True):
            Invitation.objects.create(
                departure=departure,
                sent_to="x@example.org",
                expires_at=datetime(2026, 12, 31, tzinfo=UTC),
                status=Invitation.Status.COMPLETED,
            )
        if main is None:
            return departure
        interview = Interview.objects.create(
            departure=departure,
            questionnaire_version=version,
            mode=Interview.Mode.SELF_SERVICE,
            confidentiality=options.get("confidentiality", "confidential"),
            status=Interview.Status.COMPLETED,
            language="en",
            department=department,
            tenure_band=departure.tenure_band,
            leave_quarter=quarter(leave),
        )

        def answer(key, **values):
            return Answer.objects.create(interview=interview, question=questions[key], **values)

        AnswerChoice.objects.create(answer=answer("main_reason"), value=main)
        if contributing:
            chosen = answer("contributing_reasons")
            for value in contributing:
                AnswerChoice.objects.create(answer=chosen, value=value)
        if reason:
            theme, polarity, text = reason
            tagged = answer("reason", text=text)
            AnswerTheme.objects.create(answer=tagged, theme=theme, polarity=polarity, score=0.9)
        for key, theme in options.get("attraction", {}).items():
            tagged = answer("attraction", text=key)
            AnswerTheme.objects.create(answer=tagged, theme=theme, polarity="positive", score=0.9)
        if "sensitive" in options:
            flagged = answer("liked_least", text=options["sensitive"], sensitive=True)
            AnswerTheme.objects.create(answer=flagged, theme="manager", polarity="negative")
        answer("expectations_met", number=options["expectations"])
        answer("recommend", number=options["recommend"])
        if options.get("confidentiality") == "anonymous":
            release_alone(interview)
        return departure

    def sales_leaver(code, day, **options):
        return leaver(
            code,
            sales,
            date(2026, 5, 4) + timedelta(days=7 * (day - 1)),
            expectations=EXPECTATIONS[code],
            recommend=RECOMMEND[code],
            **options,
        )

    sales_leaver("s1", 1, main="pay", contributing=["manager"], attraction={"The pay": "pay"})
    sales_leaver(
        "s2",
        2,
        main="pay",
        contributing=["manager"],
        reason=("manager", "negative", QUOTE_MANAGER),
        attraction={"Room to grow": "career"},
    )
    sales_leaver(
        "s3",
        3,
        main="pay",
        reason=("culture", "positive", "Lovely colleagues, but the money."),
        regrettable=True,
    )
    sales_leaver(
        "s4",
        4,
        main="career",
        contributing=["learning"],
        reason=("pay", "negative", QUOTE_PAY),
        regrettable=True,
        attraction={"A career": "career"},
        sensitive=SENSITIVE,
    )
    sales_leaver("s5", 5, main="career", outcome=Departure.Outcome.RETAINED)
    sales_leaver("s6", 6, main="career", confidentiality="named", invited=False)
    sales_leaver("s7", 7, main="workload", confidentiality="anonymous")
    for number in range(1, 5):
        leaver(
            f"w{number}",
            warehouse,
            date(2026, 8, 3),
            main="workload",
            confidentiality="named",
            hired=date(2026, 1, 10),
            expectations=3,
            recommend=5,
            location="Tilburg",
        )
    leaver(
        "o1",
        operations,
        date(2026, 8, 10),
        main=None,
        type=Departure.Type.DISMISSAL,
        hired=None,
        invited=False,
    )
    summaries.summarise_missing()  # written by hand, past the services: as an operator would
    return people


def approve_quotes(*texts: str) -> None:
    """HR approves quoting these answers (by default the one quotable answer of this world:
    s4's pay answer never is, another answer of s4's interview is a flagged disclosure)."""
    from exitlens.core.models import Answer
    from exitlens.insights.quotes import review_quote

    for text in texts or (QUOTE_MANAGER,):
        for answer in Answer.objects.filter(text=text):
            review_quote(answer.pk, "approved", by=None)
