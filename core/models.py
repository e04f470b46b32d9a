"""The tables of the bottom layer: the submissions already answered (core/submits.py) and the
PDFs rendered once per content (core/pdf.py); and the fields of what several people edit at
once (core/locking.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _lazy


class Submission(models.Model):
    """A form's one-time token, as one person posted it with one content, and the answer the
    first post got: a repeat of it is given the same answer and changes nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_lazy("bruger"),
    )
    # A digest of the token, the address and the posted fields (submits.submission_key).
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)
    status = models.PositiveSmallIntegerField(null=True)
    location = models.TextField(blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _lazy("indsendelse")
        verbose_name_plural = _lazy("indsendelser")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="submission_unique_user_key")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.key[:12]}"


class Revisioned(models.Model):
    """What several people edit at once, guarded by its revision (optimistic locking,
    core/locking.py): a save names the revision it started from and is refused when someone
    has saved since."""

    revision = models.PositiveIntegerField(default=1)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_lazy("sidst rettet af"),
    )

    class Meta:
        abstract = True


class StoredPdf(models.Model):
    """A PDF laid out once for one content: its key is the SHA-256 of the HTML it is rendered
    from, so the same minutes, rollup or published version is never rendered twice, and a
    change of content (an edit, a deletion by retention) is a new key. Kept in the database,
    so every app server serves the same one.

    While a large document waits for the task that renders it off the request, `html` holds
    what is to be rendered and `content` is empty.
    """

    key = models.CharField(_lazy("nøgle"), max_length=64, unique=True)
    # What the PDF is of ("products.productversion:12"): its rows go when it changes or is
    # erased, and a subject keeps only its newest PDF.
    subject = models.CharField(_lazy("dokument"), max_length=100, db_index=True)
    html = models.TextField(_lazy("HTML til opsætning"), blank=True)
    content = models.BinaryField(_lazy("PDF"), null=True)
    # A published version never changes and names no case: its PDF is kept; every other
    # PDF goes with the daily retention job (it may hold case material deleted since).
    lasting = models.BooleanField(_lazy("varig"), default=False)
    queued_at = models.DateTimeField(_lazy("sat i kø"), null=True, blank=True)
    created_at = models.DateTimeField(_lazy("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _lazy("gemt PDF")
        verbose_name_plural = _lazy("gemte PDF'er")

    def __str__(self) -> str:
        return f"{self.subject}: {self.key[:12]}"
