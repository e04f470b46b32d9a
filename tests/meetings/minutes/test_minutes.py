import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from pypdf import PdfReader

from core.pdf import BASE_URL, StaticFilesOnlyFetcher, render_pdf, static_path
from learnings.models import LearningPoint
from meetings.minutes.selectors import minutes_for
from meetings.minutes.tasks import send_minutes
from meetings.models import (
    AgendaItem,
    Format,
    Meeting,
    MeetingStatus,
    Participation,
    PhaseKind,
    Step,
    Turn,
    TurnStatus,
)

SECRET = "HEMMELIG NOTE"
STARTS_AT = datetime(2026, 3, 5, 9, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))


def build_meeting(world, *, cases: int = 2, status=MeetingStatus.FINISHED, title=None):
    """A meeting of Team Syd built directly, as the runner leaves it when it has finished."""
    users = world.users
    format, _created = Format.objects.get_or_create(team=None, key="t", defaults={"name": "T"})
    meeting = Meeting.objects.create(
        team=world.syd,
        format=format,
        title=title or "Teammøde om æøå og ÆØÅ",
        starts_at=STARTS_AT,
        place="Mødelokale Ærø",
        facilitator=users["leader"],
        status=status,
        started_at=STARTS_AT if status != MeetingStatus.PLANNED else None,
        ended_at=STARTS_AT + timedelta(hours=1) if status == MeetingStatus.FINISHED else None,
    )
    people = [users["leader"], users["caseworker"], users["caseworker2"]]
    for position, person in enumerate(people):
        Participation.objects.create(meeting=meeting, user=person, position=position)
    position = 0
    Step.objects.create(
        meeting=meeting,
        position=position,
        name="Tjek-ind",
        kind=PhaseKind.CHECK_IN,
        planned_seconds=300,
        actual_seconds=420,
    )
    for number in range(1, cases + 1):
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=number,
            title=f"Sag {number}: Barn på 7 år",
            owner=users["caseworker"],
            owner_notes=SECRET,
        )
        position += 1
        Step.objects.create(
            meeting=meeting,
            position=position,
            agenda_item=item,
            name="Refleksion",
            kind=PhaseKind.REFLECTION,
            planned_seconds=600,
            extension_seconds=60,
            actual_seconds=690,
        )
        position += 1
        round_step = Step.objects.create(
            meeting=meeting,
            position=position,
            agenda_item=item,
            name="Runde",
            kind=PhaseKind.ROUND,
            planned_seconds=600,
            actual_seconds=540,
        )
        for turn_position, person in enumerate(people):
            Turn.objects.create(
                step=round_step,
                user=person,
                position=turn_position,
                status=TurnStatus.DONE,
                spoken_seconds=60 * (turn_position + 1),
            )
        LearningPoint.objects.create(
            team=world.syd,
            meeting=meeting,
            agenda_item=item,
            author=users["caseworker2"],
            text=f"Læringspunkt {number}: spørg til netværket først",
        )
        LearningPoint.objects.create(
            team=world.syd,
            meeting=meeting,
            agenda_item=item,
            author=users["leader"],
            text=f"Opsamling {number}: vi prøver en ny tilgang",
            is_leader_summary=True,
            changes_practice=(True, False, None)[number % 3],
        )
    LearningPoint.objects.create(
        team=world.syd, meeting=meeting, author=users["caseworker"], text="Generel læring om tid"
    )
    return meeting


@pytest.fixture
def finished(world):
    return build_meeting(world)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


# The selector


def test_minutes_gather_cases_points_summaries_and_time(finished, world):
    minutes = minutes_for(meeting=Meeting.objects.select_related("team__organisation").get())
    assert [case.title for case in minutes.cases] == ["Sag 1: Barn på 7 år", "Sag 2: Barn på 7 år"]
    assert [p.text for p in minutes.cases[0].learning_points] == [
        "Læringspunkt 1: spørg til netværket først"
    ]
    assert [p.text for p in minutes.general_points] == ["Generel læring om tid"]
    assert [(s.case_title, s.decision) for s in minutes.summaries] == [
        ("Sag 1: Barn på 7 år", "Nej"),
        ("Sag 2: Barn på 7 år", "Ikke besluttet"),
    ]
    assert minutes.participants == [
        world.users[who].display_name for who in ("leader", "caseworker", "caseworker2")
    ]
    reflection = minutes.steps[1]
    assert (reflection.planned_minutes, reflection.actual_minutes) == (11.0, 11.5)
    assert minutes.planned_total_minutes == 5 + 2 * (11 + 10)
    assert [row.seconds for row in minutes.speaking_time] == [360, 240, 120]
    assert minutes.speaking_time[0].name == world.users["caseworker2"].display_name
    assert minutes.follow_up == []


