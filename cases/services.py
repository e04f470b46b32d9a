"""Writes for cases: submission, editing, withdrawal, the leader's selection, asking the next
in turn, and marking a finished meeting's cases discussed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case, CaseStatus, SparringType
from cases.rotation_tasks import ask_next_in_turn
from cases.selectors import deadline_for, next_planned_meeting
from core.refusals import Refused
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.selectors import case_capacity
from meetings.services import bump_version, meeting_rebuild_running_order
from teams.models import Team, User


class CaseRefused(Refused):
    pass


@transaction.atomic
def case_submit(
    *,
    meeting: Meeting,
    user: User,
    title: str,
    sparring_wanted: str,
    sparring_type: SparringType | str,
    background: str,
    timeline: list | None = None,
    genogram: list | None = None,
) -> Case:
    """A case for the meeting. After the deadline it is still accepted, marked late."""
    if meeting.status != MeetingStatus.PLANNED:
        raise CaseRefused(_("Mødet er allerede gået i gang; vælg et senere møde."))
    return Case.objects.create(
        team=meeting.team,
        meeting=meeting,
        submitted_by=user,
        title=title,
        sparring_wanted=sparring_wanted,
        sparring_type=sparring_type,
        background=background,
        timeline=timeline or [],
        genogram=genogram or [],
        is_late=timezone.now() >= deadline_for(meeting),
    )


@transaction.atomic
def case_update(*, case: Case, **fields: object) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.has_material:
        raise CaseRefused(_("Sagens materiale er slettet efter mødet og kan ikke ændres."))
    for name, value in fields.items():
        setattr(case, name, value)
    case.save()
    item = AgendaItem.objects.filter(case=case).select_related("meeting").first()
    if item is not None and item.title != case.title:
        item.title = case.title
        item.save(update_fields=["title"])
    return case


@transaction.atomic
def case_withdraw(*, case: Case) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.DISCUSSED:
        raise CaseRefused(_("En drøftet sag kan ikke trækkes tilbage."))
    _remove_from_agenda(case)
    case.status = CaseStatus.WITHDRAWN
    case.save(update_fields=["status", "updated_at"])
    return case


def _locked_planned(meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.select_for_update().select_related("format").get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise CaseRefused(_("Dagsordenen kan kun ændres, før mødet går i gang."))
    return meeting


def _remove_from_agenda(case: Case) -> None:
    item = AgendaItem.objects.filter(case=case).select_related("meeting").first()
    if item is None:
        return
    meeting = _locked_planned(item.meeting)
    item.delete()
    _save_agenda(meeting, list(meeting.agenda_items.order_by("position", "id")))


def _save_agenda(meeting: Meeting, items: list[AgendaItem]) -> None:
    """Number the agenda in the given order, derive the running order, tell every screen."""
    for position, other in enumerate(items):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    meeting_rebuild_running_order(meeting=meeting)
    bump_version(meeting=meeting)


@transaction.atomic
def case_select(*, case: Case) -> AgendaItem:
    """Put the case on its meeting's agenda, last, within the format's capacity."""
    if case.meeting is None:
        raise CaseRefused(_("Sagen er ikke knyttet til et møde."))
    meeting = _locked_planned(case.meeting)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.SUBMITTED:
        raise CaseRefused(_("Sagen er allerede på dagsordenen eller trukket tilbage."))
    capacity = case_capacity(meeting=meeting)
    on_agenda = meeting.agenda_items.filter(case__isnull=False).count()
    if capacity is not None and on_agenda >= capacity:
        raise CaseRefused(
            _(
                "Der er ikke plads til flere sager: mødets %(minutes)s minutter giver plads "
                "til %(capacity)s. Fjern en sag, flyt den til et senere møde, eller gør "
                "mødet længere."
            )
            % {"minutes": meeting.duration_minutes, "capacity": capacity}
        )
    last = meeting.agenda_items.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        meeting=meeting,
        title=case.title,
        owner=case.submitted_by,
        position=0 if last is None else last + 1,
    )
    case.agenda_item = item
    case.status = CaseStatus.SELECTED
    case.save(update_fields=["agenda_item", "status", "updated_at"])
    meeting_rebuild_running_order(meeting=meeting)
    bump_version(meeting=meeting)
    return item


@transaction.atomic
def case_unselect(*, case: Case) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.SELECTED:
        raise CaseRefused(_("Sagen er ikke på dagsordenen."))
    _remove_from_agenda(case)
    case.status = CaseStatus.SUBMITTED
    case.save(update_fields=["status", "updated_at"])
    return case


@transaction.atomic
def case_move_on_agenda(*, case: Case, up: bool) -> None:
    item = AgendaItem.objects.filter(case=case).select_related("meeting").first()
    if item is None:
        raise CaseRefused(_("Sagen er ikke på dagsordenen."))
    meeting = _locked_planned(item.meeting)
    items = list(meeting.agenda_items.order_by("position", "id"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    swap = index - 1 if up else index + 1
    if not 0 <= swap < len(items):
        raise CaseRefused(_("Sagen kan ikke flyttes længere."))
    items[index], items[swap] = items[swap], items[index]
    _save_agenda(meeting, items)


@transaction.atomic
def case_postpone(*, case: Case, to: Meeting) -> Case:
    """Move the case to a later meeting of the same team, off this meeting's agenda."""
    if to.team_id != case.team_id or to.status != MeetingStatus.PLANNED:
        raise CaseRefused(_("Vælg et senere, planlagt møde i samme team."))
    if case.meeting is not None and to.starts_at <= case.meeting.starts_at:
        raise CaseRefused(_("Vælg et senere, planlagt møde i samme team."))
    case = Case.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=case.pk)
    if case.status == CaseStatus.SELECTED:
        _remove_from_agenda(case)
    case.meeting = to
    case.status = CaseStatus.SUBMITTED
    # Moved by the leader, so it is not late for the new meeting.
    case.is_late = False
    case.save(update_fields=["meeting", "status", "is_late", "updated_at"])
    return case


def cases_mark_discussed(meeting: Meeting) -> None:
    """The cases on a finished meeting's agenda have been discussed (meetings.hooks.
    meeting_finished: called in the transaction that finishes the meeting)."""
    Case.objects.filter(agenda_item__meeting=meeting).update(status=CaseStatus.DISCUSSED)


@transaction.atomic
def rotation_ask(*, team: Team, person: User, asked_by: User) -> Meeting:
    """Ask `person` by email to bring a case to the team's next planned meeting."""
    meeting = next_planned_meeting(team=team)
    if meeting is None:
        raise CaseRefused(_("Der er ikke et planlagt møde eller en person at spørge."))
    meeting_id, person_id, asked_by_id = meeting.pk, person.pk, asked_by.pk
    transaction.on_commit(
        lambda: ask_next_in_turn.enqueue(
            meeting_id=meeting_id, user_id=person_id, asked_by_id=asked_by_id
        )
    )
    return meeting
