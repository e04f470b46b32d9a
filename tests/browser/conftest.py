"""Browser tests: Playwright drives the system's Chromium against the app served as it is in
production: by uvicorn (ASGI), so that the meeting screens' streams of changes work.

Without Chromium they are skipped with one line saying why, unless REQUIRE_BROWSER=1, when a
missing browser is a failure.
"""

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from django.core.management import call_command
from django.test import override_settings

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the tests
# themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def find_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if os.path.exists(configured) else None
    for candidate in CHROMIUM_CANDIDATES:
        if os.path.exists(candidate):
            return candidate
    return shutil.which("chromium")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        reason = "Chromium not found (install the Debian package chromium); browser tests skipped"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def asgi_server(django_db_setup) -> Iterator[str]:
    """The app under uvicorn in a thread of this process, on the test database, for the
    whole session: each test's own data is committed (transactional_db) before it is read."""
    import uvicorn
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from django.core.asgi import get_asgi_application

    from meetings import live

    port = _free_port()
    config = uvicorn.Config(
        ASGIStaticFilesHandler(get_asgi_application()),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="asgi-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    # The server's requests reach the database during the tests, which allow it
    # (transactional_db), and only then.
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    live.broker.stop()


@pytest.fixture
def new_page(browser, asgi_server, transactional_db) -> Iterator:
    """Open pages in fresh browser contexts (separate people), all closed after the test."""
    from playwright.sync_api import expect

    contexts = []

    def open_page(width: int = 1280, height: int = 900):
        context = browser.new_context(
            base_url=asgi_server,
            viewport={"width": width, "height": height},
            locale="da-DK",
            timezone_id="Europe/Copenhagen",
        )
        context.set_default_timeout(10_000)
        # Assertions wait as long as actions do: with the other test process on the two cores,
        # a control's answer can take longer than Playwright's 5 s default.
        expect.set_options(timeout=10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def log_in(page, username: str, password: str) -> None:
    page.goto("/login/")
    page.get_by_role("textbox", name="Brugernavn", exact=True).fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind", exact=True).click()
    page.wait_for_url(lambda url: "/login/" not in url, wait_until="domcontentloaded")


def serious_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


@override_settings(DEBUG=True)
def load_demo() -> None:
    """The demo data, as `make run` loads it (the loader runs with debug only)."""
    call_command("load_demo", "--quiet-logins")
