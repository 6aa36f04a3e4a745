"""Personal-link tokens: 256 random bits, of which only a SHA-256 hash is ever stored."""

import hashlib
import re
import secrets

TOKEN_BYTES = 32
_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def looks_like_token(value: str) -> bool:
    return bool(_TOKEN_PATTERN.match(value))
