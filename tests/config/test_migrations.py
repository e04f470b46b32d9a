"""Migrations are history: they use the historical models Django gives them, never the apps'
live code, which changes after they have run."""

import ast
from pathlib import Path

from django.conf import settings

PROJECT_PACKAGES = {
    "config",
    "core",
    "teams",
    "meetings",
    "cases",
    "learnings",
    "rollups",
    "products",
    "dashboard",
}


def imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_no_migration_imports_the_apps_code():
    migrations = sorted(Path(settings.BASE_DIR).glob("*/migrations/0*.py"))
    assert len(migrations) > 10
    offenders = {
        str(path.relative_to(settings.BASE_DIR)): imported_packages(path) & PROJECT_PACKAGES
        for path in migrations
    }
    assert {path: packages for path, packages in offenders.items() if packages} == {}
