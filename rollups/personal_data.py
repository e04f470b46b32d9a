"""What rollups hold about a person, for their copy of their data (teams.hooks.personal_data):
the rollups they started, their decisions and comments, and the follow-up actions they own or
created. Four queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from rollups.models import FollowUpAction, Rollup, RollupComment, RollupItem
from teams.models import User


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "rollups_started": [
            {
                "team": rollup.team.name,
                "period_start": rollup.period_start,
                "period_end": rollup.period_end,
                "summary": rollup.summary,
                "finished_at": rollup.finished_at,
            }
            for rollup in Rollup.objects.filter(created_by=person)
            .select_related("team")
            .order_by("period_end", "pk")
        ],
        "rollup_decisions": [
            {
                "rollup": str(item.rollup),
                "heading": item.title,
                "decision": item.get_decision_display(),
                "justification": item.justification,
                "decided_at": item.decided_at,
            }
            for item in RollupItem.objects.filter(decided_by=person)
            .select_related("rollup__team")
            .order_by("decided_at", "pk")
        ],
        "rollup_comments": [
            {"rollup": str(comment.rollup), "text": comment.text, "at": comment.created_at}
            for comment in RollupComment.objects.filter(author=person)
            .select_related("rollup__team")
            .order_by("created_at", "pk")
        ],
        "follow_up_actions": [
            {
                "title": action.title,
                "team": action.team.name,
                "owner": action.owner_id == person.pk,
                "created_by_you": action.created_by_id == person.pk,
                "due_date": action.due_date,
                "status": action.get_status_display(),
                "done_at": action.done_at,
            }
            for action in FollowUpAction.objects.filter(Q(owner=person) | Q(created_by=person))
            .select_related("team")
            .order_by("due_date", "pk")
        ],
    }
