"""Who may bring, change, withdraw and select a team's cases."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from cases.models import Case, CaseStatus
from teams.access import AnyUser, can_lead_team, is_member
from teams.models import Team


def can_submit_case(user: AnyUser, team: Team) -> bool:
    """Every member brings cases in turn; guests may for interdisciplinary meetings."""
    return is_member(user, team)


def can_select_cases(user: AnyUser, team: Team) -> bool:
    """The team leader (or coordinator) selects and orders cases onto the agenda."""
    return can_lead_team(user, team)


def can_edit_case(user: AnyUser, case: Case, *, before_deadline: bool) -> bool:
    """The submitter until the deadline while the case waits; leader and coordinator always;
    nobody once retention has deleted the material."""
    if not case.has_material:
        return False
    if can_select_cases(user, case.team):
        return True
    return (
        case.submitted_by_id == user.pk and before_deadline and case.status == CaseStatus.SUBMITTED
    )


def can_withdraw_case(user: AnyUser, case: Case, *, before_deadline: bool) -> bool:
    """Leader and coordinator, and the submitter until the deadline, take back a case (one
    still waiting or on the agenda: Case.can_be_withdrawn)."""
    if can_select_cases(user, case.team):
        return True
    return case.submitted_by_id == user.pk and before_deadline


def case_or_404(user: AnyUser, pk: int) -> Case:
    """A case of one of the user's teams (membership: department leaders read learning, not
    case material), else 404."""
    return get_object_or_404(
        Case.objects.visible_to(user).select_related(
            "team", "meeting", "submitted_by", "agenda_item"
        ),
        pk=pk,
    )
