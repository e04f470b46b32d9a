"""Retention of case material: the sparring wish, background, timeline, genogram and the case
owner's notes are deleted a team-chosen number of days after the meeting.

What stays: the case's title, its kind of sparring, who brought it, its status and the
learning points named about it. What is deleted is logged (MaterialDeletion, the audit log and
the "teamlaering.retention" logger) by field name and time only, never by content.

The reference moment is when the meeting ended, else when it was to start; a case without a
meeting (withdrawn before it got one, say) counts from when it was submitted.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from cases.models import Case, MaterialDeletion
from meetings.models import AgendaItem
from teams.audit.services import audit_record
from teams.models import AuditAction

logger = logging.getLogger("teamlaering.retention")

# The case's own free text ("Hvad ønsker du sparring på?") is case material like the rest.
MATERIAL_FIELDS = ("sparring_wanted", "background", "timeline", "genogram")


@dataclass(frozen=True)
class ExpiredCase:
    case: Case
    reference: datetime


def expired_cases(*, now: datetime | None = None) -> list[ExpiredCase]:
    """Cases whose material is still there although its retention has run out, oldest first."""
    now = now or timezone.now()
    candidates = (
        Case.objects.with_material()
        .annotate(reference=Coalesce("meeting__ended_at", "meeting__starts_at", "submitted_at"))
        .filter(reference__lt=now)
        .select_related("team")
        .order_by("reference", "id")
    )
    return [
        ExpiredCase(case=case, reference=case.reference)
        for case in candidates
        if case.reference + timedelta(days=case.team.case_retention_days) < now
    ]


@transaction.atomic
def delete_expired_material(*, now: datetime | None = None) -> list[MaterialDeletion]:
    """Delete the material of every case whose retention has run out; one log row per case."""
    now = now or timezone.now()
    deletions: list[MaterialDeletion] = []
    for expired in expired_cases(now=now):
        case = expired.case
        # Locked again, so a concurrent run or edit cannot slip in between.
        case = Case.objects.select_for_update().get(pk=case.pk)
        if case.material_deleted_at is not None:
            continue
        fields = [name for name in MATERIAL_FIELDS if getattr(case, name)]
        case.sparring_wanted = ""
        case.background = ""
        case.timeline = []
        case.genogram = []
        case.material_deleted_at = now
        case.save(update_fields=[*MATERIAL_FIELDS, "material_deleted_at", "updated_at"])
        item = AgendaItem.objects.select_for_update().filter(case=case).first()
        if item is not None and item.owner_notes:
            fields.append("owner_notes")
            item.owner_notes = ""
            item.save(update_fields=["owner_notes"])
        audit_record(
            actor=None,
            action=AuditAction.RETENTION_DELETED,
            target=case,
            team=expired.case.team,
            detail={"fields": fields},
        )
        deletions.append(
            MaterialDeletion.objects.create(
                case=case, deleted_at=now, fields=fields, meeting_ended_at=expired.reference
            )
        )
        logger.info(
            "Sagsmateriale slettet: sag %s (team %s), felter %s, reference %s, slettet %s",
            case.pk,
            case.team_id,
            ",".join(fields) or "-",
            expired.reference.isoformat(),
            now.isoformat(),
        )
    return deletions
