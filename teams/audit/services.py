"""Writes of the audit log: recording what someone did, and deleting entries (and axes' login
records) once their retention has run out.

Why a table of our own and not django-auditlog: django-auditlog records a model's changes from
its save signals, with the changed fields' old and new values, so it would copy the text of
every case into the log, which must never hold it; and it records no reads (a case seen, a PDF
fetched), logins or erasures, which are most of what a data-protection officer asks about. One
row per action, written by the service or view that did it, records exactly what is asked and
nothing more, in the transaction's light: the row is written once the action's transaction
commits (`transaction.on_commit`), so an action rolled back leaves no entry.
"""

from __future__ import annotations

import getpass
from datetime import datetime, timedelta
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from core.pdf import PdfDownload
from teams.models import READ_ACTIONS, AuditAction, AuditEntry, Organisation, Team, User


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: AuditAction,
    target: models.Model | None = None,
    team: Team | None = None,
    organisation: Organisation | None = None,
    subject: User | None = None,
    detail: dict[str, Any] | None = None,
    ip_address: str | None = None,
) -> None:
    """Record that `actor` did `action` to `target` (a case, a meeting, a person…) in `team`.

    `detail` holds facts by code only (a role, the names of fields, the kind of a PDF), never
    text someone wrote. The organisation is the team's unless given: it decides which
    department leaders read the entry. Written when the current transaction commits (at once
    outside one)."""
    values: dict[str, Any] = {
        "at": timezone.now(),
        "action": action,
        "actor_id": actor.pk if actor is not None and actor.is_authenticated else None,
        "subject_id": subject.pk if subject is not None else None,
        "team_id": team.pk if team is not None else None,
        "organisation_id": (
            organisation.pk
            if organisation is not None
            else (team.organisation_id if team is not None else None)
        ),
        "detail": detail or {},
        "ip_address": ip_address,
    }
    if target is not None:
        values["target_type_id"] = ContentType.objects.get_for_model(target).pk
        values["target_id"] = target.pk
    transaction.on_commit(lambda: AuditEntry.objects.create(**values))


def from_command() -> dict[str, str]:
    """An entry's detail for what a management command did: no one is signed in there, so the
    system user who ran it is who did it."""
    try:
        system_user = getpass.getuser()
    except (KeyError, OSError):
        system_user = ""
    return {"via": "command", "system_user": system_user}


def pdf_exported(
    *,
    download: PdfDownload,
    user: User,
    target: models.Model,
    team: Team | None,
    kind: str,
    organisation: Organisation | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Record that `user` fetched the PDF (of `kind`: "minutes", "rollup", "product") of
    `target`, if the download is the PDF itself: the waiting page and its polls fetch
    nothing yet, and the person's own click on the ready link is the download recorded."""
    if download.delivered:
        audit_record(
            actor=user,
            action=AuditAction.PDF_EXPORTED,
            target=target,
            team=team,
            organisation=organisation,
            detail={"kind": kind, **(detail or {})},
        )


@transaction.atomic
def audit_purge(*, now: datetime | None = None) -> int:
    """Delete the entries older than their retention: reads after
    TEAMLAERING_AUDIT_READS_DAYS, everything else after TEAMLAERING_AUDIT_CHANGES_DAYS.
    Returns how many were deleted."""
    now = now or timezone.now()
    reads_before = now - timedelta(days=settings.TEAMLAERING_AUDIT_READS_DAYS)
    changes_before = now - timedelta(days=settings.TEAMLAERING_AUDIT_CHANGES_DAYS)
    reads, _kinds = AuditEntry.objects.filter(
        action__in=READ_ACTIONS, at__lt=reads_before
    ).delete()
    changes, _kinds = (
        AuditEntry.objects.exclude(action__in=READ_ACTIONS).filter(at__lt=changes_before).delete()
    )
    return reads + changes


@transaction.atomic
def login_records_purge(*, now: datetime | None = None) -> int:
    """Delete django-axes' records of logins and attempts older than
    TEAMLAERING_LOGIN_RECORDS_DAYS (90): the lockout counters, the log of logins and the log
    of failures. Returns how many were deleted."""
    before = (now or timezone.now()) - timedelta(days=settings.TEAMLAERING_LOGIN_RECORDS_DAYS)
    deleted = 0
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        count, _kinds = model.objects.filter(attempt_time__lt=before).delete()
        deleted += count
    return deleted
