"""The meeting leaders' page of a meeting's breakout groups (propose, move people, change a
group), and the groups' notes written from "Følg møde"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core.http import render_page_or_partial
from core.submits import submit_once
from meetings import access
from meetings import selectors as meeting_selectors
from meetings.groups import access as group_access
from meetings.groups import selectors, services
from meetings.groups.forms import GroupForm, GroupNotesForm, MoveForm, ProposeForm
from meetings.groups.models import BreakoutGroup
from meetings.models import Meeting, PhaseKind
from meetings.runner import work_response
from meetings.services import ActionRefused
from teams.requests import SignedInRequest


def _arranged_meeting(request: SignedInRequest, pk: int) -> Meeting:
    meeting = access.meeting_or_404(request.user, pk)
    if not group_access.can_arrange_groups(request.user, meeting):
        raise PermissionDenied
    return meeting


def _page(
    request: SignedInRequest,
    meeting: Meeting,
    *,
    propose_form: ProposeForm | None = None,
    move_form: MoveForm | None = None,
) -> HttpResponse:
    groups = selectors.groups_of(meeting=meeting)
    people = meeting_selectors.participants(meeting=meeting)
    context: dict[str, Any] = {
        "meeting": meeting,
        "groups": groups,
        "ungrouped": selectors.ungrouped(meeting=meeting, groups=groups),
        "propose_form": propose_form or ProposeForm(),
        "move_form": move_form or MoveForm(people=people, groups=groups),
    }
    return render_page_or_partial(request, "meetings/groups/groups.html", "groups", context)


@login_required
@require_GET
def groups(request: SignedInRequest, pk: int) -> HttpResponse:
    return _page(request, _arranged_meeting(request, pk))


@login_required
@require_POST
@submit_once
def groups_propose(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = _arranged_meeting(request, pk)
    form = ProposeForm(request.POST)
    if form.is_valid():
        try:
            services.groups_propose(
                meeting=meeting, groups=form.cleaned_data["groups"], size=form.cleaned_data["size"]
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request, _("Grupperne er foreslået. Flyt deltagere og ret grupperne efter behov.")
            )
            return redirect("meetings:groups", pk=meeting.pk)
    return _page(request, meeting, propose_form=form)


@login_required
@require_POST
def group_move(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = _arranged_meeting(request, pk)
    groups = selectors.groups_of(meeting=meeting)
    form = MoveForm(
        request.POST, people=meeting_selectors.participants(meeting=meeting), groups=groups
    )
    if form.is_valid():
        person = form.people[form.cleaned_data["person"]]
        to = form.groups[form.cleaned_data["group"]]
        try:
            services.group_move(meeting=meeting, person=person, to=to)
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(
                request,
                _("%(person)s er nu i %(group)s.")
                % {"person": person.display_name, "group": to.name},
            )
            return redirect("meetings:groups", pk=meeting.pk)
    return _page(request, meeting, move_form=form)


def _group_or_404(meeting: Meeting, pk: int) -> BreakoutGroup:
    group = selectors.group_of(meeting=meeting, pk=pk)
    if group is None:
        raise Http404
    return group


@login_required
@require_http_methods(["GET", "POST"])
def group_edit(request: SignedInRequest, pk: int, group: int) -> HttpResponse:
    meeting = _arranged_meeting(request, pk)
    breakout = _group_or_404(meeting, group)
    members = [member.user for member in breakout.members.select_related("user")]
    initial = {
        "name": breakout.name,
        "room": breakout.room,
        "facilitator": breakout.facilitator_id,
        "questions": breakout.questions,
    }
    form = GroupForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(
                group=breakout,
                name=form.cleaned_data["name"],
                room=form.cleaned_data["room"],
                questions=form.question_lines(),
                facilitator=form.chosen_facilitator(),
            )
        except ActionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("%(group)s er gemt.") % {"group": breakout.name})
            return redirect("meetings:groups", pk=meeting.pk)
    return render_page_or_partial(
        request,
        "meetings/groups/edit.html",
        "group_form",
        {"meeting": meeting, "group": breakout, "form": form},
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submit_once
def group_notes(request: SignedInRequest, pk: int, group: int) -> HttpResponse:
    """A member saves the group's notes ("Gruppens planche") during the group work."""
    meeting = access.meeting_or_404(request.user, pk)
    breakout = _group_or_404(meeting, group)
    if not group_access.can_write_group_notes(request.user, breakout):
        if not selectors.is_grouped(meeting=meeting, user=request.user):
            raise PermissionDenied
        # Moved to another group while writing: the screen gets that group's notes instead.
        return work_response(
            request,
            meeting,
            "participant",
            work_error=_("Du er flyttet til en anden gruppe. Din tekst er ikke gemt."),
        )
    step = meeting_selectors.current_step(meeting=meeting)
    if not meeting.is_running or step is None or step.kind != PhaseKind.GROUP_WORK:
        return work_response(
            request,
            meeting,
            "participant",
            work_error=_("Gruppens planche skrives under gruppearbejdet."),
        )
    form = GroupNotesForm(request.POST)
    if not form.is_valid():
        return work_response(request, meeting, "participant", group_notes_form=form)
    try:
        services.group_notes_save(
            group=breakout,
            user=request.user,
            revision=form.cleaned_data["revision"],
            text=form.cleaned_data["notes"],
        )
    except services.StaleNotes as stale:
        # The writer's text stays, now based on the notes they are shown beside it, so that
        # saving again is a choice made with both texts in view.
        posted = request.POST.copy()
        posted["revision"] = str(stale.current.revision)
        form = GroupNotesForm(posted)
        form.is_valid()
        return work_response(
            request,
            meeting,
            "participant",
            group_notes_form=form,
            group_stale=stale.current,
            group_stale_message=str(stale),
        )
    except ActionRefused as refused:
        form.add_error("notes", str(refused))
        return work_response(request, meeting, "participant", group_notes_form=form)
    return work_response(
        request,
        meeting,
        "participant",
        saved=_("Gruppens planche er gemt."),
        saved_form="group_notes",
    )
