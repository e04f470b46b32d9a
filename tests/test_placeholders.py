"""No select on any page offers Django's "---------": an empty choice says what it means
("Alle", "Vælg ansvarlig") or there is none. Every page a leader and the department leader
reach from the start page is read."""

import re
from collections import Counter

import pytest
from django.core.management import call_command
from django.test import override_settings

from teams.models import User

NOT_A_PAGE = re.compile(r"(\.pdf|\.ics|/pdf/|/aendringer/|/tilstand/|/admin/|/logout/|#)")


@override_settings(DEBUG=True)
def _load_demo() -> None:
    call_command("load_demo", "--quiet-logins")


@pytest.mark.parametrize("username", ["leder", "afdelingsleder"])
def test_no_select_of_any_page_offers_dashes(client, db, username):
    _load_demo()
    client.force_login(User.objects.get(username=username))
    queue, seen, kinds, with_dashes = ["/"], set(), Counter(), []
    while queue and len(seen) < 150:
        path = queue.pop(0)
        # Two pages of each kind (two meetings, two cases) are enough.
        kind = re.sub(r"/\d+", "/N", path.split("?")[0])
        if path in seen or kinds[kind] >= 2:
            continue
        seen.add(path)
        kinds[kind] += 1
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        if re.search(r"<option[^>]*>\s*-{3,}", html):
            with_dashes.append(path)
        queue += [
            link
            for link in re.findall(r'href="(/[^"]*)"', html)
            if not NOT_A_PAGE.search(link) and link not in seen
        ]
    assert len(seen) > 20
    assert with_dashes == []
