"""API tokens: the administrators' page, how keys are stored, and authenticating with them."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from exitlens.api.models import ApiToken
from exitlens.api.tokens import issue_token
from exitlens.core.models import AuditEntry, User
from tests.conftest import login
from tests.test_api_support import Api, error_of, make_key

PAGE = reverse("api_tokens")
DEPARTMENTS = "/api/v1/departments/"


def _revoke_url(token: ApiToken) -> str:
    return reverse("api_token_revoke", args=[token.code])


# Storing keys


def test_it_stores_only_the_hash_and_a_short_prefix_of_a_key(admin):
    token, key = issue_token(
        name="HR system", role="hr", scope="write", expires_in_days=None, by=admin
    )

    assert key.startswith("exl_") and len(key) == 47
    token.refresh_from_db()
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12]
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(key in str(value) for value in stored.values())


def test_every_key_is_new(admin):
    keys = {make_key(admin) for _ in range(5)}
    assert len(keys) == 5


# The page


def test_the_page_sends_anonymous_visitors_to_login(client, db):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_page_is_hidden_from_hr_and_viewers(client, hr, viewer, admin):
    token, _key = issue_token(name="x", role="hr", scope="read", expires_in_days=None, by=admin)
    for user in (hr, viewer):
        login(client, user)
        assert client.get(PAGE).status_code == 404
        assert client.post(PAGE, {"name": "y", "role": "hr", "scope": "write"}).status_code == 404
        assert client.post(_revoke_url(token)).status_code == 404
    assert ApiToken.objects.count() == 1
    assert ApiToken.objects.get().revoked_at is None


def test_the_page_lists_tokens_without_their_keys(client, admin):
    _token, key = issue_token(
        name="Payroll sync", role="viewer", scope="read", expires_in_days=30, by=admin
    )
    login(client, admin)

    response = client.get(PAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Payroll sync" in html
    assert key[:12] in html
    assert key not in html
    assert 'href="/administration/" aria-current="page"' in html  # under Administration
    assert "---------" not in html  # the form offers real roles and scopes only


def test_it_creates_a_token_and_shows_its_key_only_once(client, admin):
    login(client, admin)

    response = client.post(
        PAGE, {"name": "HR system", "role": "hr", "scope": "write", "expires_in_days": "90"}
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get()
    assert (token.name, token.role, token.scope, token.created_by) == (
        "HR system",
        "hr",
        "write",
        admin,
    )
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)
    key = response.context["key"]
    assert key in response.content.decode()
    assert hashlib.sha256(key.encode()).hexdigest() == token.key_hash
    assert key not in client.get(PAGE).content.decode()
    entry = AuditEntry.objects.get(action="api_token.created")
    assert entry.actor == admin
    assert "HR system" in entry.subject
    assert entry.data == {
        "role": "hr",
        "scope": "write",
        "expires_at": token.expires_at.isoformat(),
    }
    assert Api(client, key).get(DEPARTMENTS).status_code == 200


def test_a_token_without_expiry_never_expires(client, admin):
    login(client, admin)
    client.post(PAGE, {"name": "Forever", "role": "viewer", "scope": "read"})
    assert ApiToken.objects.get().expires_at is None


@pytest.mark.parametrize(
    "form",
    [
        {"name": "", "role": "hr", "scope": "read"},
        {"name": "x", "role": "admin", "scope": "read"},
        {"name": "x", "role": "hr", "scope": "delete"},
        {"name": "x", "role": "hr", "scope": "read", "expires_in_days": "0"},
        {"name": "x", "role": "hr", "scope": "read", "expires_in_days": "soon"},
    ],
)
def test_it_refuses_an_invalid_token_form(client, admin, form):
    login(client, admin)

    response = client.post(PAGE, form)

    assert response.status_code == 400
    assert response.context["key"] is None
    assert not ApiToken.objects.exists()
    assert not AuditEntry.objects.filter(action="api_token.created").exists()


def test_it_revokes_a_token(client, admin):
    token, key = issue_token(name="Old", role="hr", scope="read", expires_in_days=None, by=admin)
    login(client, admin)

    response = client.post(_revoke_url(token))

    assert response.status_code == 302
    assert response.url == PAGE
    token.refresh_from_db()
    assert token.revoked_at is not None
    entry = AuditEntry.objects.get(action="api_token.revoked")
    assert entry.actor == admin
    assert token.prefix in entry.subject
    assert error_of(Api(client, key).get(DEPARTMENTS), 401)["code"] == "token_revoked"
    assert "Revoked" in client.get(PAGE).content.decode()


def test_revoking_twice_is_audited_once(client, admin):
    token, _key = issue_token(name="Old", role="hr", scope="read", expires_in_days=None, by=admin)
    login(client, admin)
    client.post(_revoke_url(token))
    client.post(_revoke_url(token))
    assert AuditEntry.objects.filter(action="api_token.revoked").count() == 1


def test_revoking_needs_post(client, admin):
    token, _key = issue_token(name="Old", role="hr", scope="read", expires_in_days=None, by=admin)
    login(client, admin)
    assert client.get(_revoke_url(token)).status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


# Authenticating


def test_no_token_gets_401_with_a_bearer_challenge(client, db):
    response = client.get(DEPARTMENTS)

    error = error_of(response, 401)
    assert error["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("header", "code"),
    [
        ("Basic YWxpY2U6c2VjcmV0", "bad_header"),
        ("Bearer", "bad_header"),
        ("Bearer exl_not-a-real-token", "token_unknown"),
        ("Bearer exl_" + "A" * 43, "token_unknown"),
        ("Bearer \u00e9\u00e9\u00e9", "token_unknown"),
    ],
)
def test_a_bad_or_unknown_token_gets_401(client, admin, header, code):
    make_key(admin)

    response = client.get(DEPARTMENTS, headers={"Authorization": header})

    assert error_of(response, 401)["code"] == code


def test_an_expired_token_gets_401(client, admin):
    key = make_key(admin, expires_in_days=1)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    error = error_of(Api(client, key).get(DEPARTMENTS), 401)

    assert error["code"] == "token_expired"
    assert "expired" in error["message"]


@pytest.mark.parametrize("change", ["deactivate", "demote", "delete"])
def test_a_token_stops_working_when_its_creator_is_no_longer_an_active_admin(client, admin, change):
    key = make_key(admin)
    if change == "deactivate":
        User.objects.filter(pk=admin.pk).update(is_active=False)
    elif change == "demote":
        User.objects.filter(pk=admin.pk).update(role=User.Role.HR)
    else:
        admin.delete()

    assert error_of(Api(client, key).get(DEPARTMENTS), 401)["code"] == "token_orphaned"


def test_a_token_in_use_records_when_it_was_last_used(client, admin):
    key = make_key(admin)
    assert ApiToken.objects.get().last_used_at is None

    Api(client, key).get(DEPARTMENTS)

    assert ApiToken.objects.get().last_used_at is not None


def test_a_session_does_not_authenticate_the_api(client, admin):
    login(client, admin)
    assert error_of(client.get(DEPARTMENTS), 401)["code"] == "not_authenticated"


# Rate limiting


@pytest.fixture
def two_per_minute(settings):
    settings.REST_FRAMEWORK = {"DEFAULT_THROTTLE_RATES": {"api_token": "2/minute"}}


def test_it_limits_the_requests_per_token(client, admin, two_per_minute):
    api = Api(client, make_key(admin))
    assert api.get(DEPARTMENTS).status_code == 200
    assert api.get(DEPARTMENTS).status_code == 200

    response = api.get(DEPARTMENTS)

    assert error_of(response, 429)["code"] == "throttled"
    assert 1 <= int(response["Retry-After"]) <= 60
    other = Api(client, make_key(admin, name="Another"))
    assert other.get(DEPARTMENTS).status_code == 200


def test_the_default_rate_comes_from_the_api_settings():
    from exitlens.api.settings import REST_FRAMEWORK, THROTTLE_RATE
    from exitlens.api.throttling import TokenRateThrottle

    assert REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["api_token"] == THROTTLE_RATE == "600/minute"
    assert TokenRateThrottle().get_rate() == THROTTLE_RATE
