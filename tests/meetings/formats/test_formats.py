"""Teams copy a built-in meeting format and adjust their copy."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.formats.forms import format_forms
from meetings.formats.services import PhaseTotal, format_copy
from meetings.models import Format, FormatPhase, Meeting
from tests.conftest import World
from tests.factories import make_format

ZERO_DURATION_ERROR = "Angiv en varighed på mindst 1 minut"
QUERY_BUDGET = 8  # session, user, team, membership and role checks, formats


@pytest.fixture
def builtin() -> Format:
    return make_format(
        key="test-sparring",
        phases=[
            ("Præsentation", "presentation", 5, True),
            ("Refleksion", "reflection", 10, True),
            ("Runde", "round", None, True, Decimal("1.5")),
            ("Opsamling", "summary", 5, False),
        ],
    )


@pytest.fixture
def team_format(world: World, builtin: Format) -> Format:
    return format_copy(source=builtin, team=world.syd)


def url(name: str, world: World, format: Format | None = None) -> str:
    kwargs = {"slug": world.syd.slug}
    if format is not None:
        kwargs["pk"] = format.pk
    return reverse(f"meetings:{name}", kwargs=kwargs)


def edit_data(format: Format, **changes) -> dict:
    """The edit form's POST data as the page renders it, with changes by field name."""
    form, formset = format_forms(format=format)
    data = {}
    for bound_form in [form, *formset.forms]:
        for field in bound_form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = value
    management = formset.management_form
    for field in management:
        data[field.html_name] = field.value()
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return {key: str(value) for key, value in data.items()}


def phase_names(format: Format) -> list[str]:
    return list(format.phases.order_by("position").values_list("name", flat=True))


def test_copying_a_builtin_creates_an_editable_team_copy(client, world: World, builtin: Format):
    client.force_login(world.users["leader"])
    response = client.post(url("format_copy", world, builtin))

    copy = Format.objects.get(team=world.syd)
    assert response.status_code == 302
    assert response["Location"] == url("format_edit", world, copy)
    assert copy.name == "test-sparring (kopi)"
    assert copy.copied_from == builtin
    assert copy.key == ""
    fields = ["position", "name", "kind", "minutes", "minutes_per_person", "per_case", "prompts"]
    assert list(copy.phases.order_by("position").values(*fields)) == list(
        builtin.phases.order_by("position").values(*fields)
    )
    assert client.get(url("format_edit", world, copy)).status_code == 200


def test_copying_a_copy_of_the_team_is_allowed(client, world: World, team_format: Format):
    client.force_login(world.users["coordinator"])
    response = client.post(url("format_copy", world, team_format))
    assert response.status_code == 302
    assert Format.objects.filter(team=world.syd, copied_from=team_format).count() == 1


def test_copy_is_post_only(client, world: World, builtin: Format):
    client.force_login(world.users["leader"])
    assert client.get(url("format_copy", world, builtin)).status_code == 405
    assert not Format.objects.filter(team=world.syd).exists()


def test_edit_renames_reorders_and_retimes(client, world: World, team_format: Format):
    client.force_login(world.users["leader"])
    data = edit_data(
        team_format,
        name="Vores sparring",
        **{
            "phases-0-ORDER": "3",  # Præsentation moves after Refleksion and Runde
            "phases-1-ORDER": "1",
            "phases-2-ORDER": "2",
            "phases-3-ORDER": "4",
            "phases-1-minutes": "12",
            "phases-1-name": "Refleksion uden sagsejer",
            "phases-3-prompts": "Hvad tager vi med?",
        },
    )
    response = client.post(url("format_edit", world, team_format), data)

    assert response.status_code == 302
    team_format.refresh_from_db()
    assert team_format.name == "Vores sparring"
    assert phase_names(team_format) == [
        "Refleksion uden sagsejer",
        "Runde",
        "Præsentation",
        "Opsamling",
    ]
    assert list(team_format.phases.order_by("position").values_list("position", flat=True)) == [
        0,
        1,
        2,
        3,
    ]
    assert team_format.phases.get(name="Refleksion uden sagsejer").minutes == 12
    assert team_format.phases.get(name="Opsamling").prompts == "Hvad tager vi med?"


