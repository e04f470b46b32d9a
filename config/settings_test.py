"""Settings for the test suite: the production settings with test conveniences switched on."""

import os

os.environ.setdefault("TEAMLAERING_TESTING", "1")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
