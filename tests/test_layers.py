"""The apps form layers (pyproject.toml's import-linter contract, run by `make lint`): every
package of the project has its place in them, so a new app cannot be added without one."""

import tomllib
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
NOT_APPS = {"tests", "bench", "locale", "static", "templates"}


def contract() -> tuple[list[str], dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    linter = config["importlinter"]
    (layers,) = [c for c in linter["contracts"] if c["type"] == "layers"]
    return linter["root_packages"], layers


def layered_packages() -> set[str]:
    _roots, layers = contract()
    return {name.strip() for layer in layers["layers"] for name in layer.split("|")}


def project_packages() -> set[str]:
    return {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_APPS and not path.parent.name.startswith(".")
    }


def test_every_package_of_the_project_has_a_layer():
    assert project_packages() - layered_packages() == set()


def test_every_app_of_the_project_has_a_layer():
    ours = {config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT}
    assert ours
    assert ours - layered_packages() == set()


def test_the_layers_are_analysed_and_list_no_exceptions():
    roots, layers = contract()
    assert set(roots) == layered_packages()
    assert "ignore_imports" not in layers
    assert layers["layers"][-1] == "core"
    assert layers["layers"][0] == "config"
