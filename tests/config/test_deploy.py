"""The files of deploy/ as the README's operations section installs them: systemd accepts every
unit and timer, each timer starts a unit that is there, the app server's unit runs uvicorn
with every option the README gives it, and nginx passes the meeting screens' streams on
unbuffered for longer than they live."""

import configparser
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from meetings import live

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
UNITS = sorted([*DEPLOY.glob("*.service"), *DEPLOY.glob("*.timer")])


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8").replace("\\\n", " "))
    return parser


def exec_start(path: Path) -> list[str]:
    return shlex.split(unit(path)["Service"]["ExecStart"])


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_every_unit_and_timer(tmp_path):
    # The units name the installation's directory; here the checkout stands in for it, so that
    # the programs they start are there to be found.
    for path in UNITS:
        text = path.read_text(encoding="utf-8").replace("/srv/teamlaering", str(ROOT))
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    checked = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *(path.name for path in UNITS)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
    # A key systemd does not know is only warned about, and then ignored.
    assert checked.stderr.strip() == ""


def test_every_timer_starts_a_unit_of_deploy():
    timers = [path for path in UNITS if path.suffix == ".timer"]
    assert {path.name for path in timers} >= {
        "teamlaering-backup.timer",
        "teamlaering-restore-check.timer",
        "teamlaering-retention.timer",
        "teamlaering-reminders.timer",
    }
    for timer in timers:
        started = unit(timer)["Timer"]["Unit"]
        template = re.sub(r"@[^.]+\.service$", "@.service", started)
        assert (DEPLOY / template).exists(), f"{timer.name} starts {started}"


def test_the_readme_enables_every_timer_of_deploy():
    # The install step copies every timer; one it does not enable never runs.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"systemctl enable --now (?:.*\\\n)*.*", readme)
    assert command is not None
    enabled = set(re.findall(r"teamlaering[\w-]*\.timer", command.group(0)))
    assert enabled == {path.name for path in UNITS if path.suffix == ".timer"}


def test_every_script_a_unit_starts_is_executable():
    for path in UNITS:
        if path.suffix == ".service":
            program = exec_start(path)[0].replace("/srv/teamlaering", str(ROOT))
            if program.startswith(str(DEPLOY)):
                assert Path(program).stat().st_mode & 0o111, program


def readme_uvicorn_options() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"uvicorn config\.asgi:application(?:.*\\\n)*.*", readme)
    assert command is not None
    return set(re.findall(r"(--[a-z-]+)", command.group(0)))


def test_the_app_server_unit_runs_uvicorn_as_the_readme_says():
    command = exec_start(DEPLOY / "teamlaering.service")
    assert command[:2] == ["/srv/teamlaering/.venv/bin/uvicorn", "config.asgi:application"]
    options = {part for part in command if part.startswith("--")}
    assert readme_uvicorn_options() <= options


def nginx_locations() -> dict[str, str]:
    """Each `location` of deploy/nginx.conf (its match, as written) and its block."""
    text = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    return {
        match.group(1).strip(): match.group(2)
        for match in re.finditer(r"location\s+([^{]+)\{([^}]*)\}", text)
    }


def test_nginx_passes_the_meeting_stream_unbuffered_and_keeps_it_open():
    stream = reverse("meetings:stream", args=[42])
    (block,) = [
        block
        for match, block in nginx_locations().items()
        if match.startswith("~") and re.search(match.lstrip("~ "), stream)
    ]
    assert "proxy_buffering off;" in block
    # Longer than the stream lives (meetings.live.STREAM_SECONDS), so nginx never cuts it.
    timeout = re.search(r"proxy_read_timeout (\d+)h;", block)
    assert timeout is not None and int(timeout.group(1)) * 3600 > live.STREAM_SECONDS
