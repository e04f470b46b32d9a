from django.urls import reverse

from cases.models import Case, CaseStatus
from tests.cases.conftest import NOW
from tests.factories import make_case

FORM = {
    "title": "Ung, 24 år: afklaring",
    "sparring_wanted": "Hvornår skal vi starte praktik?",
    "sparring_type": "timing",
    "background": "Borgeren har været sygemeldt i et halvt år.",
}


def test_the_four_contract_fields_are_enough_to_submit_for_the_next_meeting(
    client, world, case_meeting
):
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("cases:submit")).content.decode()
    for label in ("Titel", "Hvad ønsker du sparring på?", "Sparringstype", "Baggrund"):
        assert f"{label}<span" in page, label
    assert "Skriv pseudonymiseret" in page
    assert "Frist" in page and "tilbage" in page
    response = client.post(reverse("cases:submit"), FORM)
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.meeting == case_meeting and not case.is_late


def test_a_cpr_number_is_refused_next_to_the_field_and_the_rest_is_kept(
    client, world, case_meeting
):
    client.force_login(world.users["caseworker"])
    data = FORM | {"background": "Borgeren (040315-1234) er sygemeldt."}
    response = client.post(reverse("cases:submit"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "CPR-nummer" in html and "040315-1234" in html
    assert "Hvornår skal vi starte praktik?" in html
    assert 'value="Ung, 24 år: afklaring"' in html
    assert not Case.objects.exists()


def test_timeline_and_genogram_are_parsed_and_shown(client, world, case_meeting):
    client.force_login(world.users["caseworker"])
    data = FORM | {
        "timeline_text": "04.03.2025 Underretning fra skolen\n2024-11-01 Første samtale",
        "genogram_text": "mor - forælder til - barn 1\nmor - skilt fra - far",
    }
    response = client.post(reverse("cases:submit"), data, follow=True)
    case = Case.objects.get()
    assert [event["date"] for event in case.timeline] == ["2024-11-01", "2025-03-04"]
    assert case.genogram[1] == {"a": "mor", "relation": "skilt fra", "b": "far"}
    html = response.content.decode()
    assert "<svg" in html and "barn 1" in html
    assert "4. marts 2025" in html


def test_a_badly_written_timeline_line_gets_a_clear_error(client, world, case_meeting):
    client.force_login(world.users["caseworker"])
    response = client.post(reverse("cases:submit"), FORM | {"timeline_text": "i går: samtale"})
    assert "Linje 1: skriv en dato først" in response.content.decode()
    assert not Case.objects.exists()


def test_a_late_submission_is_accepted_and_says_so(client, world, case_meeting, now):
    now.move_to(NOW.replace(hour=12, minute=30))
    client.force_login(world.users["caseworker"])
    response = client.post(reverse("cases:submit"), FORM, follow=True)
    assert "efter fristen" in response.content.decode()
    assert Case.objects.get().is_late


def test_the_submitter_edits_until_the_deadline_and_then_only_the_leader(
    client, world, case_meeting, now
):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker"])
    edit = reverse("cases:edit", args=[case.pk])
    response = client.post(edit, FORM | {"meeting": case_meeting.pk})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == FORM["title"]
    now.move_to(NOW.replace(hour=12, minute=1))
    assert client.get(edit).status_code == 403
    client.force_login(world.users["leader"])
    assert client.post(edit, FORM | {"title": "Ændret af lederen"}).status_code == 302
    case.refresh_from_db()
    assert case.title == "Ændret af lederen"


def test_a_colleague_cannot_edit_or_withdraw_someone_elses_case(client, world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker2"])
    assert client.get(reverse("cases:edit", args=[case.pk])).status_code == 403
    assert client.post(reverse("cases:withdraw", args=[case.pk])).status_code == 403
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 200


def test_withdrawal_by_the_submitter(client, world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker"])
    response = client.post(reverse("cases:withdraw", args=[case.pk]), follow=True)
    assert "trukket tilbage" in response.content.decode()
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN


def test_leader_selects_with_htmx_and_gets_the_partial(client, world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("cases:meeting_case_action", args=[case_meeting.pk]),
        {"action": "select", "case": case.pk},
        headers={"hx-request": "true"},
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="selection"' in html
    assert "1 af 2 pladser brugt" in html
    case.refresh_from_db()
    assert case.status == CaseStatus.SELECTED


def test_selection_over_capacity_shows_the_reason(client, world, case_meeting):
    for number in range(3):
        case = make_case(meeting=case_meeting, user=world.users["caseworker"], title=f"S{number}")
        client.force_login(world.users["leader"])
        response = client.post(
            reverse("cases:meeting_case_action", args=[case_meeting.pk]),
            {"action": "select", "case": case.pk},
            follow=True,
        )
    assert "ikke plads til flere sager" in response.content.decode()
    assert case_meeting.agenda_items.count() == 2


def test_selection_page_query_count_does_not_grow_with_cases(
    client, world, case_meeting, django_assert_max_num_queries
):
    client.force_login(world.users["leader"])
    url = reverse("cases:meeting_cases", args=[case_meeting.pk])
    make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(8):
        make_case(meeting=case_meeting, user=world.users["caseworker2"], title=f"Sag {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_case_list_query_count_does_not_grow(
    client, world, case_meeting, django_assert_max_num_queries
):
    client.force_login(world.users["leader"])
    make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.get(reverse("cases:list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:list"))
    for number in range(8):
        make_case(meeting=case_meeting, user=world.users["caseworker2"], title=f"Sag {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("cases:list"))


def test_rotation_puts_who_has_waited_longest_first(client, world, case_meeting):
    make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["leader"])
    html = client.get(reverse("cases:rotation", args=[world.syd.slug])).content.decode()
    first, second = world.users["caseworker2"].display_name, world.users["caseworker"].display_name
    assert html.index(first) < html.index(second)
    assert "står for tur" in html


def test_asking_the_next_in_turn_sends_an_email(
    client, world, case_meeting, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world.users["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("cases:rotation_ask", args=[world.syd.slug]),
            {"user": world.users["caseworker2"].pk},
        )
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [world.users["caseworker2"].email]
    assert "/sager/ny/?meeting=" in mailoutbox[0].body


def test_the_case_owner_finds_their_notes_on_the_case_page_until_retention(client, world):
    from django.utils import timezone

    from cases import services
    from cases.models import Case
    from tests.factories import make_case, make_meeting

    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=0,
    )
    case = make_case(meeting=meeting, user=world.users["caseworker"])
    item = services.case_select(case=case)
    item.owner_notes = "Husk at spørge til skolen."
    item.save(update_fields=["owner_notes"])
    url = reverse("cases:detail", args=[case.pk])
    client.force_login(world.users["caseworker"])
    assert "Husk at spørge til skolen." in client.get(url).content.decode()
    client.force_login(world.users["leader"])
    assert "Husk at spørge til skolen." not in client.get(url).content.decode()
    Case.objects.filter(pk=case.pk).update(material_deleted_at=timezone.now())
    client.force_login(world.users["caseworker"])
    assert "Husk at spørge til skolen." not in client.get(url).content.decode()
