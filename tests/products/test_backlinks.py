from django.urls import reverse

from learnings.models import Decision, LearningPoint, Theme
from products.models import Product
from rollups import services as rollup_services
from tests.factories import make_meeting


def test_a_change_decision_can_start_a_product_draft_that_links_both_ways(client, world):
    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["leader"]]
    )
    theme = Theme.objects.create(team=world.syd, name="virksomhedspraktik")
    point = LearningPoint.objects.create(
        team=world.syd, meeting=meeting, author=users["caseworker"], text="Praktik med formål."
    )
    point.themes.add(theme)
    rollup = rollup_services.rollup_start(team=world.syd, user=users["leader"])
    item = rollup.items.get()
    client.force_login(users["leader"])
    response = client.post(
        reverse("rollups:rollup_decide", args=[rollup.pk, item.pk]),
        {
            f"item-{item.pk}-decision": Decision.CHANGE,
            f"item-{item.pk}-justification": "Vi skriver en retningslinje.",
            f"item-{item.pk}-owner": users["coordinator"].pk,
            f"item-{item.pk}-due_date": "2030-01-01",
            f"item-{item.pk}-product_draft": "on",
        },
        follow=True,
    )
    assert "Et udkast til et produkt er oprettet" in response.content.decode()
    product = Product.objects.get()
    assert product.responsible == users["coordinator"]
    assert list(product.source_rollup_items.all()) == [item]
    assert list(product.source_learning_points.all()) == [point]
    assert list(product.source_meetings.all()) == [meeting]
    client.force_login(users["coordinator"])
    rollup_page = client.get(reverse("rollups:rollup_detail", args=[rollup.pk]))
    assert "Produkter, der bygger på dette" in rollup_page.content.decode()
    meeting_page = client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert reverse("products:detail", args=[product.pk]) in meeting_page.content.decode()
