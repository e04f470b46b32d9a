"""Load benchmark of the live meeting room, against the app served by uvicorn. Run by hand.

    .venv/bin/python bench/live_load.py --screens 300 --workers 2 \
        --database-url postgres://postgres@127.0.0.1:5433/teamlaering_bench \
        --postmaster-pid /tmp/sse/pg/data/postmaster.pid --out /tmp/n300.json

Every open stream holds a PostgreSQL connection (bench/RESULTS.md), so N screens need a
cluster with max_connections well above N: bench/RESULTS.md shows how the benchmark's own
cluster was started. Against a shared cluster with the default 100 it takes every free slot.

One run: prepares the benchmark database (bench/live_setup.py: 70 running meetings, a session
per screen, per facilitator and per browser), starts uvicorn as README's Production section
does (debug off, a secret key, allowed hosts, the given DATABASE_URL; settings
bench/live_settings.py, which only add a bare constant view), then in one client process:

1. opens N Server-Sent Events streams (/moeder/<pk>/aendringer/?mode=…), spread over the 70
   meetings, each with a member's session cookie: the first screen of each meeting is its
   projector, the others "Følg møde"; notes the server's memory before and after;
2. leaves them idle (no changes, no other requests) and notes the server's CPU;
3. runs 50 "browsers", each asking for an ordinary page (the start page, the meetings list)
   every 5 s on a new connection, as a proxy in front would;
4. presses "Næste fase" in all 70 meetings within one second, as the control view's htmx form
   does (the control page fetched first for its CSRF token and version); the stream brings
   each screen the new state itself (meetings.screens: an "event: state" with the HTML of the
   state and, for "Følg møde", of the work region), which is when the screen has the new
   phase; a screen told only the version (one opened after its meeting's edition was built)
   does what static/js/runner.js then does: fetches the state (the poll with
   ?v=old&mode=participant) and, since the phase changed, the work region;
5. closes the streams and times the fallback poll's unchanged answer (204) against the bare
   constant view, over keep-alive connections, in alternating rounds.

Requests carry X-Forwarded-Proto: https, as the TLS-terminating proxy's would. The client is
the standard library only (asyncio, raw HTTP/1.1) so it can hold 3,000 streams in one process.
Prints a summary and writes every figure as JSON (--out). Bounded: every phase has a time
limit, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import resource
import signal
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HOST = "teamlaering.bench"
CLK_TCK = os.sysconf("SC_CLK_TCK")
ORIGIN = f"https://{HOST}"
TIMEOUT = 30.0


def now() -> float:
    return time.perf_counter()


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summary_ms(values: list[float]) -> dict[str, float | int | None]:
    """Count, median, p95 and max of durations in seconds, as milliseconds."""

    def ms(value: float | None) -> float | None:
        return None if value is None else round(value * 1000, 1)

    return {
        "n": len(values),
        "min": ms(min(values)) if values else None,
        "p50": ms(percentile(values, 50)),
        "p95": ms(percentile(values, 95)),
        "max": ms(max(values)) if values else None,
    }


# HTTP/1.1, just enough of it.


def request_bytes(
    method: str,
    path: str,
    *,
    cookies: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    body: bytes = b"",
    keep_alive: bool = False,
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "X-Forwarded-Proto: https"]
    if cookies:
        lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> list[str]:
        return [value for key, value in self.headers if key == name]


async def read_response(reader: asyncio.StreamReader, method: str = "GET") -> Response:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = []
    for line in lines[1:]:
        if ":" in line:
            key, _sep, value = line.partition(":")
            headers.append((key.strip().lower(), value.strip()))
    fields = dict(headers)
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        body = b""
    elif "content-length" in fields:
        body = await reader.readexactly(int(fields["content-length"]))
    elif fields.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                break
            parts.append(chunk[:-2])
        body = b"".join(parts)
    else:
        body = await reader.read()
    return Response(status, headers, body)


# Set with --nginx: the client then speaks TLS to nginx, as browsers do.
CLIENT_TLS: ssl.SSLContext | None = None


def tls() -> dict[str, Any]:
    """The TLS arguments of a connection to the server (none without the proxy)."""
    return {"ssl": CLIENT_TLS, "server_hostname": HOST} if CLIENT_TLS else {}


async def fetch(port: int, raw: bytes, method: str = "GET") -> Response:
    """One request on a connection of its own, as a proxy in front of the app would make it
    (or, with --nginx, as a browser without keep-alive makes it to the proxy)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, **tls())
    try:
        writer.write(raw)
        return await read_response(reader, method)
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()


# The server's processes.


def children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(child) for child in file.read().split()]
    return found


def cpu_seconds(pid: int, *, reaped: bool = False) -> float:
    """utime + stime; with `reaped`, also the children the process has waited for (the
    postmaster's: every backend that has exited, such as one per closed connection)."""
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if reaped:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / CLK_TCK


