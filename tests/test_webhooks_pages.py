"""webhooks/views.py: the administrators' pages for webhooks and their deliveries."""

import pytest
from django.urls import reverse

from exitlens.core.models import AuditEntry
from exitlens.webhooks import delivery
from exitlens.webhooks.models import Delivery, Event, Webhook
from tests.conftest import login
from tests.test_webhooks_delivery import Receiver

LIST_URL = reverse("webhook_list")
CREATE_URL = reverse("webhook_create")
SLACK_LIKE_URL = "https://hooks.example.org/services/T000/B000/secret-token-in-path"


@pytest.fixture
def receiver():
    with Receiver() as server:
        yield server


@pytest.fixture
def webhook(receiver, admin):
    return Webhook.objects.create(
        url=receiver.url,
        events=["interview.completed"],
        description="HR ticket system",
        created_by=admin,
    )


def _url(name: str, webhook: Webhook, *extra) -> str:
    return reverse(name, args=[webhook.pk, *extra])


def _form(**changes) -> dict:
    data = {
        "url": "https://hr-tools.example.org/exitlens",
        "description": "Ticket system",
        "events": ["interview.completed", "disclosure.flagged"],
        "active": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _failed_delivery(webhook: Webhook) -> Delivery:
    (created,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"interview": "x"})
    Delivery.objects.filter(pk=created.pk).update(
        status=Delivery.Status.FAILED, attempts=6, next_attempt_at=None, last_error="HTTP 500"
    )
    return created


def test_it_sends_an_anonymous_visitor_to_login(client, webhook):
    for url in (LIST_URL, CREATE_URL, _url("webhook_detail", webhook)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_it_hides_every_page_from_hr_and_viewers(client, hr, viewer, webhook, receiver):
    failed = _failed_delivery(webhook)
    for user in (hr, viewer):
        login(client, user)
        for name in ("webhook_detail", "webhook_edit", "webhook_delete"):
            assert client.get(_url(name, webhook)).status_code == 404
        assert client.get(LIST_URL).status_code == 404
        assert client.post(CREATE_URL, _form()).status_code == 404
        assert client.post(_url("webhook_edit", webhook), _form()).status_code == 404
        assert client.post(_url("webhook_delete", webhook)).status_code == 404
        assert client.post(_url("webhook_ping", webhook)).status_code == 404
        redeliver = _url("delivery_redeliver", webhook, failed.pk)
        assert client.post(redeliver).status_code == 404
    assert Webhook.objects.get() == webhook
    webhook.refresh_from_db()
    assert webhook.description == "HR ticket system"
    assert Delivery.objects.get().status == Delivery.Status.FAILED
    assert receiver.requests == []
    assert not AuditEntry.objects.filter(action__startswith="webhook.").exists()


def test_the_list_shows_webhooks_and_their_recent_deliveries(client, admin, webhook, receiver):
    receiver.answer(500)
    delivery.ping(webhook)
    login(client, admin)

    response = client.get(LIST_URL)

    content = response.content.decode()
    assert response.status_code == 200
    assert response.context["nav"] == "webhooks"
    assert webhook.url in content
    assert "HR ticket system" in content
    assert "interview.completed" in content
    assert "HTTP 500 Internal Server Error" in content
    assert "Send again" in content
    assert webhook.secret not in content


def test_it_adds_a_webhook_with_a_new_secret_and_shows_it(client, admin):
    login(client, admin)

    response = client.post(CREATE_URL, _form(url=SLACK_LIKE_URL))

    webhook = Webhook.objects.get()
    assert response.status_code == 302
    assert response.url == _url("webhook_detail", webhook)
    assert webhook.url == SLACK_LIKE_URL
    assert webhook.events == ["interview.completed", "disclosure.flagged"]
    assert webhook.active
    assert webhook.created_by == admin
    assert len(webhook.secret) >= 40
    entry = AuditEntry.objects.get(action="webhook.created")
    assert entry.actor == admin
    assert entry.subject == f"webhook hooks.example.org ({webhook.pk})"
    assert entry.data == {"events": webhook.events, "active": True}
    assert "secret-token-in-path" not in str(entry.data) + entry.subject

    detail = client.get(response.url)
    assert webhook.secret in detail.content.decode()


def test_every_webhook_gets_its_own_secret(client, admin):
    login(client, admin)
    client.post(CREATE_URL, _form())
    client.post(CREATE_URL, _form())

    first, second = Webhook.objects.values_list("secret", flat=True)
    assert first != second


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example.org/drop", "starts with https:// or http://"),
        ("file:///etc/passwd", "starts with https:// or http://"),
        ("hooks.example.org/exitlens", "starts with https:// or http://"),
        ("https://", "with a host name"),
        ("https://user:pass@hooks.example.org/", "Leave user names and passwords out"),
        ("https://hooks.example.org:99999/", "port number is not valid"),
        ("https://hooks.example.org/with space", "cannot contain spaces"),
        ("", "This field is required"),
    ],
)
def test_it_refuses_a_url_that_is_not_http_or_https(client, admin, url, message):
    login(client, admin)

    response = client.post(CREATE_URL, _form(url=url))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Webhook.objects.exists()


