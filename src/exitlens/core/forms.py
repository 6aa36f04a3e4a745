"""The answer form built from a questionnaire version, for the leaver and interviewer pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from exitlens.core.models import Interview, Question
from exitlens.core.models.interviews import MAX_ANSWER_LENGTH

NOTE_PREFIX = "note_"
PROMISE_FIELD = "promise"


def _field_for(question: Question, language: str) -> forms.Field:
    label = question.prompt_in(language)
    if question.kind == Question.Kind.TEXT:
        return forms.CharField(
            label=label,
            required=False,
            max_length=MAX_ANSWER_LENGTH,
            widget=forms.Textarea(attrs={"rows": 4}),
        )
    if question.kind == Question.Kind.SCALE:
        choices = [(n, str(n)) for n in range(question.scale_min, question.scale_max + 1)]
        return forms.TypedChoiceField(
            label=label,
            required=False,
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
        )
    choices = question.option_choices(language)
    if question.kind == Question.Kind.MULTICHOICE:
        return forms.MultipleChoiceField(
            label=label, required=False, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.ChoiceField(label=label, required=False, choices=choices, widget=forms.RadioSelect)


class AnswerForm(forms.Form):
    """One field per question (named by its key) and, for interviewers, one note per question."""

    def __init__(
        self,
        *args,
        interview: Interview,
        language: str,
        with_notes: bool = False,
        **kwargs,
    ):
        self.interview = interview
        self.language = language
        self.with_notes = with_notes
        self.questions = list(interview.questionnaire_version.questions.all())
        kwargs.setdefault("initial", stored_answers(interview))
        kwargs["initial"].setdefault(PROMISE_FIELD, interview.confidentiality)
        super().__init__(*args, **kwargs)
        # The promise the page showed; services.interviews refuses answers given under another.
        self.fields[PROMISE_FIELD] = forms.ChoiceField(
            choices=Interview.Confidentiality.choices, widget=forms.HiddenInput
        )
        for question in self.questions:
            self.fields[question.key] = _field_for(question, language)
            if with_notes:
                self.fields[NOTE_PREFIX + question.key] = forms.CharField(
                    label=_("Interviewer note"),
                    required=False,
                    max_length=MAX_ANSWER_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def rows(self):
        """(question, answer field, note field or None) for the template."""
        for question in self.questions:
            note = self[NOTE_PREFIX + question.key] if self.with_notes else None
            yield question, self[question.key], note

    @property
    def shown_level(self) -> str:
        return self.cleaned_data[PROMISE_FIELD]

    def answer_values(self) -> dict[str, object]:
        return {q.key: self.cleaned_data.get(q.key) for q in self.questions}

    def note_values(self) -> dict[str, str]:
        if not self.with_notes:
            return {}
        return {q.key: self.cleaned_data.get(NOTE_PREFIX + q.key, "") for q in self.questions}


def stored_answers(interview: Interview) -> dict[str, object]:
    """The saved answers as initial form values, notes included."""
    initial: dict[str, object] = {}
    for answer in interview.answers.select_related("question").prefetch_related("choices"):
        question = answer.question
        if question.kind == Question.Kind.TEXT:
            initial[question.key] = answer.text
        elif question.kind == Question.Kind.SCALE:
            initial[question.key] = answer.number
        elif question.kind == Question.Kind.MULTICHOICE:
            initial[question.key] = [choice.value for choice in answer.choices.all()]
        else:
            chosen = [choice.value for choice in answer.choices.all()]
            initial[question.key] = chosen[0] if chosen else None
        if answer.note:
            initial[NOTE_PREFIX + question.key] = answer.note
    return initial


def answer_display(interview: Interview, language: str) -> list[dict]:
    """Every question with its answer, ready to show: text, number or chosen labels, and note."""
    answers = {a.question_id: a for a in interview.answers.prefetch_related("choices")}
    rows = []
    for question in interview.questionnaire_version.questions.all():
        answer = answers.get(question.pk)
        value = ""
        if answer is not None:
            if question.kind == Question.Kind.TEXT:
                value = answer.text
            elif question.kind == Question.Kind.SCALE:
                value = "" if answer.number is None else str(answer.number)
            else:
                value = ", ".join(
                    question.option_label(c.value, language) for c in answer.choices.all()
                )
        rows.append(
            {
                "question": question,
                "prompt": question.prompt_in(language),
                "value": value,
                "note": answer.note if answer else "",
                "scale": (question.scale_min, question.scale_max)
                if question.kind == Question.Kind.SCALE
                else None,
            }
        )
    return rows
