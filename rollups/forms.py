"""Forms for rollups: the period to start one for, the decision on an item, a comment."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_stubs_ext import WithAnnotations

from core import limits
from core.dates import DayField
from core.privacy import CprGuardMixin
from learnings.models import Decision
from rollups import hooks
from rollups.models import RollupItem
from rollups.selectors import RollupItemLists
from teams.models import User

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RollupStartForm(forms.Form):
    period_start = DayField(label=_lazy("Fra og med"), widget=DATE_WIDGET)
    period_end = DayField(label=_lazy("Til og med"), widget=DATE_WIDGET)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", _("Periodens slutning skal ligge efter dens start."))
        return data


class MemberField(forms.TypedChoiceField):
    """A team member, from choices computed once per page (not a query per form); cleans to
    the User."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(coerce=int, empty_value=None, **kwargs)

    def clean(self, value: Any) -> User | None:
        pk = super().clean(value)
        return User.objects.filter(pk=pk).first() if pk is not None else None


class DecisionForm(CprGuardMixin, forms.Form):
    """The team's decision on one item of a rollup, and what "change practice" starts."""

    decision = forms.ChoiceField(
        label=_lazy("Beslutning"), choices=Decision.choices, widget=forms.RadioSelect
    )
    justification = forms.CharField(
        label=_lazy("Begrundelse"),
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_lazy("Kort: hvorfor besluttede teamet dette?"),
    )
    owner = MemberField(label=_lazy("Ansvarlig"), required=False)
    due_date = DayField(
        label=_lazy("Frist"),
        required=False,
        help_text=_lazy("Uden dato bliver fristen om 30 dage."),
        widget=DATE_WIDGET,
    )
    action_title = forms.CharField(
        label=_lazy("Opfølgning"),
        max_length=limits.ACTION,
        required=False,
        help_text=_lazy("Hvad skal der gøres? Uden tekst bruges punktets overskrift."),
    )

    def __init__(self, *args: Any, owners: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, typed only as Field.
        owner = cast(MemberField, self.fields["owner"])
        owner.choices = [("", _("Vælg ansvarlig")), *owners]
        for extra in hooks.change_extras:
            self.fields[extra.name] = forms.BooleanField(
                label=extra.label, required=False, help_text=extra.help_text
            )

    @classmethod
    def for_item(
        cls,
        item: WithAnnotations[RollupItem, RollupItemLists],
        *,
        owners: list[Any],
        data: Any = None,
    ) -> DecisionForm:
        """The form of one item, filled in from its decision and its open action."""
        open_action = next((a for a in item.action_list if a.status == "open"), None)
        initial: dict[str, Any] = {"decision": item.decision, "justification": item.justification}
        if open_action is not None:
            initial.update(
                owner=open_action.owner_id,
                due_date=open_action.due_date,
                action_title=open_action.title,
            )
        return cls(data, prefix=f"item-{item.pk}", initial=initial, owners=owners)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == Decision.CHANGE and not data.get("owner"):
            self.add_error("owner", _("Vælg en ansvarlig, når praksis skal ændres."))
        return data

    def extra_fields(self) -> list[forms.BoundField]:
        """The checkboxes of what a "change practice" decision can start."""
        return [self[extra.name] for extra in hooks.change_extras]

    def chosen_extras(self) -> list[str]:
        return [extra.name for extra in hooks.change_extras if self.cleaned_data.get(extra.name)]


class CommentForm(CprGuardMixin, forms.Form):
    text = forms.CharField(
        label=_lazy("Kommentar"),
        max_length=limits.MEDIUM_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
