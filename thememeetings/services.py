"""Writes for theme learning meetings: proposing a theme, the working group and its order of the
backlog, the decision that plans the theme meeting, the working group's own meetings, the answers
in the learning round, and the product and follow-up agreed at the end."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from core import limits
from core.privacy import find_cpr
from core.refusals import Refused
from meetings import services as meeting_services
from meetings.models import Format, Meeting, MeetingStatus
from products import services as product_services
from products.models import ProductKind
from teams.models import Membership, Organisation, Team, User
from thememeetings.models import (
    ExternalGuest,
    RoundAnswer,
    Theme,
    ThemeSource,
    ThemeStatus,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from thememeetings.selectors import organisation_people

THEME_FORMAT_KEY = "tema-laeringsmoede"
OPEN = (ThemeStatus.PROPOSED, ThemeStatus.PRIORITISED)


class ThemeRefused(Refused):
    pass


def _text(text: str, limit: int) -> str:
    """The service's own check of what a form already checked: length and CPR numbers."""
    text = text.strip()
    limits.check_lengths([(text, limit)], refused=ThemeRefused)
    if find_cpr(text):
        raise ThemeRefused(_("Teksten ligner et CPR-nummer og er ikke gemt."))
    return text


@transaction.atomic
def theme_propose(
    *,
    organisation: Organisation,
    proposed_by: User,
    title: str,
    why: str,
    knowledge_needed: str,
    source: str,
) -> Theme:
    if source not in ThemeSource.values:
        raise ThemeRefused(_("Vælg, hvor temaet kommer fra."))
    title = _text(title, limits.TITLE)
    if not title:
        raise ThemeRefused(_("Giv temaet en titel."))
    return Theme.objects.create(
        organisation=organisation,
        proposed_by=proposed_by,
        title=title,
        why=_text(why, limits.SHORT_TEXT),
        knowledge_needed=_text(knowledge_needed, limits.SHORT_TEXT),
        source=source,
    )


@transaction.atomic
def working_group_set(
    *, organisation: Organisation, members: Sequence[User]
) -> list[WorkingGroupMember]:
    """The department leader names the working group: people of the organisation."""
    allowed = set(organisation_people(organisation).values_list("pk", flat=True))
    if any(person.pk not in allowed for person in members):
        raise ThemeRefused(_("Arbejdsgruppen består af personer fra organisationen."))
    wanted = {person.pk for person in members}
    WorkingGroupMember.objects.filter(organisation=organisation).exclude(
        user_id__in=wanted
    ).delete()
    present = set(
        WorkingGroupMember.objects.filter(organisation=organisation).values_list(
            "user_id", flat=True
        )
    )
    WorkingGroupMember.objects.bulk_create(
        WorkingGroupMember(organisation=organisation, user_id=pk) for pk in wanted - present
    )
    return list(WorkingGroupMember.objects.filter(organisation=organisation))


def _open_themes(organisation: Organisation) -> list[Theme]:
    """The themes still to be picked, locked, in the backlog's order."""
    return list(
        Theme.objects.select_for_update()
        .filter(organisation=organisation)
        .exclude(status=ThemeStatus.CHOSEN)
        .backlog()
        .select_related(None)
    )


def _renumber(themes: list[Theme], *, placed: Theme) -> None:
    """Number the open themes in their new order; `placed` is now prioritised by the working
    group (the others keep their status: a theme only proposed stays so until it is placed)."""
    for position, theme in enumerate(themes, 1):
        theme.position = position
    placed.status = ThemeStatus.PRIORITISED
    Theme.objects.bulk_update(themes, ["position", "status"])


@transaction.atomic
def theme_prioritise(
    *, theme: Theme, position: int | None = None, justification: str | None = None
) -> Theme:
    """Place an open theme at `position` in the working group's order (1 is next; beyond the
    end is last) and give the justification. Every open theme gets its place: the newly
    proposed ones follow the prioritised ones."""
    themes = _open_themes(theme.organisation)
    current = next((each for each in themes if each.pk == theme.pk), None)
    if current is None:
        raise ThemeRefused(_("Temaet er allerede valgt og kan ikke prioriteres."))
    if justification is not None:
        current.justification = _text(justification, limits.ACTION)
        current.save(update_fields=["justification", "updated_at"])
    if position is not None:
        if position < 1:
            raise ThemeRefused(_("Prioriteten er et tal fra 1 og op."))
        themes.remove(current)
        themes.insert(min(position, len(themes) + 1) - 1, current)
    _renumber(themes, placed=current)
    current.refresh_from_db()
    return current


@transaction.atomic
def theme_move(*, theme: Theme, up: bool) -> Theme:
    """One place up (towards next) or down in the working group's order."""
    themes = _open_themes(theme.organisation)
    index = next((i for i, each in enumerate(themes) if each.pk == theme.pk), None)
    if index is None:
        raise ThemeRefused(_("Temaet er allerede valgt og kan ikke prioriteres."))
    moved = themes[index]
    other = index - 1 if up else index + 1
    if 0 <= other < len(themes):
        themes[index], themes[other] = themes[other], themes[index]
    _renumber(themes, placed=moved)
    return moved


@dataclass(frozen=True)
class Guest:
    name: str
    role: str


