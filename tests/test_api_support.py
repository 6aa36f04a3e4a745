"""Shared by the API tests; holds no tests itself. Tokens, and requests made with them."""

import json

from exitlens.api.tokens import issue_token


def make_key(creator, *, role="hr", scope="write", expires_in_days=None, name="Test token"):
    """A new token's key, issued by `creator` (an administrator)."""
    _token, key = issue_token(
        name=name, role=role, scope=scope, expires_in_days=expires_in_days, by=creator
    )
    return key


class Api:
    """The Django test client with a bearer token, speaking JSON."""

    def __init__(self, client, key: str | None):
        self.client = client
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}

    def get(self, path: str, params: dict | None = None, **headers):
        return self.client.get(path, params or {}, headers=self.headers | headers)

    def send(self, method: str, path: str, body=None, *, raw=None, content_type="application/json"):
        data = raw if raw is not None else json.dumps(body if body is not None else {})
        call = getattr(self.client, method.lower())
        return call(path, data, content_type=content_type, headers=self.headers)

    def post(self, path: str, body=None, **kwargs):
        return self.send("POST", path, body, **kwargs)

    def patch(self, path: str, body=None, **kwargs):
        return self.send("PATCH", path, body, **kwargs)

    def put(self, path: str, body=None, **kwargs):
        return self.send("PUT", path, body, **kwargs)


def error_of(response, status: int) -> dict:
    """The error body of `response`, after checking its status and shape."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    error = response.json()["error"]
    assert error["status"] == status
    assert set(error) == {"status", "code", "message", "fields"}
    assert error["message"]
    return error
