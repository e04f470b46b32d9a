"""What higher layers add to learnings (see core.hooks); each registers from its AppConfig.ready().

- overview: what the learning overview shows beside the learning (the open follow-up actions):
  templates for its regions "figures" (a figure box) and "sections" (below the charts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.hooks import Contributor, Hook

if TYPE_CHECKING:
    from learnings.overview.selectors import Overview

overview: Hook[Contributor[Overview]] = Hook("learnings.overview")
