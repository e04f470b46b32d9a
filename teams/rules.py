"""The permission rules: every view asks these, named after what they allow.

Objects outside the user's teams are answered with 404 by the views, so that their existence
does not leak; these rules only say yes or no.
"""

from __future__ import annotations

from django.http import Http404

from teams.models import Membership, Role, Team, User

LEADING_ROLES = frozenset({Role.LEADER, Role.COORDINATOR})


def role_in_team(user: User, team: Team) -> str | None:
    """The user's role in the team, or None when not a member."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, team=team).values_list("role", flat=True).first()


def is_department_leader(user: User, team: Team) -> bool:
    if not user.is_authenticated:
        return False
    return team.organisation.department_leaders.filter(pk=user.pk).exists()


def can_view_team(user: User, team: Team) -> bool:
    """Members see their team; department leaders see every team of their organisation."""
    return role_in_team(user, team) is not None or is_department_leader(user, team)


def can_lead_team(user: User, team: Team) -> bool:
    """Team leaders and coordinators plan meetings, select cases and run meetings."""
    return role_in_team(user, team) in LEADING_ROLES


def visible_team_or_404(user: User, slug: str) -> Team:
    team = Team.objects.visible_to(user).select_related("organisation").filter(slug=slug).first()
    if team is None:
        raise Http404
    return team


def can_plan_meeting(user: User, team: Team) -> bool:
    return can_lead_team(user, team)


def can_run_meeting(user: User, meeting) -> bool:
    """The meeting's facilitator, and the team's leader and coordinator, control the meeting."""
    if not user.is_authenticated:
        return False
    return meeting.facilitator_id == user.pk or can_lead_team(user, meeting.team)


def can_take_part(user: User, meeting) -> bool:
    """Members of the team write entries (learning points) during the meeting."""
    return role_in_team(user, meeting.team) is not None


def meeting_or_404(user: User, pk: int):
    from meetings.models import Meeting

    meeting = (
        Meeting.objects.visible_to(user)
        .select_related("team__organisation", "format", "facilitator")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def can_submit_case(user: User, team: Team) -> bool:
    """Every member brings cases in turn; guests may for interdisciplinary meetings."""
    return role_in_team(user, team) is not None


def can_select_cases(user: User, team: Team) -> bool:
    """The team leader (or coordinator) selects and orders cases onto the agenda."""
    return can_lead_team(user, team)


def can_edit_case(user: User, case, *, before_deadline: bool) -> bool:
    """The submitter until the deadline while the case waits; leader and coordinator always."""
    from cases.models import CaseStatus

    if can_lead_team(user, case.team):
        return case.has_material
    return (
        case.submitted_by_id == user.pk
        and before_deadline
        and case.status == CaseStatus.SUBMITTED
        and case.has_material
    )


def case_or_404(user: User, pk: int):
    from cases.models import Case

    case = (
        Case.objects.visible_to(user)
        .select_related("team", "meeting", "submitted_by")
        .filter(pk=pk)
        .first()
    )
    if case is None:
        raise Http404
    return case


def can_view_learning(user: User, team: Team) -> bool:
    """Learning points are general, not case material: members and department leaders."""
    return can_view_team(user, team)


def can_edit_learning_point(user: User, point, *, now, leading: bool | None = None) -> bool:
    """The author and the team's leader or coordinator, for a week after it was named.

    A list of points passes `leading` (can_lead_team, asked once) to save a query per point.
    """
    from datetime import timedelta

    if now - point.created_at > timedelta(days=7):
        return False
    if point.author_id == user.pk:
        return True
    return can_lead_team(user, point.team) if leading is None else leading


def can_manage_rollups(user: User, team: Team) -> bool:
    return can_lead_team(user, team)


def can_read_rollup(user: User, rollup) -> bool:
    """The team itself, the leaders of the organisation's other teams, its department leaders."""
    if can_view_team(user, rollup.team):
        return True
    return Membership.objects.filter(
        user=user, role=Role.LEADER, team__organisation_id=rollup.team.organisation_id
    ).exists()


def can_comment_rollup(user: User, rollup) -> bool:
    """Leaders of other teams and department leaders comment; the team discusses in person."""
    if role_in_team(user, rollup.team) is not None:
        return can_lead_team(user, rollup.team)
    return can_read_rollup(user, rollup)


def rollup_or_404(user: User, pk: int):
    from learnings.models import Rollup

    rollup = (
        Rollup.objects.select_related("team__organisation", "created_by").filter(pk=pk).first()
    )
    if rollup is None or not user.is_authenticated or not can_read_rollup(user, rollup):
        raise Http404
    return rollup


def can_update_action(user: User, action) -> bool:
    """The owner marks their own action done; leader and coordinator manage all of the team's."""
    return action.owner_id == user.pk or can_lead_team(user, action.team)


# Products: guidelines, referral form templates and work procedures. Published versions are
# read by the whole organisation; the draft only by the product's editors.


def can_read_organisation(user: User, organisation) -> bool:
    """Members of any of the organisation's teams, and its department leaders."""
    if not user.is_authenticated:
        return False
    return (
        Membership.objects.filter(user=user, team__organisation=organisation).exists()
        or organisation.department_leaders.filter(pk=user.pk).exists()
    )


def can_create_product(user: User) -> bool:
    """Team leaders and coordinators (for their team), department leaders (for the whole
    organisation)."""
    if not user.is_authenticated:
        return False
    return (
        Membership.objects.filter(user=user).leading().exists() or user.led_organisations.exists()
    )


def can_create_product_for(user: User, *, organisation, team: Team | None) -> bool:
    if team is not None:
        return team.organisation_id == organisation.pk and can_lead_team(user, team)
    return user.is_authenticated and organisation.department_leaders.filter(pk=user.pk).exists()


def can_edit_product(user: User, product) -> bool:
    """The responsible person; the team's leader and coordinator; for an organisation-wide
    product, the organisation's department leaders. They see the draft, edit and publish."""
    if not user.is_authenticated:
        return False
    if product.responsible_id == user.pk:
        return True
    if product.team_id is not None:
        return can_lead_team(user, product.team)
    return product.organisation.department_leaders.filter(pk=user.pk).exists()


def can_read_product(user: User, product) -> bool:
    if product.latest_version_id is not None and can_read_organisation(user, product.organisation):
        return True
    return can_edit_product(user, product)


def product_or_404(user: User, pk: int):
    """A product the user may read: published in their organisation, or one they edit."""
    from products.models import Product

    product = (
        Product.objects.visible_to(user)
        .select_related("organisation", "team", "responsible", "latest_version")
        .filter(pk=pk)
        .first()
    )
    if product is None:
        raise Http404
    return product
