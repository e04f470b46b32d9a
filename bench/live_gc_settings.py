"""The load benchmark's settings plus a line on stderr per garbage collection of the older
generations, with how long it took (bench/RESULTS.md, the GC figures). Benchmark only:

    .venv/bin/python bench/live_load.py … \
        --server-env DJANGO_SETTINGS_MODULE=bench.live_gc_settings
"""

import gc
import os
import sys
import time

from bench.live_settings import *  # noqa: F403

_started: dict[int, float] = {}


def _time_collection(phase: str, info: dict[str, int]) -> None:
    generation = info["generation"]
    if generation < 1:
        return
    if phase == "start":
        _started[generation] = time.perf_counter()
        return
    took = (time.perf_counter() - _started.get(generation, time.perf_counter())) * 1000
    sys.stderr.write(f"GC gen{generation} pid={os.getpid()} {took:.1f} ms\n")


gc.callbacks.append(_time_collection)
