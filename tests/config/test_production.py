"""The app as it runs in production (README, deploy/): uvicorn processes with the production
settings (debug off, whitenoise, the connection pool, JSON logs) on one PostgreSQL database.

Two app servers on two ports serve one meeting: a screen's stream on server A hears a change
made through server B, which is what lets the app scale out behind a load balancer (sessions
in the database, nothing on local disk, changes over PostgreSQL's LISTEN/NOTIFY). PostgreSQL
only: on SQLite changes stay inside one process.
"""

import json
import os
import queue
import secrets
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import Client
from django.urls import reverse

from meetings import live
from meetings.models import Meeting
from teams.models import User
from tests.factories import PASSWORD, make_meeting

pytestmark = pytest.mark.django_db(transaction=True)
DEPLOY = Path(settings.BASE_DIR) / "deploy"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen
    log: Path

    def log_lines(self) -> list[dict]:
        lines = []
        for line in self.log.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                lines.append(json.loads(line))
        return lines


def production_environment(static_root: Path) -> dict[str, str]:
    database = connection.settings_dict
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest allows async-unsafe calls in this process only.
        if key
        not in {
            "TEAMLAERING_TESTING",
            "DJANGO_DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    user = database["USER"] or ""
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    environment |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        # The test process's key: the sessions it makes are signed with it.
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": (
            f"postgres://{user}{password}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        # The TLS-terminating proxy is left out: the servers are spoken to on plain HTTP.
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "TEAMLAERING_DB_POOL_SIZE": "4",
        # nginx in front adds the client's address to X-Forwarded-For (deploy/).
        "TEAMLAERING_PROXY_COUNT": "1",
    }
    return environment


def uvicorn_as_deployed(port: int) -> list[str]:
    """uvicorn with the options of deploy/teamlaering.service (proxy headers from nginx on
    127.0.0.1, no access log of its own, the graceful shutdown), on `port`, with one worker:
    the two servers stand for the workers, on a machine the tests share."""
    command = shlex.split(
        (DEPLOY / "teamlaering.service")
        .read_text(encoding="utf-8")
        .replace("\\\n", " ")
        .split("ExecStart=")[1]
        .split("\n")[0]
    )
    assert command[1] == "config.asgi:application"
    arguments = ["uvicorn", "config.asgi:application"]
    changed = {"--port": str(port), "--workers": "1"}
    for position, part in enumerate(command[2:], start=2):
        if part.startswith("--") or command[position - 1] not in changed:
            arguments.append(part)
        else:
            arguments.append(changed[command[position - 1]])
    return arguments


