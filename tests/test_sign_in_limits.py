"""Sign-in throttling (django-axes) and the audit of every sign-in, failure and lockout."""

from datetime import timedelta

import time_machine
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from exitlens.core.models import AuditEntry
from tests.conftest import PASSWORD
from tests.test_api_support import Api, make_key


def sign_in(client, password, username="hanna"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def test_it_refuses_the_right_password_after_a_hundred_wrong_ones(client, hr):
    """The reported attack: 100 wrong passwords, then the right one, went straight in."""
    for attempt in range(100):
        sign_in(client, f"guess-{attempt}")
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "locked for 15 minutes" in response.content.decode()


def test_it_locks_after_the_failure_limit_and_not_before(client, hr, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, f"guess-{attempt}").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302  # a success resets the count


def test_the_lock_holds_from_another_address(client, hr, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    response = client.post(
        reverse("login"), {"username": "hanna", "password": PASSWORD}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429


def test_the_lock_ends_after_the_cool_off(client, hr, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    assert sign_in(client, PASSWORD).status_code == 429
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        assert sign_in(client, PASSWORD).status_code == 302


def test_a_locked_username_does_not_lock_the_others(client, hr, admin, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    assert sign_in(client, PASSWORD, username="alice").status_code == 302


def test_every_sign_in_failure_and_lockout_is_audited(client, hr, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}")
    failures = AuditEntry.objects.filter(action="auth.sign_in_failed")
    assert failures.count() >= settings.AXES_FAILURE_LIMIT
    failure = failures.first()
    assert failure.data["username"] == "hanna"
    assert failure.ip_address == "10.0.0.7"
    assert AuditEntry.objects.filter(action="auth.locked_out", data__username="hanna").exists()
    assert not AuditEntry.objects.filter(data__password__isnull=False).exists()


def test_a_sign_in_and_a_sign_out_are_audited(client, hr):
    assert sign_in(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    actions = list(AuditEntry.objects.filter(actor=hr).values_list("action", flat=True))
    assert "auth.signed_in" in actions
    assert "auth.signed_out" in actions


def test_the_password_never_reaches_the_audit_log(client, hr):
    sign_in(client, "my-secret-guess")
    assert not any("my-secret-guess" in str(entry.data) for entry in AuditEntry.objects.all())


def test_the_api_tokens_of_a_locked_administrator_keep_working(client, admin, settings):
    """A token is its own credential: a lockout of its issuer's password does not touch it."""
    api = Api(client, make_key(admin, role="hr", scope="read"))
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"guess-{attempt}", username="alice")
    assert sign_in(client, PASSWORD, username="alice").status_code == 429

    assert api.get("/api/v1/departures/").status_code == 200


def test_bad_api_tokens_count_no_sign_in_failures(client, admin, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = Api(client, f"wrong-{attempt}").get("/api/v1/departures/")
        assert response.status_code == 401
    assert not AccessAttempt.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="auth.").exists()
    assert sign_in(client, PASSWORD, username="alice").status_code == 302
