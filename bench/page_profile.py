"""What each page of the live-room benchmark's mix costs, in one process. Run by hand.

    DATABASE_URL=postgres://postgres@127.0.0.1:8150/tl_live_bench \
    DJANGO_SECRET_KEY=… DJANGO_ALLOWED_HOSTS=teamlaering.bench \
    DJANGO_SETTINGS_MODULE=bench.live_settings \
    .venv/bin/python -m bench.page_profile --data /tmp/teamlaering-live-load.json --profile

Uses the data bench/live_load.py made (bench/live_setup.py: a browser's session) and asks for
the browsers' pages (the start page, the meetings list) through Django's whole handler, the
production middleware included (debug off, whitenoise), as the proxy would (HTTPS). For each
page: CPU per request of this process (PostgreSQL's own work is not in it), wall time, the
number of SQL queries and the time Python spent waiting for them; with --profile, cProfile's
most expensive functions over the same requests.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
from pathlib import Path

PAGES = ["/", "/moeder/"]
HOST = "teamlaering.bench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/tmp/teamlaering-live-load.json"))
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    sessions = [browser["session"] for browser in json.loads(args.data.read_text())["browsers"]]
    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    for path in PAGES:
        # Warm: templates compiled and cached, the pool's connections open.
        for session in sessions[:5]:
            client.cookies["sessionid"] = session
            assert client.get(path).status_code == 200, path
        cpu: list[float] = []
        wall: list[float] = []
        query_wait: list[float] = []
        queries = 0
        profiler = cProfile.Profile() if args.profile else None
        for index in range(args.requests):
            client.cookies["sessionid"] = sessions[index % len(sessions)]
            with CaptureQueriesContext(connection) as captured:
                started_cpu, started = time.process_time(), time.perf_counter()
                if profiler:
                    profiler.enable()
                response = client.get(path)
                if profiler:
                    profiler.disable()
                cpu.append(time.process_time() - started_cpu)
                wall.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
            queries = len(captured.captured_queries)
            query_wait.append(sum(float(query["time"]) for query in captured.captured_queries))
        print(
            f"{path}: CPU per request median {statistics.median(cpu) * 1000:.1f} ms "
            f"(p95 {sorted(cpu)[int(len(cpu) * 0.95)] * 1000:.1f}), wall median "
            f"{statistics.median(wall) * 1000:.1f} ms, {queries} queries, waiting for them "
            f"median {statistics.median(query_wait) * 1000:.1f} ms, "
            f"{len(response.content)} bytes"
        )
        if profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)
        if args.requests:
            for query in captured.captured_queries:
                print("   ", query["time"], query["sql"][:300])


if __name__ == "__main__":
    main()
