"""Where a person is referred to: every foreign key of any installed model to the user model.

Found from the models' own relations, so that teams imports no higher app and a relation added
later is seen without anyone listing it here.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import models

from teams.models import Membership, SessionOwner, User

type PersonField = models.ForeignKey[models.Model, models.Model]

# The person's own rows: deleted with the account, never handed on.
GOES_WITH_THE_ACCOUNT: frozenset[type[models.Model]] = frozenset({Membership, SessionOwner})


def fields_pointing_at_people() -> Iterator[PersonField]:
    """Every foreign key (and one-to-one) to the user model, hidden ones (related_name="+")
    included."""
    for relation in User._meta.get_fields(include_hidden=True):
        if (
            relation.auto_created
            and not relation.concrete
            and (relation.one_to_many or relation.one_to_one)
        ):
            field = relation.remote_field
            assert isinstance(field, models.ForeignKey)
            yield field


def fields_handed_on() -> list[PersonField]:
    """The fields whose rows an erasure hands on to "tidligere medarbejder"."""
    return [
        field for field in fields_pointing_at_people() if field.model not in GOES_WITH_THE_ACCOUNT
    ]
