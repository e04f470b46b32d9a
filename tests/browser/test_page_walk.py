"""Every demo person walks every page they can reach from the start page, on a phone (390 px
wide) and at 400 % zoom (320 px), in Danish and then in English. A page fails the walk when
it scrolls sideways (WCAG 1.4.10), when the browser's console shows an error (a refused
Content-Security-Policy, a missing file, a script error), when a select offers Django's
"---------", or, in English, when Danish interface text is left.

The projector is photographed at 1920x1080, running and paused, with the start page and the
planner; the screenshots go to /tmp/shots/ (SCREENSHOT_DIR) for a person to look at."""

from __future__ import annotations

import gettext
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

from meetings.models import Format, FormatPhase, Meeting, MeetingStatus, Step
from products.models import Product, ProductVersion
from teams.models import User
from tests.browser.conftest import load_demo, log_in

SHOTS = os.environ.get("SCREENSHOT_DIR", "/tmp/shots")
PASSWORD = "demo1234"
# One person per kind of demo login (CONTRACT.md); sagsbehandler2-4 see what sagsbehandler1 sees.
ROLES = [
    "leder",
    "koordinator",
    "sagsbehandler1",
    "jobkonsulent",
    "leder.nord",
    "sagsbehandler.nord",
    "afdelingsleder",
    "admin",
]
WIDTHS = (390, 320)
# Pages of one kind (a meeting, a case, a product) are walked this many times each.
PER_KIND = 1
MOST_PAGES = 60
# Links that are not pages: downloads, streams, the admin (Django's own, in English anyway).
NOT_A_PAGE = re.compile(
    r"(\.pdf|\.ics|/pdf/|/aendringer/|/tilstand/|/admin/|/logout/|/referat/send/|#)"
)
# Words that English help texts, labels, captions, column headings and placeholders never
# contain; Danish demo data (titles, names) is not in those places.
DANISH_WORDS = re.compile(
    r"\b(Vælg|Alle|Gem|Frist|kl\.|Uden tema|og|eller|ikke|skal|hvad|hvem|dato|fx|Fx|"
    r"møde|sag|sager|mødet|læringspunkter|valgfri|valgfrit)\b"
)
HELP_AND_LABELS = (
    ".form-text, .invalid-feedback, label:not(.form-check-label), legend, caption, "
    "th[scope=col], thead th"
)


def _danish_interface_texts() -> set[str]:
    """The catalogue's Danish texts that English translates differently: phrases of two words
    or more, without placeholders (those are filled in, so never shown whole)."""
    catalogue = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.mo"
    with catalogue.open("rb") as source:
        messages = gettext.GNUTranslations(source)._catalog  # type: ignore[attr-defined]
    texts = set()
    for msgid, msgstr in messages.items():
        if isinstance(msgid, tuple):
            msgid = msgid[0]
        if not msgid or msgstr == msgid or "%" in msgid or "{" in msgid:
            continue
        if " " in msgid and len(msgid) >= 10:
            texts.add(msgid)
    return texts


def _demo_texts() -> list[str]:
    """What the demo's data says in Danish (the built-in formats' names, phases, prompts and
    leaders, the products' text): data, not interface, so it stays Danish in English too."""
    texts: list[str] = []
    for model in (Format, FormatPhase, Step, Product, ProductVersion):
        for row in model.objects.all():
            values = row.__dict__.values()
            texts += [str(value) for value in values if isinstance(value, str | dict)]
    return texts


@dataclass
class Walk:
    """What went wrong on the walk, page by page."""

    problems: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")


def _kind(path: str) -> str:
    return re.sub(r"/\d+", "/N", path.split("?")[0])


