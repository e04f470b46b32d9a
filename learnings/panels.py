"""What learning adds to the meeting room and the minutes (registered by LearningsConfig.ready):
the learning points of the current case beside the phase, the participant's learning point in
the round, the leader's summary in the summary phase, and both in the minutes."""

from __future__ import annotations

from django.urls import reverse

from core.hooks import Contribution
from learnings.forms import LearningPointForm, SummaryForm
from learnings.models import LearningPoint
from meetings.access import can_run_meeting, can_take_part
from meetings.hooks import RunnerView
from meetings.minutes.document import Minutes, Point, Summary
from meetings.models import PhaseKind


def points_panel(view: RunnerView) -> Contribution | None:
    """The current case's learning points, beside the phase (not on the projector)."""
    if view.mode == "projector":
        return None
    current = view.state.current
    item_id = current.agenda_item_id if current else None
    points = (
        LearningPoint.objects.filter(meeting=view.meeting, agenda_item_id=item_id)
        .select_related("author")
        .order_by("id")
    )
    return Contribution(
        templates={"aside": "learnings/runner/_points.html"}, context={"current_points": points}
    )


def entries_panel(view: RunnerView) -> Contribution | None:
    """A learning point in the round for members ("Følg møde"); the summary in the summary
    phase for who runs the meeting, in the control view and their "Følg møde" alike."""
    current = view.state.current
    if view.mode == "projector" or not view.is_live or current is None:
        return None
    context: dict[str, object] = {}
    participant = view.mode == "participant"
    if participant and current.kind == PhaseKind.ROUND:
        if view.guest is not None:
            # A guest's screen: the form only when the one who invited them allowed it, and
            # posted through the guest's link.
            if view.guest.guest.may_write_points:
                context["learning_point_form"] = LearningPointForm()
                context["learning_point_url"] = reverse(
                    "learnings:guest_point_add", args=[view.meeting.pk, view.guest.token]
                )
        elif can_take_part(view.user, view.meeting):
            context["learning_point_form"] = LearningPointForm()
    if current.kind == PhaseKind.SUMMARY and can_run_meeting(view.user, view.meeting):
        context["summary_form"] = SummaryForm()
    if not context:
        return None
    return Contribution(templates={"work": "learnings/runner/_entries.html"}, context=context)


def minutes_part(minutes: Minutes) -> None:
    """The learning points and summaries of the meeting, by case: one query."""
    points = (
        LearningPoint.objects.filter(meeting=minutes.meeting)
        .select_related("author")
        .only(
            "text",
            "agenda_item_id",
            "is_leader_summary",
            "changes_practice",
            "author__first_name",
            "author__last_name",
            "author__username",
            "guest_name",
        )
        .order_by("created_at", "id")
    )
    for point in points:
        case = minutes.cases_by_item.get(point.agenda_item_id) if point.agenda_item_id else None
        author = point.said_by
        if point.is_leader_summary:
            summary = Summary(
                text=point.text,
                author=author,
                case_title=case.title if case else "",
                changes_practice=point.changes_practice,
            )
            minutes.summaries.append(summary)
            if case:
                case.summaries.append(summary)
        elif case:
            case.learning_points.append(Point(text=point.text, author=author))
        else:
            minutes.general_points.append(Point(text=point.text, author=author))
