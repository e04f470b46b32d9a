"""The products' forms. They work without JavaScript: tables, tools, references and referral
fields are typed as lines with "|" between the cells, and sections are a formset with one
empty section at the end for adding a new one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core import limits
from core.fields import IdsChoiceField
from core.privacy import CprGuardMixin
from learnings.models import LearningPoint
from meetings.models import Meeting
from products import content as doc
from products.models import Product, ProductKind
from products.selectors import SOURCE_KINDS, draft_source_choices
from rollups.models import RollupItem
from teams.models import Organisation, Team, User

MARKDOWN_HELP = _lazy(
    "Skriv **fed**, *kursiv*, punktlister med »- « og links som [tekst](https://...). "
    "HTML bliver fjernet."
)


def split_themes(text: str) -> list[str]:
    return [theme.strip() for theme in text.split(",") if theme.strip()]


class ProductCreateForm(CprGuardMixin, forms.Form):
    """A new product: what it is, where it belongs and who is responsible."""

    kind = forms.ChoiceField(label=_lazy("Type"), choices=ProductKind.choices)
    title = forms.CharField(label=_lazy("Titel"), max_length=limits.TITLE)
    place = forms.ChoiceField(
        label=_lazy("Gælder for"),
        help_text=_lazy("Et team, eller hele organisationen (kun afdelingsledere)."),
    )
    responsible = forms.ModelChoiceField(
        label=_lazy("Ansvarlig"), queryset=User.objects.none(), empty_label=None
    )
    themes = forms.CharField(
        label=_lazy("Temaer"),
        required=False,
        max_length=300,
        help_text=_lazy("Adskil med komma, fx »Virksomhedspraktik, Sygedagpenge«."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        teams = list(Team.objects.led_by(user).select_related("organisation"))
        organisations = list(user.led_organisations.all())
        choices = [(f"team:{team.pk}", team.name) for team in teams]
        choices += [
            (
                f"org:{organisation.pk}",
                _("Hele organisationen (%(name)s)") % {"name": organisation.name},
            )
            for organisation in organisations
        ]
        # self.fields holds copies of the fields declared above, typed only as Field.
        cast(forms.ChoiceField, self.fields["place"]).choices = choices
        self._places: dict[str, tuple[Organisation, Team | None]] = {
            f"team:{team.pk}": (team.organisation, team) for team in teams
        }
        self._places.update(
            {f"org:{organisation.pk}": (organisation, None) for organisation in organisations}
        )
        organisation_ids = {organisation.pk for organisation, _team in self._places.values()}
        cast(forms.ModelChoiceField, self.fields["responsible"]).queryset = (
            User.objects.filter(
                Q(memberships__team__organisation__in=organisation_ids)
                | Q(led_organisations__in=organisation_ids)
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.initial.setdefault("responsible", user.pk)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        place = data.get("place")
        responsible = data.get("responsible")
        if place in self._places and responsible is not None:
            organisation, _team = self._places[place]
            in_organisation = (
                responsible.memberships.filter(team__organisation=organisation).exists()
                or organisation.department_leaders.filter(pk=responsible.pk).exists()
            )
            if not in_organisation:
                self.add_error(
                    "responsible",
                    _("Den ansvarlige skal være medlem af organisationen %(name)s.")
                    % {"name": organisation.name},
                )
        return data

    def clean_themes(self) -> list[str]:
        return split_themes(self.cleaned_data["themes"])

    @property
    def organisation_and_team(self) -> tuple[Organisation, Team | None]:
        return self._places[self.cleaned_data["place"]]


class SourceChoiceField(IdsChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Meeting | RollupItem | LearningPoint) -> str:
        if isinstance(obj, Meeting):
            return f"{obj.title} ({obj.starts_at.astimezone():%d.%m.%Y}, {obj.team.name})"
        if isinstance(obj, RollupItem):
            decision = obj.get_decision_display() or _("ingen beslutning endnu")
            return f"{obj.title}: {decision} ({obj.rollup})"
        text = obj.text if len(obj.text) <= 140 else obj.text[:139] + "..."
        return f"{text} ({obj.team.name})"


class DraftForm(CprGuardMixin, forms.Form):
    """The draft's text, without its sections (those are SectionFormSet)."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_lazy("Titel"), max_length=limits.TITLE)
    themes = forms.CharField(
        label=_lazy("Temaer"),
        required=False,
        max_length=300,
        help_text=_lazy("Adskil med komma, fx »Virksomhedspraktik, Sygedagpenge«."),
    )
    to = forms.CharField(
        label=_lazy("Til"),
        required=False,
        max_length=200,
        help_text=_lazy("Hvem arbejdsgangen gælder for, fx »Team Syd og jobkonsulenterne«."),
    )
    purpose = forms.CharField(
        label=_lazy("Formål"),
        required=False,
        max_length=limits.PRODUCT_SECTION,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKDOWN_HELP,
    )
    legal_basis = forms.CharField(
        label=_lazy("Lovgrundlag"),
        required=False,
        max_length=limits.PRODUCT_SECTION,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=MARKDOWN_HELP,
    )
    tools = forms.CharField(
        label=_lazy("Arbejdsredskaber"),
        required=False,
        max_length=limits.PRODUCT_SECTION,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_lazy(
            "Ét redskab pr. linje: »dokumentnummer | titel«, "
            "fx »DOK-114 | Plan for optrapning af arbejdstid«."
        ),
    )
    references = forms.CharField(
        label=_lazy("Relevant materiale"),
        required=False,
        max_length=limits.PRODUCT_SECTION,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_lazy(
            "Én pr. linje: »type | titel | link«; linket er valgfrit. Typen er skrivelse, "
            "lovguide, vejledning, principafgørelse eller andet."
        ),
    )
    fields_text = forms.CharField(
        label=_lazy("Felter"),
        required=False,
        max_length=limits.PRODUCT_SECTION,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_lazy(
            "Feltets navn på én linje og de vejledende spørgsmål under det, hvert på en linje, "
            "der begynder med »- «. En tom linje mellem felterne."
        ),
    )
    source_meetings = SourceChoiceField(
        label=_lazy("Møder, produktet bygger på"), queryset=Meeting.objects.none(), required=False
    )
    source_learning_points = SourceChoiceField(
        label=_lazy("Læringspunkter, produktet bygger på"),
        queryset=LearningPoint.objects.none(),
        required=False,
    )
    source_rollup_items = SourceChoiceField(
        label=_lazy("Beslutninger fra opsamlinger, produktet bygger på"),
        queryset=RollupItem.objects.none(),
        required=False,
    )

    PART_FIELDS = {
        "to": "to",
        "purpose": "purpose",
        "legal_basis": "legal_basis",
        "tools": "tools",
        "references": "references",
        "fields": "fields_text",
    }

    def __init__(self, *args: Any, product: Product, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.product = product
        parts = doc.PARTS[ProductKind(product.kind)]
        for part, name in self.PART_FIELDS.items():
            if part not in parts:
                del self.fields[name]
        if product.kind == ProductKind.REFERRAL_FORM:
            self.fields["purpose"].label = _("Vejledning til den, der udfylder")
        self._limit_sources()
        if not self.is_bound:
            self.initial.update(self.initial_from(product))
            self.initial.update(self.linked_sources)

    def _limit_sources(self) -> None:
        offered = draft_source_choices(product=self.product)
        for name in SOURCE_KINDS:
            if name in offered:
                field = cast(SourceChoiceField, self.fields[name])
                field.queryset = offered[name].choices
            else:
                # Nothing to choose from: leave the field out (None keeps the links as they are).
                del self.fields[name]
        self.linked_sources = {name: choices.linked for name, choices in offered.items()}

    @staticmethod
    def initial_from(product: Product) -> dict[str, Any]:
        draft = doc.normalise(product.kind, product.draft)
        return {
            "revision": product.draft_revision,
            "title": product.title,
            "themes": ", ".join(product.themes),
            "to": draft.get("to", ""),
            "purpose": draft.get("purpose", ""),
            "legal_basis": draft.get("legal_basis", ""),
            "tools": doc.tools_text(draft.get("tools", [])),
            "references": doc.references_text(draft.get("references", [])),
            "fields_text": doc.fields_text(draft.get("fields", [])),
        }

    def clean_themes(self) -> list[str]:
        return split_themes(self.cleaned_data["themes"])

    def clean_tools(self) -> list[dict]:
        return doc.parse_tools(self.cleaned_data["tools"])

    def clean_references(self) -> list[dict]:
        return doc.parse_references(self.cleaned_data["references"])

    def clean_fields_text(self) -> list[dict]:
        fields = doc.parse_fields(self.cleaned_data["fields_text"])
        if not fields:
            raise ValidationError(_("En henvisningsskabelon skal have mindst ét felt."))
        return fields

    def content(self, sections: list[dict] | None = None) -> dict:
        data = self.cleaned_data
        values = {
            part: data[name] for part, name in self.PART_FIELDS.items() if name in self.fields
        }
        if sections is not None:
            values["sections"] = sections
        return doc.normalise(self.product.kind, values)


SECTION_KINDS = [("text", _lazy("Tekst")), ("table", _lazy("Tabel"))]


class SectionForm(CprGuardMixin, forms.Form):
    title = forms.CharField(max_length=200, required=False)
    kind = forms.ChoiceField(choices=SECTION_KINDS, initial="text")
    columns = forms.CharField(max_length=600, required=False)
    body = forms.CharField(
        required=False, max_length=limits.PRODUCT_SECTION, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args: Any, number: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.number = number
        labels = {
            "title": _("Overskrift, afsnit %(number)s"),
            "kind": _("Type, afsnit %(number)s"),
            "columns": _("Kolonner, afsnit %(number)s"),
            "body": _("Indhold, afsnit %(number)s"),
        }
        for name, label in labels.items():
            self.fields[name].label = label % {"number": number or ""}
        self.fields["columns"].help_text = _(
            "Kun for tabeller: kolonneoverskrifterne adskilt af |, "
            "fx »Anvendelse | Mål for indsatsen | Forsørgelse«."
        )
        self.fields["body"].help_text = (
            _(
                "Tekst: Markdown (**fed**, *kursiv*, »- « for punkter). "
                "Tabel: én række pr. linje, cellerne adskilt af |."
            )
            + " "
            + limits.chars_help(limits.PRODUCT_SECTION)
            + " "
            + _("Hele produktet: højst %(chars)s tegn og %(parts)s linjer og tabelceller.")
            % {
                "chars": limits.number(limits.PRODUCT_TOTAL),
                "parts": limits.number(limits.PRODUCT_PARTS),
            }
        )
        limits.tell_limits(self.fields)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        title, body = data.get("title", ""), data.get("body", "")
        if not (title or body or data.get("columns")):
            data["section"] = None
            return data
        if not title:
            self.add_error("title", _("Giv afsnittet en overskrift."))
        if data.get("kind") == "table":
            try:
                columns = doc.parse_columns(data.get("columns", ""))
            except ValidationError as error:
                self.add_error("columns", error)
                return data
            try:
                rows = doc.parse_rows(body, len(columns))
            except ValidationError as error:
                self.add_error("body", error)
                return data
            data["section"] = {"title": title, "kind": "table", "columns": columns, "rows": rows}
        else:
            data["section"] = {"title": title, "kind": "text", "text": body}
        return data


class BaseSectionFormSet(forms.BaseFormSet):
    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {**super().get_form_kwargs(index), "number": None if index is None else index + 1}

    def add_fields(self, form: SectionForm, index: int | None) -> None:
        super().add_fields(form, index)
        number = "" if index is None else index + 1
        form.fields["ORDER"].label = _("Placering, afsnit %(number)s") % {"number": number}
        form.fields["DELETE"].label = _("Slet afsnit %(number)s") % {"number": number}

    def sections(self) -> list[dict]:
        return [
            form.cleaned_data["section"]
            for form in self.ordered_forms
            if form.cleaned_data.get("section")
        ]


# The factory subclasses `formset`; the stubs only know that it is a BaseFormSet.
SectionFormSet = cast(
    type[BaseSectionFormSet],
    forms.formset_factory(
        SectionForm,
        formset=BaseSectionFormSet,
        extra=1,
        can_order=True,
        can_delete=True,
        max_num=40,
        validate_max=True,
    ),
)


def section_initial(product: Product) -> list[dict]:
    draft = doc.normalise(product.kind, product.draft)
    return [
        {
            "title": section["title"],
            "kind": section["kind"],
            "columns": doc.join_cells(section["columns"]) if section["kind"] == "table" else "",
            "body": doc.rows_text(section["rows"])
            if section["kind"] == "table"
            else section["text"],
        }
        for section in draft.get("sections", [])
    ]


class PublishForm(CprGuardMixin, forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    change_note = forms.CharField(
        label=_lazy("Ændringsnote"),
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_lazy("Hvad er nyt i denne version? Vises i versionshistorikken."),
        error_messages={"required": _lazy("Skriv en ændringsnote: hvad er nyt i denne version?")},
    )


class ProductFilterForm(forms.Form):
    q = forms.CharField(label=_lazy("Søg"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_lazy("Type"), required=False)
    team = forms.ChoiceField(label=_lazy("Team"), required=False)
    theme = forms.ChoiceField(label=_lazy("Tema"), required=False)

    def __init__(
        self, *args: Any, teams: Iterable[Team], themes: list[str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, typed only as Field.
        kind_field = cast(forms.ChoiceField, self.fields["kind"])
        team_field = cast(forms.ChoiceField, self.fields["team"])
        theme_field = cast(forms.ChoiceField, self.fields["theme"])
        kind_field.choices = [("", _("Alle typer")), *ProductKind.choices]
        team_field.choices = [
            ("", _("Alle teams")),
            ("org", _("Hele organisationen")),
            *((str(team.pk), team.name) for team in teams),
        ]
        theme_field.choices = [("", _("Alle temaer")), *((t, t) for t in themes)]


class DiffForm(forms.Form):
    fra = forms.ChoiceField(label=_lazy("Fra"))
    til = forms.ChoiceField(label=_lazy("Til"))

    def __init__(self, *args: Any, numbers: list[int], with_draft: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (str(number), _("Version %(number)s") % {"number": number}) for number in numbers
        ]
        # self.fields holds copies of the fields declared above, typed only as Field.
        cast(forms.ChoiceField, self.fields["fra"]).choices = choices
        cast(forms.ChoiceField, self.fields["til"]).choices = choices + (
            [("kladde", _("Kladden"))] if with_draft else []
        )
