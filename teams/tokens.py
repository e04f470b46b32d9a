"""The one-time link of an invitation: Django's password reset token, valid seven days.

The token is made from the person's password hash and last login, so it stops working the
moment the invitee sets a password (one time), and a reset link cannot stand in for it (its own
salt).
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.http import base36_to_int

INVITATION_VALID_FOR = timedelta(days=7)


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "teams.tokens.InvitationTokenGenerator"

    def check_token(self, user, token):  # type: ignore[no-untyped-def]
        # Django's check reads its timeout from PASSWORD_RESET_TIMEOUT, an hour here: the same
        # check with the invitation's own limit.
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        age = self._num_seconds(self._now()) - timestamp
        return age <= INVITATION_VALID_FOR.total_seconds()


invitation_token_generator = InvitationTokenGenerator()
