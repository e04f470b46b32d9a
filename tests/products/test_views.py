import pytest
from django.urls import reverse

from products import services
from products.models import Product, ProductKind
from tests.factories import make_meeting
from tests.products.conftest import edit_data, make_product

# The list


def test_list_shows_published_products_to_the_whole_organisation(client, world, guideline):
    make_product(world, title="Hemmelig kladde", publish=False)
    for who in ("caseworker", "guest", "other_caseworker", "department_leader"):
        client.force_login(world.users[who])
        html = client.get(reverse("products:list")).content.decode()
        assert "Virksomhedspraktik efter LAB § 42" in html, who
        assert "Hemmelig kladde" not in html, who
    client.force_login(world.users["outsider"])
    assert "Virksomhedspraktik" not in client.get(reverse("products:list")).content.decode()


def test_editors_see_unpublished_products_in_the_list(client, world):
    make_product(world, title="Hemmelig kladde", publish=False)
    for who in ("coordinator", "leader"):
        client.force_login(world.users[who])
        html = client.get(reverse("products:list")).content.decode()
        assert "Hemmelig kladde" in html
        assert "Ikke udgivet" in html
        assert "Nyt produkt" in html


def test_list_search_and_filters(client, world, guideline):
    make_product(
        world,
        kind=ProductKind.WORK_PROCEDURE,
        title="Arbejdsgang for sparring",
        content={"to": "Team Nord", "purpose": "Sparring om sager"},
        team="nord",
        responsible="other_leader",
        themes=["Sparring"],
    )
    make_product(
        world,
        kind=ProductKind.REFERRAL_FORM,
        title="Henvisning til jobkonsulent",
        content={"fields": [{"label": "Dato", "guidance": []}]},
        team=None,
        responsible="department_leader",
        themes=["Samarbejde"],
    )
    client.force_login(world.users["caseworker"])

    def titles(**query) -> set[str]:
        response = client.get(reverse("products:list"), query)
        return {product.title for product in response.context["products"]}

    everything = {
        "Virksomhedspraktik efter LAB § 42",
        "Arbejdsgang for sparring",
        "Henvisning til jobkonsulent",
    }
    assert titles() == everything
    assert titles(q="ærøskøbing") == {"Virksomhedspraktik efter LAB § 42"}
    assert titles(q="ÆRØSKØBING lab") == {"Virksomhedspraktik efter LAB § 42"}
    assert titles(q="sparring sager") == {"Arbejdsgang for sparring"}
    assert titles(kind="referral_form") == {"Henvisning til jobkonsulent"}
    assert titles(team=str(world.nord.pk)) == {"Arbejdsgang for sparring"}
    assert titles(team="org") == {"Henvisning til jobkonsulent"}
    assert titles(theme="Virksomhedspraktik") == {"Virksomhedspraktik efter LAB § 42"}
    assert titles(theme="virksomhed") == everything  # not a known theme: ignored
    assert titles(kind="ukendt") == everything


def test_list_query_count_does_not_grow_with_the_number_of_products(
    client, world, django_assert_max_num_queries
):
    make_product(world, title="Produkt 0")
    client.force_login(world.users["caseworker"])
    url = reverse("products:list")
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url, {"q": "produkt"})
    for number in range(1, 13):
        make_product(
            world,
            title=f"Produkt {number}",
            team="nord" if number % 2 else "syd",
            themes=[f"Tema {number}"],
            publish=number % 3 != 0,
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url, {"q": "produkt"})
    assert len(response.context["products"]) == 9


# Creating


def test_coordinator_creates_a_product_and_goes_on_to_the_draft(client, world):
    client.force_login(world.users["coordinator"])
    response = client.get(reverse("products:create"))
    assert response.status_code == 200
    choices = dict(response.context["form"].fields["place"].choices)
    assert choices == {f"team:{world.syd.pk}": "Team Syd"}
    response = client.post(
        reverse("products:create"),
        {
            "kind": "work_procedure",
            "title": "Arbejdsgang ved tværfaglige møder",
            "place": f"team:{world.syd.pk}",
            "responsible": world.users["coordinator"].pk,
            "themes": "Sparring, Tværfaglighed",
        },
    )
    product = Product.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("products:edit", args=[product.pk])
    assert (product.team, product.kind, product.themes) == (
        world.syd,
        "work_procedure",
        ["Sparring", "Tværfaglighed"],
    )
    assert product.latest_version is None


