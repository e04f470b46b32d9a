"""What the breakout groups add to the runner's screens and the meeting's page (registered by
MeetingsConfig.ready): in the group-work phase, a participant's own group and its notes form
("Følg møde"), the groups' names and rooms (projector); every group with its notes on the
control view, for the plenary report, from the group work on; the way to the groups' page
for the meeting's leaders."""

from __future__ import annotations

from core.hooks import Contribution
from meetings.groups import access, selectors
from meetings.groups.forms import GroupNotesForm
from meetings.hooks import MeetingPage, RunnerView
from meetings.models import MeetingStatus, PhaseKind


def groups_panel(view: RunnerView) -> Contribution | None:
    if not access.has_group_work(view.meeting):
        return None
    if view.mode == "control":
        return _control(view)
    current = view.state.current
    if not view.is_live or current is None or current.kind != PhaseKind.GROUP_WORK:
        return None
    groups = view.state.groups
    if not groups:
        return None
    if view.mode == "projector":
        return Contribution(templates={"phase": "meetings/groups/runner/_rooms.html"})
    own = view.state.group_of(view.user.pk)
    if own is None:
        return Contribution(templates={"phase": "meetings/groups/runner/_rooms.html"})
    form = GroupNotesForm(initial={"notes": own.notes, "revision": own.revision})
    return Contribution(
        templates={
            "phase": "meetings/groups/runner/_own_group.html",
            "work": "meetings/groups/runner/_planche.html",
        },
        context={"own_group": own, "group_notes_form": form},
    )


def _control(view: RunnerView) -> Contribution | None:
    """The link to the groups' page before the meeting ends; each group's notes once the
    meeting has reached a group-work phase (the plenary report comes after it)."""
    context: dict[str, object] = {
        "can_arrange_groups": view.meeting.status != MeetingStatus.FINISHED
    }
    current = view.state.current
    reached = current is not None and any(
        step.kind == PhaseKind.GROUP_WORK and step.position <= current.position
        for step in view.state.steps
    )
    if reached:
        context["all_groups"] = view.state.groups or selectors.groups_of(meeting=view.meeting)
    return Contribution(
        templates={"control": "meetings/groups/runner/_reports.html"}, context=context
    )


def meeting_page_groups(page: MeetingPage) -> Contribution | None:
    """The way to the groups from the meeting's page, for who arranges them."""
    if not access.can_arrange_groups(page.user, page.meeting):
        return None
    return Contribution(templates={"agenda": "meetings/groups/_meeting_page.html"})
