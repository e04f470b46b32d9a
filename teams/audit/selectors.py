"""Reads of the audit log: the entries a reader may see, filtered, and the people to filter by.

Every read is a fixed number of queries whatever the size of the log: the entries come with
their people, team and organisation joined, and the kind of object from ContentType's cache.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from teams.models import AuditEntry, Organisation, User


def readable_entries(*, reader: User) -> QuerySet[AuditEntry]:
    """Every entry for the site administrator; a department leader's organisations' entries
    for them (logins, erasures and other entries of no organisation are the administrator's)."""
    entries = AuditEntry.objects.select_related(
        "actor", "subject", "team", "organisation", "target_type"
    ).order_by("-at", "-id")
    if reader.is_superuser:
        return entries
    return entries.filter(
        organisation__in=Organisation.objects.filter(department_leaders=reader).values("pk")
    )


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered_entries(
    *,
    reader: User,
    person: User | None = None,
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[AuditEntry]:
    """The reader's entries by or about `person`, from `start` to `end` (both days included)."""
    entries = readable_entries(reader=reader)
    if person is not None:
        entries = entries.filter(Q(actor=person) | Q(subject=person))
    if start is not None:
        entries = entries.filter(at__gte=_start_of(start))
    if end is not None:
        entries = entries.filter(at__lt=_start_of(end + timedelta(days=1)))
    return entries


def people_to_filter_by(*, reader: User) -> QuerySet[User]:
    """Everyone for the site administrator; for a department leader the people of their
    organisations (in their teams, or of the organisation before they have a team) and their
    fellow department leaders."""
    people = User.objects.order_by("first_name", "last_name", "username")
    if reader.is_superuser:
        return people
    organisations = Organisation.objects.filter(department_leaders=reader).values("pk")
    return people.filter(
        Q(memberships__team__organisation__in=organisations)
        | Q(organisation__in=organisations)
        | Q(led_organisations__in=organisations)
    ).distinct()


def entries_about(*, person: User) -> QuerySet[AuditEntry]:
    """The entries by or about the person, for their own copy of their data."""
    return (
        AuditEntry.objects.filter(Q(actor=person) | Q(subject=person))
        .select_related("actor", "subject", "team", "organisation", "target_type")
        .order_by("-at", "-id")
    )