def test_a_new_product_can_start_from_a_meeting(client, world):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    client.force_login(world.users["leader"])
    url = reverse("products:create") + f"?moede={meeting.pk}"
    assert "Teammøde" in client.get(url).content.decode()
    client.post(
        url,
        {
            "kind": "guideline",
            "title": "Fra mødet",
            "place": f"team:{world.syd.pk}",
            "responsible": world.users["coordinator"].pk,
        },
    )
    product = Product.objects.get()
    assert list(product.source_meetings.all()) == [meeting]
    assert list(meeting.products.all()) == [product]


def test_a_source_in_the_query_that_is_no_id_is_left_out(client, world):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    client.force_login(world.users["leader"])
    hostile = "&".join(
        f"{key}={value}"
        for key in ("moede", "laeringspunkt", "opsamlingspunkt")
        for value in ("%C2%B2", "%EF%BC%91", "9" * 30)
    )
    response = client.get(reverse("products:create") + f"?moede={meeting.pk}&{hostile}")
    assert response.status_code == 200
    assert "Teammøde" in response.content.decode()


def test_only_department_leaders_create_organisation_wide_products(client, world):
    client.force_login(world.users["department_leader"])
    organisation = world.syd.organisation
    response = client.post(
        reverse("products:create"),
        {
            "kind": "referral_form",
            "title": "Fælles henvisning",
            "place": f"org:{organisation.pk}",
            "responsible": world.users["coordinator"].pk,
        },
    )
    assert response.status_code == 302
    assert Product.objects.get().team is None
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("products:create"),
        {
            "kind": "guideline",
            "title": "Forsøg",
            "place": f"org:{organisation.pk}",
            "responsible": world.users["leader"].pk,
        },
    )
    assert response.status_code == 200
    assert "place" in response.context["form"].errors


def test_the_responsible_person_must_belong_to_the_organisation(client, world):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("products:create"),
        {
            "kind": "guideline",
            "title": "Forsøg",
            "place": f"team:{world.syd.pk}",
            "responsible": world.users["outsider"].pk,
        },
    )
    assert response.status_code == 200
    assert not Product.objects.exists()


# Editing the draft


