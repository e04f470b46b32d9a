"""What learning visits hold about a person, for their copy of their data
(teams.hooks.personal_data): the visits they took part in or planned, with the check-in and
the reflections. (The three agreed points are the agent's learning points, in learnings.)
One query."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from teams.models import User
from visits.models import Visit


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "learning_visits": [
            {
                "team": visit.team.name,
                "date": visit.date,
                "length": visit.get_length_display(),
                "as_agent": visit.agent_id == person.pk,
                "as_colleague": visit.colleague_id == person.pk,
                "planned_by_you": visit.planned_by_id == person.pk,
                "agent": visit.agent.display_name,
                "colleague": visit.colleague.display_name,
                "wants_to_learn": visit.wants_to_learn,
                "focus": visit.focus,
                "ground_rules": visit.rules,
                "agent_seen": visit.agent_seen,
                "agent_worked": visit.agent_worked,
                "agent_differently": visit.agent_differently,
                "colleague_experience": visit.colleague_experience,
                "colleague_thoughts": visit.colleague_thoughts,
                "closed_at": visit.closed_at,
            }
            for visit in Visit.objects.filter(
                Q(agent=person) | Q(colleague=person) | Q(planned_by=person)
            )
            .select_related("team", "agent", "colleague")
            .order_by("date", "pk")
        ],
    }