# The page


def test_the_page_shows_cases_learning_summaries_and_time_but_never_notes(client, world, finished):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("meetings:minutes", args=[finished.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Sag 1: Barn på 7 år",
        "Sag 2: Barn på 7 år",
        "Læringspunkt 2: spørg til netværket først",
        "Generel læring om tid",
        "Opsamling 1: vi prøver en ny tilgang",
        "Ikke besluttet",
        "Hvor tiden gik hen",
        "Taletid i runderne",
        "Ingen aftalte opfølgninger registreret.",
        "Hent referat som PDF",
        "Mødelokale Ærø",
    ):
        assert text in html, text
    assert SECRET not in html
    # A caseworker cannot run the meeting, so cannot send the minutes.
    assert "Send referat til deltagerne" not in html
    assert "<style" not in html and "style=" not in html


def test_the_leader_sees_the_send_button(client, world, finished):
    client.force_login(world.users["leader"])
    html = client.get(reverse("meetings:minutes", args=[finished.pk])).content.decode()
    assert "Send referat til deltagerne" in html
    assert reverse("meetings:minutes_email", args=[finished.pk]) in html


def test_the_page_of_an_unfinished_meeting_says_the_minutes_come_later(client, world):
    meeting = build_meeting(world, status=MeetingStatus.RUNNING)
    client.force_login(world.users["leader"])
    response = client.get(reverse("meetings:minutes", args=[meeting.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Referatet er klar, når mødet er afsluttet." in html
    assert "Hent referat som PDF" not in html
    assert "Send referat til deltagerne" not in html


def test_the_page_query_count_does_not_grow_with_the_agenda(
    client, world, django_assert_max_num_queries
):
    small = build_meeting(world, cases=1, title="Lille møde")
    large = build_meeting(world, cases=10, title="Stort møde")
    client.force_login(world.users["caseworker"])
    with django_assert_max_num_queries(20) as small_queries:
        assert client.get(reverse("meetings:minutes", args=[small.pk])).status_code == 200
    with django_assert_max_num_queries(len(small_queries.captured_queries)):
        response = client.get(reverse("meetings:minutes", args=[large.pk]))
    assert response.status_code == 200
    assert "Sag 10: Barn på 7 år" in response.content.decode()


# The PDF


def test_the_pdf_has_the_title_danish_letters_page_numbers_and_no_notes(client, world, finished):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("meetings:minutes_pdf", args=[finished.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="referat-teammoede-om-aeoeaa-og-aeoeaa-2026-03-05.pdf"'
    )
    text = pdf_text(response.content)
    assert "Teammøde om æøå og ÆØÅ" in text
    assert "side 1 af" in text
    assert "Testkommune" in text
    assert "Læringspunkt 1" in text
    assert "Ingen aftalte opfølgninger registreret." in text
    assert SECRET not in text


@pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.RUNNING])
def test_no_pdf_before_the_meeting_has_finished(client, world, status):
    meeting = build_meeting(world, status=status)
    client.force_login(world.users["leader"])
    assert client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code == 404


def test_a_long_table_repeats_its_header_and_counts_pages(world):
    meeting = build_meeting(world, cases=40, title="Langt møde")
    content = render_pdf(
        template_name="meetings/minutes/pdf.html",
        context={"minutes": minutes_for(meeting=meeting)},
    )
    reader = PdfReader(io.BytesIO(content))
    pages = len(reader.pages)
    assert pages > 2
    last = reader.pages[-1].extract_text()
    assert f"side {pages} af {pages}" in last
    table_pages = [page.extract_text() for page in reader.pages if "Runde" in page.extract_text()]
    assert sum("Planlagt (min.)" in text for text in table_pages) >= 2


# The renderer's resources


def test_the_pdf_fetcher_serves_the_apps_own_static_files():
    fetcher = StaticFilesOnlyFetcher(origins={BASE_URL.rstrip("/")})
    response = fetcher.fetch(f"{BASE_URL}static/css/app.css")
    assert response.read().startswith(b"/*")
    assert response.content_type == "text/css"
    assert str(static_path(f"{BASE_URL}static/css/app.css", origins={BASE_URL.rstrip("/")})) == (
        finders.find("css/app.css")
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/static/css/app.css",
        "http://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        "data:text/css,body{}",
        f"{BASE_URL}media/upload.png",
        f"{BASE_URL}static/../../config/settings.py",
        f"{BASE_URL}static/%2e%2e/%2e%2e/config/settings.py",
        f"{BASE_URL}static/css/does-not-exist.css",
        f"{BASE_URL}static/",
    ],
)
def test_the_pdf_fetcher_refuses_everything_else(url):
    fetcher = StaticFilesOnlyFetcher(origins={BASE_URL.rstrip("/")})
    with pytest.raises(ValueError):
        fetcher.fetch(url)


# Sending


def test_the_task_mails_each_participant_the_pdf(world, finished, mailoutbox):
    Participation.objects.create(meeting=finished, user=world.users["guest"], position=9)
    world.users["guest"].email = ""
    world.users["guest"].save()
    result = send_minutes.enqueue(meeting_id=finished.pk)
    assert result.status == "SUCCESSFUL", result.errors
    assert result.return_value == 3
    assert sorted(message.to[0] for message in mailoutbox) == [
        "caseworker2@example.dk",
        "caseworker@example.dk",
        "leader@example.dk",
    ]
    for message in mailoutbox:
        assert len(message.to) == 1
        assert message.subject == "Referat: Teammøde om æøå og ÆØÅ"
        assert SECRET not in message.body
        [(filename, content, mimetype)] = message.attachments
        assert filename.endswith(".pdf") and mimetype == "application/pdf"
        assert "Teammøde om æøå og ÆØÅ" in pdf_text(content)


def test_the_task_sends_nothing_for_an_unfinished_meeting(world, mailoutbox):
    meeting = build_meeting(world, status=MeetingStatus.RUNNING)
    result = send_minutes.enqueue(meeting_id=meeting.pk)
    assert result.return_value == 0
    assert mailoutbox == []


def test_tests_send_mail_through_locmem(settings):
    assert settings.MAILERS == {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    }


@pytest.mark.django_db(transaction=True)
def test_the_leader_sends_the_minutes_after_commit(client, world, finished, mailoutbox):
    client.force_login(world.users["leader"])
    response = client.post(reverse("meetings:minutes_email", args=[finished.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("meetings:minutes", args=[finished.pk])
    assert "Referatet er sendt til deltagerne." in response.content.decode()
    assert len(mailoutbox) == 3


def test_on_commit_enqueues_the_task(
    client, world, finished, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world.users["coordinator"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(reverse("meetings:minutes_email", args=[finished.pk]))
    assert response.status_code == 302
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 3


def test_the_minutes_of_an_unfinished_meeting_are_not_sent(client, world, mailoutbox):
    meeting = build_meeting(world, status=MeetingStatus.RUNNING)
    client.force_login(world.users["leader"])
    response = client.post(reverse("meetings:minutes_email", args=[meeting.pk]), follow=True)
    assert "Referatet kan først sendes, når mødet er afsluttet." in response.content.decode()
    assert mailoutbox == []


def test_a_caseworker_cannot_send_the_minutes(client, world, finished, mailoutbox):
    client.force_login(world.users["caseworker"])
    response = client.post(reverse("meetings:minutes_email", args=[finished.pk]))
    assert response.status_code == 403
    assert mailoutbox == []


def test_sending_needs_post(client, world, finished):
    client.force_login(world.users["leader"])
    assert client.get(reverse("meetings:minutes_email", args=[finished.pk])).status_code == 405


@pytest.mark.parametrize("who", ["other_leader", "other_caseworker", "outsider"])
@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("meetings:minutes", "get"),
        ("meetings:minutes_pdf", "get"),
        ("meetings:minutes_email", "post"),
    ],
)
def test_another_teams_user_gets_404(client, world, finished, mailoutbox, who, name, method):
    client.force_login(world.users[who])
    response = getattr(client, method)(reverse(name, args=[finished.pk]))
    assert response.status_code == 404
    assert mailoutbox == []
