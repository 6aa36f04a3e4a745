"""The OpenAPI description and the offline docs page; and a property-based run of schemathesis
against the served description, with the Django WSGI app in-process and an HR write token."""

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from exitlens.core.models import (
    Answer,
    AnswerChoice,
    AnswerTheme,
    Departure,
    Interview,
    Invitation,
)
from exitlens.core.services.questionnaires import current_version
from tests.anonymous import release_alone
from tests.test_api_support import make_key

SCHEMA = "/api/v1/schema/"
DOCS = "/api/v1/docs/"


@pytest.fixture
def served(client, db):
    response = client.get(SCHEMA)
    assert response.status_code == 200
    return response.json()


def _operations(schema: dict):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_the_description_is_valid_openapi_and_generated_without_warnings(served):
    validate_schema(served)
    assert not GENERATOR_STATS, "drf-spectacular warned while describing the API"
    assert served["info"]["title"] == "Exitlens API"
    assert served["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token from the API tokens page (administrators only).",
    }


def test_it_describes_every_endpoint_and_nothing_else(served):
    assert sorted(served["paths"]) == [
        "/api/v1/anonymous-interviews/",
        "/api/v1/anonymous-interviews/{interview_id}/",
        "/api/v1/departments/",
        "/api/v1/departures/",
        "/api/v1/departures/{code}/",
        "/api/v1/departures/{code}/interview/",
        "/api/v1/departures/{code}/interview/answers/",
        "/api/v1/departures/{code}/invitations/",
        "/api/v1/insights/",
        "/api/v1/interviews/",
        "/api/v1/managers/",
        "/api/v1/themes/",
    ]


def test_every_operation_documents_its_bodies_its_errors_and_its_token(served):
    for path, method, operation in _operations(served):
        assert operation["security"] == [{"bearerAuth": []}], (method, path)
        responses = operation["responses"]
        success = [code for code in responses if code.startswith("2")]
        assert len(success) == 1, (method, path)
        assert "content" in responses[success[0]], (method, path)
        for code in ("400", "401", "403", "429"):
            schema = responses[code]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, code)
        if "{" in path:
            assert "404" in responses, (method, path)
        if method in ("post", "put", "patch"):
            assert "requestBody" in operation, (method, path)
            assert {"413", "415"} <= set(responses), (method, path)


def test_the_query_parameters_come_from_the_forms(served):
    parameters = {p["name"]: p for p in served["paths"]["/api/v1/departures/"]["get"]["parameters"]}
    assert set(parameters) == {
        "leave_date_from",
        "leave_date_to",
        "department",
        "departure_type",
        "external_id",
        "limit",
        "offset",
    }
    assert parameters["limit"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 500}
    assert parameters["leave_date_from"]["schema"] == {"type": "string", "format": "date"}
    insights = served["paths"]["/api/v1/insights/"]["get"]["parameters"]
    assert {p["name"] for p in insights} >= {"start", "end", "department", "by", "granularity"}


def test_the_description_is_served_without_a_token_and_as_yaml_too(client, db):
    response = client.get(SCHEMA, headers={"Accept": "application/vnd.oai.openapi"})
    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.0")


SETTINGS_LINES = """
from exitlens.api import settings as api_settings

REST_FRAMEWORK = api_settings.REST_FRAMEWORK
SPECTACULAR_SETTINGS = api_settings.SPECTACULAR_SETTINGS
"""


