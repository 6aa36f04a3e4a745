"""Background work on the queue (core/queue.py, the tasks beside their work): a submission
never waits for the encoder, the worker codes what was submitted, a failed task is retried, a
lost one is run again, the periodic jobs are enqueued once."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from exitlens.core import queue, tasks
from exitlens.core.models import Answer, AnswerTheme, Interview
from exitlens.core.services import coding, interviews
from exitlens.insights.models import Leaver
from exitlens.webhooks import delivery

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def on_the_queue(settings):
    """Tasks kept in the database for a worker, as in production."""
    settings.TASKS = DATABASE_TASKS
    settings.EXITLENS_TASKS = "database"


@pytest.fixture
def no_encoder(monkeypatch):
    """Loading the theme model fails the test: the request must not need it. Calling the
    fixture's value gives the analyser back (to the worker)."""
    analyser = coding.analyzer

    def refuse():
        raise AssertionError("the encoder was loaded")

    monkeypatch.setattr(coding, "analyzer", refuse)
    return lambda: monkeypatch.setattr(coding, "analyzer", analyser)


def _self_service(departure) -> Interview:
    return interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="confidential"
    )


def _text_answers(interview):
    return Answer.objects.filter(interview=interview, question__kind="text").exclude(text="")


@pytest.mark.django_db(transaction=True)
def test_it_submits_without_the_encoder_and_the_worker_codes_the_answers(
    departure, on_the_queue, no_encoder
):
    interview = _self_service(departure)

    interviews.save_answers(interview, {"reason": "My salary was far too low.", "recommend": 3})
    interviews.submit_interview(interview)

    interview.refresh_from_db()
    assert interview.status == Interview.Status.COMPLETED
    answer = _text_answers(interview).get()
    # Uncoded until the worker runs, and shown as such: no language, certainty or themes.
    assert (answer.language, answer.certainty, answer.coded_at) == ("", None, None)
    assert not AnswerTheme.objects.exists()
    # Nor is the leaver in the insights yet: their summary row is the queue's work too.
    assert not Leaver.objects.exists()
    queued = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.task_path for task in queued] == [
        "exitlens.core.services.coding.code_answers_task",
        "exitlens.insights.summaries.summarise_task",
    ]
    assert {task.status for task in queued} == {TaskResultStatus.READY}

    no_encoder()  # the worker may load it
    call_command("worker", "--batch", stdout=io.StringIO())

    answer.refresh_from_db()
    assert answer.language
    assert answer.certainty is not None and answer.coded_at is not None
    assert AnswerTheme.objects.filter(answer=answer).exists()
    assert Leaver.objects.get().interview_id == interview.pk
    assert {task.status for task in DBTaskResult.objects.all()} == {TaskResultStatus.SUCCESSFUL}


@pytest.mark.django_db(transaction=True)
def test_the_coding_is_enqueued_only_when_the_save_commits(departure, on_the_queue, no_encoder):
    from django.db import transaction

    interview = _self_service(departure)
    with pytest.raises(RuntimeError), transaction.atomic():
        interviews.save_answers(interview, {"reason": "Rolled back."})
        assert not DBTaskResult.objects.exists()
        raise RuntimeError

    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_many_answers_are_coded_in_tasks_several_workers_can_share(
    departure, on_the_queue, monkeypatch
):
    monkeypatch.setattr(coding, "TASK_SIZE", 2)
    interview = _self_service(departure)
    interviews.save_answers(
        interview,
        {"reason": "Pay.", "attraction": "The team.", "retention": "A raise.", "liked_most": "Us."},
    )
    DBTaskResult.objects.all().delete()

    coding.code_later(_text_answers(interview).order_by("pk"))

    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [len(task.args_kwargs["args"][0]) for task in tasks] == [2, 2]
    queued = {pk for task in tasks for pk in task.args_kwargs["args"][0]}
    assert queued == set(_text_answers(interview).values_list("pk", flat=True))


def test_coding_twice_leaves_one_set_of_themes(departure):
    interview = _self_service(departure)
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _text_answers(interview).get()
    first = sorted(AnswerTheme.objects.values_list("theme", "polarity"))
    assert first

    coding.code_answers_task.call([answer.pk])
    coding.code_answers_task.call([answer.pk])

    assert sorted(AnswerTheme.objects.values_list("theme", "polarity")) == first


def test_an_answer_edited_while_it_was_coded_keeps_its_new_text_uncoded_by_the_old(departure):
    interview = _self_service(departure)
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    stale = _text_answers(interview).select_related("question", "interview").get()
    Answer.objects.filter(pk=stale.pk).update(text="I moved abroad.", language="")

    coding.code_answers([stale])  # read before the edit, written after it

    assert Answer.objects.get(pk=stale.pk).language == ""


