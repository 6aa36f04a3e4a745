"""Row-level data for HR's own analysis: departures, answers and coded themes, not aggregated.

Only for HR staff and administrators (the view checks). An anonymous interview keeps its
anonymity here too: its rows carry no departure, name, HR id or interview id, only the
department, tenure band and quarter of leaving it kept.

Rows are streamed from the database in chunks; every label is looked up before the first row,
so a streamed response keeps the language of the request that asked for it.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from exitlens.analysis.taxonomy import THEMES
from exitlens.core.languages import ui_language
from exitlens.core.models import Answer, AnswerChoice, AnswerTheme, Departure, Interview, Question
from exitlens.core.services.coding import EFFECTIVE
from exitlens.insights.filters import Filters, tenure_band_expression

DATASETS = ("departures", "answers", "themes")
CHUNK = 2000
CHOICE_SEPARATOR = "; "

Rows = Iterator[list]


def dataset_rows(name: str, filters: Filters) -> tuple[list[str], Rows]:
    """The header and a stream of rows of dataset `name` (one of DATASETS)."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset: {name}")
    return {"departures": departures, "answers": answers, "themes": themes}[name](filters)


def _yes_no() -> dict[bool, str]:
    return {True: _("Yes"), False: _("No")}


def _labels(choices) -> dict[str, str]:
    return {value: str(label) for value, label in choices}


def _batches(items: Iterable, size: int) -> Iterator[list]:
    items = iter(items)
    while batch := list(islice(items, size)):
        yield batch


# Departures


def departures(filters: Filters) -> tuple[list[str], Rows]:
    header = [
        _("Code"),
        _("HR system id"),
        _("Name"),
        _("Department"),
        _("Manager"),
        _("Job title"),
        _("Location"),
        _("Hire date"),
        _("Leave date"),
        _("Tenure (years)"),
        _("Type of departure"),
        _("Regrettable"),
        _("Outcome"),
        _("Interview"),
        _("Confidentiality"),
    ]
    types = _labels(Departure.Type.choices)
    outcomes = _labels(Departure.Outcome.choices)
    statuses = _labels(Interview.Status.choices)
    promises = _labels(Interview.Confidentiality.choices)
    yes_no = _yes_no()
    no_interview = _("None")
    completed = statuses[Interview.Status.COMPLETED]
    anonymous = promises[Interview.Confidentiality.ANONYMOUS]
    found = (
        filters.departures()
        .annotate(tenure=tenure_band_expression())
        .order_by("leave_date", "full_name", "pk")
        .values_list(
            "code",
            "external_id",
            "full_name",
            "department__name",
            "manager__name",
            "job_title",
            "location",
            "hire_date",
            "leave_date",
            "tenure",
            "departure_type",
            "regrettable",
            "outcome",
            "interview__status",
            "interview__confidentiality",
            "responded_anonymously",
        )
    )

    def rows() -> Rows:
        for (
            code,
            external_id,
            name,
            department,
            manager,
            job_title,
            location,
            hired,
            left,
            tenure,
            departure_type,
            regrettable,
            outcome,
            status,
            confidentiality,
            responded_anonymously,
        ) in found.iterator(chunk_size=CHUNK):
            if responded_anonymously:  # the interview itself no longer points here
                status, promise = completed, anonymous
            elif status:
                status, promise = statuses.get(status, status), promises.get(confidentiality, "")
            else:
                status, promise = no_interview, ""
            yield [
                str(code),
                external_id or "",
                name,
                department,
                manager or "",
                job_title,
                location,
                hired,
                left,
                tenure,
                types.get(departure_type, departure_type),
                yes_no[regrettable],
                outcomes.get(outcome, outcome),
                status,
                promise,
            ]

    return header, rows()


# Answers and themes share who said it, within the limits of the interview's promise.

IDENTITY_COLUMNS = (
    "interview__confidentiality",
    "interview__departure__code",
    "interview__departure__external_id",
    "interview__departure__full_name",
    "interview_id",
    "interview__department__name",
    "interview__tenure_band",
    "interview__leave_quarter",
)
# Random interview ids inside a quarter and department: the order dates no anonymous interview.
ORDER = ("interview__leave_quarter", "interview__department__name", "interview_id")


