"""What cases add to the meeting room (registered by CasesConfig.ready): the case being
discussed, inside the current phase. The projector shows its title, kind and sparring wish; the
control and participant views its timeline and genogram too, while the material exists. When
the meeting comes to a case, the audit log records that its participants were shown it."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from cases import selectors
from cases.models import Case
from core.hooks import Contribution
from meetings.hooks import RunnerView
from meetings.models import Meeting, Step
from meetings.selectors import participants
from teams.audit.services import audit_record
from teams.models import AuditAction, AuditEntry


def case_panel(view: RunnerView) -> Contribution | None:
    current = view.state.current
    if current is None or current.agenda_item_id is None or not view.meeting.is_running:
        return None
    case = selectors.case_of_item(agenda_item_id=current.agenda_item_id)
    if case is None:
        return None
    material = selectors.material_of(case=case) if view.mode != "projector" else None
    return Contribution(
        templates={"case": "cases/runner/_case.html"},
        context={
            "discussed_case": case,
            "timeline": material.timeline if material else [],
            "timeline_left_out": material.timeline_left_out if material else 0,
            "genogram": material.genogram if material else None,
        },
    )


def case_shown_record(meeting: Meeting, step: Step) -> None:
    """The meeting's screens now show the step's case (its sparring wish, and its material on
    the participants' own screens): each participant has read it, once per meeting, however
    often the facilitator moves between the case's phases. The screens are rendered once for
    everyone (meetings.screens), so this is recorded where the meeting comes to the case."""
    if step.agenda_item_id is None:
        return
    case = selectors.case_of_item(agenda_item_id=step.agenda_item_id)
    if case is None:
        return
    already = AuditEntry.objects.filter(
        action=AuditAction.CASE_VIEWED,
        target_type=ContentType.objects.get_for_model(Case),
        target_id=case.pk,
        detail__meeting=meeting.pk,
    ).exists()
    if already:
        return
    for person in participants(meeting=meeting):
        audit_record(
            actor=person,
            action=AuditAction.CASE_VIEWED,
            target=case,
            team=meeting.team,
            detail={"meeting": meeting.pk},
        )
