"""What higher layers add to learnings (see core.hooks); each registers from its AppConfig.ready().

- overview: what the learning overview shows beside the learning (the open follow-up actions):
  templates for its regions "figures" (a figure box) and "sections" (below the charts).
"""

from __future__ import annotations

from core.hooks import Contributor, Hook
from learnings.overview.selectors import Overview

overview: Hook[Contributor[Overview]] = Hook("learnings.overview")
