"""The production settings for the production test's `collectstatic` only (the app servers run
config.settings itself): whitenoise compresses just the stylesheets, which the test fetches
compressed, since compressing all 450 files of Bootstrap and the admin takes minutes here."""

from config.settings import *  # noqa: F403

WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("js", "mjs", "map", "json", "svg", "txt", "html", "md", "scss", "ts", "xml", "less"),
    *("ico", "eot", "ttf", "otf", "woff", "woff2", "png", "jpg", "jpeg", "gif", "webp"),
]
