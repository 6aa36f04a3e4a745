"""Signing webhook bodies, and checking a signature as a receiver would. Imports no Django."""

import hashlib
import hmac
import time

PREFIX = "sha256="
TOLERANCE = 300  # seconds a receiver should accept between the timestamp and its own clock


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The X-Exitlens-Signature header: HMAC-SHA256 of `{timestamp}.{body}`, hex, prefixed."""
    message = timestamp.encode("ascii") + b"." + body
    return PREFIX + hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(
    secret: str,
    timestamp: str,
    body: bytes,
    signature: str,
    *,
    tolerance: int = TOLERANCE,
    now: float | None = None,
) -> bool:
    """True when the signature is right and the timestamp recent (a replay is refused)."""
    try:
        sent = int(timestamp)
    except ValueError:
        return False
    now = time.time() if now is None else now
    if abs(now - sent) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)