@transaction.atomic
def theme_decide(
    *,
    theme: Theme,
    format: Format,
    starts_at: datetime,
    place: str,
    host_team: Team,
    invited_teams: Sequence[Team],
    guests: Sequence[Guest],
    leaders: tuple[User, User],
) -> Meeting:
    """The working group picks the theme and decides its meeting: the form, the time and
    place, the host team, who is invited and the two meeting leaders. The meeting is planned
    for the host team with the members of the invited teams as participants."""
    theme = Theme.objects.select_for_update().get(pk=theme.pk)
    organisation = theme.organisation
    if theme.status == ThemeStatus.CHOSEN:
        raise ThemeRefused(_("Temaet er allerede valgt."))
    teams = {host_team, *invited_teams}
    if any(team.organisation_id != organisation.pk for team in teams):
        raise ThemeRefused(_("Vælg teams fra organisationen."))
    if not Format.objects.available_to(host_team).filter(pk=format.pk).exists():
        raise ThemeRefused(_("Vælg en mødeform, som værtsteamet kan bruge."))
    first, second = leaders
    if first.pk == second.pk:
        raise ThemeRefused(_("Vælg to forskellige mødeledere."))
    people = set(organisation_people(organisation).values_list("pk", flat=True))
    if first.pk not in people or second.pk not in people:
        raise ThemeRefused(_("Mødelederne skal være fra organisationen."))
    participants = list(
        User.objects.filter(
            pk__in=Membership.objects.filter(team__in=teams, user__is_active=True).values(
                "user_id"
            )
        ).order_by("first_name", "last_name", "username")
    )
    texts = [(_text(guest.name, limits.NAME), _text(guest.role, limits.TITLE)) for guest in guests]
    meeting = meeting_services.meeting_plan(
        team=host_team,
        format=format,
        title=theme.title,
        starts_at=starts_at,
        place=_text(place, limits.TITLE),
        facilitator=first,
        co_facilitator=second,
        participants=participants,
        agenda_titles=[],
    )
    ExternalGuest.objects.bulk_create(
        ExternalGuest(theme=theme, name=name, role=role) for name, role in texts if name
    )
    placed = theme.position
    theme.status, theme.meeting, theme.position = ThemeStatus.CHOSEN, meeting, None
    theme.save(update_fields=["status", "meeting", "position", "updated_at"])
    if placed is not None:
        # The themes after it move up a place.
        Theme.objects.filter(
            organisation=organisation, status__in=OPEN, position__gt=placed
        ).update(position=F("position") - 1)
    return meeting


@transaction.atomic
def working_group_meeting_add(
    *, organisation: Organisation, date: date, agenda: str, notes: str, created_by: User
) -> WorkingGroupMeeting:
    agenda = _text(agenda, limits.SHORT_TEXT)
    if not agenda:
        raise ThemeRefused(_("Skriv mødets dagsorden."))
    return WorkingGroupMeeting.objects.create(
        organisation=organisation,
        date=date,
        agenda=agenda,
        notes=_text(notes, limits.MEDIUM_TEXT),
        created_by=created_by,
    )


@transaction.atomic
def round_answer_save(
    *, meeting: Meeting, author: User, take_away: str, into_practice: str
) -> RoundAnswer:
    """The person's answers in the learning round; saved again, they replace the earlier ones
    (one set of answers per person and meeting)."""
    take_away = _text(take_away, limits.SHORT_TEXT)
    into_practice = _text(into_practice, limits.SHORT_TEXT)
    if not take_away and not into_practice:
        raise ThemeRefused(_("Skriv mindst ét af svarene."))
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    answer = RoundAnswer.objects.filter(meeting=meeting, author=author).first()
    if answer is None:
        return RoundAnswer.objects.create(
            meeting=meeting, author=author, take_away=take_away, into_practice=into_practice
        )
    answer.take_away, answer.into_practice = take_away, into_practice
    answer.save(update_fields=["take_away", "into_practice", "updated_at"])
    return answer


@transaction.atomic
def theme_outcome_record(
    *,
    theme: Theme,
    user: User,
    product_kind: str,
    responsible: Sequence[User],
    follow_up_on: date | None,
) -> Theme:
    """The meeting leaders record what was agreed at the end: the product's kind and its
    responsible people (a draft is started for the first of them, organisation-wide and traced
    to the meeting), and whether and when to follow up (None: no follow-up)."""
    theme = (
        Theme.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=theme.pk)
    )
    meeting = theme.meeting
    if meeting is None or meeting.status == MeetingStatus.PLANNED:
        raise ThemeRefused(_("Produkt og opfølgning aftales på temamødet."))
    if product_kind not in ProductKind.values:
        raise ThemeRefused(_("Vælg produktets type."))
    if not responsible:
        raise ThemeRefused(_("Vælg mindst én ansvarlig for produktet."))
    people = set(organisation_people(theme.organisation).values_list("pk", flat=True))
    if any(person.pk not in people for person in responsible):
        raise ThemeRefused(_("De ansvarlige skal være fra organisationen."))
    if theme.product_id is None:
        theme.product = product_services.product_create(
            organisation=theme.organisation,
            team=None,
            kind=product_kind,
            title=theme.title,
            responsible=responsible[0],
            created_by=user,
            content={"purpose": theme.why},
            source_meetings=[meeting],
        )
    theme.product_kind = product_kind
    theme.follow_up_on = follow_up_on
    theme.follow_up_decided = True
    theme.save()
    theme.product_responsible.set(responsible)
    return theme


def meeting_cancel_refusal(meeting: Meeting) -> str | None:
    """The meeting a theme was chosen for is moved (or its theme decided again), not cancelled:
    the working group's decision names it (meetings.hooks.cancel_refusals)."""
    theme = Theme.objects.filter(meeting=meeting).only("title").first()
    if theme is None:
        return None
    return _("Mødet er temamødet for »%(title)s«: flyt det under »Ret møde« i stedet.") % {
        "title": theme.title
    }
