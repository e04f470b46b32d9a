"""Feedback on a published product: readers say whether they use it and what is missing; its
editors see it on the product and start the next draft from it."""

import pytest
from django.urls import reverse

from products.feedback import services
from products.models import ProductFeedback, ProductKind
from products.personal_data import personal_data
from products.services import ProductRefused
from tests.products.conftest import make_product


def give(
    world, product, who="caseworker", used="partly", missing="Et eksempel med en lille virksomhed."
):
    return services.feedback_give(
        product=product, author=world.users[who], used=used, missing=missing
    )


def test_a_caseworker_gives_feedback_on_the_product_page(client, world):
    product = make_product(world)
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("products:detail", args=[product.pk])).content.decode()
    assert "Giv feedback" in page and "Feedback fra brugerne" not in page
    response = client.post(
        reverse("products:feedback", args=[product.pk]),
        {"used": "partly", "missing": "Hvornår jobkonsulenten skal med."},
    )
    assert response["Location"] == reverse("products:detail", args=[product.pk])
    (feedback,) = ProductFeedback.objects.all()
    assert (feedback.author, feedback.version.number) == (world.users["caseworker"], 1)


def test_a_cpr_number_is_refused_next_to_the_field_and_the_text_kept(client, world):
    product = make_product(world)
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("products:feedback", args=[product.pk]),
        {"used": "no", "missing": "Som hos 010203-1234 mangler det"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "CPR-nummer" in html and "mangler det" in html and "<html" not in html
    assert not ProductFeedback.objects.exists()


def test_an_unpublished_product_gets_no_feedback(world):
    product = make_product(world, publish=False)
    with pytest.raises(ProductRefused):
        give(world, product)


def test_other_organisations_do_not_see_the_product(client, world):
    product = make_product(world)
    client.force_login(world.users["outsider"])
    url = reverse("products:feedback", args=[product.pk])
    assert client.post(url, {"used": "yes"}).status_code == 404


def test_the_responsible_sees_the_feedback_and_starts_a_draft_from_it(
    client, world, django_assert_max_num_queries
):
    product = make_product(world)
    feedback = give(world, product)
    client.force_login(world.users["coordinator"])
    url = reverse("products:detail", args=[product.pk])
    with django_assert_max_num_queries(15):
        page = client.get(url).content.decode()
    assert "Et eksempel med en lille virksomhed." in page
    assert world.users["caseworker"].display_name in page
    response = client.post(reverse("products:feedback_draft", args=[product.pk, feedback.pk]))
    assert response["Location"] == reverse("products:edit", args=[product.pk])
    product.refresh_from_db()
    assert product.has_unpublished_changes
    section = product.draft["sections"][-1]
    assert section["title"] == "Feedback at arbejde videre med"
    assert "Et eksempel med en lille virksomhed." in section["text"]
    feedback.refresh_from_db()
    assert feedback.taken_up_by == world.users["coordinator"]
    page = client.get(url).content.decode()
    assert "Taget op i kladden" in page


def test_a_referral_form_gets_the_feedback_after_its_purpose(world):
    product = make_product(
        world,
        kind=ProductKind.REFERRAL_FORM,
        content={"purpose": "Henvisning.", "fields": [{"label": "Borgerens mål", "guidance": []}]},
    )
    feedback = give(world, product, missing="Et felt til tidligere forløb.")
    services.product_draft_from_feedback(feedback=feedback, user=world.users["coordinator"])
    product.refresh_from_db()
    assert product.draft["purpose"].startswith("Henvisning.")
    assert "Et felt til tidligere forløb." in product.draft["purpose"]


def test_feedback_is_taken_up_once(world):
    product = make_product(world)
    feedback = give(world, product)
    services.product_draft_from_feedback(feedback=feedback, user=world.users["coordinator"])
    with pytest.raises(ProductRefused):
        services.product_draft_from_feedback(feedback=feedback, user=world.users["coordinator"])
    product.refresh_from_db()
    assert len(product.draft["sections"]) == 3


def test_only_the_editors_start_a_draft_from_feedback(client, world):
    product = make_product(world)
    feedback = give(world, product)
    client.force_login(world.users["caseworker"])
    url = reverse("products:feedback_draft", args=[product.pk, feedback.pk])
    assert client.post(url).status_code == 403
    page = client.get(reverse("products:detail", args=[product.pk])).content.decode()
    assert "Start ny kladde ud fra feedbacken" not in page
    feedback.refresh_from_db()
    assert feedback.taken_up_at is None


def test_the_person_gets_their_feedback_in_their_data(world):
    give(world, make_product(world))
    (mine,) = personal_data(world.users["caseworker"])["product_feedback"]
    assert mine["used"] == "Delvist" and mine["version"] == 1


@pytest.mark.django_db
def test_the_demo_guideline_has_feedback_from_the_caseworkers(settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    feedback = ProductFeedback.objects.all()
    assert feedback.count() == 3
    assert {item.used for item in feedback} == {"yes", "partly", "no"}