def test_edit_adds_a_phase_and_deletes_one(client, world: World, team_format: Format):
    client.force_login(world.users["leader"])
    data = edit_data(
        team_format,
        **{
            "phases-0-DELETE": "on",
            "phases-4-name": "Tjek-ud",
            "phases-4-kind": "check_out",
            "phases-4-minutes": "3",
        },
    )
    response = client.post(url("format_edit", world, team_format), data)

    assert response.status_code == 302
    assert phase_names(team_format) == ["Refleksion", "Runde", "Opsamling", "Tjek-ud"]
    assert list(team_format.phases.order_by("position").values_list("position", flat=True)) == [
        0,
        1,
        2,
        3,
    ]


def test_a_zero_duration_is_refused_next_to_the_field(client, world: World, team_format: Format):
    client.force_login(world.users["leader"])
    before = list(team_format.phases.values())
    data = edit_data(
        team_format, name="Nyt navn", **{"phases-1-minutes": "0", "phases-1-name": "Ny"}
    )
    response = client.post(url("format_edit", world, team_format), data)

    assert response.status_code == 200
    formset = response.context["formset"]
    assert ZERO_DURATION_ERROR in formset.forms[1].errors["minutes"][0]
    html = response.content.decode()
    assert ZERO_DURATION_ERROR in html
    assert 'id="id_phases-1-minutes"' in html
    assert 'value="Nyt navn"' in html  # what was typed is kept
    team_format.refresh_from_db()
    assert team_format.name == "test-sparring (kopi)"
    assert list(team_format.phases.values()) == before


def test_a_per_person_duration_is_enough(client, world: World, team_format: Format):
    client.force_login(world.users["leader"])
    data = edit_data(team_format, **{"phases-2-minutes_per_person": "2"})
    response = client.post(url("format_edit", world, team_format), data)
    assert response.status_code == 302
    assert team_format.phases.get(name="Runde").minutes_per_person == Decimal("2")


def test_deleting_all_phases_is_refused(client, world: World, team_format: Format):
    client.force_login(world.users["leader"])
    data = edit_data(team_format, **{f"phases-{index}-DELETE": "on" for index in range(4)})
    response = client.post(url("format_edit", world, team_format), data)

    assert response.status_code == 200
    assert "Et format skal have mindst én fase." in response.content.decode()
    assert team_format.phases.count() == 4


def test_a_builtin_format_cannot_be_edited(client, world: World, builtin: Format):
    client.force_login(world.users["leader"])
    assert client.get(url("format_edit", world, builtin)).status_code == 404
    data = edit_data(builtin, name="Ændret")
    assert client.post(url("format_edit", world, builtin), data).status_code == 404
    builtin.refresh_from_db()
    assert builtin.name == "test-sparring"


def test_the_total_is_shown(client, world: World, builtin: Format, team_format: Format):
    client.force_login(world.users["leader"])
    for name in ("format_list", "format_detail", "format_edit"):
        response = client.get(url(name, world, None if name == "format_list" else team_format))
        html = response.content.decode()
        assert "20 min + 1,5 min pr. deltager" in html, name


def test_the_list_shows_copy_buttons_and_edit_links_to_leaders_only(
    client, world: World, builtin: Format, team_format: Format
):
    client.force_login(world.users["leader"])
    html = client.get(url("format_list", world)).content.decode()
    assert url("format_copy", world, builtin) in html
    assert url("format_edit", world, team_format) in html
    assert url("format_edit", world, builtin) not in html

    client.force_login(world.users["caseworker"])
    html = client.get(url("format_list", world)).content.decode()
    assert "test-sparring (kopi)" in html
    assert url("format_copy", world, builtin) not in html
    assert url("format_edit", world, team_format) not in html


def test_phase_total_counts_minutes_and_per_person_minutes_separately():
    total = PhaseTotal.of(
        [
            FormatPhase(minutes=5, per_case=True),
            FormatPhase(minutes=None, minutes_per_person=Decimal("2.0")),
            {"minutes": 10, "minutes_per_person": None, "per_case": False},
        ]
    )
    assert total.minutes == 15
    assert total.minutes_per_person == 2
    assert total.per_case_minutes == 5
    assert str(total) == "15 min + 2 min pr. deltager"
    assert str(PhaseTotal.of([])) == "0 min"


@pytest.mark.parametrize("who", ["caseworker", "guest", "department_leader"])
def test_members_without_rights_get_403(client, world: World, builtin, team_format, who):
    client.force_login(world.users[who])
    assert client.post(url("format_copy", world, builtin)).status_code == 403
    assert client.get(url("format_edit", world, team_format)).status_code == 403
    data = edit_data(team_format, name="Ændret")
    assert client.post(url("format_edit", world, team_format), data).status_code == 403
    assert Format.objects.filter(team=world.syd).count() == 1
    assert Format.objects.get(pk=team_format.pk).name == "test-sparring (kopi)"


