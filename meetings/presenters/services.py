"""Writes for a meeting's presenters: assign them in order, remove one, let another stand in
for one who has no example, and the presenter's brief. Who may do each is the views'
(meetings.presenters.access)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core import limits
from core.locking import Stale
from core.privacy import find_cpr
from core.refusals import Refused
from meetings.models import Meeting, MeetingStatus
from meetings.presenters.models import Presenter
from meetings.presenters.selectors import caseworkers
from meetings.services import bump_version
from teams.models import User


class PresenterRefused(Refused):
    pass


class StaleBrief(Stale[Presenter]):
    """The brief was saved after the presenter opened it (in another window): `current` is
    the brief as it is now."""


def _check_open(meeting: Meeting) -> None:
    if not meeting.has_presenters:
        raise PresenterRefused(_("Mødets format har ingen eksempler fra praksis."))
    if meeting.status == MeetingStatus.FINISHED:
        raise PresenterRefused(_("Mødet er afsluttet; oplægsholderne kan ikke ændres."))


def _check_candidate(meeting: Meeting, user: User) -> None:
    if not caseworkers(meeting=meeting).filter(pk=user.pk).exists():
        raise PresenterRefused(_("Vælg en sagsbehandler, der deltager i mødet."))
    if Presenter.objects.filter(meeting=meeting, user=user).exists():
        raise PresenterRefused(
            _("%(name)s holder allerede et oplæg på mødet.") % {"name": user.display_name}
        )


def _screens_told(meeting: Meeting) -> None:
    """A running meeting's screens show who presents: they hear of the change."""
    if meeting.status == MeetingStatus.RUNNING:
        bump_version(meeting=meeting)


@transaction.atomic
def presenter_assign(*, meeting: Meeting, user: User) -> Presenter:
    """`user` presents after those already assigned."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_open(meeting)
    _check_candidate(meeting, user)
    last = Presenter.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"]
    presenter = Presenter.objects.create(
        meeting=meeting, user=user, position=0 if last is None else last + 1
    )
    _screens_told(meeting)
    return presenter


@transaction.atomic
def presenter_remove(*, presenter: Presenter) -> None:
    meeting = Meeting.objects.select_for_update().get(pk=presenter.meeting_id)
    _check_open(meeting)
    Presenter.objects.filter(pk=presenter.pk).delete()
    _screens_told(meeting)


@transaction.atomic
def presenter_stand_in(*, presenter: Presenter, stand_in: User) -> Presenter:
    """The presenter has no example: `stand_in` presents in their place, and the app keeps
    who they stand in for (the first one assigned, when a stand-in is replaced in turn). The
    brief starts afresh: it was the other person's."""
    meeting = Meeting.objects.select_for_update().get(pk=presenter.meeting_id)
    _check_open(meeting)
    _check_candidate(meeting, stand_in)
    presenter = Presenter.objects.select_for_update().get(pk=presenter.pk)
    original = presenter.stands_in_for_id or presenter.user_id
    # Who had no example may have found one after all: then nobody stands in.
    presenter.stands_in_for_id = None if original == stand_in.pk else original
    presenter.user = stand_in
    presenter.what = presenter.why = presenter.justification = ""
    presenter.revision += 1
    presenter.save()
    _screens_told(meeting)
    return presenter


@transaction.atomic
def brief_save(
    *, presenter: Presenter, revision: int, what: str, why: str, justification: str
) -> Presenter:
    """The presenter's answers to the brief, if nobody has saved it since `revision` (else
    StaleBrief). Refused when a text is too long or looks like a CPR number."""
    texts = {"what": what, "why": why, "justification": justification}
    limits.check_lengths(
        [(text, limits.SHORT_TEXT) for text in texts.values()], refused=PresenterRefused
    )
    if any(find_cpr(text) for text in texts.values()):
        raise PresenterRefused(_("Teksten ligner et CPR-nummer og er ikke gemt."))
    presenter = (
        Presenter.objects.select_for_update(of=("self",))
        .select_related("meeting")
        .get(pk=presenter.pk)
    )
    if presenter.meeting.status == MeetingStatus.FINISHED:
        raise PresenterRefused(_("Mødet er afsluttet; oplægget kan ikke ændres."))
    if presenter.revision != revision:
        raise StaleBrief(
            _(
                "Dit oplæg er gemt et andet sted, efter du begyndte at skrive her. Din tekst er "
                "ikke gemt. Sammenlign med oplægget, som det er nu, og gem igen."
            ),
            current=presenter,
        )
    presenter.what, presenter.why, presenter.justification = what, why, justification
    presenter.revision += 1
    presenter.save(update_fields=["what", "why", "justification", "revision", "updated_at"])
    return presenter
