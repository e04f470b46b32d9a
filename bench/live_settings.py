"""Settings for the live meeting room's load benchmark (bench/live_load.py).

The production settings unchanged, served from bench/live_urls.py: the app's URLs plus one
bare constant view to hold the meeting screens' poll against, behind the same middleware.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.live_urls"
