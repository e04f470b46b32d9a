"""Form fields shared by the apps' forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from core.http import posted_id


class IdsChoiceField(forms.ModelMultipleChoiceField[Any]):
    """A choice of several objects by id. A value that is no id ("²", a full-width digit, a
    number too large for the database) is refused next to the field before it reaches the
    database: Django's own field hands it to a `pk__in` query, which SQLite answers with an
    OverflowError."""

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, list | tuple) else ():
            if posted_id(str(pk)) is None:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super().clean(value)