def test_the_settings_lines_for_the_project_give_a_clean_schema(tmp_path):
    """What docs/api.md asks settings.py to hold: drf-spectacular's own command then describes
    this API, valid and without a warning."""
    (tmp_path / "with_api_settings.py").write_text(
        "from tests.settings import *  # noqa: F403\n" + SETTINGS_LINES
    )
    root = Path(__file__).resolve().parent.parent
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(root)]),
        "DJANGO_SETTINGS_MODULE": "with_api_settings",
    }
    command = ["spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "api.yml")]
    result = subprocess.run(
        [sys.executable, "-m", "django", *command],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    described = (tmp_path / "api.yml").read_text()
    assert "/api/v1/departures/{code}/:" in described
    assert "/api/v1/schema/" not in described


def test_the_guide_documents_every_operation_and_the_settings_lines(served):
    guide = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text()
    for path, method, _operation in _operations(served):
        row = f"`{method.upper()} {path.removeprefix('/api/v1/')}`"
        assert row.replace("{interview_id}", "{id}") in guide, row
    assert SETTINGS_LINES.strip() in guide


def test_the_docs_page_uses_only_files_served_by_this_server(client, db):
    response = client.get(DOCS)

    assert response.status_code == 200
    html = response.content.decode()
    assert "://" not in html  # no CDN, no validator, no absolute address at all
    references = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(references) == 5
    script = f"{DOCS}?script="
    for reference in references:
        if reference == script:  # the page's own script, a file, not inline (the CSP)
            continue
        assert reference.startswith("/static/drf_spectacular_sidecar/"), reference
        assert finders.find(reference.removeprefix("/static/")), reference
    code = client.get(script).content.decode()
    assert f'url: "{SCHEMA}"' in code.replace("\\u002D", "-").replace("\\/", "/")
    assert '"validatorUrl": null' in code


# Property-based: whatever schemathesis sends, no 500, and every answer fits the description.


def _some_data(department, admin) -> dict[str, str]:
    """A little of everything, so generated requests meet real rows as well as 404s. Returns
    the codes and ids a case may be steered to."""
    version = current_version()
    found = {}
    for number, confidentiality in enumerate(("named", "anonymous")):
        departure = Departure.objects.create(
            full_name=f"Person {number}",
            personal_email=f"person{number}@example.org",
            department=department,
            leave_date=date(2026, 3, 31),
            hire_date=date(2020, 1, 1),
        )
        interview = Interview.objects.create(
            departure=departure,
            questionnaire_version=version,
            mode=Interview.Mode.SELF_SERVICE,
            confidentiality=confidentiality,
            status=Interview.Status.COMPLETED,
            language="en",
            department=department,
            leave_quarter="2026-Q1",
            tenure_band="5-10",
        )
        Invitation.objects.create(
            departure=departure,
            interview=interview,
            sent_to="x@example.org",
            expires_at=departure.created_at,
            sent_by=admin,
        )
        questions = {q.key: q for q in version.questions.all()}
        text = Answer.objects.create(
            interview=interview, question=questions["reason"], text="Too much work.", certainty=1
        )
        AnswerTheme.objects.create(answer=text, theme="workload", polarity="negative", score=0.9)
        choice = Answer.objects.create(interview=interview, question=questions["main_reason"])
        AnswerChoice.objects.create(answer=choice, value="workload")
        found[confidentiality] = str(departure.code)
        if confidentiality == "anonymous":
            found["interview_id"] = str(release_alone(interview).id)
    return found


@pytest.fixture
def same_connection():
    """Requests through the WSGI app keep the test's database connection, as Django's test
    client does: closing it after each request would end the test's transaction."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def world(admin, departure, mailoutbox, same_connection):
    known = _some_data(departure.department, admin)
    return {
        "headers": {"Authorization": f"Bearer {make_key(admin, role='hr', scope='write')}"},
        "codes": [str(departure.code), known["named"], known["anonymous"]],
        "interview_id": known["interview_id"],
        "department": departure.department_id,
    }


def _steer(case, world: dict, choice: int) -> None:
    """Point a generated case at existing rows (choice > 0) or leave it as generated (0)."""
    if not choice:
        return
    parameters = case.path_parameters or {}
    if "code" in parameters:
        parameters["code"] = world["codes"][choice - 1]
    if "interview_id" in parameters:
        parameters["interview_id"] = world["interview_id"]
    if isinstance(case.body, dict) and "department" in case.body:
        case.body["department"] = world["department"]


schema = schemathesis.openapi.from_wsgi(SCHEMA, get_wsgi_application())


@schema.parametrize()
@schema.given(choice=st.integers(min_value=0, max_value=3))
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_never_fails_and_always_answers_as_described(case, choice, world):
    _steer(case, world, choice)
    case.call_and_validate(
        headers=world["headers"], checks=[not_a_server_error, response_schema_conformance]
    )
