"""Reading a team's file (dashboard.transfer.selectors writes it) into an installation that has
no teams yet, in one transaction: all of it, or nothing.

People are found by username (case ignored), else by email when exactly one person has it;
the others are created without a password (they choose one with "Glemt adgangskode?", or sign
in with single sign-on). The organisation is found by name, else created. The built-in meeting
formats are installed when the installation lacks them (a flushed database does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError, models, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from dashboard.transfer import reading
from dashboard.transfer.reading import TransferRefused, refuse
from dashboard.transfer.schema import (
    ORGANISATION_FIELDS,
    PERSON_FIELDS,
    SECTIONS,
    TEAM_FIELDS,
    Kind,
    Section,
    kind_of,
    target_section,
    through_columns,
)
from meetings.builtin_formats import install_builtin_formats
from meetings.models import Format
from teams.audit.services import audit_record
from teams.models import FORMER_EMPLOYEE_USERNAME, AuditAction, Organisation, Team, User

type ModelField = models.Field[Any, Any]


@dataclass(frozen=True)
class Imported:
    """What an import made: the team, its rows by section, and the people it created and
    found."""

    team: Team
    counts: dict[str, int]
    people_created: list[str]
    people_found: list[str]


def team_import_text(*, text: str, origin: dict[str, str] | None = None) -> Imported:
    """The team of an export file (its text) read in; refused with a message saying why when
    the file or the installation does not allow it."""
    data = reading.parse(text)
    try:
        return team_import(data=data, origin=origin)
    except RecursionError:
        raise TransferRefused(_("Filen er for dybt indlejret til at blive læst.")) from None
    except DatabaseError as error:
        # A rule only the database checks (one person twice in a meeting, say): nothing stays.
        raise TransferRefused(
            _("Databasen afviste filen, og intet er gemt: %(reason)s") % {"reason": error}
        ) from None


@transaction.atomic
def team_import(*, data: dict[str, Any], origin: dict[str, str] | None = None) -> Imported:
    """The team of a parsed export file (reading.parse) read in, and the audit log told who
    (`origin`: teams.audit.services.from_command) brought which team in with how many rows of
    each kind, never what they say."""
    team = reading.mapping(data.get("team"), "team")
    slug = team.get("slug")
    if isinstance(slug, str) and Team.objects.filter(slug=slug).exists():
        raise TransferRefused(
            _("Et team med kortnavnet »%(slug)s« findes allerede i denne installation.")
            % {"slug": slug}
        )
    if Team.objects.exists():
        raise TransferRefused(
            _(
                "Installationen er ikke tom: den har allerede teams. Et team hentes kun ind i "
                "en ny installation uden teams."
            )
        )
    imported = _Import(data).run()
    audit_record(
        actor=None,
        action=AuditAction.TEAM_IMPORTED,
        target=imported.team,
        team=imported.team,
        detail={**(origin or {}), "counts": imported.counts},
    )
    return imported


def _value(model: type[models.Model], name: str, row: dict[str, Any], where: str) -> Any:
    """The field's value from the row; a field the file lacks gets the field's default (a
    field added after the file was written), or is refused when it has none."""
    model_field: ModelField = model._meta.get_field(name)  # type: ignore[assignment]
    if name not in row:
        if model_field.has_default() or model_field.null:
            return model_field.get_default()
        raise refuse(f"{where}.{name}", _("mangler."))
    return reading.value(model_field, row[name], f"{where}.{name}")


@dataclass
class _Pending:
    """A link to a row not yet made when its own row was: set when every row is made."""

    obj: models.Model
    field: ModelField
    target: str
    ids: list[int]
    where: str


class _Import:
    organisation: Organisation
    team: Team

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.people: dict[str, User] = {}
        self.rows: dict[str, dict[int, models.Model]] = {}
        self.pending: list[_Pending] = []
        self.builtin: dict[str, Format] | None = None

    def run(self) -> Imported:
        self.organisation, leaders = self._organisation()
        created, found = self._people()
        self.organisation.department_leaders.add(
            *(
                self._person(name, f"organisation.department_leaders[{index}]")
                for index, name in enumerate(leaders)
            )
        )
        self.team = self._team()
        counts = {section.name: self._section(section) for section in SECTIONS}
        self._links()
        return Imported(team=self.team, counts=counts, people_created=created, people_found=found)

    def _organisation(self) -> tuple[Organisation, list[Any]]:
        row = reading.mapping(self.data.get("organisation"), "organisation")
        reading.only_keys(row, {*ORGANISATION_FIELDS, "department_leaders"}, "organisation")
        leaders = row.get("department_leaders", [])
        if not isinstance(leaders, list):
            raise refuse("organisation.department_leaders", _("skal være en liste ([…])."))
        values = {
            name: _value(Organisation, name, row, "organisation") for name in ORGANISATION_FIELDS
        }
        found = Organisation.objects.filter(name=values["name"]).first()
        return found or Organisation.objects.create(**values), leaders

    def _people(self) -> tuple[list[str], list[str]]:
        wanted: dict[str, tuple[dict[str, Any], bool]] = {}
        for index, row in enumerate(reading.rows(self.data.get("people"), "people")):
            where = f"people[{index}]"
            reading.only_keys(row, {*PERSON_FIELDS, "in_organisation"}, where)
            values = {
                name: _value(User, name, row, where)
                for name in PERSON_FIELDS
                if name not in ("username", "email")
            }
            # An address is taken as the old installation had it: one a provider of single
            # sign-on gave need not be of the form a form asks for.
            values["email"] = row.get("email", "")
            if not isinstance(values["email"], str) or len(values["email"]) > 254:
                raise refuse(f"{where}.email", _("har ikke den rigtige type."))
            reading.text_checked(values["email"], f"{where}.email")
            # The placeholder of erased people has a name no form may give (teams.models).
            values["username"] = (
                FORMER_EMPLOYEE_USERNAME
                if row.get("username") == FORMER_EMPLOYEE_USERNAME
                else _value(User, "username", row, where)
            )
            if not values["username"]:
                raise refuse(f"{where}.username", _("mangler."))
            if values["username"] in wanted:
                raise refuse(f"{where}.username", _("står to gange blandt personerne."))
            in_organisation = row.get("in_organisation", False)
            if not isinstance(in_organisation, bool):
                raise refuse(f"{where}.in_organisation", _("har ikke den rigtige type."))
            wanted[values["username"]] = (values, in_organisation)
        existing = self._existing(wanted)
        created: list[User] = []
        for username, (values, in_organisation) in wanted.items():
            person = existing.get(username)
            if person is None:
                person = User(
                    **values, organisation=self.organisation if in_organisation else None
                )
                person.set_unusable_password()
                created.append(person)
            self.people[username] = person
        User.objects.bulk_create(created)
        return (
            [person.username for person in created],
            sorted(username for username in wanted if username in existing),
        )

    @staticmethod
    def _existing(wanted: dict[str, tuple[dict[str, Any], bool]]) -> dict[str, User]:
        """The people of the installation that the file's people are, by the file's username:
        the same username (case ignored), else the only one with the same email."""
        usernames = {username.lower() for username in wanted}
        emails = {values["email"].lower() for values, _flag in wanted.values() if values["email"]}
        candidates: list[User] = list(
            User.objects.annotate(lower_username=Lower("username"), lower_email=Lower("email"))
            .filter(models.Q(lower_username__in=usernames) | models.Q(lower_email__in=emails))
            .order_by("pk")
        )
        by_username = {person.username.lower(): person for person in candidates}
        by_email: dict[str, list[User]] = {}
        for person in candidates:
            if person.email:
                by_email.setdefault(person.email.lower(), []).append(person)
        found: dict[str, User] = {}
        for username, (values, _in_organisation) in wanted.items():
            same_email = by_email.get(values["email"].lower(), []) if values["email"] else []
            match = by_username.get(username.lower()) or (
                same_email[0] if len(same_email) == 1 else None
            )
            if match is not None:
                found[username] = match
        return found

    def _person(self, raw: Any, where: str) -> User:
        if not isinstance(raw, str) or raw not in self.people:
            raise refuse(
                where,
                _("%(value)s er ikke en af filens personer (»people«).")
                % {"value": reading.shown(raw)},
            )
        return self.people[raw]

    def _team(self) -> Team:
        row = reading.mapping(self.data.get("team"), "team")
        reading.only_keys(row, set(TEAM_FIELDS), "team")
        values = {name: _value(Team, name, row, "team") for name in TEAM_FIELDS}
        return Team.objects.create(organisation=self.organisation, **values)

    def _builtin(self, raw: dict[str, Any], where: str) -> Format:
        reading.only_keys(raw, {"builtin"}, where)
        if self.builtin is None:
            if not Format.objects.builtin().exists():
                # An installation without them (a flushed database) gets them as migrate does.
                install_builtin_formats()
            self.builtin = {format_.key: format_ for format_ in Format.objects.builtin()}
        key = raw.get("builtin")
        if not isinstance(key, str) or key not in self.builtin:
            raise refuse(
                where,
                _("det indbyggede mødeformat %(key)s findes ikke i denne installation.")
                % {"key": reading.shown(key)},
            )
        return self.builtin[key]

    def _section(self, section: Section) -> int:
        if section.name not in self.data:
            raise refuse(section.name, _("afsnittet mangler i filen."))
        fields = [(model_field, kind_of(model_field)) for model_field in section.fields()]
        known = {"id", *(model_field.name for model_field, kind in fields if kind is not Kind.OWN)}
        made: dict[int, models.Model] = {}
        times: list[tuple[models.Model, dict[str, Any]]] = []
        for index, row in enumerate(reading.rows(self.data[section.name], section.name)):
            where = f"{section.name}[{index}]"
            reading.only_keys(row, known, where)
            number = reading.local_id(row.get("id"), f"{where}.id")
            if number in made:
                raise refuse(f"{where}.id", _("%(id)s står to gange.") % {"id": number})
            obj = section.model()
            stamps: dict[str, Any] = {}
            for model_field, kind in fields:
                self._read(obj, model_field, kind, row, where)
                if getattr(model_field, "auto_now", False) or getattr(
                    model_field, "auto_now_add", False
                ):
                    stamps[model_field.attname] = getattr(obj, model_field.attname)
            made[number] = obj
            times.append((obj, stamps))
        objects = list(made.values())
        section.model._default_manager.bulk_create(objects)
        # Saving stamps "now" on the fields Django keeps up to date by itself: the file's
        # times are put back.
        stamped = {name for _obj, stamps in times for name in stamps}
        if stamped:
            for obj, stamps in times:
                for name, stamp in stamps.items():
                    setattr(obj, name, stamp)
            section.model._default_manager.bulk_update(objects, sorted(stamped))
        self.rows[section.name] = made
        return len(objects)

    def _read(
        self,
        obj: models.Model,
        model_field: ModelField,
        kind: Kind,
        row: dict[str, Any],
        where: str,
    ) -> None:
        at = f"{where}.{model_field.name}"
        if kind is Kind.OWN:
            own = self.team if model_field.related_model is Team else self.organisation
            setattr(obj, model_field.attname, own.pk)
        elif kind is Kind.VALUE:
            setattr(obj, model_field.attname, _value(type(obj), model_field.name, row, where))
        elif model_field.name not in row or row[model_field.name] is None:
            if kind is Kind.ROWS or model_field.null:
                return
            raise refuse(at, _("mangler."))
        elif kind is Kind.PERSON:
            setattr(obj, model_field.attname, self._person(row[model_field.name], at).pk)
        elif kind is Kind.ROW:
            raw = row[model_field.name]
            if model_field.related_model is Format and isinstance(raw, dict):
                setattr(obj, model_field.attname, self._builtin(raw, at).pk)
                return
            target = target_section(model_field).name
            number = reading.local_id(raw, at)
            if target in self.rows:
                setattr(obj, model_field.attname, self._target(target, number, at).pk)
            else:
                # A link forward (a product's latest version) or within the section (a format
                # copied from another): set once its row is made.
                self.pending.append(_Pending(obj, model_field, target, [number], at))
        else:
            raw = row[model_field.name]
            if not isinstance(raw, list):
                raise refuse(at, _("skal være en liste ([…])."))
            numbers = [reading.local_id(item, f"{at}[{index}]") for index, item in enumerate(raw)]
            self.pending.append(
                _Pending(obj, model_field, target_section(model_field).name, numbers, at)
            )

    def _target(self, section: str, number: int, where: str) -> models.Model:
        found = self.rows[section].get(number)
        if found is None:
            raise refuse(
                where,
                _("%(section)s har ingen række med id %(id)s.")
                % {"section": section, "id": number},
            )
        return found

    def _links(self) -> None:
        """The links set once every row is made: forward ones and many-to-many."""
        changed: dict[tuple[type[models.Model], str], list[models.Model]] = {}
        through_rows: dict[type[models.Model], list[models.Model]] = {}
        for pending in self.pending:
            targets = [
                self._target(pending.target, number, pending.where) for number in pending.ids
            ]
            model_field = pending.field
            if model_field.many_to_many:
                through, source, target = through_columns(model_field)
                unique = {obj.pk: obj for obj in targets}
                through_rows.setdefault(through, []).extend(
                    through(**{source: pending.obj.pk, target: pk}) for pk in sorted(unique)
                )
            else:
                setattr(pending.obj, model_field.attname, targets[0].pk)
                changed.setdefault((type(pending.obj), model_field.name), []).append(pending.obj)
        for (model, name), objects in changed.items():
            model._default_manager.bulk_update(objects, [name])
        for through, rows in through_rows.items():
            through._default_manager.bulk_create(rows)
