"""The products' pages: the list, a product with its versions, the draft, the editor,
publishing, a version with "Hent PDF", and the differences between two versions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import posted_id
from core.pdf import pdf_download, subject_of
from core.submits import submit_once
from products import access, export, selectors, services
from products.diff import diff_documents
from products.feedback.views import detail_context as feedback_context
from products.forms import (
    DiffForm,
    DraftForm,
    ProductCreateForm,
    ProductFilterForm,
    PublishForm,
    SectionFormSet,
    section_initial,
)
from products.models import Product, ProductKind
from products.rendering import render_document
from teams.audit.services import pdf_exported
from teams.requests import SignedInRequest

HAS_SECTIONS = {ProductKind.GUIDELINE, ProductKind.WORK_PROCEDURE}


@login_required
@require_GET
def product_list(request: SignedInRequest) -> HttpResponse:
    teams, themes = selectors.filter_options(user=request.user)
    form = ProductFilterForm(request.GET or None, teams=teams, themes=themes)
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = {
            name: form.cleaned_data.get(name) or ""
            for name in ("q", "kind", "team", "theme")
            if name in form.cleaned_data
        }
    products = list(selectors.products_for(user=request.user, **filters)[:200])
    return render(
        request,
        "products/list.html",
        {
            "form": form,
            "products": products,
            "filtered": any(filters.values()),
            "can_create": access.can_create_product(request.user),
        },
    )


def _ids(request: SignedInRequest, name: str) -> list[int]:
    """The ids in the query's `name`; a value that is no id ("²", a full-width digit, a number
    too large for the database) is left out."""
    return [pk for value in request.GET.getlist(name) if (pk := posted_id(value)) is not None]


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def product_create(request: SignedInRequest) -> HttpResponse:
    if not access.can_create_product(request.user):
        raise PermissionDenied
    form = ProductCreateForm(request.POST or None, user=request.user)
    # Started from a meeting, learning point or rollup decision ("?moede=3"): link them.
    sources = selectors.sources_from_query(
        user=request.user,
        meetings=_ids(request, "moede"),
        learning_points=_ids(request, "laeringspunkt"),
        rollup_items=_ids(request, "opsamlingspunkt"),
    )
    if request.method == "POST" and form.is_valid():
        organisation, team = form.organisation_and_team
        if not access.can_create_product_for(request.user, organisation=organisation, team=team):
            raise PermissionDenied
        product = services.product_create(
            organisation=organisation,
            team=team,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            responsible=form.cleaned_data["responsible"],
            themes=form.cleaned_data["themes"],
            created_by=request.user,
            source_meetings=[
                meeting
                for meeting in sources["meetings"]
                if meeting.team.organisation_id == organisation.pk
            ],
            source_learning_points=[
                point
                for point in sources["learning_points"]
                if point.team.organisation_id == organisation.pk
            ],
            source_rollup_items=[
                item
                for item in sources["rollup_items"]
                if item.rollup.team.organisation_id == organisation.pk
            ],
        )
        messages.success(request, _("Produktet er oprettet. Skriv kladden til første version."))
        return redirect("products:edit", pk=product.pk)
    return render(request, "products/create.html", {"form": form, "sources": sources})


@login_required
@require_GET
def product_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    can_edit = access.can_edit_product(request.user, product)
    versions = selectors.versions_of(product=product)
    latest = versions[0] if versions else None
    return render(
        request,
        "products/detail.html",
        {
            "product": product,
            "can_edit": can_edit,
            "versions": versions,
            "latest": latest,
            "document": render_document(product.kind, latest.content) if latest else None,
            "sources": selectors.visible_sources(product=product, user=request.user),
            **feedback_context(request.user, product, can_edit=can_edit),
        },
    )


def _editor_or_403(request: SignedInRequest, pk: int) -> Product:
    """A product the user may read but not edit answers 403 to its editing."""
    product = access.product_or_404(request.user, pk)
    if not access.can_edit_product(request.user, product):
        raise PermissionDenied
    return product


def _draft_context(product: Product, **extra: Any) -> dict[str, Any]:
    return {
        "product": product,
        "document": render_document(product.kind, product.draft),
        "publish_form": PublishForm(initial={"revision": product.draft_revision}),
        "latest": product.latest_version,
        **extra,
    }


@login_required
@require_GET
def draft_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    product = access.product_editor_or_404(request.user, pk)
    return render(request, "products/draft.html", _draft_context(product))


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def draft_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    product = _editor_or_403(request, pk)
    has_sections = product.kind in HAS_SECTIONS
    data: QueryDict | None = request.POST if request.method == "POST" else None
    form = DraftForm(data, product=product)
    formset = (
        SectionFormSet(data, initial=None if data else section_initial(product), prefix="sections")
        if has_sections
        else None
    )
    stale = None
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        sections = formset.sections() if formset is not None else None
        content = form.content(sections)
        try:
            product = services.product_save_draft(
                product=product,
                user=request.user,
                revision=form.cleaned_data["revision"],
                title=form.cleaned_data["title"],
                themes=form.cleaned_data["themes"],
                content=content,
                source_meetings=form.cleaned_data.get("source_meetings"),
                source_learning_points=form.cleaned_data.get("source_learning_points"),
                source_rollup_items=form.cleaned_data.get("source_rollup_items"),
            )
        except services.DraftTooLarge as refused:
            form.add_error(None, str(refused))
        except services.StaleDraft as refused:
            current = refused.product
            # Keep what this person typed, now based on the draft they have been shown, so
            # that saving again is a deliberate choice made with both texts in view.
            data = request.POST.copy()
            data["revision"] = str(current.draft_revision)
            form = DraftForm(data, product=current)
            form.is_valid()
            form.add_error(None, str(refused))
            stale = {
                "product": current,
                "document": render_document(current.kind, current.draft),
                "diff": diff_documents(
                    old_title=current.title,
                    old=current.draft,
                    new_title=form.cleaned_data.get("title", ""),
                    new=content,
                ),
            }
        else:
            messages.success(request, _("Kladden er gemt."))
            return redirect("products:draft", pk=product.pk)
    return render(
        request,
        "products/edit.html",
        {"product": product, "form": form, "formset": formset, "stale": stale},
    )


@login_required
@require_POST
@submit_once
def draft_publish(request: SignedInRequest, pk: int) -> HttpResponse:
    product = _editor_or_403(request, pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return render(request, "products/draft.html", _draft_context(product, publish_form=form))
    try:
        version = services.product_publish(
            product=product,
            user=request.user,
            revision=form.cleaned_data["revision"],
            change_note=form.cleaned_data["change_note"],
        )
    except services.ProductRefused as refused:
        messages.error(request, str(refused))
        return redirect("products:draft", pk=product.pk)
    messages.success(request, _("Version %(number)s er udgivet.") % {"number": version.number})
    return redirect("products:version", pk=product.pk, number=version.number)


@login_required
@require_GET
def version_detail(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    version = selectors.version_or_404(product=product, number=number)
    return render(
        request,
        "products/version.html",
        {
            "product": product,
            "version": version,
            "document": render_document(product.kind, version.content),
            "is_latest": product.latest_version_id == version.pk,
            "can_edit": access.can_edit_product(request.user, product),
        },
    )


@login_required
@require_GET
def version_pdf(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    version = selectors.version_or_404(product=product, number=number)
    # A published version never changes: its PDF is kept for good.
    download = pdf_download(
        request,
        template_name=export.TEMPLATE_NAME,
        context=lambda: export.pdf_context(product=product, version=version),
        subject=subject_of(version),
        filename=export.pdf_filename(version),
        lasting=True,
    )
    pdf_exported(
        download=download,
        user=request.user,
        target=product,
        team=product.team,
        organisation=product.organisation,
        kind="product",
        detail={"version": version.number},
    )
    return download.response


@login_required
@require_GET
def version_diff(request: SignedInRequest, pk: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    can_edit = access.can_edit_product(request.user, product)
    versions = {version.number: version for version in selectors.versions_of(product=product)}
    numbers = sorted(versions)
    if not numbers:
        raise Http404
    default_to = "kladde" if can_edit and len(numbers) == 1 else str(numbers[-1])
    default_from = str(numbers[-2] if len(numbers) > 1 and default_to != "kladde" else numbers[-1])
    form = DiffForm(
        request.GET or {"fra": default_from, "til": default_to},
        numbers=numbers,
        with_draft=can_edit,
    )
    diff = None
    if form.is_valid():
        old = versions[int(form.cleaned_data["fra"])]
        if form.cleaned_data["til"] == "kladde":
            new_title, new_content = product.title, product.draft
        else:
            new = versions[int(form.cleaned_data["til"])]
            new_title, new_content = new.title, new.content
        diff = diff_documents(
            old_title=old.title, old=old.content, new_title=new_title, new=new_content
        )
    return render(
        request,
        "products/diff.html",
        {
            "product": product,
            "form": form,
            "diff": diff,
            "can_edit": can_edit,
        },
    )
