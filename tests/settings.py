"""Settings for the test suite: the real settings with a test key and fast password hashing."""

import os
import tempfile

os.environ.setdefault(
    "EXITLENS_SECRET_KEY",
    "test-only-secret-key-" + "0123456789abcdef" * 4,
)
# A data folder per test process: pytest-xdist's workers would otherwise share the one the
# controlling process made (and handed down in the environment).
if worker := os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["EXITLENS_DATA_DIR"] = tempfile.mkdtemp(prefix=f"exitlens-test-{worker}-")
os.environ.setdefault("EXITLENS_DATA_DIR", tempfile.mkdtemp(prefix="exitlens-test-"))
os.environ.setdefault("EXITLENS_LANGUAGE", "en")
os.environ.setdefault("EXITLENS_SITE_URL", "http://testserver")
# Background tasks run where they are enqueued; tests/test_worker*.py start real workers.
os.environ.setdefault("EXITLENS_TASKS", "immediate")

from exitlens.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
