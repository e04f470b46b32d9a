"""Retention of a learning visit's reflections: what the agent saw and heard, and what the two
thought of the day, may tell of citizens' cases, so it is deleted like case material, the
team's number of days (Team.case_retention_days) after the learning meeting. The check-in, the
ground rules and the three learning points stay. Each deletion is logged by field name only
(the audit log and the "teamlaering.retention" logger). Registered on teams.hooks.retention."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.db import transaction

from teams.audit.services import audit_record
from teams.models import AuditAction
from visits.models import REFLECTION_FIELDS, Visit

logger = logging.getLogger("teamlaering.retention")


def expired_visits(*, now: datetime) -> list[Visit]:
    """Held visits whose reflections are still there although their retention has run out."""
    candidates = (
        Visit.objects.filter(
            closed_at__isnull=False, closed_at__lt=now, material_deleted_at__isnull=True
        )
        .select_related("team")
        .order_by("closed_at", "id")
    )
    return [
        visit
        for visit in candidates
        if visit.closed_at is not None
        and visit.closed_at + timedelta(days=visit.team.case_retention_days) < now
    ]


@transaction.atomic
def delete_expired_reflections(now: datetime) -> int:
    """Delete the reflections of every visit whose retention has run out; returns how many."""
    deleted = 0
    for expired in expired_visits(now=now):
        visit = Visit.objects.select_for_update().get(pk=expired.pk)
        if visit.material_deleted_at is not None:
            continue
        fields = [name for name in REFLECTION_FIELDS if getattr(visit, name)]
        for name in REFLECTION_FIELDS:
            setattr(visit, name, "")
        visit.material_deleted_at = now
        visit.save(update_fields=[*REFLECTION_FIELDS, "material_deleted_at", "updated_at"])
        audit_record(
            actor=None,
            action=AuditAction.RETENTION_DELETED,
            target=visit,
            team=expired.team,
            detail={"fields": fields},
        )
        logger.info(
            "Refleksioner fra læringsbesøg slettet: besøg %s (team %s), felter %s, slettet %s",
            visit.pk,
            visit.team_id,
            ",".join(fields) or "-",
            now.isoformat(),
        )
        deleted += 1
    return deleted
