"""Idempotent submits: a form that creates something carries a one-time token
(`{% submit_token %}` from `{% load core %}`), and its view is wrapped in `@submit_once`. The
first post of a token makes the object; a second post of the same token with the same fields by
the same person (a double click, a resend, a retry after a lost answer) is given the first's
answer again, a redirect to the same object or the same page, and makes nothing. A form that
saves under optimistic locking (core/locking.py) carries one too: its double click would
otherwise be refused as a save based on an old revision, by the person themselves.

The claim on the token is a row written in the same transaction as the object: a second post
that arrives while the first is still running waits for it (the row's unique key) and then
reads its answer. A post without a token, or with one that is not a token, is an ordinary
fresh submit. A refusal (the form's errors) is not kept: the same post may be tried again.

The key is a digest of the token, the address and the posted fields: a person who goes back
to a form and changes it before sending it again means a new object, and gets one.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from core.models import Submission

FIELD = "submit_token"
# What new_token makes, and nothing else: no other digits, no other letters, no whitespace.
TOKEN = re.compile(r"[0-9a-f]{32}", re.ASCII)
# Long enough for any retry, short enough that the answers kept stay few.
KEPT_FOR = timedelta(days=1)
_CREATED = "_submit_created"
_SKIPPED_FIELDS = {FIELD, "csrfmiddlewaretoken"}


def new_token() -> str:
    return uuid.uuid4().hex


def submission_key(request: HttpRequest) -> str | None:
    """The digest a repeat of this post has too; None when it carries no valid token."""
    token = request.POST.get(FIELD, "")
    if not TOKEN.fullmatch(token):
        return None
    digest = hashlib.sha256()
    digest.update(token.encode())
    digest.update(b"\0" + request.path.encode("utf-8", "surrogatepass"))
    for name in sorted(set(request.POST) - _SKIPPED_FIELDS):
        for value in request.POST.getlist(name):
            digest.update(b"\0" + name.encode("utf-8", "surrogatepass"))
            digest.update(b"\1" + value.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def created(request: HttpRequest) -> None:
    """Tells @submit_once that this answer (not a redirect) is that of a post that made its
    object: a repeat is given it too. A redirect needs no telling."""
    setattr(request, _CREATED, True)


def _succeeded(request: HttpRequest, response: HttpResponseBase) -> bool:
    if 300 <= response.status_code < 400:
        return True
    return 200 <= response.status_code < 300 and getattr(request, _CREATED, False)


def _claim(user_id: int, key: str) -> Submission | None:
    """The submission this post claims; None when another post claimed it first (its answer
    is then committed: the unique key made this one wait for it)."""
    try:
        with transaction.atomic():
            return Submission.objects.create(user_id=user_id, key=key, created_at=timezone.now())
    except IntegrityError:
        return None


def _keep(submission: Submission, response: HttpResponseBase) -> None:
    submission.status = response.status_code
    submission.location = response.get("Location", "")
    submission.content_type = response.get("Content-Type", "")
    if isinstance(response, HttpResponse) and not submission.location:
        submission.body = response.content.decode(response.charset)
    submission.save(update_fields=["status", "location", "content_type", "body"])


def _replay(submission: Submission) -> HttpResponse:
    response = HttpResponse(
        submission.body, status=submission.status or 200, content_type=submission.content_type
    )
    if submission.location:
        response["Location"] = submission.location
    patch_vary_headers(response, ["HX-Request"])
    return response


def submit_once[**P](view: Callable[P, HttpResponseBase]) -> Callable[P, HttpResponseBase]:
    """The view, run once per token and content for each person (see the module)."""

    @wraps(view)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        request = args[0]
        assert isinstance(request, HttpRequest)
        key = submission_key(request) if request.method == "POST" else None
        if key is None or not request.user.is_authenticated:
            return view(*args, **kwargs)
        with transaction.atomic():
            submission = _claim(request.user.pk, key)
            if submission is None:
                earlier = Submission.objects.filter(user_id=request.user.pk, key=key).first()
                if earlier is not None and earlier.status is not None:
                    return _replay(earlier)
                # The other post was refused and gave its claim up: this one is the first.
                return view(*args, **kwargs)
            response = view(*args, **kwargs)
            if _succeeded(request, response):
                _keep(submission, response)
            else:
                submission.delete()
            return response

    return wrapper


def submissions_purge(*, now: datetime | None = None) -> int:
    """Forget the answers older than KEPT_FOR (the daily job); returns how many."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    deleted, _by_model = Submission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