def status_field(pid: int, name: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as file:
            for line in file:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def machine_busy_seconds() -> float:
    """CPU time the whole machine spent busy, all cores (the first line of /proc/stat)."""
    with open("/proc/stat") as file:
        fields = [int(value) for value in file.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / CLK_TCK


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Processes:
    """CPU and memory of the uvicorn processes and, when its postmaster.pid is given, of a
    PostgreSQL cluster."""

    def __init__(self, server_pid: int, postmaster_pid_file: Path | None) -> None:
        self.server_pid = server_pid
        self.postmaster: int | None = None
        if postmaster_pid_file:
            self.postmaster = int(postmaster_pid_file.read_text().split()[0])

    def server(self) -> list[int]:
        return [self.server_pid, *children(self.server_pid)]

    def postgres(self) -> list[int]:
        if self.postmaster is None:
            return []
        return [self.postmaster, *children(self.postmaster)]

    def postgres_cpu(self) -> float:
        if self.postmaster is None:
            return 0.0
        return cpu_seconds(self.postmaster, reaped=True) + sum(
            cpu_seconds(pid) for pid in children(self.postmaster)
        )

    def snapshot(self) -> dict[str, Any]:
        server = self.server()
        postgres = self.postgres()
        return {
            "at": now(),
            "server_cpu": sum(cpu_seconds(pid) for pid in server),
            "server_rss_kb": sum(status_field(pid, "VmRSS") for pid in server),
            "workers": {
                str(pid): {
                    "rss_kb": status_field(pid, "VmRSS"),
                    "threads": status_field(pid, "Threads"),
                }
                for pid in server
            },
            "postgres_cpu": self.postgres_cpu(),
            "postgres_pss_kb": sum(pss_kb(pid) for pid in postgres),
            "postgres_processes": len(postgres),
            "client_cpu": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
            "machine_cpu": machine_busy_seconds(),
            "load_average": os.getloadavg(),
        }


def cpu_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, float]:
    """CPU in the window, as % of one core; "others" is what the rest of the machine used
    (other people's work on a shared machine), out of nproc * 100 %."""
    wall = after["at"] - before["at"]
    used = {
        name: (after[name] - before[name]) / wall
        for name in ("server_cpu", "postgres_cpu", "client_cpu", "machine_cpu")
    }
    others = used["machine_cpu"] - used["server_cpu"] - used["postgres_cpu"] - used["client_cpu"]
    return {f"{name}_pct": round(100 * value, 1) for name, value in used.items()} | {
        "others_cpu_pct": round(100 * others, 1),
        "seconds": round(wall, 1),
    }


def database_connections(database_url: str) -> int | None:
    """The benchmark database's open connections, as PostgreSQL counts them."""
    try:
        out = subprocess.run(
            [
                "psql",
                database_url,
                "-tAc",
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()",
            ],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return int(out.stdout.strip()) - 1  # not psql's own
    except (ValueError, subprocess.TimeoutExpired):
        return None


# The screens.


@dataclass(eq=False)
class Screen:
    index: int
    meeting: int
    session: str
    mode: str = "participant"
    version: int | None = None
    opened_at: float | None = None
    error: str | None = None
    ended: bool = False
    keepalives: int = 0
    anything: int = 0
    # The burst: the version before it, when the new one came, and the fetches after it.
    old_version: int | None = None
    new_at: float | None = None
    state_at: float | None = None
    state_status: int | str | None = None
    pushed_bytes: int = 0
    work_at: float | None = None
    work_status: int | str | None = None
    transport: asyncio.Transport | None = field(default=None, repr=False)


class Bench:
    def __init__(self, args: argparse.Namespace, data: dict[str, Any]) -> None:
        self.args = args
        # The client's way in: nginx's port with --nginx, else the app server's.
        self.port: int = args.proxy_port if args.nginx else args.port
        self.data = data
        self.screens = []
        projected: set[int] = set()
        for i, s in enumerate(data["screens"]):
            mode = "participant" if s["meeting"] in projected else "projector"
            projected.add(s["meeting"])
            self.screens.append(
                Screen(index=i, meeting=s["meeting"], session=s["session"], mode=mode)
            )
        self.all_opened = asyncio.Event()
        self.burst_on = False
        self.burst_done = asyncio.Event()
        self.pending_opened = len(self.screens)
        self.pending_burst = 0
        self.tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Any) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    # Streams

    def on_version(self, screen: Screen, version: int, at: float) -> None:
        if version < 0:
            # "Something may have changed" (the listener connected): runner.js would fetch.
            screen.anything += 1
            return
        if screen.version is None:
            screen.version = version
            screen.opened_at = at
            self.opened_one()
            return
        if version != screen.version:
            if self.burst_on and screen.new_at is None:
                screen.old_version = screen.version
                screen.new_at = at
                self.spawn(self.follow(screen, screen.version))
            screen.version = version

    def on_state(self, screen: Screen, version: int, at: float, size: int) -> None:
        """A state pushed in the stream: the screen has the new phase now, and its work."""
        if screen.version is None or version == screen.version:
            return
        if self.burst_on and screen.new_at is None:
            screen.old_version = screen.version
            screen.new_at = screen.state_at = at
            screen.state_status = "pushed"
            screen.pushed_bytes = size
            if screen.mode == "participant":
                screen.work_at, screen.work_status = at, "pushed"
            self.pending_burst -= 1
            if self.pending_burst <= 0:
                self.burst_done.set()
        screen.version = version

    def opened_one(self) -> None:
        self.pending_opened -= 1
        if self.pending_opened <= 0:
            self.all_opened.set()

    def stream_failed(self, screen: Screen, why: str) -> None:
        if screen.error is None:
            screen.error = why
            if screen.version is None:
                self.opened_one()

    async def open_stream(self, screen: Screen, gate: asyncio.Semaphore) -> None:
        loop = asyncio.get_running_loop()
        raw = request_bytes(
            "GET",
            f"/moeder/{screen.meeting}/aendringer/?mode={screen.mode}",
            cookies={"sessionid": screen.session},
            headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"},
            keep_alive=True,
        )
        async with gate:
            try:
                transport, _protocol = await asyncio.wait_for(
                    loop.create_connection(
                        lambda: StreamProtocol(self, screen, raw),
                        "127.0.0.1",
                        self.port,
                        **tls(),
                    ),
                    TIMEOUT,
                )
                screen.transport = transport
            except (OSError, TimeoutError) as error:
                self.stream_failed(screen, f"connect: {error!r}")
                return
            # Hold the gate until the first event (or a failure), so at most `gate` streams
            # are being set up at once.
            started = now()
            while screen.version is None and screen.error is None and now() - started < TIMEOUT:
                await asyncio.sleep(0.01)
            if screen.version is None:
                self.stream_failed(screen, "no first event")

    # The burst: "Næste fase" in every meeting, then every screen fetches its new state.

    async def follow(self, screen: Screen, old: int) -> None:
        cookies = {"sessionid": screen.session}
        hx = {"HX-Request": "true", "Accept": "*/*"}
        try:
            answer = await asyncio.wait_for(
                fetch(
                    self.port,
                    request_bytes(
                        "GET",
                        f"/moeder/{screen.meeting}/tilstand/?v={old}&mode=participant",
                        cookies=cookies,
                        headers=hx,
                    ),
                ),
                TIMEOUT,
            )
            screen.state_at, screen.state_status = now(), answer.status
            if answer.status == 200:
                # The phase changed, so runner.js fetches the room's forms too.
                work = await asyncio.wait_for(
                    fetch(
                        self.port,
                        request_bytes(
                            "GET",
                            f"/moeder/{screen.meeting}/felter/?mode=participant",
                            cookies=cookies,
                            headers=hx,
                        ),
                    ),
                    TIMEOUT,
                )
                screen.work_at, screen.work_status = now(), work.status
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            if screen.state_at is None:
                screen.state_at, screen.state_status = now(), repr(error)
            else:
                screen.work_at, screen.work_status = now(), repr(error)
        finally:
            self.pending_burst -= 1
            if self.pending_burst <= 0:
                self.burst_done.set()

    async def prepare_facilitator(self, meeting: dict[str, Any]) -> dict[str, Any] | str:
        """The control view as its page gives it: the CSRF cookie, the form's token and the
        state version the buttons post; or why it could not be had."""
        path = f"/moeder/{meeting['pk']}/styr/"
        try:
            return await self._control_page(meeting, path)
        except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
            return repr(error)

    async def _control_page(self, meeting: dict[str, Any], path: str) -> dict[str, Any]:
        page = await fetch(
            self.port,
            request_bytes(
                "GET",
                path,
                cookies={"sessionid": meeting["facilitator"]},
                headers={"Accept": "text/html"},
            ),
        )
        if page.status != 200:
            raise ValueError(f"control page {page.status}")
        html = page.body.decode()
        form = html[html.index('class="controls') :]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        version = re.search(r'name="version" value="(\d+)"', form)
        cookie = next(
            value.split(";")[0].split("=", 1)[1]
            for value in page.header("set-cookie")
            if value.startswith("csrftoken=")
        )
        if not (token and version):
            raise ValueError("no token or version in the control page")
        return {
            "pk": meeting["pk"],
            "session": meeting["facilitator"],
            "csrf_cookie": cookie,
            "token": token.group(1),
            "version": int(version.group(1)),
            "path": path,
        }

    async def press_next(self, control: dict[str, Any], at: float) -> dict[str, Any]:
        await asyncio.sleep(max(0.0, at - now()))
        body = (
            f"csrfmiddlewaretoken={control['token']}&version={control['version']}&action=next"
        ).encode()
        raw = request_bytes(
            "POST",
            f"/moeder/{control['pk']}/handling/",
            cookies={"sessionid": control["session"], "csrftoken": control["csrf_cookie"]},
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "HX-Request": "true",
                "HX-Target": "runner-state",
                "HX-Trigger": "control-next",
                "HX-Current-URL": ORIGIN + control["path"],
                "Origin": ORIGIN,
                "Referer": ORIGIN + control["path"],
                "Accept": "*/*",
            },
            body=body,
        )
        sent = now()
        try:
            answer = await asyncio.wait_for(fetch(self.port, raw, "POST"), TIMEOUT)
            status: int | str = answer.status
            new = re.search(r'data-version="(\d+)"', answer.body.decode())
            new_version = int(new.group(1)) if new else None
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as error:
            status, new_version = repr(error), None
        return {
            "pk": control["pk"],
            "sent": sent,
            "answered": now(),
            "status": status,
            "old": control["version"],
            "new": new_version,
        }

    # Browsers

    async def browser(
        self, session: str, stop_at: float, out: list[tuple[float, float, int | str]]
    ) -> None:
        pages = ["/", "/moeder/"]
        turn = random.randrange(2)
        next_at = now() + random.uniform(0, self.args.browser_interval)
        while next_at < stop_at:
            await asyncio.sleep(max(0.0, next_at - now()))
            path = pages[turn % 2]
            turn += 1
            self.spawn(self.page(session, path, out))
            next_at += self.args.browser_interval

    async def page(
        self, session: str, path: str, out: list[tuple[float, float, int | str]]
    ) -> None:
        started = now()
        raw = request_bytes(
            "GET", path, cookies={"sessionid": session}, headers={"Accept": "text/html"}
        )
        try:
            answer = await asyncio.wait_for(fetch(self.port, raw), TIMEOUT)
            status: int | str = answer.status
        except (OSError, TimeoutError, asyncio.IncompleteReadError) as error:
            status = repr(error)
        out.append((started, now() - started, status))

    # The poll against the constant view.

    async def hammer(self, raw: bytes, stop_at: float, counts: dict[str, int]) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port, **tls())
        try:
            while now() < stop_at:
                writer.write(raw)
                answer = await read_response(reader)
                key = "ok" if answer.status == 204 else f"status {answer.status}"
                counts[key] = counts.get(key, 0) + 1
                if answer.header("connection") == ["close"]:
                    break
        except (OSError, asyncio.IncompleteReadError) as error:
            counts[repr(error)] = counts.get(repr(error), 0) + 1
        finally:
            writer.close()

    async def throughput_round(self, kind: str, seconds: float) -> dict[str, Any]:
        connections = self.args.throughput_connections
        raws = []
        for screen in self.screens[:connections]:
            cookies = {"sessionid": screen.session}
            hx = {"HX-Request": "true", "Accept": "*/*"}
            if kind == "poll":
                path = f"/moeder/{screen.meeting}/tilstand/?v={screen.version}&mode=participant"
            else:
                path = "/bench/konstant/"
            raws.append(request_bytes("GET", path, cookies=cookies, headers=hx, keep_alive=True))
        counts: dict[str, int] = {}
        started = now()
        stop_at = started + seconds
        await asyncio.gather(*(self.hammer(raw, stop_at, counts) for raw in raws))
        elapsed = now() - started
        return {
            "kind": kind,
            "seconds": round(elapsed, 2),
            "ok": counts.get("ok", 0),
            "errors": {k: v for k, v in counts.items() if k != "ok"},
            "per_second": round(counts.get("ok", 0) / elapsed, 1),
        }


