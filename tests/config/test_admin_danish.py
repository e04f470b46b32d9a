"""The admin site stays for site administrators and is Danish: every registered model's list,
add and change page, walked as the superuser, names its models, fields, columns, filters and
choices in Danish (Django's own strings come from its Danish catalogue)."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise

from tests.factories import UserFactory

# Words of the English labels Django makes from a field's name, or that a package names its
# models and fields with, that are no Danish word.
ENGLISH = {
    "access", "address", "agent", "args", "attempt", "attempts", "backend", "by", "changes",
    "created", "date", "draft", "enqueued", "exception", "expiration", "failure", "failures",
    "finished", "has", "index", "kwargs", "last", "log", "logs", "name", "of", "path",
    "priority", "queue", "result", "results", "return", "run", "search",
    "started", "task", "tasks", "text", "the", "theme", "time", "traceback", "updated",
    "user", "username", "value", "worker", "ids", "database", "locked", "out", "yes", "no",
    "remaining", "clean", "expired", "form", "meta", "set", "not",
}  # fmt: skip
# Names the same in both languages, or a language's own name in the language picker.
ALLOWED = {"English"}

OWN_APPS = {
    "teams",
    "core",
    "meetings",
    "cases",
    "learnings",
    "rollups",
    "visits",
    "products",
    "thememeetings",
}


def english_words(text: str) -> set[str]:
    if text in ALLOWED:
        return set()
    return {word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH}


def labels_of(model: type[models.Model]) -> dict[str, str]:
    """What the admin shows of a model: its names, and its fields' names, help texts and
    choices, in Danish."""
    meta = model._meta
    found = {
        f"{meta.label}": str(meta.verbose_name),
        f"{meta.label} (flertal)": str(meta.verbose_name_plural),
    }
    for field in meta.get_fields():
        if field.auto_created and not field.concrete:
            continue
        name = f"{meta.label}.{field.name}"
        found[name] = str(getattr(field, "verbose_name", ""))
        found[f"{name} (hjælp)"] = str(getattr(field, "help_text", ""))
        for value, label in getattr(field, "choices", None) or []:
            found[f"{name}={value}"] = str(label)
    return found


def test_every_registered_model_names_itself_and_its_fields_in_danish():
    with translation.override("da"):
        english = {
            name: text
            for model in admin.site._registry
            for name, text in labels_of(model).items()
            if english_words(text)
        }
    assert english == {}


def test_the_apps_own_fields_have_a_name_given_to_translate():
    """A field without verbose_name is named from its code name, in English ("created at")."""
    unnamed = [
        f"{model._meta.label}.{field.name}"
        for model in admin.site._registry
        if model._meta.app_label in OWN_APPS
        for field in model._meta.get_fields()
        if field.concrete
        and not field.auto_created
        and not isinstance(getattr(field, "verbose_name", None), Promise)
    ]
    assert unnamed == []


def visible_labels(html: str) -> list[str]:
    """The texts of the page's labels, column headings, headings and filter titles."""
    found = re.findall(r"<(label|th|h1|h2|h3|summary|legend)[^>]*>(.*?)</\1>", html, re.S)
    texts = [re.sub(r"<[^>]+>", " ", text) for _tag, text in found]
    return [" ".join(unescape(text).split()) for text in texts if text.strip()]


@pytest.fixture
def superuser(world):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def admin_pages(world) -> list[str]:
    """The list, add and change page of every registered model (the change page of its first
    object, when it has one)."""
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from tests.products.conftest import make_product

    make_product(world)
    Group.objects.create(name="Support")
    DBTaskResult.objects.create(
        task_path="teams.tasks.send_invitation",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        exception_class_path="",
        traceback="",
    )
    urls = [reverse("admin:index")]
    for app_label in {model._meta.app_label for model in admin.site._registry}:
        urls.append(reverse("admin:app_list", args=[app_label]))
    for model in admin.site._registry:
        meta = model._meta
        prefix = f"admin:{meta.app_label}_{meta.model_name}"
        urls.append(reverse(f"{prefix}_changelist"))
        urls.append(reverse(f"{prefix}_add"))
        first = model._default_manager.order_by("pk").first()
        assert first is not None, meta.label
        urls.append(reverse(f"{prefix}_change", args=[first.pk]))
    return urls


def test_every_admin_page_is_danish(client, world, superuser, settings):
    # The task results the admin lists are the database backend's (tests run tasks at once).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    seen = {"username": "caseworker", "ip_address": "192.0.2.1", "user_agent": "x"}
    AccessAttempt.objects.create(**seen, failures_since_start=1)
    AccessFailureLog.objects.create(**seen)
    AccessLog.objects.create(**seen)
    world.users["caseworker"].last_login = timezone.now()
    client.force_login(superuser)
    english = {}
    for url in admin_pages(world):
        response = client.get(url)
        assert response.status_code in (200, 403), url
        if response.status_code != 200:
            continue
        for text in visible_labels(response.content.decode()):
            if words := english_words(text):
                english.setdefault(url, []).append((text, sorted(words)))
    assert english == {}


def test_a_login_records_breadcrumb_says_what_it_is_in_danish(client, superuser):
    from axes.models import AccessAttempt

    attempt = AccessAttempt.objects.create(
        username="caseworker", ip_address="192.0.2.1", user_agent="x", failures_since_start=1
    )
    client.force_login(superuser)
    page = client.get(f"/admin/axes/accessattempt/{attempt.pk}/change/").content.decode()
    breadcrumbs = page.split('class="breadcrumbs"', 1)[1].split("</ol>", 1)[0]
    assert "Loginforsøg som caseworker" in breadcrumbs
    assert "Attempted Access" not in breadcrumbs


def test_clearing_expired_login_attempts_says_so_in_danish(client, superuser):
    from axes.models import AccessAttempt

    client.force_login(superuser)
    old = AccessAttempt.objects.create(
        username="caseworker", ip_address="192.0.2.1", user_agent="x", failures_since_start=5
    )
    AccessAttempt.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - timedelta(hours=2)
    )
    response = client.post(
        "/admin/axes/accessattempt/",
        {"action": "cleanup_expired_attempts", "_selected_action": [old.pk]},
        follow=True,
    )
    page = unescape(response.content.decode())
    assert "1 udløbet loginforsøg er ryddet op." in page
    assert "Cleaned up" not in page
    assert not AccessAttempt.objects.filter(pk=old.pk).exists()
