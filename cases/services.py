"""Writes for cases: submission, editing, withdrawal, the leader's selection, asking the next
in turn, and marking a finished meeting's cases discussed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cases.models import Case, CaseStatus, SparringType
from cases.rotation_tasks import ask_next_in_turn
from cases.selectors import deadline_for, next_planned_meeting
from core import limits
from core.locking import Stale
from core.refusals import Refused
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.selectors import case_capacity
from meetings.services import bump_version, meeting_rebuild_running_order
from teams.models import Team, User


class CaseRefused(Refused):
    pass


class StaleCase(CaseRefused, Stale[Case]):
    """Someone saved the case after the editor opened it: `current` is the case as it is."""


_TEXT_LIMITS = {
    "title": limits.TITLE,
    "sparring_wanted": limits.SHORT_TEXT,
    "background": limits.LONG_TEXT,
}
_LIST_FIELDS = ("timeline", "genogram")


def _check_limits(fields: dict[str, object]) -> None:
    """The form's limits again, for every caller: a page and a drawing stay bounded."""
    for name, limit in _TEXT_LIMITS.items():
        value = fields.get(name)
        if isinstance(value, str) and len(value) > limit:
            raise CaseRefused(limits.too_long(limit, len(value)))
    for name in _LIST_FIELDS:
        value = fields.get(name)
        if isinstance(value, list) and len(value) > limits.LINES:
            raise CaseRefused(
                _("Højst %(lines)s linjer i tidslinjen og genogrammet.") % {"lines": limits.LINES}
            )


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
    _check_takes_cases(meeting)
    _check_limits(
        {
            "title": title,
            "sparring_wanted": sparring_wanted,
            "background": background,
            "timeline": timeline,
            "genogram": genogram,
        }
    )
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
def case_update(*, case: Case, user: User, revision: int, **fields: object) -> Case:
    """Save the case's fields, if nobody has saved it since `revision`; else StaleCase."""
    _check_limits(fields)
    case = Case.objects.select_for_update(of=("self",)).select_related("edited_by").get(pk=case.pk)
    if not case.has_material:
        raise CaseRefused(_("Sagens materiale er slettet efter mødet og kan ikke ændres."))
    if case.revision != revision:
        raise StaleCase(
            _(
                "%(name)s har gemt sagen, efter du begyndte at rette i den. Din tekst er ikke "
                "gemt. Sammenlign med sagen, som den er nu, ret din tekst til, og gem igen."
            )
            % {"name": case.edited_by or case.submitted_by},
            current=case,
        )
    for name, value in fields.items():
        setattr(case, name, value)
    case.revision += 1
    case.edited_by = user
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


def require_agenda_open(meeting: Meeting) -> None:
    """An agenda changes only before its meeting: once it is running or held, it is read-only."""
    if meeting.status == MeetingStatus.FINISHED:
        raise CaseRefused(_("Mødet er afholdt, så dagsordenen kan ikke længere ændres."))
    if meeting.status != MeetingStatus.PLANNED:
        raise CaseRefused(_("Mødet er i gang, så dagsordenen kan ikke længere ændres."))