class StreamProtocol(asyncio.Protocol):
    """One Server-Sent Events stream, read as it arrives: the headers, the chunks, the events."""

    def __init__(self, bench: Bench, screen: Screen, raw: bytes) -> None:
        self.bench, self.screen, self.raw = bench, screen, raw
        self.buffer = bytearray()
        self.events = bytearray()
        self.head_done = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        transport.write(self.raw)

    def data_received(self, data: bytes) -> None:
        at = now()
        self.buffer += data
        if not self.head_done:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end]).lower()
            status = int(head[9:12])
            del self.buffer[: end + 4]
            self.head_done = True
            if status != 200 or b"transfer-encoding: chunked" not in head:
                self.bench.stream_failed(self.screen, f"status {status}")
                if self.screen.transport:
                    self.screen.transport.close()
                return
        while True:
            line_end = self.buffer.find(b"\r\n")
            if line_end < 0:
                return
            size = int(self.buffer[:line_end].split(b";")[0], 16)
            if size == 0:
                self.screen.ended = True
                return
            start = line_end + 2
            if len(self.buffer) < start + size + 2:
                return
            self.events += self.buffer[start : start + size]
            del self.buffer[: start + size + 2]
            self.parse_events(at)

    def parse_events(self, at: float) -> None:
        while (end := self.events.find(b"\n\n")) >= 0:
            block = bytes(self.events[:end])
            del self.events[: end + 2]
            kind, data = b"message", b""
            for line in block.split(b"\n"):
                if line.startswith(b":"):
                    self.screen.keepalives += 1
                elif line.startswith(b"event:"):
                    kind = line[6:].strip()
                elif line.startswith(b"data:"):
                    data = line[5:].strip()
            if kind == b"version":
                self.bench.on_version(self.screen, int(data), at)
            elif kind == b"state":
                pushed = json.loads(data)
                self.bench.on_state(self.screen, int(pushed["version"]), at, len(data))
            elif kind == b"gone":
                self.bench.stream_failed(self.screen, "gone")

    def connection_lost(self, exc: Exception | None) -> None:
        self.screen.ended = True
        if self.screen.version is None:
            self.bench.stream_failed(self.screen, f"closed: {exc!r}")


