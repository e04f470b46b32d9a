"""What cases hold about a person, for their copy of their data (teams.hooks.personal_data):
the cases they submitted, with what is left of them after retention, and the reminders they
were sent. Two queries."""

from __future__ import annotations

from typing import Any

from cases.models import Case, CaseReminder
from teams.models import User


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "cases_submitted": [
            {
                "title": case.title,
                "team": case.team.name,
                "meeting": case.meeting.title if case.meeting else None,
                "sparring_type": case.get_sparring_type_display(),
                "status": case.get_status_display(),
                "submitted_at": case.submitted_at,
                "is_late": case.is_late,
                "sparring_wanted": case.sparring_wanted,
                "background": case.background,
                "timeline": case.timeline,
                "genogram": case.genogram,
                "material_deleted_at": case.material_deleted_at,
            }
            for case in Case.objects.filter(submitted_by=person)
            .select_related("team", "meeting")
            .order_by("submitted_at", "pk")
        ],
        "case_reminders": [
            {"meeting": reminder.meeting.title, "sent_at": reminder.sent_at}
            for reminder in CaseReminder.objects.filter(user=person)
            .select_related("meeting")
            .order_by("sent_at", "pk")
        ],
    }
