"""Logs never carry a leaver's personal link: its token alone opens the interview.

Only a SHA-256 of each token is stored (exitlens.core.tokens), so a log line is where a link could
leak: Django's "Not Found: /i/<token>/", the error reports mailed to admins (path, META and a
leaver's answers in POST), runserver's request lines and gunicorn's access and error logs
(request line, Referer, a redirect's Location). settings.LOGGING puts `HidePersonalLinks` on
every handler; `exitlens serve` runs gunicorn with `GunicornLogger`.
"""

import copy
import logging
import re

from django.http import HttpRequest
from gunicorn import glogging

HIDDEN = "[personal link]"
# /i/ (also as %2Fi%2F) and what follows, if long enough to be a token or much of one:
# mistyped, percent-encoded or cut short. The leaver's other pages (/i/protection/) stay.
_LINK = re.compile(r"(?:/|%2f)i(?:/|%2f)[a-z0-9_%-]{20,}", re.IGNORECASE)
# A token on its own: 43 characters of its alphabet (exitlens.core.tokens.looks_like_token).
_TOKEN = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")
_formatter = logging.Formatter()


def redact(text: str) -> str:
    """The text with every personal link (and anything shaped like a token) hidden."""
    return _TOKEN.sub(HIDDEN, _LINK.sub(f"/i/{HIDDEN}", text))


def redact_request(request: HttpRequest) -> HttpRequest:
    """A copy of the request to show in an error report: no token in its path, META (path,
    Referer, raw URI) or view arguments, and on a leaver's page none of the answers it posted."""
    if getattr(request, "_exitlens_redacted", False):
        return request
    safe = copy.copy(request)
    safe._exitlens_redacted = True
    safe.path = redact(request.path)
    safe.path_info = redact(request.path_info)
    safe.META = {
        key: redact(value) if isinstance(value, str) else value
        for key, value in request.META.items()
    }
    if hasattr(request, "environ"):
        safe.environ = safe.META
    if request.resolver_match is not None:
        match = object.__new__(type(request.resolver_match))  # it refuses copy.copy()
        match.__dict__.update(vars(request.resolver_match))
        match.args = tuple(redact(str(value)) for value in match.args)
        match.kwargs = {key: redact(str(value)) for key, value in match.kwargs.items()}
        safe.resolver_match = match
    if _LINK.search(request.path):
        # Django's SafeExceptionReporterFilter then shows every POST value as stars.
        safe.sensitive_post_parameters = "__ALL__"
    return safe


class HidePersonalLinks(logging.Filter):
    """Rewrites a record before a handler writes it: its message with the arguments filled in,
    its traceback, and the request an error report is made of."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record; the handler reports it, without the token
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = redact(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = _formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest):
            record.request = redact_request(request)
        return True


class GunicornLogger(glogging.Logger):
    """gunicorn's logger without personal links in the access log (any format: request line,
    path, query, Referer, headers, environ) or the error log ("Error handling request /i/…")."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(found, HidePersonalLinks) for found in log.filters):
                log.addFilter(HidePersonalLinks())

    def atoms(self, resp, req, environ, request_time) -> dict:
        return {
            key: redact(value) if isinstance(value, str) else value
            for key, value in super().atoms(resp, req, environ, request_time).items()
        }
