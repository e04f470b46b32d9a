"""Two people edit the same case at once: the second save is refused with both texts in view,
the typed text kept, and saving again is a deliberate choice."""

from datetime import timedelta

from django.utils import timezone

from cases.models import Case
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, make_case, make_meeting


def test_the_second_editor_sees_both_texts_and_saves_again(new_page, world):
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=7),
    )
    case = make_case(meeting=meeting, user=users["caseworker"], timeline=[], genogram=[])
    caseworker, leader = new_page(), new_page()
    log_in(caseworker, "caseworker", PASSWORD)
    log_in(leader, "leader", PASSWORD)
    for page in (caseworker, leader):
        page.goto(f"/sager/{case.pk}/rediger/")
    leader.get_by_role("textbox", name="Baggrund", exact=True).fill("Lederens baggrund.")
    leader.get_by_role("button", name="Gem sag").click()
    leader.get_by_text("Sagen er gemt.").wait_for()

    background = caseworker.get_by_role("textbox", name="Baggrund", exact=True)
    background.fill("Min egen baggrund.")
    caseworker.get_by_role("button", name="Gem sag").click()
    caseworker.get_by_text("har gemt sagen, efter du begyndte at rette i den").wait_for()
    saved = caseworker.get_by_role("region", name="Sagen, som")
    assert "Lederens baggrund." in saved.inner_text()
    assert background.input_value() == "Min egen baggrund."
    assert serious_violations(caseworker) == []
    assert Case.objects.get(pk=case.pk).background == "Lederens baggrund."

    caseworker.get_by_role("button", name="Gem sag").click()
    caseworker.get_by_text("Sagen er gemt.").wait_for()
    assert Case.objects.get(pk=case.pk).background == "Min egen baggrund."