def _watch_console(page, walk: Walk) -> None:
    def on_console(message) -> None:
        if message.type == "error":
            walk.fail(page.url, f"console: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: walk.fail(page.url, f"script error: {error}"))


def _check_page(page, walk: Walk, where: str, *, english: bool, danish: set[str], data) -> None:
    width, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if width > client:
        walk.fail(where, f"scrolls sideways ({width} px wide in {client} px)")
    options = page.eval_on_selector_all("select option", "els => els.map(e => e.textContent)")
    if any(option.strip().startswith("---") for option in options):
        walk.fail(where, 'a select offers "---------"')
    if not english:
        return
    interface = page.eval_on_selector_all(
        HELP_AND_LABELS, "els => els.map(e => e.innerText.trim())"
    )
    interface += page.eval_on_selector_all(
        "[placeholder]", "els => els.map(e => e.getAttribute('placeholder'))"
    )
    for text in interface:
        found = DANISH_WORDS.search(text)
        if found and not any(text in item for item in data):
            walk.fail(where, f"Danish left in English: {found.group(0)!r} in {text[:80]!r}")
    body = page.evaluate("document.body.innerText")
    for phrase in danish:
        if phrase in body and not any(phrase in item for item in data):
            walk.fail(where, f"Danish left in English: {phrase!r}")


def _walk(page, walk: Walk, *, widths, english: bool, danish: set[str], data) -> None:
    """Breadth first from the start page through every link of the site, one page per kind."""
    queue = ["/"]
    seen: set[str] = set()
    kinds: dict[str, int] = {}
    while queue and len(seen) < MOST_PAGES:
        path = queue.pop(0)
        kind = _kind(path)
        if path in seen or kinds.get(kind, 0) >= PER_KIND:
            continue
        seen.add(path)
        kinds[kind] = kinds.get(kind, 0) + 1
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            response = page.goto(path, wait_until="load")
            where = f"{path} at {width} px{' (English)' if english else ''}"
            if response is None or response.status >= 400:
                walk.fail(where, f"answered {response.status if response else 'nothing'}")
                continue
            _check_page(page, walk, where, english=english, danish=danish, data=data)
        walk.pages.append(path)
        links = page.eval_on_selector_all(
            "a[href]:not([download]):not([target=_blank])",
            "els => els.map(e => e.getAttribute('href'))",
        )
        queue += [link for link in links if link.startswith("/") and not NOT_A_PAGE.search(link)]


@pytest.mark.parametrize("username", ROLES)
def test_every_page_of_every_role_fits_a_phone_without_errors_in_both_languages(
    new_page, transactional_db, username
):
    load_demo()
    danish = _danish_interface_texts()
    data = _demo_texts()
    page = new_page(390, 800)
    walk = Walk()
    _watch_console(page, walk)
    log_in(page, username, PASSWORD)
    _walk(page, walk, widths=WIDTHS, english=False, danish=danish, data=data)
    User.objects.filter(username=username).update(language="en")
    _walk(page, walk, widths=(320,), english=True, danish=danish, data=data)
    print(f"\n{username}: {len(walk.pages)} pages walked")
    assert len(walk.pages) >= 8, walk.pages
    assert not walk.problems, "\n".join(walk.problems)


def _shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, name))


def test_the_projector_fills_a_16_9_screen_and_shows_pause_as_clearly_as_the_clock(
    new_page, transactional_db
):
    load_demo()
    meeting = (
        Meeting.objects.filter(team__slug="team-syd", status=MeetingStatus.PLANNED)
        .order_by("starts_at")
        .first()
    )
    assert meeting is not None
    leader = new_page(1920, 1080)
    walk = Walk()
    _watch_console(leader, walk)
    log_in(leader, "leder", PASSWORD)
    _shot(leader, "start-page-leader-1920.png")
    leader.goto("/teams/team-syd/moeder/nyt/")
    _shot(leader, "planner-1920.png")

    leader.goto(f"/moeder/{meeting.pk}/styr/")
    leader.get_by_role("button", name="Start møde").click()
    leader.get_by_role("button", name="Pause").wait_for()
    projector = new_page(1920, 1080)
    _watch_console(projector, walk)
    log_in(projector, "leder", PASSWORD)
    projector.goto(f"/moeder/{meeting.pk}/projektor/")
    clock = projector.get_by_role("timer").first
    clock.wait_for()
    _shot(projector, "projector-running-1920.png")
    screen = projector.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert screen == [1920, 1080], "the projector must fit the screen without scrolling"
    phase = projector.locator(".runner-state > .phase").bounding_box()
    assert phase is not None and phase["height"] >= 1000, "the phase fills the screen's height"
    box = clock.bounding_box()
    assert box is not None and box["height"] >= 1080 * 0.25, "the clock is read from the back"

    leader.get_by_role("button", name="Pause").click()
    leader.get_by_role("button", name="Fortsæt").wait_for()
    projector.locator(".runner-state.is-paused").wait_for()
    _shot(projector, "projector-paused-1920.png")
    screen = projector.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert screen == [1920, 1080], "paused, the projector still fits the screen"
    badge = projector.locator(".runner-state.is-paused .cue-badge").bounding_box()
    assert badge is not None and badge["height"] >= 80, "the pause badge is large"
    # The pause sign drawn in front of the clock, as tall as its digits.
    sign = projector.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.runner-state .clock'),"
        " '::before').height)"
    )
    assert sign >= 1080 * 0.15
    assert "Pause" in projector.locator(".cue-badge").inner_text()
    assert not walk.problems, "\n".join(walk.problems)
