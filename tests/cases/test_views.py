from datetime import timedelta

import pytest
from django.urls import reverse

from cases.models import Case, CaseStatus
from tests.cases.conftest import NOW, held, planned_meeting
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
    response = client.post(edit, FORM | {"meeting": case_meeting.pk, "revision": 1})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == FORM["title"]
    now.move_to(NOW.replace(hour=12, minute=1))
    assert client.get(edit).status_code == 403
    client.force_login(world.users["leader"])
    assert (
        client.post(edit, FORM | {"title": "Ændret af lederen", "revision": 2}).status_code == 302
    )
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


# "Vælg sager": every waiting case of the team finds its meeting.


def selection_post(client, meeting, htmx=True, **data):
    return client.post(
        reverse("cases:meeting_case_action", args=[meeting.pk]),
        data,
        headers={"hx-request": "true"} if htmx else {},
    )


def test_a_new_meeting_lists_the_cases_waiting_for_the_team_s_other_meetings(
    client, world, case_meeting
):
    later = planned_meeting(world, days=7)
    new = planned_meeting(world, days=-1, hours=2)  # today at 15:00, before the others
    make_case(meeting=case_meeting, user=world.users["caseworker"], title="Til i morgen")
    make_case(meeting=later, user=world.users["caseworker2"], title="Til næste uge")
    make_case(
        meeting=planned_meeting(world, days=3, team=world.nord),
        user=world.users["other_caseworker"],
        title="Nords sag",
    )
    client.force_login(world.users["leader"])
    html = client.get(reverse("cases:meeting_cases", args=[new.pk])).content.decode()
    assert "Ingen sager venter" not in html
    assert "Til i morgen" in html and "Til næste uge" in html and "Nords sag" not in html
    assert "Venter på Teammøde (26. november)" in html
    assert "Venter på Teammøde (3. december)" in html
    assert html.index("Til i morgen") < html.index("Til næste uge")
    assert "Sæt Til næste uge på dagsordenen" in html
    assert 'aria-label="Flyt Til næste uge til det valgte møde"' in html


@pytest.mark.parametrize("days", [-1, 7], ids=["from an earlier meeting", "from a later one"])
def test_the_leader_takes_a_case_onto_this_meeting(client, world, case_meeting, days):
    other = planned_meeting(world, days=days, hours=2)
    case = make_case(meeting=other, user=world.users["caseworker"], title="Flyttes")
    client.force_login(world.users["leader"])
    response = selection_post(client, case_meeting, action="select", case=case.pk)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Fjern Flyttes fra dagsordenen" in html and "1 af 2 pladser brugt" in html
    case.refresh_from_db()
    assert case.meeting == case_meeting and case.status == CaseStatus.SELECTED