# The run.


def server_env(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.live_settings",
            "DJANGO_SECRET_KEY": args.secret_key,
            "DJANGO_ALLOWED_HOSTS": HOST,
            "DATABASE_URL": args.database_url,
        }
    )
    env.pop("TEAMLAERING_TESTING", None)
    for assignment in args.server_env:
        key, _sep, value = assignment.partition("=")
        env[key] = value
    return env


def uvicorn_command(args: argparse.Namespace) -> list[str]:
    # README's Production section, on the benchmark's port.
    return [
        str(ROOT / ".venv/bin/uvicorn"),
        "config.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(args.port),
        "--workers",
        str(args.workers),
        "--proxy-headers",
        "--timeout-graceful-shutdown",
        "5",
        "--timeout-worker-healthcheck",
        "30",
        # As deploy/teamlaering.service: the app writes its own access line per request.
        "--no-access-log",
    ]


def nginx_config(args: argparse.Namespace, directory: Path) -> Path:
    """deploy/nginx.conf as it is, in front of the benchmark's app server: only the ports,
    the certificate (self-signed, made here) and the files nginx writes are the benchmark's;
    the port-80 redirect is left out. Its main configuration is Debian's, with more
    connections per worker: each open stream takes two (the screen's and the upstream's), and
    Debian's 768 would refuse streams past about 700 (README, Production)."""
    certificate, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "deploy/nginx.conf").read_text()
    site = site[site.index("upstream teamlaering") :]
    redirect = site.index("server {")
    site = site[:redirect] + site[site.index("server {", redirect + 1) :]
    site = (
        site.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{args.port};")
        .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{args.proxy_port} ssl http2;")
        .replace("listen [::]:443 ssl http2;", "")
        .replace("/etc/ssl/teamlaering/fullchain.pem", str(certificate))
        .replace("/etc/ssl/teamlaering/privkey.pem", str(key))
    )
    if f"127.0.0.1:{args.proxy_port} ssl" not in site or str(key) not in site:
        raise SystemExit("deploy/nginx.conf has changed: adapt nginx_config()")
    config = directory / "nginx.conf"
    config.write_text(
        f"""worker_processes auto;
worker_rlimit_nofile 20000;
pid {directory}/nginx.pid;
error_log {directory}/error.log;
events {{ worker_connections {args.nginx_connections}; }}
http {{
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {directory}/access.log;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    {site}
}}
"""
    )
    return config