def test_a_sealed_anonymous_draft_is_not_coded_by_a_late_task(departure):
    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    answer = _text_answers(interview).get()
    Interview.objects.filter(pk=interview.pk).update(status=Interview.Status.COMPLETED)
    AnswerTheme.objects.all().delete()
    Answer.objects.update(language="")

    assert coding.code_by_id([answer.pk]) == 0
    assert not AnswerTheme.objects.exists()


def test_a_failed_task_is_enqueued_again_later_then_given_up(db, on_the_queue, monkeypatch):
    def broken(answer_ids):
        raise RuntimeError("encoder missing")

    monkeypatch.setattr(coding, "code_by_id", broken)

    with pytest.raises(RuntimeError):
        coding.code_answers_task.call([1])
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + timedelta(seconds=queue.RETRY_DELAYS[0] - 5)

    with pytest.raises(RuntimeError):
        coding.code_answers_task.call([1], attempt=len(queue.RETRY_DELAYS) + 1)
    assert DBTaskResult.objects.count() == 1  # the last attempt is not followed by another


def test_a_failed_coding_is_logged_and_the_answer_kept(departure, monkeypatch, caplog):
    def broken(answers):
        raise RuntimeError("encoder missing")

    monkeypatch.setattr(coding, "code_answers", broken)
    interview = _self_service(departure)

    interviews.save_answers(interview, {"reason": "Saved anyway."})

    assert _text_answers(interview).get().text == "Saved anyway."
    assert "Theme coding failed" in caplog.text


def test_a_task_lost_with_its_worker_is_made_ready_again(db, on_the_queue):
    lost = tasks.send_reminders.enqueue()
    running = tasks.release_anonymous.enqueue()
    long_ago = timezone.now() - timedelta(seconds=700)
    DBTaskResult.objects.filter(pk=lost.id).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago
    )
    DBTaskResult.objects.filter(pk=running.id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )

    assert queue.requeue_abandoned() == 1

    assert DBTaskResult.objects.get(pk=lost.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=running.id).status == TaskResultStatus.RUNNING


def test_the_periodic_jobs_are_enqueued_once_however_many_workers_ask(db, on_the_queue):
    assert queue.enqueue_periodic() == 5
    assert queue.enqueue_periodic() == 0

    paths = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths == [
        "exitlens.core.tasks.prune_task_results",
        "exitlens.core.tasks.release_anonymous",
        "exitlens.core.tasks.send_reminders",
        "exitlens.insights.summaries.summarise_missing_task",
        "exitlens.webhooks.delivery.deliver_due_task",
    ]


def test_webhook_deliveries_go_on_the_queue(db, on_the_queue):
    delivery.send_in_background(["5b0e4a4e-3c43-4d7f-a1f4-0d1d0f1c9a11"])

    queued = DBTaskResult.objects.get()
    assert queued.task_path == delivery.deliver_webhooks.module_path
    assert queued.args_kwargs["args"] == [["5b0e4a4e-3c43-4d7f-a1f4-0d1d0f1c9a11"]]


def test_the_worker_refuses_to_run_with_immediate_tasks(db):
    with pytest.raises(CommandError, match="EXITLENS_TASKS=database"):
        call_command("worker", "--batch")


def test_anonymous_answers_sealed_uncoded_are_coded_once_released(departure):
    from tests.anonymous import release_alone

    interview = interviews.get_or_create_interview(
        departure, mode=Interview.Mode.SELF_SERVICE, confidentiality="anonymous"
    )
    interviews.save_answers(interview, {"reason": "My salary was far too low."})
    # Submitted before the worker got to it: sealed without themes.
    AnswerTheme.objects.all().delete()
    Answer.objects.update(language="", certainty=None)

    released = release_alone(interview)

    answer = _text_answers(released).get()
    assert answer.certainty is not None
    assert AnswerTheme.objects.filter(answer=answer).exists()


def test_finished_tasks_are_pruned_after_two_weeks(db, on_the_queue):
    old = tasks.send_reminders.enqueue()
    recent = tasks.release_anonymous.enqueue()
    finished = {"status": TaskResultStatus.SUCCESSFUL}
    DBTaskResult.objects.filter(pk=old.id).update(
        **finished, finished_at=timezone.now() - timedelta(days=15)
    )
    DBTaskResult.objects.filter(pk=recent.id).update(**finished, finished_at=timezone.now())

    tasks.prune_task_results.call()

    assert [str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)] == [recent.id]
