"""The file's sections hold every model of the team's, and every field of each moves unless
the section says why not: a model or a relation added later fails here until it is placed."""

from django.apps import apps

from dashboard.transfer.schema import NOT_MOVED, SECTIONS, Kind, kind_of

PROJECT_APPS = (
    "core",
    "teams",
    "meetings",
    "cases",
    "learnings",
    "visits",
    "rollups",
    "products",
    "thememeetings",
    "dashboard",
)


def test_every_model_of_the_project_moves_or_says_why_not():
    placed = {section.model for section in SECTIONS} | set(NOT_MOVED)
    models = {
        model
        for config in apps.get_app_configs()
        if config.name in PROJECT_APPS
        for model in config.get_models()
    }
    assert models - placed == set()


def test_every_field_that_moves_is_written_in_a_known_way():
    for section in SECTIONS:
        for model_field in section.fields():
            assert isinstance(kind_of(model_field), Kind)


def test_what_a_section_leaves_behind_are_fields_of_its_model():
    for section in SECTIONS:
        names = {model_field.name for model_field in section.model._meta.get_fields()}
        assert set(section.left_out) <= names, section.name


def test_case_material_stays_behind():
    cases = next(section for section in SECTIONS if section.name == "cases")
    moved = {model_field.name for model_field in cases.fields()}
    assert moved.isdisjoint({"sparring_wanted", "background", "timeline", "genogram"})
    assert {"title", "sparring_type", "submitted_by", "status"} <= moved
