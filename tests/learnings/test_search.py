"""search_points on whichever database runs the suite (SQLite here, PostgreSQL in CI)."""

import pytest
from django.db import connection

from learnings.models import LearningPoint
from learnings.search import search_points

TEXTS = [
    "Aftal med jobkonsulenten, hvem der tager den første kontakt til virksomheden.",
    "En praktik skal have et klart formål, som virksomheden kender fra start.",
    "Ring til skolen, før vi svarer på en underretning.",
    "Ældre borgere skal inddrages tidligt i planen.",
    "Husk at spørge til Økonomien, når familien flytter.",
]


@pytest.fixture
def points(world):
    for text in TEXTS:
        LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text=text)
    return LearningPoint.objects.filter(team=world.syd)


def found(queryset, query: str) -> set[str]:
    return {point.text for point in search_points(queryset, query)}


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_finds_everything(points, query):
    assert found(points, query) == set(TEXTS)


def test_a_single_word_is_found(points):
    assert found(points, "skolen") == {TEXTS[2]}


def test_every_word_must_match(points):
    assert found(points, "virksomheden praktik") == {TEXTS[1]}
    assert found(points, "virksomheden kontakt") == {TEXTS[0]}
    assert found(points, "virksomheden skolen") == set()


@pytest.mark.parametrize("query", ["ældre", "ÆLDRE", "Ældre", "æLDRE"])
def test_danish_letters_match_whatever_the_case(points, query):
    assert found(points, query) == {TEXTS[3]}


@pytest.mark.parametrize("query", ["økonomien", "ØKONOMIEN", "Økonomien"])
def test_a_capitalised_danish_word_in_the_text_is_found(points, query):
    assert found(points, query) == {TEXTS[4]}


def test_a_quoted_phrase_is_found(points):
    assert found(points, '"første kontakt"') == {TEXTS[0]}


def test_the_search_keeps_the_querysets_own_filter(points, world):
    LearningPoint.objects.create(
        team=world.nord, author=world.users["other_caseworker"], text="Ring til skolen"
    )
    assert found(points, "skolen") == {TEXTS[2]}


def test_nothing_is_found_for_a_word_that_is_not_there(points):
    assert found(points, "sygedagpenge") == set()


def test_words_in_another_form_are_found_on_postgresql(points):
    if connection.vendor != "postgresql":
        pytest.skip("stemming needs PostgreSQL's Danish configuration")
    assert found(points, "praktikker") == {TEXTS[1]}
    assert found(points, "underretninger") == {TEXTS[2]}
    assert found(points, "virksomhed") == {TEXTS[0], TEXTS[1]}


def test_the_best_match_comes_first_on_postgresql(points, world):
    if connection.vendor != "postgresql":
        pytest.skip("ranking needs PostgreSQL's full-text search")
    best = LearningPoint.objects.create(
        team=world.syd,
        author=world.users["caseworker"],
        text="Praktik, praktik, praktik: en praktik skal aftales med virksomheden.",
    )
    results = list(search_points(points, "praktik"))
    assert results[0] == best
    assert {point.text for point in results} == {best.text, TEXTS[1]}
