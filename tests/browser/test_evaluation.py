"""Evaluation in Chromium: a participant checks out after a meeting from "Følg møde", and the
leader sees the result per meeting (none below three answers) and over time; a caseworker gives
feedback on a published product, and its responsible person sees it on the product and starts a
new draft from it. On the demo data, which has check-outs and product feedback."""

from playwright.sync_api import expect

from meetings.models import CheckOut, Meeting, MeetingStatus
from products.demo import GUIDELINE_TITLE
from products.models import Product, ProductFeedback
from teams.demo import DEMO_PASSWORD
from tests.browser.conftest import load_demo, log_in, serious_violations

LINE = "Runden gav mig et nyt greb til næste samtale"
MISSING = "En skabelon til aftalen med virksomheden"


def test_a_participant_checks_out_and_the_leader_sees_the_result(new_page, transactional_db):
    load_demo()
    # The oldest held meeting has two answers: its results are withheld until a third.
    meeting = (
        Meeting.objects.filter(team__slug="team-syd", status=MeetingStatus.FINISHED)
        .order_by("starts_at")
        .first()
    )
    answered = set(meeting.check_outs.values_list("user_id", flat=True))
    assert len(answered) == 2
    person = next(
        person
        for person in meeting.participants.exclude(pk__in=answered)
        if person.username != "leder"
    )

    leader = new_page()
    log_in(leader, "leder", DEMO_PASSWORD)
    leader.goto(f"/moeder/{meeting.pk}/")
    results = leader.get_by_role("region", name="Deltagernes tjek-ud")
    results.get_by_text("Resultaterne vises først ved mindst tre svar").wait_for()
    assert results.get_by_role("table").count() == 0

    page = new_page(width=390, height=844)
    log_in(page, person.username, DEMO_PASSWORD)
    page.goto(f"/moeder/{meeting.pk}/foelg/")
    page.get_by_role("heading", name="Mødet er afsluttet").wait_for()
    page.get_by_role("link", name="Tjek-ud").click()
    page.get_by_role("heading", name="Tjek-ud", level=1).wait_for()
    assert serious_violations(page) == []
    page.get_by_role("radio", name="4 - meget").check()
    page.get_by_role("textbox", name="Én linje om mødet").fill(LINE)
    page.get_by_role("button", name="Gem tjek-ud").click()
    page.get_by_text("Tak! Dit tjek-ud er gemt.").wait_for()
    page.get_by_text("Du har svaret. Du kan rette dit svar.").wait_for()
    assert CheckOut.objects.get(meeting=meeting, user=person).usefulness == 4

    leader.reload()
    results = leader.get_by_role("region", name="Deltagernes tjek-ud")
    results.get_by_text("3 svar · gennemsnit").wait_for()
    expect(results.get_by_text(LINE)).to_be_visible()
    expect(results.get_by_role("table", name="Antal svar pr. værdi")).to_be_visible()
    assert serious_violations(leader) == []

    results.get_by_role("link", name="Evaluering over tid").click()
    leader.get_by_role("heading", name="Evaluering af møderne i Team Syd", level=1).wait_for()
    months = leader.get_by_role("table", name="Tjek-ud pr. måned")
    assert months.get_by_role("row").count() >= 2
    per_meeting = leader.get_by_role("region", name="Pr. møde")
    expect(per_meeting.get_by_role("link", name=meeting.title).first).to_be_visible()
    expect(per_meeting.get_by_text(LINE)).to_be_visible()
    assert serious_violations(leader) == []


def test_a_caseworker_gives_feedback_and_the_responsible_starts_a_draft_from_it(
    new_page, transactional_db
):
    load_demo()
    guideline = Product.objects.get(title=GUIDELINE_TITLE)
    given = guideline.feedback.count()

    page = new_page(width=390, height=844)
    log_in(page, "sagsbehandler2", DEMO_PASSWORD)
    page.goto(f"/produkter/{guideline.pk}/")
    page.get_by_role("heading", name=GUIDELINE_TITLE, level=1).wait_for()
    form = page.get_by_role("region", name="Giv feedback")
    form.get_by_role("radio", name="Delvist").check()
    form.get_by_role("textbox", name="Hvad mangler?").fill(MISSING)
    assert serious_violations(page) == []
    form.get_by_role("button", name="Send feedback").click()
    page.get_by_text("Tak for din feedback. Produktets ansvarlige kan se den.").wait_for()
    assert guideline.feedback.count() == given + 1

    responsible = new_page()
    log_in(responsible, guideline.responsible.username, DEMO_PASSWORD)
    responsible.goto(f"/produkter/{guideline.pk}/")
    feedback = responsible.get_by_role("region", name="Feedback fra brugerne")
    item = feedback.get_by_role("listitem").filter(has_text=MISSING)
    expect(item.get_by_text("Bo Sønderby")).to_be_visible()
    assert serious_violations(responsible) == []
    item.get_by_role("button", name="Start ny kladde ud fra feedbacken").click()
    responsible.get_by_text("Feedbacken er sat ind i kladden. Skriv den ind i teksten.").wait_for()
    # The draft's new section, with what is missing, for the editors to work in.
    assert responsible.get_by_role("textbox").filter(has_text=MISSING).count() == 1
    taken = ProductFeedback.objects.get(product=guideline, missing=MISSING)
    assert taken.taken_up_by == guideline.responsible
    draft = Product.objects.get(pk=guideline.pk).draft
    assert any(MISSING in section.get("text", "") for section in draft["sections"])

    responsible.goto(f"/produkter/{guideline.pk}/")
    feedback = responsible.get_by_role("region", name="Feedback fra brugerne")
    item = feedback.get_by_role("listitem").filter(has_text=MISSING)
    item.get_by_text("Taget op i kladden").wait_for()
    assert item.get_by_role("button").count() == 0
