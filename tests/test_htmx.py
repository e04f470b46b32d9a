"""Every view that answers an htmx request with a partial says so in `Vary: HX-Request`, so a
cache never hands a browser the partial or htmx the whole page."""

import pytest
from django.urls import reverse

from tests.conftest import World
from tests.test_authorization_matrix import (
    Route,
    _breakout_group_pk,
    _case_meeting_pk,
    _checked_in_visit_pk,
    _finished_meeting_pk,
    _grouped_meeting_pk,
    _meeting_pk,
    _product_pk,
    _rollup_decision,
    _rollup_item_pk,
    _start_action,
    _syd_case,
    _visit_pk,
)

HTMX_VIEWS = [
    Route("meetings:control", kwargs=_meeting_pk),
    Route("meetings:projector", kwargs=_meeting_pk),
    Route("meetings:participant", kwargs=_meeting_pk),
    Route("meetings:action", kwargs=_meeting_pk, method="post", data=_start_action),
    Route("meetings:owner_notes", kwargs=_meeting_pk, method="post"),
    Route("learnings:meeting_point_add", kwargs=_meeting_pk, method="post"),
    Route("learnings:meeting_summary_add", kwargs=_meeting_pk, method="post"),
    Route("rollups:follow_up_add", kwargs=_meeting_pk, method="post"),
    Route("learnings:learning_list", kwargs=lambda world: {"slug": world.syd.slug}),
    Route("cases:meeting_cases", kwargs=_case_meeting_pk),
    Route(
        "cases:meeting_case_action",
        kwargs=_case_meeting_pk,
        method="post",
        data=lambda world: {"action": "select", "case": _syd_case(world).pk},
    ),
    Route("rollups:rollup_decide", kwargs=_rollup_item_pk, method="post", data=_rollup_decision),
    Route("meetings:plan", kwargs=lambda world: {"slug": world.syd.slug}),
    Route("meetings:edit", kwargs=_meeting_pk),
    Route("meetings:check_out", kwargs=_finished_meeting_pk),
    Route("meetings:evaluation", kwargs=lambda world: {"slug": world.syd.slug}),
    Route("visits:list", kwargs=lambda world: {"slug": world.syd.slug}),
    Route("visits:plan", kwargs=lambda world: {"slug": world.syd.slug}),
    Route("visits:detail", kwargs=_visit_pk),
    Route("visits:check_in", kwargs=_visit_pk),
    Route("visits:close", kwargs=_checked_in_visit_pk),
    Route("products:feedback", kwargs=_product_pk),
    Route("meetings:groups", kwargs=_grouped_meeting_pk),
    Route("meetings:group_edit", kwargs=_breakout_group_pk),
    Route(
        "meetings:group_notes",
        kwargs=_breakout_group_pk,
        method="post",
        data=lambda world: {"notes": "Vores noter", "revision": "1"},
    ),
]


@pytest.mark.parametrize("route", HTMX_VIEWS, ids=[route.name for route in HTMX_VIEWS])
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "browser"])
def test_the_answer_varies_by_hx_request(client, world: World, route: Route, htmx: bool):
    client.force_login(world.users["leader"])
    headers = {"HX-Request": "true"} if htmx else {}
    url = reverse(route.name, kwargs=route.kwargs(world))
    response = getattr(client, route.method)(url, route.data(world), headers=headers)
    assert response.status_code in (200, 302)
    assert "HX-Request" in response.get("Vary", "")
