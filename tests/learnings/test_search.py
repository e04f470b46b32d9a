import pytest
from django.db import connection

from learnings.models import LearningPoint
from learnings.search import search_points

TEXTS = [
    "Aftal med jobkonsulenten, hvem der tager den første kontakt til virksomheden.",
    "En praktik skal have et klart formål, som virksomheden kender fra start.",
    "Ring til skolen, før vi svarer på en underretning.",
    "Ældre borgere skal inddrages tidligt i planen.",
]


@pytest.fixture
def points(world):
    for text in TEXTS:
        LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text=text)
    return LearningPoint.objects.filter(team=world.syd)


def found(queryset, query: str) -> set[str]:
    return {point.text for point in search_points(queryset, query)}


def test_an_empty_query_finds_everything(points):
    assert len(found(points, "   ")) == 4


def test_every_word_must_match(points):
    assert found(points, "virksomheden praktik") == {TEXTS[1]}
    assert found(points, "virksomheden kontakt") == {TEXTS[0]}


def test_danish_letters_match_whatever_the_case(points):
    assert found(points, "ældre") == {TEXTS[3]}
    assert found(points, "ÆLDRE") == {TEXTS[3]}


def test_words_in_another_form_are_found_on_postgresql(points):
    if connection.vendor != "postgresql":
        pytest.skip("stemming needs PostgreSQL's Danish configuration")
    assert found(points, "praktikker") == {TEXTS[1]}
    assert found(points, "underretninger") == {TEXTS[2]}


def test_nothing_is_found_for_a_word_that_is_not_there(points):
    assert found(points, "sygedagpenge") == set()