@pytest.fixture(scope="module")
def app_servers(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[list]:
    with django_db_blocker.unblock():
        vendor = connection.vendor
        if vendor != "postgresql":
            pytest.skip("two app servers share changes over PostgreSQL only")
        root = tmp_path_factory.mktemp("production")
        environment = production_environment(root / "static")
    manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "--verbosity", "0"],
        env=environment | {"DJANGO_SETTINGS_MODULE": "tests.config.collectstatic_settings"},
        check=True,
        cwd=settings.BASE_DIR,
    )
    servers = []
    for name in ("a", "b"):
        port = _free_port()
        log = root / f"server-{name}.log"
        process = subprocess.Popen(
            [sys.executable, "-m", *uvicorn_as_deployed(port), "--log-level", "warning"],
            env=environment,
            cwd=settings.BASE_DIR,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        servers.append(AppServer(url=f"http://127.0.0.1:{port}", process=process, log=log))
    try:
        for server in servers:
            wait_until_healthy(server)
        yield servers
    finally:
        for server in servers:
            server.process.terminate()
        for server in servers:
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.process.kill()


def wait_until_healthy(server: AppServer) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"app server ended: {server.log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"app server not healthy: {server.log.read_text(encoding='utf-8')}")


def signed_in_cookies(user) -> dict[str, str]:
    """A session in the database, as the login page would make it on either server."""
    client = Client()
    client.force_login(user)
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": secrets.token_hex(16)}


def request(url: str, *, cookies=None, data=None, headers=None, timeout=10.0):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    sent = dict(headers or {})
    if cookies:
        sent["Cookie"] = "; ".join(f"{key}={value}" for key, value in cookies.items())
        if body is not None:
            sent["X-CSRFToken"] = cookies["csrftoken"]
    return urllib.request.urlopen(
        urllib.request.Request(url, data=body, headers=sent), timeout=timeout
    )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def read_events(answer, into: queue.Queue) -> None:
    """Each Server-Sent Event of a stream (lines up to a blank line), as one string."""
    event: list[str] = []
    try:
        for raw in answer:
            line = raw.decode().rstrip("\n")
            if line:
                event.append(line)
            elif event:
                into.put("\n".join(event))
                event = []
    except (OSError, ValueError, AttributeError):  # the test closed the stream
        pass


def next_version_event(events: queue.Queue, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while True:
        event = events.get(timeout=max(0.1, deadline - time.monotonic()))
        event = "\n".join(line for line in event.split("\n") if not line.startswith("retry:"))
        # The listener's "something may have changed" (on its LISTEN) is not a change.
        if (
            event.startswith("event: version")
            and event != f"event: version\ndata: {live.ANYTHING}"
        ):
            return event


def start_through(server: AppServer, meeting: Meeting, cookies: dict[str, str]) -> None:
    """ "Start møde" pressed on the control view served by `server`."""
    action_url = f"{server.url}{reverse('meetings:action', args=[meeting.pk])}"
    opener = urllib.request.build_opener(NoRedirect)
    body = urllib.parse.urlencode({"action": "start", "version": meeting.version}).encode()
    sent = urllib.request.Request(
        action_url,
        data=body,
        headers={
            "Cookie": f"sessionid={cookies['sessionid']}; csrftoken={cookies['csrftoken']}",
            "X-CSRFToken": cookies["csrftoken"],
        },
    )
    with pytest.raises(urllib.error.HTTPError) as redirected:
        opener.open(sent, timeout=10)
    assert redirected.value.code == 302


def open_events(url: str, cookies: dict[str, str]) -> tuple[object, queue.Queue]:
    stream = request(url, cookies=cookies, timeout=30)
    assert stream.status == 200
    assert stream.headers["Content-Type"] == "text/event-stream"
    events: queue.Queue = queue.Queue()
    threading.Thread(target=read_events, args=(stream, events), daemon=True).start()
    return stream, events


def next_change_event(events: queue.Queue, timeout: float = 10) -> str:
    """The next event that is not the opening version or the listener's "something may have
    changed"."""
    deadline = time.monotonic() + timeout
    while True:
        event = events.get(timeout=max(0.1, deadline - time.monotonic()))
        event = "\n".join(line for line in event.split("\n") if not line.startswith("retry:"))
        if not event.startswith("event: version"):
            return event


def test_a_screen_on_one_app_server_sees_a_change_made_through_another(app_servers, world):
    server_a, server_b = app_servers
    leader = world.users["leader"]
    meeting = make_meeting(
        team=world.syd, facilitator=leader, participants=[leader, world.users["caseworker"]]
    )
    cookies = signed_in_cookies(leader)
    stream_url = f"{server_a.url}{reverse('meetings:stream', args=[meeting.pk])}?mode=control"

    stream = request(stream_url, cookies=cookies, timeout=30)
    assert stream.status == 200
    assert stream.headers["Content-Type"] == "text/event-stream"
    events: queue.Queue = queue.Queue()
    threading.Thread(target=read_events, args=(stream, events), daemon=True).start()
    assert next_version_event(events) == f"event: version\ndata: {meeting.version}"
    # Server A's listener has its LISTEN before the stream says anything: let it settle.
    time.sleep(0.5)

    start_through(server_b, meeting, cookies)

    started = Meeting.objects.get(pk=meeting.pk)
    assert started.status == "running"
    assert next_version_event(events) == f"event: version\ndata: {started.version}"
    stream.close()


def test_screens_on_one_app_server_get_the_state_of_a_change_made_through_another(
    app_servers, world
):
    """Two participants follow the meeting through server A; its facilitator starts it through
    server B. The one still signed in gets the new state itself; the one deactivated meanwhile
    (their session left in place, as a change in the database would) is refused at that
    change."""
    server_a, server_b = app_servers
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
    )
    url = f"{server_a.url}{reverse('meetings:stream', args=[meeting.pk])}?mode=participant"
    streams = {}
    for name in ("caseworker", "caseworker2"):
        streams[name] = open_events(url, signed_in_cookies(users[name]))
        assert next_version_event(streams[name][1]) == f"event: version\ndata: {meeting.version}"
    time.sleep(0.5)
    User.objects.filter(pk=users["caseworker2"].pk).update(is_active=False)

    start_through(server_b, meeting, signed_in_cookies(users["leader"]))

    pushed = next_change_event(streams["caseworker"][1])
    assert pushed.startswith("event: state\ndata: ")
    state = json.loads(pushed.removeprefix("event: state\ndata: "))
    assert state["version"] == meeting.version + 1
    assert "Præsentation" in state["html"]
    assert next_change_event(streams["caseworker2"][1]) == "event: gone\ndata: "
    for stream, _events in streams.values():
        stream.close()


def test_a_stranger_cannot_lock_out_the_owner_through_the_proxy(app_servers, world):
    """As nginx passes them on: the client's own X-Forwarded-For (spoofed at will), then the
    address nginx saw. Failures count against the username at the address nginx saw."""
    server = app_servers[0]
    attacker, owner = "198.51.100.66", "203.0.113.10"
    # Hashed as the servers hash (the tests' own settings use a quicker hasher they lack).
    User.objects.filter(username="leader").update(
        password=PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    )

    def log_in(password: str, *, seen_from: str, spoofed: str = "") -> int:
        with request(f"{server.url}/login/") as page:
            html = page.read().decode()
            cookie = page.headers["Set-Cookie"].split(";")[0]
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        body = urllib.parse.urlencode(
            {"username": "leader", "password": password, "csrfmiddlewaretoken": token}
        ).encode()
        forwarded = f"{spoofed}, {seen_from}" if spoofed else seen_from
        sent = urllib.request.Request(
            f"{server.url}/login/",
            data=body,
            headers={"Cookie": cookie, "X-Forwarded-For": forwarded},
        )
        try:
            with urllib.request.build_opener(NoRedirect).open(sent, timeout=10) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    for number in range(6):
        log_in("forkert", seen_from=attacker, spoofed=f"192.0.2.{number}")
    assert log_in(PASSWORD, seen_from=attacker, spoofed=owner) == 429
    assert log_in(PASSWORD, seen_from=owner) == 302
    assert AccessAttempt.objects.filter(username="leader", ip_address=attacker).exists()
    assert not AccessAttempt.objects.filter(ip_address=owner).exists()


def test_the_same_session_is_signed_in_on_both_servers(app_servers, world):
    cookies = signed_in_cookies(world.users["caseworker"])
    opener = urllib.request.build_opener(NoRedirect)
    for server in app_servers:
        sent = urllib.request.Request(
            f"{server.url}/", headers={"Cookie": f"sessionid={cookies['sessionid']}"}
        )
        with opener.open(sent, timeout=10) as answer:
            assert answer.status == 200
            assert "Log ud" in answer.read().decode()


def test_static_files_have_hashed_names_and_are_cached_for_a_year(app_servers):
    server = app_servers[0]
    with request(f"{server.url}/login/") as answer:
        page = answer.read().decode()
    (stylesheet,) = [
        part.split('"')[0]
        for part in page.split('href="')[1:]
        if part.startswith("/static/css/app.")
    ]
    # css/app.<12 hex digits>.css: a new file name for every change, so it may be kept.
    hashed = stylesheet.removeprefix("/static/css/app.").removesuffix(".css")
    assert len(hashed) == 12
    with request(f"{server.url}{stylesheet}", headers={"Accept-Encoding": "gzip"}) as answer:
        assert answer.status == 200
        assert "max-age=315360000" in answer.headers["Cache-Control"]
        assert "immutable" in answer.headers["Cache-Control"]
        assert answer.headers["Content-Encoding"] == "gzip"


def test_the_health_endpoint_and_json_logs_with_the_request_id(app_servers, world):
    server = app_servers[1]
    with request(f"{server.url}/healthz/") as answer:
        assert json.loads(answer.read()) == {"status": "ok", "database": True}
    with request(f"{server.url}/login/", headers={"X-Request-ID": "proxy-id-42"}) as answer:
        assert answer.headers["X-Request-ID"] == "proxy-id-42"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        lines = [line for line in server.log_lines() if line.get("request_id") == "proxy-id-42"]
        if lines:
            break
        time.sleep(0.1)
    (line,) = lines
    assert line["logger"] == "teamlaering.request"
    assert line["status"] == 200
    assert line["path"] == "/login/"
    assert line["level"] == "INFO"


def test_production_settings_pass_the_deploy_check(app_servers):
    environment = production_environment(Path("/nonexistent"))
    environment |= {"DJANGO_ALLOWED_HOSTS": "teamlaering.example.dk"}
    environment["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    environment["DJANGO_EMAIL_HOST"] = "smtp.example.dk"
    environment.pop("DJANGO_SECURE_SSL_REDIRECT")
    checked = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
