"""Rollups ("opsamlinger") and follow-up actions ("opfølgninger"): pages, forms and the PDF."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.pdf import pdf_response, render_pdf
from core.privacy import CprGuardMixin
from learnings import rollup_selectors as selectors
from learnings import rollup_services as services
from learnings.models import Decision, FollowUpAction, LearningPoint, Rollup, RollupItem
from products.services import ProductRefused, product_draft_from_rollup_item
from teams import rules
from teams.models import Team, User
from teams.rules import LEADING_ROLES

DATE_WIDGET = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


# Forms


class RollupStartForm(forms.Form):
    period_start = forms.DateField(label=_lazy("Fra og med"), **DATE_WIDGET)
    period_end = forms.DateField(label=_lazy("Til og med"), **DATE_WIDGET)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("Periodens slutning skal ligge efter dens start."))
        return data


def member_choices(teams: list[Team]) -> list:
    """The owner choices: one team's members, or the members grouped by team."""
    people: dict[int, list[tuple[int, str]]] = {team.pk: [] for team in teams}
    users = (
        User.objects.filter(memberships__team__in=teams)
        .annotate(team_pk=F("memberships__team_id"))
        .order_by("first_name", "last_name", "username")
    )
    for user in users:
        people[user.team_pk].append((user.pk, str(user)))
    if len(teams) == 1:
        return people[teams[0].pk]
    return [(team.name, people[team.pk]) for team in teams]


