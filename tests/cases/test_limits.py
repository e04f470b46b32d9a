"""Each of a case's texts has a limit the person is told about, checked in the form and in the
service."""

import pytest
from django.urls import reverse

from cases import services as case_services
from cases.models import Case
from tests.conftest import World

CASE_FORM = {
    "title": "Ung, 24 år: afklaring",
    "sparring_wanted": "Hvornår skal vi starte praktik?",
    "sparring_type": "timing",
    "background": "Borgeren har været sygemeldt i et halvt år.",
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("background", "b" * 10_001, "må højst have 10000 tegn (den har 10001)"),
        ("sparring_wanted", "s" * 2_001, "må højst have 2000 tegn (den har 2001)"),
        (
            "timeline_text",
            "\n".join(f"04.03.2025 Hændelse {n}" for n in range(201)),
            "Højst 200 linjer",
        ),
        (
            "genogram_text",
            "\n".join(f"mor - forælder til - barn {n}" for n in range(201)),
            "Højst 200 linjer",
        ),
        ("genogram_text", "mor - forælder til - " + "b" * 300, "Linje 1 er for lang"),
    ],
)
def test_each_case_limit_is_told_and_refused_with_the_text_kept(
    client, world: World, case_meeting, field, value, message
):
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("cases:submit")).content.decode()
    assert "Højst 10.000 tegn." in page and "Højst 200 linjer på hver højst 200 tegn." in page
    assert 'maxlength="10000"' in page
    response = client.post(reverse("cases:submit"), CASE_FORM | {field: value})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert value.splitlines()[-1] in html
    assert not Case.objects.exists()


def test_the_case_service_refuses_text_over_the_limit(world: World, case_meeting):
    with pytest.raises(case_services.CaseRefused, match=r"højst være 10\.000 tegn"):
        case_services.case_submit(
            meeting=case_meeting,
            user=world.users["caseworker"],
            title="For lang",
            sparring_wanted="Hvad gør vi?",
            sparring_type="timing",
            background="b" * 10_001,
        )
    assert not Case.objects.exists()


def test_the_drawings_are_capped_and_say_what_they_leave_out(client, world: World, case_meeting):
    from tests.factories import make_case

    # Stored before the limit (or imported): more than the form lets in.
    case = make_case(
        meeting=case_meeting,
        user=world.users["caseworker"],
        timeline=[{"date": "2025-03-04", "event": f"Hændelse {n}"} for n in range(250)],
        genogram=[{"a": f"person {n}", "relation": "kender", "b": "barn"} for n in range(350)],
    )
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert html.count("<line ") == 200
    assert "Tegningen viser de første 200 relationer; 150 mere er udeladt." in html
    assert "Tidslinjen viser de første 200 hændelser; 50 mere er udeladt." in html
    assert "Hændelse 199" in html
    assert "Hændelse 200<" not in html