def start_nginx(args: argparse.Namespace) -> tuple[subprocess.Popen[bytes], Path]:
    global CLIENT_TLS
    directory = Path(tempfile.mkdtemp(prefix="teamlaering-nginx-"))
    # nginx's workers (nobody) keep their buffers in here.
    directory.chmod(0o755)
    config = nginx_config(args, directory)
    nginx = subprocess.Popen(
        [str(args.nginx), "-c", str(config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    CLIENT_TLS = ssl.create_default_context()
    CLIENT_TLS.check_hostname = False
    CLIENT_TLS.verify_mode = ssl.CERT_NONE
    return nginx, directory


def start_profilers(
    args: argparse.Namespace, processes: Processes, phase: str
) -> list[subprocess.Popen[bytes]]:
    """With --py-spy: sample every worker's threads (idle ones too) for --py-spy-seconds."""
    if not args.py_spy:
        return []
    workers = processes.server()[1:] if args.workers > 1 else processes.server()
    return [
        subprocess.Popen(
            [
                str(args.py_spy),
                "record",
                "--nonblocking",
                "--idle",
                "--threads",
                "--format",
                "raw",
                "--rate",
                "50",
                "--duration",
                str(args.py_spy_seconds),
                "--pid",
                str(pid),
                "--output",
                f"{args.py_spy_prefix}-{phase}-{pid}.txt",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in workers
    ]


def stop_profilers(profilers: list[subprocess.Popen[bytes]], seconds: float) -> None:
    """Let py-spy finish; one still sampling after `seconds` (with thousands of threads it
    falls behind) is told to stop and write what it has."""
    deadline = time.monotonic() + seconds
    for profiler in profilers:
        try:
            profiler.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            profiler.send_signal(signal.SIGINT)
            profiler.wait(30)


async def wait_for_server(bench: Bench, processes: Processes, workers: int) -> None:
    deadline = now() + 60
    raw = request_bytes("GET", "/login/")
    while now() < deadline:
        ready = workers == 1 or len(children(processes.server_pid)) >= workers
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            if ready and (await fetch(bench.port, raw)).status == 200:
                return
        await asyncio.sleep(0.25)
    raise SystemExit("the server did not answer within 60 s")


async def run(args: argparse.Namespace, data: dict[str, Any], server_pid: int) -> dict[str, Any]:
    bench = Bench(args, data)
    processes = Processes(server_pid, args.postmaster_pid)
    result: dict[str, Any] = {"screens": len(bench.screens), "workers": args.workers}
    await wait_for_server(bench, processes, args.workers)

    # Warm up every path the run takes, so the memory before counts no first imports.
    warm = bench.screens[: min(20, len(bench.screens))]
    for screen in warm:
        cookies = {"sessionid": screen.session}
        for path in (
            "/",
            "/moeder/",
            f"/moeder/{screen.meeting}/tilstand/?v=0&mode=participant",
            f"/moeder/{screen.meeting}/felter/?mode=participant",
            "/bench/konstant/",
        ):
            await fetch(bench.port, request_bytes("GET", path, cookies=cookies))
    warm_bench = Bench(args, {"screens": data["screens"][: len(warm)]})
    gate = asyncio.Semaphore(20)
    await asyncio.gather(*(warm_bench.open_stream(s, gate) for s in warm_bench.screens))
    for screen in warm_bench.screens:
        if screen.transport:
            screen.transport.close()
    await asyncio.sleep(3)

    result["before"] = processes.snapshot()
    result["db_connections_before"] = database_connections(args.database_url)

    # 1. Open the streams.
    gate = asyncio.Semaphore(args.open_concurrency)
    started = now()
    opening = [bench.open_stream(screen, gate) for screen in bench.screens]
    await asyncio.wait_for(asyncio.gather(*opening), 600)
    result["open_seconds"] = round(now() - started, 2)
    opened = [s for s in bench.screens if s.version is not None and s.error is None]
    failures: dict[str, int] = {}
    for screen in bench.screens:
        if screen.error:
            failures[screen.error[:80]] = failures.get(screen.error[:80], 0) + 1
    result["opened"] = len(opened)
    result["open_failures"] = failures
    await asyncio.sleep(5)
    result["after_open"] = processes.snapshot()
    result["db_connections_with_streams"] = database_connections(args.database_url)
    delta_kb = result["after_open"]["server_rss_kb"] - result["before"]["server_rss_kb"]
    result["server_kb_per_screen"] = round(delta_kb / max(1, len(opened)), 1)
    pg_delta = result["after_open"]["postgres_pss_kb"] - result["before"]["postgres_pss_kb"]
    result["postgres_kb_per_screen"] = round(pg_delta / max(1, len(opened)), 1)

    # 2. Idle: the streams open, nothing changes.
    idle_before = processes.snapshot()
    keepalives_before = sum(s.keepalives for s in bench.screens)
    await asyncio.sleep(args.idle_seconds)
    idle_after = processes.snapshot()
    result["idle"] = cpu_between(idle_before, idle_after) | {
        "keepalives": sum(s.keepalives for s in bench.screens) - keepalives_before
    }

    # The facilitators' control pages, before the browsers start.
    prepared = [await bench.prepare_facilitator(m) for m in data["meetings"]]
    controls = [c for c in prepared if isinstance(c, dict)]
    result["control_page_failures"] = count_values(c for c in prepared if isinstance(c, str))

    # 3. Browsers, steady.
    pages: list[tuple[float, float, int | str]] = []
    browse_until = now() + args.browse_seconds + 120
    browsers = [
        asyncio.ensure_future(bench.browser(b["session"], browse_until, pages))
        for b in data["browsers"]
    ]
    steady_before = processes.snapshot()
    steady_started = now()
    await asyncio.sleep(args.browse_seconds)
    steady_after = processes.snapshot()
    result["steady"] = cpu_between(steady_before, steady_after)

    # 4. The burst.
    pressed = {c["pk"] for c in controls}
    live = [s for s in opened if not s.ended and s.meeting in pressed]
    bench.pending_burst = len(live)
    if not live:
        bench.burst_done.set()
    bench.burst_on = True
    burst_before = processes.snapshot()
    profilers = start_profilers(args, processes, "burst")
    burst_started = now()
    spacing = args.press_within / max(1, len(controls))
    presses = await asyncio.gather(
        *(bench.press_next(c, burst_started + i * spacing) for i, c in enumerate(controls))
    )
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(bench.burst_done.wait(), args.burst_timeout)
    burst_ended = now()
    burst_after = processes.snapshot()
    await asyncio.to_thread(stop_profilers, profilers, args.py_spy_seconds + 30)
    for task in browsers:
        task.cancel()
    await asyncio.sleep(0.5)
    bench.burst_on = False
    result["burst"] = cpu_between(burst_before, burst_after)
    answered = {p["pk"]: p for p in presses}
    result["presses"] = {
        "statuses": count_values(p["status"] for p in presses),
        "moved_on": sum(1 for p in presses if p["new"] is not None and p["new"] > p["old"]),
        "sent_within_s": round(
            max((p["sent"] for p in presses), default=burst_started) - burst_started, 3
        ),
        "answer": summary_ms([p["answered"] - p["sent"] for p in presses]),
    }
    got = [s for s in live if s.new_at is not None]
    result["event"] = {
        "screens": len(live),
        "received": len(got),
        "after_answer": summary_ms([s.new_at - answered[s.meeting]["answered"] for s in got]),
        "after_post_sent": summary_ms([s.new_at - answered[s.meeting]["sent"] for s in got]),
        "negative_after_answer": sum(1 for s in got if s.new_at < answered[s.meeting]["answered"]),
    }
    fetched = [s for s in got if s.state_status in (200, "pushed") and s.state_at is not None]
    worked = [s for s in got if s.work_status in (200, "pushed") and s.work_at is not None]
    result["pushed_event_bytes"] = summary_ms(
        [s.pushed_bytes / 1000 for s in got if s.pushed_bytes]
    )
    result["state_fetch"] = {
        "statuses": count_values(s.state_status for s in got),
        "after_answer": summary_ms(
            [s.state_at - answered[s.meeting]["answered"] for s in fetched if s.state_at]
        ),
        "after_event": summary_ms(
            [s.state_at - s.new_at for s in fetched if s.state_at and s.new_at]
        ),
        "all_fetched_after_first_post_s": round(
            max((s.state_at for s in fetched if s.state_at), default=burst_started)
            - burst_started,
            2,
        ),
    }
    result["work_fetch"] = {
        "statuses": count_values(s.work_status for s in got if s.work_status is not None),
        "after_answer": summary_ms(
            [s.work_at - answered[s.meeting]["answered"] for s in worked if s.work_at]
        ),
        "all_fetched_after_first_post_s": round(
            max((s.work_at for s in worked if s.work_at), default=burst_started) - burst_started,
            2,
        ),
    }
    result["burst_seconds"] = round(burst_ended - burst_started, 2)
    result["pages"] = {
        "steady": page_summary([p for p in pages if steady_started <= p[0] < burst_started]),
        "during_burst": page_summary([p for p in pages if burst_started <= p[0] < burst_ended]),
    }
    result["streams_ended_early"] = sum(1 for s in opened if s.ended)
    result["anything_events"] = sum(s.anything for s in bench.screens)

    # 5. The poll's unchanged answer against the bare constant view.
    for screen in bench.screens:
        if screen.transport:
            screen.transport.close()
    # Until the server has let go of the streams (a thread each), for at most a minute.
    threads_before = sum(w["threads"] for w in result["before"]["workers"].values())
    settle_until = now() + 60
    while now() < settle_until:
        await asyncio.sleep(1)
        workers = processes.snapshot()["workers"].values()
        if sum(w["threads"] for w in workers) <= threads_before + 4:
            break
    await asyncio.sleep(2)
    rounds = []
    for _round in range(args.rounds):
        for kind in ("poll", "constant"):
            before = processes.snapshot()
            outcome = await bench.throughput_round(kind, args.round_seconds)
            outcome |= cpu_between(before, processes.snapshot())
            rounds.append(outcome)
    ratios = [
        rounds[i]["per_second"] / rounds[i + 1]["per_second"]
        for i in range(0, len(rounds), 2)
        if rounds[i + 1]["per_second"]
    ]
    result["throughput"] = {
        "rounds": rounds,
        "poll_per_s_median": percentile([r["per_second"] for r in rounds[::2]], 50),
        "constant_per_s_median": percentile([r["per_second"] for r in rounds[1::2]], 50),
        "ratio_poll_over_constant": [round(r, 3) for r in ratios],
        "ratio_median": round(percentile(ratios, 50) or 0, 3),
    }
    result["db_connections_end"] = database_connections(args.database_url)
    result["end"] = processes.snapshot()
    return result


def summarize(r: dict[str, Any]) -> str:
    """The figures RESULTS.md quotes, one line each."""
    pages, event, state, work = r["pages"], r["event"], r["state_fetch"], r["work_fetch"]
    tp = r["throughput"]
    lines = [
        f"N={r['screens']} workers={r['workers']} load at start={r['load_average_at_start']} "
        f"autogroup nice={r['autogroup_nice']}",
        f"streams opened {r['opened']}/{r['screens']} in {r['open_seconds']} s, "
        f"failures {r['open_failures']}; DB connections {r['db_connections_before']} -> "
        f"{r['db_connections_with_streams']}",
        f"server RSS {r['before']['server_rss_kb'] / 1024:.0f} -> "
        f"{r['after_open']['server_rss_kb'] / 1024:.0f} MiB: {r['server_kb_per_screen']} KiB "
        f"per screen; PostgreSQL {r['postgres_kb_per_screen']} KiB per screen (PSS)",
        f"idle CPU: server {r['idle']['server_cpu_pct']} %, PostgreSQL "
        f"{r['idle']['postgres_cpu_pct']} %, client {r['idle']['client_cpu_pct']} % of a core, "
        f"others {r['idle']['others_cpu_pct']} %",
        f"pages steady: p95 {pages['steady']['p95']} ms, max {pages['steady']['max']} ms, "
        f"errors {pages['steady']['errors']}/{pages['steady']['n']}; server CPU "
        f"{r['steady']['server_cpu_pct']} %, others {r['steady']['others_cpu_pct']} %",
        f"pages during the burst: p95 {pages['during_burst']['p95']} ms, max "
        f"{pages['during_burst']['max']} ms, errors {pages['during_burst']['errors']}/"
        f"{pages['during_burst']['n']}",
        f"control pages failed {r['control_page_failures']}; "
        f"presses {r['presses']['statuses']} moved on {r['presses']['moved_on']}, sent within "
        f"{r['presses']['sent_within_s']} s, answered p50 {r['presses']['answer']['p50']} ms "
        f"max {r['presses']['answer']['max']} ms",
        f"event after the POST's answer: p95 {event['after_answer']['p95']} ms, max "
        f"{event['after_answer']['max']} ms ({event['negative_after_answer']} before it); "
        f"after the POST was sent: p95 {event['after_post_sent']['p95']} ms, max "
        f"{event['after_post_sent']['max']} ms; received {event['received']}/{event['screens']}",
        f"new state on the screen (pushed or fetched) after the answer: p95 "
        f"{state['after_answer']['p95']} ms, max "
        f"{state['after_answer']['max']} ms, all by {state['all_fetched_after_first_post_s']} s "
        f"after the first POST, statuses {state['statuses']}",
        f"work on the screen: p95 {work['after_answer']['p95']} ms after the answer, all by "
        f"{work['all_fetched_after_first_post_s']} s, statuses {work['statuses']}; burst CPU "
        f"server {r['burst']['server_cpu_pct']} % PostgreSQL {r['burst']['postgres_cpu_pct']} % "
        f"others {r['burst']['others_cpu_pct']} % (of {os.cpu_count()}00 %)",
        f"poll {tp['poll_per_s_median']}/s vs constant {tp['constant_per_s_median']}/s: ratio "
        f"{tp['ratio_poll_over_constant']} median {tp['ratio_median']}",
        f"server log: {r['server_log_errors']}; DB connections at the end "
        f"{r['db_connections_end']}",
    ]
    return "\n".join(lines)


def count_values(values: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[str(value)] = counts.get(str(value), 0) + 1
    return counts


def page_summary(pages: list[tuple[float, float, int | str]]) -> dict[str, Any]:
    return summary_ms([p[1] for p in pages]) | {
        "errors": sum(1 for p in pages if p[2] != 200),
        "statuses": count_values(p[2] for p in pages),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screens", type=int, required=True, help="N: 300, 1000, 3000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/teamlaering_bench"
    )
    parser.add_argument(
        "--postmaster-pid",
        type=Path,
        help="postmaster.pid of the PostgreSQL cluster, to count its CPU and memory too",
    )
    parser.add_argument("--secret-key", default="live-load-benchmark-" + "k" * 50)
    parser.add_argument(
        "--server-env", action="append", default=[], help="KEY=VALUE for the server"
    )
    parser.add_argument("--browsers", type=int, default=50)
    parser.add_argument("--browser-interval", type=float, default=5.0)
    parser.add_argument("--browse-seconds", type=float, default=60.0)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    parser.add_argument("--open-concurrency", type=int, default=100)
    parser.add_argument("--press-within", type=float, default=1.0)
    parser.add_argument("--burst-timeout", type=float, default=90.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--round-seconds", type=float, default=5.0)
    parser.add_argument("--throughput-connections", type=int, default=16)
    parser.add_argument("--data", type=Path, default=Path("/tmp/teamlaering-live-load.json"))
    parser.add_argument("--skip-setup", action="store_true")
    parser.add_argument("--py-spy", type=Path, help="py-spy, to sample the workers in the burst")
    parser.add_argument("--py-spy-seconds", type=int, default=15)
    parser.add_argument("--py-spy-prefix", default="/tmp/teamlaering-live-load-py-spy")
    parser.add_argument(
        "--nginx",
        type=Path,
        help="nginx, to put in front as deploy/nginx.conf does (TLS); the client then talks "
        "to it on --proxy-port",
    )
    parser.add_argument("--proxy-port", type=int, default=8443)
    parser.add_argument("--nginx-connections", type=int, default=8192)
    parser.add_argument(
        "--autogroup-nice",
        type=int,
        help="give the server, PostgreSQL, nginx and this client's scheduling groups this "
        "nice (Linux autogroups: other sessions' `nice -n 15` does not yield to them "
        "otherwise); root only",
    )
    parser.add_argument("--out", type=Path, help="write every figure here as JSON")
    parser.add_argument("--server-log", type=Path, default=Path("/tmp/teamlaering-uvicorn.log"))
    args = parser.parse_args()

    load_at_start = os.getloadavg()
    if args.autogroup_nice is not None:
        # This client and the data's setup (its child).
        Path("/proc/self/autogroup").write_text(str(args.autogroup_nice))
    env = server_env(args)
    if not args.skip_setup:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.live_setup",
                "--screens",
                str(args.screens),
                "--browsers",
                str(args.browsers),
                "--out",
                str(args.data),
            ],
            cwd=ROOT,
            env=env,
            check=True,
        )
    data = json.loads(args.data.read_text())
    if len(data["screens"]) < args.screens:
        raise SystemExit(f"{args.data} has only {len(data['screens'])} screens")
    data["screens"] = data["screens"][: args.screens]
    data["browsers"] = data["browsers"][: args.browsers]

    nginx = None
    if args.nginx:
        nginx, nginx_directory = start_nginx(args)
    with open(args.server_log, "w") as log:
        server = subprocess.Popen(
            uvicorn_command(args),
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    if args.autogroup_nice is not None:
        postmaster = (
            [int(args.postmaster_pid.read_text().split()[0])] if args.postmaster_pid else []
        )
        proxy = [nginx.pid] if nginx is not None else []
        for pid in (server.pid, *postmaster, *proxy):
            Path(f"/proc/{pid}/autogroup").write_text(str(args.autogroup_nice))
    try:
        result = asyncio.run(run(args, data, server.pid))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        if nginx is not None:
            nginx.terminate()
            nginx.wait(15)
    if nginx is not None:
        result["nginx"] = {
            "command": f"{args.nginx} -c {nginx_directory}/nginx.conf",
            "port": args.proxy_port,
            "error_log_lines": len((nginx_directory / "error.log").read_text().splitlines()),
        }
    result["load_average_at_start"] = load_at_start
    result["autogroup_nice"] = args.autogroup_nice
    result["command"] = " ".join(uvicorn_command(args))
    result["server_env"] = args.server_env
    with open(args.server_log) as log:
        text = log.read()
    result["server_log_errors"] = {
        "tracebacks": text.count("Traceback"),
        "status_5xx_lines": len(re.findall(r'HTTP/1\.1" 5\d\d', text)),
        "warnings": len(re.findall(r"WARNING", text)),
    }
    report = json.dumps(result, indent=2, default=str)
    if args.out:
        args.out.write_text(report)
    else:
        print(report)
    print(summarize(result))


if __name__ == "__main__":
    main()