def _identity_header() -> list[str]:
    return [
        _("Code"),
        _("HR system id"),
        _("Name"),
        _("Interview"),
        _("Confidentiality"),
        _("Department"),
        _("Tenure (years)"),
        _("Quarter of leaving"),
    ]


def _identity(values: tuple, promises: dict[str, str]) -> list:
    """The identity cells; blank for an anonymous interview, whatever the database holds."""
    confidentiality, code, external_id, name, interview, department, band, left = values
    if confidentiality == Interview.Confidentiality.ANONYMOUS or code is None:
        who = ["", "", "", ""]
    else:
        who = [str(code), external_id or "", name, str(interview)]
    return [*who, promises.get(confidentiality, confidentiality), department or "", band, left]


def _completed_interviews(filters: Filters) -> QuerySet:
    return filters.leavers().values("interview_id")


def answers(filters: Filters) -> tuple[list[str], Rows]:
    header = [
        *_identity_header(),
        _("Question"),
        _("Question text"),
        _("Text"),
        _("Number"),
        _("Chosen"),
        _("Interviewer note"),
        _("Sensitive"),
    ]
    current = ui_language()
    prompts = {question.pk: question.prompt_in(current) for question in Question.objects.all()}
    promises = _labels(Interview.Confidentiality.choices)
    yes_no = _yes_no()
    found = (
        Answer.objects.filter(interview__in=_completed_interviews(filters))
        .order_by(*ORDER, "question__position", "pk")
        .values_list(
            "pk",
            *IDENTITY_COLUMNS,
            "question_id",
            "question__key",
            "text",
            "number",
            "note",
            "sensitive",
        )
    )
    identity_end = 1 + len(IDENTITY_COLUMNS)

    def rows() -> Rows:
        for batch in _batches(found.iterator(chunk_size=CHUNK), CHUNK):
            chosen: dict[int, list[str]] = {}
            for answer, value in (
                AnswerChoice.objects.filter(answer_id__in=[row[0] for row in batch])
                .order_by("answer_id", "value")
                .values_list("answer_id", "value")
            ):
                chosen.setdefault(answer, []).append(value)
            for row in batch:
                question, key, text, number, note, sensitive = row[identity_end:]
                yield [
                    *_identity(row[1:identity_end], promises),
                    key,
                    prompts.get(question, ""),
                    text,
                    number,
                    CHOICE_SEPARATOR.join(chosen.get(row[0], [])),
                    note,
                    yes_no[sensitive],
                ]

    return header, rows()


def themes(filters: Filters) -> tuple[list[str], Rows]:
    """One row per effective tag: HR's once the answer is reviewed, else the model's."""
    header = [
        *_identity_header(),
        _("Question"),
        _("Theme"),
        _("Label"),
        _("Polarity"),
        _("Coded by"),
        _("Score"),
        _("Text"),
    ]
    current = ui_language()
    labels = {theme.id: theme.label(current) for theme in THEMES}
    polarities = _labels(AnswerTheme.Polarity.choices)
    sources = _labels(AnswerTheme.Source.choices)
    promises = _labels(Interview.Confidentiality.choices)
    found = (
        AnswerTheme.objects.filter(EFFECTIVE, answer__interview__in=_completed_interviews(filters))
        .order_by(*(f"answer__{column}" for column in ORDER), "answer__question__position", "theme")
        .values_list(
            *(f"answer__{column}" for column in IDENTITY_COLUMNS),
            "answer__question__key",
            "theme",
            "polarity",
            "source",
            "score",
            "answer__text",
        )
    )
    identity_end = len(IDENTITY_COLUMNS)

    def rows() -> Rows:
        for row in found.iterator(chunk_size=CHUNK):
            key, theme, polarity, source, score, text = row[identity_end:]
            yield [
                *_identity(row[:identity_end], promises),
                key,
                theme,
                labels.get(theme, theme),
                polarities.get(polarity, polarity),
                sources.get(source, source),
                None if score is None else round(score, 4),
                text,
            ]

    return header, rows()