def test_edit_saves_the_draft_and_leaves_the_version_alone(client, world, guideline):
    client.force_login(world.users["leader"])
    url = reverse("products:edit", args=[guideline.pk])
    page = client.get(url).content.decode()
    assert "Indhold, afsnit 1" in page and "Afsnit 3 (nyt)" in page
    response = client.post(
        url,
        edit_data(
            guideline,
            **{
                "sections-1-body": "Ny tekst om å og ø.",
                "sections-2-title": "Nyt afsnit",
                "sections-2-body": "Helt nyt.",
                "tools": "DOK-1 | Vejledning til borgeren\nDOK-2 | Plan",
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("products:draft", args=[guideline.pk])
    product = Product.objects.get(pk=guideline.pk)
    assert [section["title"] for section in product.draft["sections"]] == [
        "Anvendelse",
        "Pejlemærker",
        "Nyt afsnit",
    ]
    assert product.draft["sections"][1]["text"] == "Ny tekst om å og ø."
    assert product.draft["tools"][1] == {"number": "DOK-2", "title": "Plan"}
    assert product.draft["sections"][0] == guideline.draft["sections"][0]
    assert product.latest_version.content["sections"][1]["text"] == "Første linje.\nAnden linje."
    assert product.has_unpublished_changes


def test_sections_can_be_reordered_and_deleted(client, world, guideline):
    client.force_login(world.users["coordinator"])
    client.post(
        reverse("products:edit", args=[guideline.pk]),
        edit_data(guideline, **{"sections-0-ORDER": "5", "sections-1-ORDER": "1"}),
    )
    product = Product.objects.get(pk=guideline.pk)
    assert [section["title"] for section in product.draft["sections"]] == [
        "Pejlemærker",
        "Anvendelse",
    ]
    client.post(
        reverse("products:edit", args=[guideline.pk]),
        edit_data(product, **{"sections-0-DELETE": "on"}),
    )
    product = Product.objects.get(pk=guideline.pk)
    assert [section["title"] for section in product.draft["sections"]] == ["Anvendelse"]


def test_invalid_input_shows_danish_errors_and_keeps_what_was_typed(client, world, guideline):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("products:edit", args=[guideline.pk]),
        edit_data(
            guideline,
            **{
                "sections-0-body": "Afklaring | For få celler",
                "sections-1-body": "Borger med CPR 040315-1234 i teksten",
                "references": "Roman | Noget",
                "purpose": "Mit nye formål",
            },
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Linje 1 har 2 celler, men tabellen har 4 kolonner" in html
    assert "CPR-nummer" in html
    assert "typen skal være en af" in html
    assert "Mit nye formål" in html
    assert Product.objects.get(pk=guideline.pk).draft == guideline.draft


def test_a_stale_save_is_refused_with_both_texts_shown(client, world, guideline):
    url = reverse("products:edit", args=[guideline.pk])
    leader_form = edit_data(guideline, **{"sections-1-body": "Lederens nye linje."})
    coordinator_form = edit_data(guideline, **{"sections-1-body": "Koordinatorens nye linje."})
    client.force_login(world.users["leader"])
    assert client.post(url, leader_form).status_code == 302
    client.force_login(world.users["coordinator"])
    response = client.post(url, coordinator_form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "har gemt kladden, efter du begyndte at rette i den" in html
    assert "Lederens nye linje." in html  # the draft as it is now
    assert "Koordinatorens nye linje." in html  # what this person typed, kept in the form
    assert "Fjernet:" in html and "Tilføjet:" in html
    product = Product.objects.get(pk=guideline.pk)
    assert product.draft["sections"][1]["text"] == "Lederens nye linje."
    assert product.draft_updated_by == world.users["leader"]
    # The form now carries the current revision: saving again is a deliberate overwrite.
    assert response.context["form"]["revision"].value() == str(product.draft_revision)


def test_a_referral_form_is_edited_as_lines(client, world):
    product = make_product(
        world,
        kind=ProductKind.REFERRAL_FORM,
        title="Henvisning",
        content={"fields": [{"label": "Dato", "guidance": []}]},
    )
    client.force_login(world.users["coordinator"])
    url = reverse("products:edit", args=[product.pk])
    assert "sections-TOTAL_FORMS" not in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "revision": product.draft_revision,
            "title": "Henvisning til jobkonsulent",
            "purpose": "Udfyld kort.",
            "fields_text": "Dato\n\nSkånehensyn\n- Nedsat tid?\n- Pauser?",
        },
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.draft["fields"][1] == {
        "label": "Skånehensyn",
        "guidance": ["Nedsat tid?", "Pauser?"],
    }
    assert product.title == "Henvisning til jobkonsulent"


# Publishing and reading versions


def test_publishing_creates_the_next_version_and_the_old_one_stays_readable(
    client, world, guideline
):
    client.force_login(world.users["coordinator"])
    client.post(
        reverse("products:edit", args=[guideline.pk]),
        edit_data(guideline, **{"sections-1-body": "Anden udgave af teksten."}),
    )
    product = Product.objects.get(pk=guideline.pk)
    draft_page = client.get(reverse("products:draft", args=[product.pk])).content.decode()
    assert "Udgivelsen bliver version 2" in draft_page
    response = client.post(
        reverse("products:publish", args=[product.pk]),
        {"revision": product.draft_revision, "change_note": "Teksten er skrevet om."},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("products:version", args=[product.pk, 2])
    client.force_login(world.users["other_caseworker"])
    page = client.get(response["Location"]).content.decode()
    assert "Anden udgave af teksten." in page
    assert "Hent PDF" in page
    assert "Teksten er skrevet om." in page
    old = client.get(reverse("products:version", args=[product.pk, 1])).content.decode()
    assert "Første linje." in old and "Anden udgave" not in old
    assert "Dette er en tidligere version" in old
    diff = client.get(reverse("products:diff", args=[product.pk])).content.decode()
    assert "Fjernet:</span> Første linje." in diff
    assert "Tilføjet:</span> Anden udgave af teksten." in diff


def test_publishing_without_a_change_note_shows_the_error(client, world, guideline):
    product = services.product_save_draft(
        product=guideline,
        user=world.users["coordinator"],
        revision=guideline.draft_revision,
        title="Ny titel",
        content=guideline.draft,
    )
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("products:publish", args=[product.pk]),
        {"revision": product.draft_revision, "change_note": ""},
    )
    assert response.status_code == 200
    assert "Skriv en ændringsnote" in response.content.decode()
    assert guideline.versions.count() == 1


def test_publishing_an_unchanged_draft_explains_why_not(client, world, guideline):
    client.force_login(world.users["coordinator"])
    response = client.post(
        reverse("products:publish", args=[guideline.pk]),
        {"revision": guideline.draft_revision, "change_note": "Igen"},
        follow=True,
    )
    assert "uændret siden version 1" in response.content.decode()


def test_editors_compare_the_draft_with_the_published_version(client, world, guideline):
    services.product_save_draft(
        product=guideline,
        user=world.users["coordinator"],
        revision=guideline.draft_revision,
        title=guideline.title,
        content={**guideline.draft, "legal_basis": "LAB § 42 og § 43."},
    )
    client.force_login(world.users["coordinator"])
    html = client.get(
        reverse("products:diff", args=[guideline.pk]), {"fra": 1, "til": "kladde"}
    ).content.decode()
    assert 'Tilføjet:</span> LAB § 42 <strong class="diff-word">og § 43.</strong>' in html
    client.force_login(world.users["caseworker"])
    response = client.get(
        reverse("products:diff", args=[guideline.pk]), {"fra": 1, "til": "kladde"}
    )
    assert "LAB § 42 og § 43." not in response.content.decode()
    assert response.context["form"].errors


# Who sees what


def test_drafts_do_not_leak(client, world, guideline, unpublished):
    client.force_login(world.users["caseworker"])
    assert client.get(reverse("products:draft", args=[guideline.pk])).status_code == 404
    assert client.get(reverse("products:edit", args=[guideline.pk])).status_code == 403
    assert client.get(reverse("products:detail", args=[unpublished.pk])).status_code == 404
    assert client.get(reverse("products:edit", args=[unpublished.pk])).status_code == 404
    detail = client.get(reverse("products:detail", args=[guideline.pk])).content.decode()
    assert "Rediger kladde" not in detail


def test_the_responsible_person_edits_without_leading_the_team(client, world):
    product = make_product(world, responsible="caseworker", publish=False)
    client.force_login(world.users["caseworker"])
    assert client.get(reverse("products:edit", args=[product.pk])).status_code == 200
    client.force_login(world.users["caseworker2"])
    assert client.get(reverse("products:edit", args=[product.pk])).status_code == 404


def test_organisation_wide_drafts_are_edited_by_department_leaders(client, world):
    product = make_product(world, team=None, responsible="caseworker")
    client.force_login(world.users["department_leader"])
    assert client.get(reverse("products:edit", args=[product.pk])).status_code == 200
    client.force_login(world.users["leader"])
    assert client.get(reverse("products:edit", args=[product.pk])).status_code == 403
    assert client.get(reverse("products:version", args=[product.pk, 1])).status_code == 200


def test_unknown_versions_answer_404(client, world, guideline):
    client.force_login(world.users["caseworker"])
    assert client.get(reverse("products:version", args=[guideline.pk, 9])).status_code == 404
    assert client.get(reverse("products:version_pdf", args=[guideline.pk, 9])).status_code == 404


# Traceability


def test_product_and_meeting_link_both_ways(client, world, guideline):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    guideline.source_meetings.add(meeting)
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("products:detail", args=[guideline.pk])).content.decode()
    assert reverse("meetings:detail", args=[meeting.pk]) in html
    client.force_login(world.users["other_caseworker"])
    html = client.get(reverse("products:detail", args=[guideline.pk])).content.decode()
    assert reverse("meetings:detail", args=[meeting.pk]) not in html  # another team's meeting

    client.force_login(world.users["caseworker"])
    back = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert reverse("products:detail", args=[guideline.pk]) in back
    assert "Virksomhedspraktik efter LAB § 42" in back


def test_the_editor_links_sources(client, world, guideline):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    client.force_login(world.users["coordinator"])
    data = edit_data(guideline)
    data["source_meetings"] = [meeting.pk]
    assert client.post(reverse("products:edit", args=[guideline.pk]), data).status_code == 302
    assert list(guideline.source_meetings.all()) == [meeting]


@pytest.mark.parametrize("language", ["da", "en"])
def test_pages_render_for_both_languages(client, world, guideline, language):
    user = world.users["coordinator"]
    user.language = language
    user.save()
    client.force_login(user)
    for name, args in [
        ("products:list", []),
        ("products:detail", [guideline.pk]),
        ("products:draft", [guideline.pk]),
        ("products:edit", [guideline.pk]),
        ("products:version", [guideline.pk, 1]),
        ("products:diff", [guideline.pk]),
        ("products:create", []),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 200, name


def test_the_admin_shows_products_with_read_only_versions(client, world, guideline):
    from teams.models import User

    admin = User.objects.create_superuser("produktadmin", "a@example.dk", "x-adgangskode-1")
    client.force_login(admin)
    assert client.get(reverse("admin:products_product_changelist")).status_code == 200
    page = client.get(reverse("admin:products_product_change", args=[guideline.pk]))
    assert page.status_code == 200
    assert "Første version." in page.content.decode()
    assert client.get(reverse("admin:products_product_add")).status_code == 403
