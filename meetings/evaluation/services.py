"""A participant's check-out after a meeting."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core import limits
from core.privacy import find_cpr
from meetings.evaluation.summary import SCALE
from meetings.models import CheckOut, Meeting, MeetingStatus
from meetings.services import ActionRefused
from teams.models import User

COMMENT_LENGTH = 200


@transaction.atomic
def check_out_save(*, meeting: Meeting, user: User, usefulness: int, comment: str) -> CheckOut:
    """The person's check-out of the held meeting: given, or changed when they answered before.
    Who may answer is the view's (access.can_check_out)."""
    if meeting.status != MeetingStatus.FINISHED:
        raise ActionRefused(_("Tjek-ud kan først gives, når mødet er slut."))
    if usefulness not in SCALE:
        raise ActionRefused(_("Vælg et tal fra 1 til 5."))
    comment = " ".join(comment.split())
    if len(comment) > COMMENT_LENGTH:
        raise ActionRefused(limits.too_long(COMMENT_LENGTH, len(comment)))
    if find_cpr(comment):
        raise ActionRefused(_("Linjen ligner et CPR-nummer og er ikke gemt."))
    check_out, _created = CheckOut.objects.update_or_create(
        meeting=meeting, user=user, defaults={"usefulness": usefulness, "comment": comment}
    )
    return check_out
