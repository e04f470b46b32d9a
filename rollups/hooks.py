"""What higher layers add to rollups (see core.hooks); each registers from its AppConfig.ready().

- change_extras: more that a "change practice" decision can start (a product's draft),
  offered as a checkbox on the decision and started in the decision's transaction.
- rollup_page: what a rollup's page shows of what came of it ("after").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django_stubs_ext import StrOrPromise

from core.hooks import Contributor, Hook
from rollups.models import Rollup, RollupItem
from teams.access import AnyUser
from teams.models import User


@dataclass(frozen=True)
class ChangeExtra:
    """Offered with a "change practice" decision: `start` does it and returns the notice the
    leader sees; it may raise core.refusals.Refused, which leaves the decision standing."""

    name: str
    label: StrOrPromise
    help_text: StrOrPromise
    start: Callable[[RollupItem, User], str]


@dataclass(frozen=True)
class RollupPage:
    user: AnyUser
    rollup: Rollup


change_extras: Hook[ChangeExtra] = Hook("rollups.change_extras")
rollup_page: Hook[Contributor[RollupPage]] = Hook("rollups.rollup_page")
