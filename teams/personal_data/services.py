"""Erasing a person (GDPR art. 17): their account goes, what they wrote stays as the team's.

Every row of every app that points at the person (a learning point's author, a case's
submitter, a product's responsible, a turn in a round, an audit entry…) is moved to one
inactive placeholder account per installation, shown as "tidligere medarbejder". The rows are
found from the models' own relations to the user model, so this module imports no higher app,
and a relation added later is moved too without anyone remembering to list it here. What is the
person's own and nobody else's goes with the account: their memberships, sessions, the
addresses they signed in from, and django-axes' records of their logins. Apps that also keep
the person's name as text rename it through hooks.person_unnamed.

The audit log keeps that it happened: who erased, when, and how many rows were moved.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils.translation import gettext as _

from teams import hooks, sessions
from teams.audit.services import audit_record
from teams.models import AuditAction, AuditEntry, User
from teams.personal_data.handing import former_employee, move
from teams.personal_data.relations import GOES_WITH_THE_ACCOUNT, fields_pointing_at_people
from teams.services import TeamRefused


@transaction.atomic
def person_erase(*, person: User, actor: User) -> dict[str, int]:
    """Delete the person's account and hand what they wrote to "tidligere medarbejder"; their
    sessions end. Returns how many rows moved, by model and field."""
    if person.pk == actor.pk:
        raise TeamRefused(_("Du kan ikke slette dig selv."))
    if person.is_former_employee:
        raise TeamRefused(_("Pladsholderen for tidligere medarbejdere kan ikke slettes."))
    person = User.objects.select_for_update().get(pk=person.pk)
    placeholder = former_employee()
    sessions.end_sessions(user_id=person.pk)
    # Where they signed in from is theirs alone; the entries themselves stay, moved below.
    AuditEntry.objects.filter(Q(actor=person) | Q(subject=person)).update(ip_address=None)
    # Meetings still to come let them go first: the placeholder must not inherit a turn.
    for withdraw in hooks.person_left:
        withdraw(person=person, team=None)
    moved: dict[str, int] = {}
    for field in fields_pointing_at_people():
        if field.model in GOES_WITH_THE_ACCOUNT:
            continue
        rows = field.model._base_manager.filter(**{field.name: person})
        if count := move(field, rows, placeholder):
            moved[f"{field.model._meta.label_lower}.{field.name}"] = count
    for rename in hooks.person_unnamed:
        rename(person=person, placeholder=placeholder, team=None)
    for record in (AccessAttempt, AccessLog, AccessFailureLog):
        record.objects.filter(username=person.username).delete()
    audit_record(
        actor=actor, action=AuditAction.PERSON_ERASED, target=person, detail={"moved": moved}
    )
    try:
        person.delete()
    except ProtectedError:
        raise TeamRefused(
            _("Personen kunne ikke slettes: noget, personen har skrevet, kunne ikke overdrages.")
        ) from None
    return moved