class OwnerField(forms.TypedChoiceField):
    """A team member, from choices computed once per page (not a query per form)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(coerce=int, empty_value=None, **kwargs)


class DecisionForm(CprGuardMixin, forms.Form):
    """The team's decision on one item of a rollup."""

    decision = forms.ChoiceField(
        label=_lazy("Beslutning"), choices=Decision.choices, widget=forms.RadioSelect
    )
    justification = forms.CharField(
        label=_lazy("Begrundelse"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_lazy("Kort: hvorfor besluttede teamet dette?"),
    )
    owner = OwnerField(label=_lazy("Ansvarlig"), required=False)
    due_date = forms.DateField(
        label=_lazy("Frist"),
        required=False,
        help_text=_lazy("Uden dato bliver fristen om 30 dage."),
        **DATE_WIDGET,
    )
    action_title = forms.CharField(
        label=_lazy("Opfølgning"),
        max_length=300,
        required=False,
        help_text=_lazy("Hvad skal der gøres? Uden tekst bruges punktets overskrift."),
    )

    def __init__(self, *args, owners: list, offer_product: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [("", _("Vælg ansvarlig")), *owners]
        if offer_product:
            self.fields["product_draft"] = forms.BooleanField(
                label=_("Opret også et udkast til et produkt"),
                required=False,
                help_text=_(
                    "Fx en retningslinje eller arbejdsgang, som teamet kan skrive videre på."
                ),
            )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == Decision.CHANGE and not data.get("owner"):
            self.add_error("owner", _("Vælg en ansvarlig, når praksis skal ændres."))
        return data


class CommentForm(CprGuardMixin, forms.Form):
    text = forms.CharField(
        label=_lazy("Kommentar"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActionForm(CprGuardMixin, forms.Form):
    """ "Ny opfølgning", written by hand by a team's leader or coordinator."""

    team = forms.TypedChoiceField(label=_lazy("Team"), coerce=int)
    title = forms.CharField(label=_lazy("Opfølgning"), max_length=300)
    owner = OwnerField(label=_lazy("Ansvarlig"))
    due_date = forms.DateField(label=_lazy("Frist"), **DATE_WIDGET)

    def __init__(self, *args, teams: list[Team], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [(team.pk, team.name) for team in teams]
        if len(teams) == 1:
            self.fields["team"].widget = forms.HiddenInput()
            self.initial.setdefault("team", teams[0].pk)
        self.fields["owner"].choices = [("", _("Vælg ansvarlig")), *member_choices(teams)]
        self.initial.setdefault("due_date", timezone.localdate() + timedelta(days=14))


# Helpers


def _leading_teams(user: User) -> list[Team]:
    return list(
        Team.objects.filter(memberships__user=user, memberships__role__in=LEADING_ROLES)
        .select_related("organisation")
        .order_by("name")
    )


def _decision_form(item: RollupItem, *, owners: list, offer_product: bool, data=None):
    open_action = next((a for a in item.action_list if a.status == "open"), None)
    initial = {"decision": item.decision, "justification": item.justification}
    if open_action is not None:
        initial.update(
            owner=open_action.owner_id,
            due_date=open_action.due_date,
            action_title=open_action.title,
        )
    return DecisionForm(
        data,
        prefix=f"item-{item.pk}",
        initial=initial,
        owners=owners,
        offer_product=offer_product,
    )


def _detail_context(
    request: HttpRequest,
    rollup: Rollup,
    *,
    bound: dict[int, DecisionForm] | None = None,
    comment_form: CommentForm | None = None,
) -> dict:
    user = request.user
    detail = selectors.rollup_detail(rollup=rollup)
    can_manage = rules.can_manage_rollups(user, rollup.team)
    can_decide = can_manage and not rollup.is_finished
    offer_product = can_decide
    if can_decide:
        owners = member_choices([rollup.team])
        for item in detail.items:
            item.form = (bound or {}).get(item.pk) or _decision_form(
                item, owners=owners, offer_product=offer_product
            )
    can_comment = rules.can_comment_rollup(user, rollup)
    return {
        "rollup": rollup,
        "detail": detail,
        "items": detail.items,
        "can_decide": can_decide,
        "can_manage": can_manage,
        "can_comment": can_comment,
        "comment_form": comment_form or (CommentForm() if can_comment else None),
    }


def _item_or_404(rollup: Rollup, item_pk: int) -> RollupItem:
    item = RollupItem.objects.filter(rollup=rollup, pk=item_pk).first()
    if item is None:
        raise Http404
    return item


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


# Rollups


@login_required
@require_GET
def rollup_list(request: HttpRequest) -> HttpResponse:
    """Every rollup the person may read, grouped by team; leaders can start one."""
    leading = _leading_teams(request.user)
    groups: dict[int, dict] = {
        team.pk: {"team": team, "rollups": [], "can_start": True} for team in leading
    }
    for rollup in selectors.rollups_visible_to(user=request.user)[:500]:
        group = groups.setdefault(
            rollup.team_id, {"team": rollup.team, "rollups": [], "can_start": False}
        )
        group["rollups"].append(rollup)
    return render(
        request,
        "learnings/rollup_list.html",
        {"groups": sorted(groups.values(), key=lambda group: group["team"].name)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rollup_start(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_manage_rollups(request.user, team):
        raise PermissionDenied
    start, end = services.default_period(team=team)
    form = RollupStartForm(
        request.POST or None, initial={"period_start": start, "period_end": end}
    )
    if request.method == "POST" and form.is_valid():
        try:
            rollup = services.rollup_start(
                team=team,
                user=request.user,
                period_start=form.cleaned_data["period_start"],
                period_end=form.cleaned_data["period_end"],
            )
        except services.RollupRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Opsamlingen er startet. Beslut hvert punkt med teamet."))
            return redirect("learnings:rollup_detail", pk=rollup.pk)
    waiting = LearningPoint.objects.filter(team=team, rollup_items__isnull=True).count()
    last = Rollup.objects.filter(team=team).order_by("-period_end").first()
    return render(
        request,
        "learnings/rollup_start.html",
        {"team": team, "form": form, "waiting": waiting, "last": last},
    )


@login_required
@require_GET
def rollup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rollup = rules.rollup_or_404(request.user, pk)
    return render(request, "learnings/rollup_detail.html", _detail_context(request, rollup))


@login_required
@require_POST
def rollup_decide(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    rollup = rules.rollup_or_404(request.user, pk)
    if not rules.can_manage_rollups(request.user, rollup.team):
        raise PermissionDenied
    item = _item_or_404(rollup, item_pk)
    offer_product = True
    owners = member_choices([rollup.team])
    form = DecisionForm(
        request.POST, prefix=f"item-{item.pk}", owners=owners, offer_product=offer_product
    )
    saved = notice = error = ""
    if form.is_valid():
        data = form.cleaned_data
        owner = User.objects.filter(pk=data["owner"]).first() if data["owner"] else None
        try:
            decided = services.rollup_decide(
                item=item,
                user=request.user,
                decision=data["decision"],
                justification=data["justification"],
                action_title=data["action_title"],
                action_owner=owner,
                action_due=data["due_date"],
            )
        except services.RollupRefused as refused:
            error = str(refused)
        else:
            saved = _("Beslutningen er gemt.")
            notice = decided.notice
            if data.get("product_draft") and data["decision"] == Decision.CHANGE:
                notice = " ".join(filter(None, [notice, _draft_product(decided, request.user)]))
            form = None
    if not request.htmx:
        if form is None:
            messages.success(request, saved)
            if notice:
                messages.info(request, notice)
            return redirect(
                f"{reverse('learnings:rollup_detail', args=[rollup.pk])}#item-{item.pk}"
            )
        if error:
            form.add_error(None, error)
        rollup.refresh_from_db()
        context = _detail_context(request, rollup, bound={item.pk: form})
        return render(request, "learnings/rollup_detail.html", context)
    rollup.refresh_from_db()
    fresh = selectors.rollup_items(rollup=rollup, item_ids=[item.pk])[0]
    can_decide = not rollup.is_finished
    if can_decide:
        fresh.form = form or _decision_form(fresh, owners=owners, offer_product=offer_product)
        if error:
            fresh.form.add_error(None, error)
    return render(
        request,
        "learnings/rollup_detail.html#item",
        {
            "rollup": rollup,
            "item": fresh,
            "can_decide": can_decide,
            "saved": saved,
            "notice": notice,
            "error": error if not can_decide else "",
        },
    )


def _draft_product(item: RollupItem, user: User) -> str:
    try:
        product_draft_from_rollup_item(item=item, user=user)
    except ProductRefused as refused:
        return str(refused)
    return _("Et udkast til et produkt er oprettet under Produkter.")


@login_required
@require_POST
def rollup_finish(request: HttpRequest, pk: int) -> HttpResponse:
    rollup = rules.rollup_or_404(request.user, pk)
    if not rules.can_manage_rollups(request.user, rollup.team):
        raise PermissionDenied
    try:
        services.rollup_finish(rollup=rollup, user=request.user)
    except services.RollupRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, _("Opsamlingen er afsluttet og delt med organisationens ledere.")
        )
    return redirect("learnings:rollup_detail", pk=rollup.pk)


@login_required
@require_POST
def rollup_comment(request: HttpRequest, pk: int) -> HttpResponse:
    rollup = rules.rollup_or_404(request.user, pk)
    if not rules.can_comment_rollup(request.user, rollup):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.rollup_comment(
                rollup=rollup, user=request.user, text=form.cleaned_data["text"]
            )
        except services.RollupRefused as refused:
            form.add_error("text", str(refused))
        else:
            messages.success(request, _("Kommentaren er gemt."))
            return redirect(f"{reverse('learnings:rollup_detail', args=[rollup.pk])}#comments")
    context = _detail_context(request, rollup, comment_form=form)
    return render(request, "learnings/rollup_detail.html", context)


def pdf_filename(rollup: Rollup) -> str:
    """E.g. "opsamling-syd-2026-03-05.pdf"."""
    return f"opsamling-{rollup.team.slug}-{rollup.period_end.isoformat()}.pdf"


@login_required
@require_GET
def rollup_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    rollup = rules.rollup_or_404(request.user, pk)
    data = render_pdf(
        template_name="learnings/rollup_pdf.html",
        context={
            "rollup": rollup,
            "detail": selectors.rollup_detail(rollup=rollup),
            "printed": timezone.localdate(),
        },
    )
    return pdf_response(data, filename=pdf_filename(rollup))


# Follow-up actions


@login_required
@require_GET
def action_list(request: HttpRequest) -> HttpResponse:
    leading = _leading_teams(request.user)
    return render(request, "learnings/action_list.html", _action_list_context(request, leading))


def _action_list_context(request: HttpRequest, leading: list[Team], form=None) -> dict:
    mine = list(selectors.actions_for(user=request.user)[:300])
    team_actions = list(selectors.team_actions(teams=leading)[:500]) if leading else []
    return {
        "open_actions": [action for action in mine if action.status == "open"],
        "done_actions": [action for action in mine if action.status == "done"],
        "team_actions": team_actions,
        "leading": leading,
        "leading_ids": {team.pk for team in leading},
        "form": form or (ActionForm(teams=leading) if leading else None),
        "today": timezone.localdate(),
    }


@login_required
@require_POST
def action_create(request: HttpRequest) -> HttpResponse:
    team_id = request.POST.get("team", "")
    team = (
        Team.objects.visible_to(request.user)
        .filter(pk=team_id if team_id.isdigit() else 0)
        .first()
    )
    if team is None:
        raise Http404
    if not rules.can_lead_team(request.user, team):
        raise PermissionDenied
    leading = _leading_teams(request.user)
    form = ActionForm(request.POST, teams=leading)
    if form.is_valid():
        data = form.cleaned_data
        owner = User.objects.filter(pk=data["owner"]).first()
        try:
            services.action_create(
                team=team,
                user=request.user,
                title=data["title"],
                owner=owner,
                due_date=data["due_date"],
            )
        except services.RollupRefused as refused:
            form.add_error("owner", str(refused))
        else:
            messages.success(request, _("Opfølgningen er oprettet."))
            return redirect("learnings:action_list")
    return render(
        request, "learnings/action_list.html", _action_list_context(request, leading, form)
    )


def _action_or_404(request: HttpRequest, pk: int) -> FollowUpAction:
    action = (
        FollowUpAction.objects.filter(pk=pk, team__in=Team.objects.visible_to(request.user))
        .select_related("team")
        .first()
    )
    if action is None:
        raise Http404
    if not rules.can_update_action(request.user, action):
        raise PermissionDenied
    return action


@login_required
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_or_404(request, pk)
    services.action_mark_done(action=action, user=request.user)
    messages.success(request, _("»%(title)s« er markeret som udført.") % {"title": action.title})
    return redirect(_safe_next(request, reverse("learnings:action_list")))


@login_required
@require_POST
def action_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_or_404(request, pk)
    services.action_reopen(action=action, user=request.user)
    messages.success(request, _("»%(title)s« er åbnet igen.") % {"title": action.title})
    return redirect(_safe_next(request, reverse("learnings:action_list")))
