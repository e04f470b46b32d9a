"""Settings for the test suite: the production settings with test conveniences switched on."""

import os

os.environ.setdefault("TEAMLAERING_TESTING", "1")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: with an in-memory database the browser tests' live server shares one
    # connection between its threads, and two screens at once then fail with "table is
    # locked". On a file each request has its own connection and waits for the write lock, as
    # in production.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}  # noqa: F405

# Each request's connection closes when the request finishes, in whatever thread served it (the
# async tests' and the live server's): none is left open when the test database is dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
