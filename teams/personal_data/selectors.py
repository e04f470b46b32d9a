"""Reads for an erasure's confirmation: what the person has and what will be handed on."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from teams.models import Membership, User
from teams.personal_data.relations import fields_handed_on


@dataclass(frozen=True)
class HandedOn:
    label: str
    count: int


def rows_handed_on(*, person: User) -> list[HandedOn]:
    """How many rows of each kind point at the person and would be handed on: one query,
    a counting subquery per field."""
    fields = fields_handed_on()
    counts = {
        f"n{number}": Coalesce(
            Subquery(
                field.model._base_manager.filter(**{field.name: OuterRef("pk")})
                .order_by()
                .values(field.name)
                .annotate(count=Count("pk"))
                .values("count")[:1],
                output_field=IntegerField(),
            ),
            0,
        )
        for number, field in enumerate(fields)
    }
    values = User.objects.filter(pk=person.pk).annotate(**counts).values_list(*counts).get()
    row = dict(zip(counts, values, strict=True))
    named: dict[str, int] = {}
    others = 0
    for number, field in enumerate(fields):
        count = row[f"n{number}"]
        meta = field.model._meta
        # A model without a Danish name of its own (a turn in a round, say) is counted with
        # the others rather than shown by its English class name.
        if "verbose_name_plural" in meta.original_attrs:
            label = str(capfirst(meta.verbose_name_plural))
            named[label] = named.get(label, 0) + count
        else:
            others += count
    rows = [HandedOn(label=label, count=count) for label, count in named.items() if count]
    if others:
        rows.append(HandedOn(label=str(_("Andre registreringer")), count=others))
    return rows


def memberships_of(*, person: User) -> list[Membership]:
    return list(
        Membership.objects.filter(user=person)
        .select_related("team__organisation")
        .order_by("team__name")
    )