@pytest.mark.parametrize("days", [-1, 7], ids=["to an earlier meeting", "to a later one"])
def test_the_leader_moves_a_waiting_case_to_another_meeting(client, world, case_meeting, days):
    other = planned_meeting(world, days=days, hours=2)
    case = make_case(meeting=case_meeting, user=world.users["caseworker"], title="Flyttes")
    client.force_login(world.users["leader"])
    response = selection_post(
        client, case_meeting, htmx=False, action="move", case=case.pk, to=other.pk
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.meeting == other and case.status == CaseStatus.SUBMITTED
    html = client.get(reverse("cases:meeting_cases", args=[case_meeting.pk])).content.decode()
    assert "Flyttes" in html and "Venter på Teammøde" in html


def test_another_team_s_case_is_not_found(client, world, case_meeting):
    nord_case = make_case(
        meeting=planned_meeting(world, days=2, team=world.nord),
        user=world.users["other_caseworker"],
    )
    client.force_login(world.users["leader"])
    for action in ("select", "move", "unselect"):
        response = selection_post(
            client, case_meeting, action=action, case=nord_case.pk, to=case_meeting.pk
        )
        assert response.status_code == 404
    nord_case.refresh_from_db()
    assert nord_case.status == CaseStatus.SUBMITTED and nord_case.meeting.team == world.nord


def test_a_case_cannot_be_moved_to_another_team_s_or_a_held_meeting(client, world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"], title="Bliver")
    nord = planned_meeting(world, days=2, team=world.nord)
    gone = held(planned_meeting(world, days=-1, hours=-5))
    client.force_login(world.users["leader"])
    for to in (nord.pk, gone.pk):
        html = selection_post(client, case_meeting, action="move", case=case.pk, to=to)
        assert "Vælg et planlagt møde i samme team." in html.content.decode()
    case.refresh_from_db()
    assert case.meeting == case_meeting


@pytest.mark.parametrize(
    "data",
    [
        {"action": "select", "case": "²"},
        {"action": "select", "case": "9" * 30},
        {"action": "select", "case": str(2**63)},
        {"action": "select", "case": "-1"},
        {"action": "select", "case": ""},
        {"action": "slet", "case": "1"},
        {"action": "select"},
    ],
)
def test_a_hostile_case_id_or_action_is_an_error_not_a_crash(client, world, case_meeting, data):
    client.force_login(world.users["leader"])
    response = selection_post(client, case_meeting, **data)
    assert response.status_code == 200
    assert "Ukendt handling." in response.content.decode()


@pytest.mark.parametrize("to", ["²", "9" * 30, str(2**63 - 1), "", "abc"])
def test_a_hostile_meeting_to_move_to_is_an_error_next_to_the_field(
    client, world, case_meeting, to
):
    planned_meeting(world, days=7)
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    client.force_login(world.users["leader"])
    response = selection_post(client, case_meeting, action="move", case=case.pk, to=to)
    html = response.content.decode()
    assert response.status_code == 200
    error = f'id="error-{case.pk}" role="alert">'
    assert error in html and 'aria-invalid="true"' in html
    assert "Vælg" in html[html.index(error) :].split("</div>")[0]
    case.refresh_from_db()
    assert case.meeting == case_meeting


def test_a_finished_meeting_s_selection_is_read_only(client, world, case_meeting, now):
    discussed = make_case(meeting=case_meeting, user=world.users["caseworker"], title="Drøftet")
    from cases import services

    services.case_select(case=discussed)
    stuck = make_case(meeting=case_meeting, user=world.users["caseworker2"], title="Ikke nået")
    now.move_to(case_meeting.starts_at)
    held(case_meeting)
    later = planned_meeting(world, days=7)
    client.force_login(world.users["leader"])
    url = reverse("cases:meeting_cases", args=[case_meeting.pk])
    html = client.get(url).content.decode()
    assert "Mødet er afholdt, så dagsordenen kan ikke længere ændres." in html
    assert "Drøftet" in html
    assert (
        "Fjern Drøftet fra dagsordenen" not in html
        and "<form" not in html.split('id="selection"')[1]
    )
    assert reverse("cases:meeting_cases", args=[later.pk]) in html
    assert "Fristen er overskredet" not in html
    for data in (
        {"action": "unselect", "case": discussed.pk},
        {"action": "down", "case": discussed.pk},
        {"action": "select", "case": stuck.pk},
        {"action": "move", "case": stuck.pk, "to": later.pk},
    ):
        response = selection_post(client, case_meeting, **data)
        assert "Mødet er afholdt, så dagsordenen kan ikke længere ændres." in (
            response.content.decode()
        )
    assert list(case_meeting.agenda_items.values_list("title", flat=True)) == ["Drøftet"]
    stuck.refresh_from_db()
    assert stuck.meeting == case_meeting
    # The case the meeting did not reach waits on the next meeting's selection.
    html = client.get(reverse("cases:meeting_cases", args=[later.pk])).content.decode()
    assert "Ikke nået på Teammøde (26. november), som er holdt" in html
    selection_post(client, later, action="select", case=stuck.pk)
    stuck.refresh_from_db()
    assert stuck.meeting == later and stuck.status == CaseStatus.SELECTED


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("leader", 200),
        ("coordinator", 200),
        ("caseworker", 403),
        ("guest", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("other_caseworker", 404),
    ],
)
def test_who_selects_cases(client, world, case_meeting, who, status):
    later = planned_meeting(world, days=7)
    case = make_case(meeting=later, user=world.users["caseworker"])
    if who != "anonymous":
        client.force_login(world.users[who])
    page = client.get(reverse("cases:meeting_cases", args=[case_meeting.pk]))
    assert page.status_code == status
    response = selection_post(client, case_meeting, htmx=False, action="select", case=case.pk)
    assert response.status_code == (302 if status == 200 else status)
    case.refresh_from_db()
    assert case.meeting == (case_meeting if status == 200 else later)
    if who == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_the_selection_partial_for_htmx(client, world, case_meeting):
    client.force_login(world.users["coordinator"])
    url = reverse("cases:meeting_cases", args=[case_meeting.pk])
    partial = client.get(url, headers={"hx-request": "true"})
    assert "<html" not in partial.content.decode() and 'id="selection"' in partial.content.decode()
    assert "HX-Request" in partial["Vary"]
    assert "<html" in client.get(url).content.decode()


def test_selection_query_count_does_not_grow_with_the_cases_of_other_meetings(
    client, world, case_meeting, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meetings = [planned_meeting(world, days=days) for days in (-1, 7, 14)]
    make_case(meeting=meetings[0], user=world.users["caseworker"])
    client.force_login(world.users["leader"])
    url = reverse("cases:meeting_cases", args=[case_meeting.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number, meeting in enumerate(meetings * 3):
        make_case(meeting=meeting, user=world.users["caseworker2"], title=f"Sag {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count("på dagsordenen</button>") == 10


# The deadline's status is judged against the meeting the case is for.


def test_a_case_brought_in_time_keeps_saying_so_after_its_meeting(
    client, world, case_meeting, now
):
    from cases import services

    case = make_case(meeting=case_meeting, user=world.users["caseworker"], title="Til tiden")
    services.case_select(case=case)
    client.force_login(world.users["caseworker"])
    url = reverse("cases:detail", args=[case.pk])
    assert "tilbage" in client.get(url).content.decode()
    now.move_to(case_meeting.starts_at)
    held(case_meeting)
    now.move_to(case_meeting.starts_at + timedelta(days=3))
    client.force_login(world.users["caseworker"])  # the session ran out meanwhile
    html = client.get(url).content.decode()
    assert "Indsendt inden fristen" in html
    assert "Fristen er overskredet" not in html and "efter fristen" not in html


def test_a_late_case_says_it_came_after_the_deadline_once(client, world, case_meeting, now):
    now.move_to(NOW.replace(hour=12, minute=30))
    client.force_login(world.users["caseworker"])
    client.post(reverse("cases:submit"), FORM)
    case = Case.objects.get()
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert html.count("Indsendt efter fristen") == 1
    assert "Fristen er overskredet" not in html


def test_a_late_case_moved_to_a_meeting_it_is_in_time_for_is_on_time(
    client, world, case_meeting, now
):
    now.move_to(NOW.replace(hour=12, minute=30))
    case = make_case(meeting=case_meeting, user=world.users["caseworker"], is_late=True)
    later = planned_meeting(world, days=7)
    client.force_login(world.users["leader"])
    selection_post(client, case_meeting, action="move", case=case.pk, to=later.pk)
    case.refresh_from_db()
    assert case.meeting == later and not case.is_late
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "efter fristen" not in html and "tilbage" in html
