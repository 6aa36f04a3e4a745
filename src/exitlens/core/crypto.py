"""Encryption of sealed anonymous responses with a key derived from the secret key.

AES-GCM with a random nonce: the ciphertext carries no time (Fernet's tokens would). The key is
derived from EXITLENS_SECRET_KEY, so someone with the database files alone cannot read a sealed
response; the fallback keys (SECRET_KEY_FALLBACKS) still open what was sealed before a rotation.
"""

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

NONCE_BYTES = 12
PURPOSE = b"exitlens sealed responses v1"


class UndecryptableError(Exception):
    """Sealed under a key that is no longer configured, or altered."""


def _key(secret: str) -> bytes:
    return hashlib.sha256(PURPOSE + b"\0" + secret.encode()).digest()


def encrypt(data: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(_key(settings.SECRET_KEY)).encrypt(nonce, data, PURPOSE)


def decrypt(sealed: bytes) -> bytes:
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            return AESGCM(_key(secret)).decrypt(nonce, body, PURPOSE)
        except InvalidTag:
            continue
    raise UndecryptableError
