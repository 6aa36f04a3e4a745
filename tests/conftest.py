"""The shared test world: one organisation and a fixed cast.

- admin: an administrator
- hr: an HR user (sees everything about departures and interviews)
- viewer: a management viewer (aggregated insights only, never an individual interview)
- outsider: a signed-in user with no role in this organisation's HR (an inactive account)
- leaver: a departure with an open self-service invitation; `leaver_token` is the link token
"""

import os
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.utils import translation

from exitlens.core.models import Department, Departure, Manager, User
from exitlens.core.services import invitations
from exitlens.core.services.questionnaires import current_version

PASSWORD = "correct horse battery staple"
CLOCK_SHIFT_VARIABLE = "EXITLENS_TEST_CLOCK_SHIFT_DAYS"


def pytest_configure(config):
    """With EXITLENS_TEST_CLOCK_SHIFT_DAYS=365 the whole suite runs with the clock a year ahead
    (CI does so once), which shows any test that depends on the day it runs."""
    days = os.environ.get(CLOCK_SHIFT_VARIABLE, "").strip()
    if days:
        shifted = datetime.now(UTC) + timedelta(days=int(days))
        config._exitlens_clock = time_machine.travel(shifted, tick=True)
        config._exitlens_clock.start()


def pytest_report_header(config):
    days = os.environ.get(CLOCK_SHIFT_VARIABLE, "").strip()
    return f"clock shifted {days} days ahead" if days else None


@pytest.fixture(autouse=True)
def _empty_cache():
    """The insights cache results per process; each test starts without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Requests choose their own language; code a test calls directly runs in English."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def admin(db):
    return User.objects.create_user("alice", "alice@example.org", PASSWORD, role=User.Role.ADMIN)


@pytest.fixture
def hr(db):
    return User.objects.create_user(
        "hanna", "hanna@example.org", PASSWORD, role=User.Role.HR, first_name="Hanna"
    )


@pytest.fixture
def viewer(db):
    return User.objects.create_user("victor", "victor@example.org", PASSWORD, role=User.Role.VIEWER)


@pytest.fixture
def outsider(db):
    return User.objects.create_user(
        "oscar", "oscar@example.org", PASSWORD, role=User.Role.HR, is_active=False
    )


@pytest.fixture
def department(db):
    manager = Manager.objects.create(name="Mila Manager", email="mila@example.org")
    return Department.objects.create(name="Customer Service", manager=manager)


@pytest.fixture
def departure(department):
    return Departure.objects.create(
        full_name="Lotte Leaver",
        work_email="lotte@work.example.org",
        personal_email="lotte@home.example.org",
        language="nl",
        department=department,
        manager=department.manager,
        job_title="Service agent",
        location="Utrecht",
        hire_date=date(2021, 3, 1),
        leave_date=date(2026, 10, 31),
        departure_type=Departure.Type.RESIGNATION,
        regrettable=True,
        external_id="HR-1001",
    )


@pytest.fixture
def questionnaire_version(db):
    return current_version()


@pytest.fixture
def leaver_invitation(departure, hr, questionnaire_version, mailoutbox):
    return invitations.send_invitation(departure, by=hr, confidentiality="confidential")


@pytest.fixture
def leaver_token(leaver_invitation, mailoutbox):
    """The token from the link in the invitation e-mail, as the leaver would get it."""
    body = mailoutbox[-1].body
    return body.split("/i/")[1].split("/")[0]


def login(client, user):
    """Signed in as the sign-in form would (tests/test_login.py covers the form and lockout):
    an inactive account is not."""
    if user.is_active:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture(autouse=True)
def _fake_analyser(request, monkeypatch):
    """Every test codes answers with `tests.fakes.FakeAnalyzer` (fast, deterministic, no
    sentence encoder). A test about coding itself is marked `real_analyser` and gets the real
    one, whose encoder and trained models load once per test run and stay cached in-process."""
    if request.node.get_closest_marker("real_analyser"):
        yield
        return
    from exitlens.analysis import sensitive
    from exitlens.core.services import coding
    from tests.fakes import FakeAnalyzer, no_model_categories

    fake = FakeAnalyzer()
    monkeypatch.setattr(coding, "analyzer", lambda: fake)
    monkeypatch.setattr(sensitive, "model_categories", no_model_categories)
    yield