def test_it_accepts_an_intranet_host_name_without_a_domain(client, admin):
    login(client, admin)

    client.post(CREATE_URL, _form(url="http://hr-bridge:8080/exitlens"))

    assert Webhook.objects.get().url == "http://hr-bridge:8080/exitlens"


def test_it_refuses_a_webhook_without_events(client, admin):
    login(client, admin)

    response = client.post(CREATE_URL, _form(events=None))

    assert "Choose at least one event." in response.content.decode()
    assert not Webhook.objects.exists()


def test_it_refuses_an_unknown_event(client, admin):
    login(client, admin)

    response = client.post(CREATE_URL, _form(events=["answer.read"]))

    assert response.status_code == 200
    assert not Webhook.objects.exists()


def test_it_edits_and_deactivates_a_webhook(client, admin, webhook):
    login(client, admin)
    secret = webhook.secret

    response = client.post(
        _url("webhook_edit", webhook),
        _form(
            url=webhook.url,
            description="HR ticket system",
            events=["departure.imported"],
            active=None,
        ),
    )

    assert response.status_code == 302
    webhook.refresh_from_db()
    assert webhook.events == ["departure.imported"]
    assert not webhook.active
    assert webhook.secret == secret
    entry = AuditEntry.objects.get(action="webhook.changed")
    assert entry.data == {
        "fields": ["events", "active"],
        "events": ["departure.imported"],
        "active": False,
    }


def test_saving_without_changes_writes_no_audit_entry(client, admin, webhook):
    login(client, admin)

    client.post(
        _url("webhook_edit", webhook),
        _form(url=webhook.url, description="HR ticket system", events=webhook.events),
    )

    assert not AuditEntry.objects.filter(action="webhook.changed").exists()


def test_it_deletes_a_webhook_with_its_deliveries_after_confirmation(client, admin, webhook):
    delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"interview": "x"})
    login(client, admin)

    confirm = client.get(_url("webhook_delete", webhook))
    assert "1 of them has not been delivered yet" in confirm.content.decode()
    assert Webhook.objects.exists()

    response = client.post(_url("webhook_delete", webhook))

    assert response.status_code == 302
    assert response.url == LIST_URL
    assert not Webhook.objects.exists()
    assert not Delivery.objects.exists()
    entry = AuditEntry.objects.get(action="webhook.deleted")
    assert entry.data == {"deliveries": 1}


def test_it_sends_a_test_ping_and_shows_the_outcome(client, admin, webhook, receiver):
    login(client, admin)

    response = client.post(_url("webhook_ping", webhook), follow=True)

    (request,) = receiver.requests
    assert request.headers["X-Exitlens-Event"] == "ping"
    assert "Delivered: the receiver answered 200." in response.content.decode()
    assert Delivery.objects.get().status == Delivery.Status.SUCCEEDED


def test_a_failed_ping_says_why(client, admin, webhook, receiver):
    receiver.answer(403)
    login(client, admin)

    response = client.post(_url("webhook_ping", webhook), follow=True)

    assert "Not delivered: HTTP 403 Forbidden" in response.content.decode()
    assert Delivery.objects.get().status == Delivery.Status.FAILED


def test_a_ping_needs_a_post(client, admin, webhook, receiver):
    login(client, admin)

    assert client.get(_url("webhook_ping", webhook)).status_code == 405
    assert receiver.requests == []


def test_it_sends_a_failed_delivery_again(client, admin, webhook, receiver):
    failed = _failed_delivery(webhook)
    login(client, admin)

    response = client.post(_url("delivery_redeliver", webhook, failed.pk), follow=True)

    assert "Delivered: the receiver answered 200." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == Delivery.Status.SUCCEEDED
    (request,) = receiver.requests
    assert request.headers["X-Exitlens-Delivery"] == str(failed.pk)
    entry = AuditEntry.objects.get(action="webhook.redelivered")
    assert entry.data == {"delivery": str(failed.pk), "event": "interview.completed"}


def test_it_sends_only_a_failed_delivery_again(client, admin, webhook, receiver):
    (pending,) = delivery.enqueue([webhook], Event.INTERVIEW_COMPLETED, {"interview": "x"})
    login(client, admin)

    response = client.post(_url("delivery_redeliver", webhook, pending.pk), follow=True)

    assert "Only a failed delivery can be sent again." in response.content.decode()
    assert receiver.requests == []


def test_a_delivery_is_found_only_under_its_own_webhook(client, admin, webhook, receiver):
    other = Webhook.objects.create(url=receiver.url, events=["interview.completed"])
    failed = _failed_delivery(other)
    login(client, admin)

    response = client.post(_url("delivery_redeliver", webhook, failed.pk))

    assert response.status_code == 404
    assert receiver.requests == []


def test_an_unknown_webhook_is_a_404(client, admin, webhook):
    login(client, admin)
    webhook_url = _url("webhook_detail", webhook)
    webhook.delete()

    assert client.get(webhook_url).status_code == 404
