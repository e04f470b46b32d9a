"""core.fields: a choice of several objects by id refuses what is no id before the database."""

import pytest
from django.core.exceptions import ValidationError

from core.fields import IdsChoiceField
from teams.models import User


@pytest.mark.parametrize("value", ["9" * 40, "²", "\uff11", "-1", "0", " "])
def test_a_value_that_is_no_id_is_refused_as_an_invalid_choice(db, value):
    field = IdsChoiceField(queryset=User.objects.all())
    with pytest.raises(ValidationError) as refused:
        field.clean(["1", value])
    assert refused.value.code == "invalid_pk_value"


def test_ids_of_the_choices_are_taken(world):
    field = IdsChoiceField(queryset=User.objects.all())
    ids = [str(world.users["leader"].pk), str(world.users["guest"].pk)]
    assert set(field.clean(ids)) == {world.users["leader"], world.users["guest"]}