def _locked_planned(meeting: Meeting) -> Meeting:
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("format", "team")
        .get(pk=meeting.pk)
    )
    require_agenda_open(meeting)
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
def case_select(*, case: Case, meeting: Meeting | None = None) -> AgendaItem:
    """Put the case on a meeting's agenda, last, within the format's capacity: on its own
    meeting's, or on `meeting`'s, taking it from the meeting it was waiting for (an earlier
    or a later one alike)."""
    target = meeting or case.meeting
    if target is None:
        raise CaseRefused(_("Sagen er ikke knyttet til et møde."))
    if target.team_id != case.team_id:
        raise CaseRefused(_("Sagen hører til et andet team."))
    target = _locked_planned(target)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status != CaseStatus.SUBMITTED:
        raise CaseRefused(_("Sagen er allerede på dagsordenen eller trukket tilbage."))
    if not case.has_material:
        raise CaseRefused(_("Sagens materiale er slettet efter mødet; indsend sagen igen."))
    capacity = case_capacity(meeting=target)
    on_agenda = target.agenda_items.filter(case__isnull=False).count()
    if capacity is not None and on_agenda >= capacity:
        raise CaseRefused(
            _(
                "Der er ikke plads til flere sager: mødets %(minutes)s minutter giver plads "
                "til %(capacity)s. Fjern en sag, flyt den til et senere møde, eller gør "
                "mødet længere."
            )
            % {"minutes": target.duration_minutes, "capacity": capacity}
        )
    if case.meeting_id != target.pk:
        _move(case, target)
    last = target.agenda_items.aggregate(last=Max("position"))["last"]
    item = AgendaItem.objects.create(
        meeting=target,
        title=case.title,
        owner=case.submitted_by,
        position=0 if last is None else last + 1,
    )
    case.agenda_item = item
    case.status = CaseStatus.SELECTED
    case.save(update_fields=["meeting", "is_late", "agenda_item", "status", "updated_at"])
    meeting_rebuild_running_order(meeting=target)
    bump_version(meeting=target)
    return item


def _move(case: Case, to: Meeting) -> None:
    """The case waits for `to` now. Its deadline status is judged against `to`: a late case
    that came in time for `to` is no longer late; a case the leader moves is never made late
    by the move (it came in time for the meeting it was brought to)."""
    case.meeting = to
    case.is_late = case.is_late and case.submitted_at >= deadline_for(to)


@transaction.atomic
def case_unselect(*, case: Case) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    item = AgendaItem.objects.filter(case=case).select_related("meeting").first()
    if item is not None:
        # A held meeting's agenda is read-only: say so, rather than that the case is not on it.
        require_agenda_open(item.meeting)
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
def case_move(*, case: Case, to: Meeting) -> Case:
    """Move the case to another meeting of its team not yet held, earlier or later, to wait
    there (off its present meeting's agenda, if it was on it)."""
    if to.team_id != case.team_id:
        raise CaseRefused(_("Vælg et planlagt møde i samme team."))
    to = Meeting.objects.select_for_update(of=("self",)).select_related("team").get(pk=to.pk)
    if to.status != MeetingStatus.PLANNED:
        raise CaseRefused(_("Mødet er allerede holdt eller i gang; vælg et planlagt møde."))
    _check_takes_cases(to)
    case = Case.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=case.pk)
    if case.status not in (CaseStatus.SUBMITTED, CaseStatus.SELECTED):
        raise CaseRefused(_("En drøftet eller tilbagetrukket sag kan ikke flyttes."))
    if case.meeting_id == to.pk:
        raise CaseRefused(_("Sagen venter allerede på det møde."))
    if case.status == CaseStatus.SELECTED:
        _remove_from_agenda(case)
    _move(case, to)
    case.status = CaseStatus.SUBMITTED
    case.save(update_fields=["meeting", "status", "is_late", "updated_at"])
    return case


def meeting_cancel_refusal(meeting: Meeting) -> str | None:
    """A meeting with cases waiting for it is not cancelled until they wait for another
    (meetings.hooks.cancel_refusals)."""
    waiting = Case.objects.filter(
        meeting=meeting, status__in=[CaseStatus.SUBMITTED, CaseStatus.SELECTED]
    ).count()
    if not waiting:
        return None
    return ngettext(
        "En sag venter på mødet: flyt den til et andet møde først.",
        "%(count)s sager venter på mødet: flyt dem til et andet møde først.",
        waiting,
    ) % {"count": waiting}


def _check_takes_cases(meeting: Meeting) -> None:
    if not Meeting.objects.taking_cases().filter(pk=meeting.pk).exists():
        raise CaseRefused(_("Det møde drøfter ingen sager; vælg et andet møde."))


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