def test_another_teams_leader_gets_404(client, world: World, builtin, team_format):
    client.force_login(world.users["other_leader"])
    for name in ("format_list", "format_detail", "format_edit"):
        format = None if name == "format_list" else team_format
        assert client.get(url(name, world, format)).status_code == 404, name
    assert client.post(url("format_copy", world, team_format)).status_code == 404
    # Nor can they reach Team Syd's format through their own team's pages.
    own = {"slug": world.nord.slug, "pk": team_format.pk}
    client.force_login(world.users["other_leader"])
    assert client.get(reverse("meetings:format_detail", kwargs=own)).status_code == 404
    assert client.get(reverse("meetings:format_edit", kwargs=own)).status_code == 404
    assert client.post(reverse("meetings:format_copy", kwargs=own)).status_code == 404
    assert not Format.objects.filter(team=world.nord).exists()


def test_anonymous_is_sent_to_login(client, world: World, builtin, team_format):
    login = reverse("login")
    for name, format in [
        ("format_list", None),
        ("format_detail", builtin),
        ("format_edit", team_format),
    ]:
        response = client.get(url(name, world, format))
        assert response.status_code == 302
        assert response["Location"].startswith(login)
    response = client.post(url("format_copy", world, builtin))
    assert response.status_code == 302
    assert response["Location"].startswith(login)
    assert (
        not Format.objects.filter(team=world.syd, copied_from=builtin)
        .exclude(pk=team_format.pk)
        .exists()
    )


def test_editing_a_format_leaves_planned_meetings_alone(client, world: World, team_format):
    meeting = Meeting.objects.create(
        team=world.syd,
        format=team_format,
        title="Teammøde",
        starts_at=timezone.now(),
        facilitator=world.users["leader"],
        phases=[phase.snapshot() for phase in team_format.phases.order_by("position")],
    )
    before = Meeting.objects.get(pk=meeting.pk).phases
    client.force_login(world.users["leader"])
    data = edit_data(
        team_format,
        **{
            "phases-0-name": "Omdøbt",
            "phases-0-minutes": "7",
            "phases-0-ORDER": "9",
            "phases-3-DELETE": "on",
        },
    )
    assert client.post(url("format_edit", world, team_format), data).status_code == 302
    assert phase_names(team_format) == ["Refleksion", "Runde", "Omdøbt"]

    meeting.refresh_from_db()
    assert meeting.phases == before
    assert [phase["name"] for phase in meeting.phases] == [
        "Præsentation",
        "Refleksion",
        "Runde",
        "Opsamling",
    ]


def test_format_list_queries_do_not_grow_with_formats(
    client, world: World, builtin, team_format, django_assert_max_num_queries
):
    client.force_login(world.users["leader"])
    list_url = url("format_list", world)
    client.get(list_url)  # warm up sessions and caches
    with django_assert_max_num_queries(QUERY_BUDGET) as captured:
        assert client.get(list_url).status_code == 200
    queries_with_few_formats = len(captured.captured_queries)
    for number in range(5):
        make_format(key=f"test-more-{number}")
        format_copy(source=builtin, team=world.syd)
    with django_assert_max_num_queries(QUERY_BUDGET) as captured:
        response = client.get(list_url)
    assert response.status_code == 200
    assert len(response.context["team_formats"]) == 6
    assert len(response.context["builtin_formats"]) >= 6
    assert all("min" in str(format.total) for format in response.context["team_formats"])
    assert len(captured.captured_queries) == queries_with_few_formats


def test_a_copy_keeps_the_meeting_length_and_the_form_changes_it(client, world, builtin):
    builtin.meeting_minutes = 45
    builtin.save(update_fields=["meeting_minutes"])
    copy = format_copy(source=builtin, team=world.syd)
    assert copy.meeting_minutes == 45
    client.force_login(world.users["leader"])
    response = client.post(url("format_edit", world, copy), edit_data(copy, meeting_minutes=75))
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.meeting_minutes == 75
    response = client.post(
        url("format_edit", world, copy), edit_data(copy, meeting_minutes=100000)
    )
    assert response.status_code == 200
    assert "600" in response.context["form"].errors["meeting_minutes"][0]
    copy.refresh_from_db()
    assert copy.meeting_minutes == 75
