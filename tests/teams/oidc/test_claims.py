"""What the provider's claims say: the person's username, and whether they may come in."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teams.oidc.claims import USERNAME_MAX_LENGTH, grants_access, username


def test_the_username_is_the_claims_text_trimmed():
    assert username({"preferred_username": " anne@kommune.dk "}, "preferred_username") == (
        "anne@kommune.dk"
    )
    assert username({"upn": "anne"}, "upn") == "anne"


@pytest.mark.parametrize(
    "claims",
    [{}, {"upn": ""}, {"upn": "   "}, {"upn": None}, {"upn": 42}, {"upn": ["anne"]}],
)
def test_no_username_without_a_text_in_the_claim(claims):
    assert username(claims, "upn") is None


def test_a_username_longer_than_django_holds_is_none():
    assert username({"upn": "a" * USERNAME_MAX_LENGTH}, "upn") == "a" * USERNAME_MAX_LENGTH
    assert username({"upn": "a" * (USERNAME_MAX_LENGTH + 1)}, "upn") is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=8,
)


@given(value=JSON)
def test_any_claim_value_gives_a_username_or_none(value):
    result = username({"upn": value}, "upn")
    assert result is None or (result == result.strip() and 0 < len(result) <= 150)


@given(value=JSON, wanted=st.text(max_size=10))
def test_any_claim_value_grants_access_or_not_without_failing(value, wanted):
    assert grants_access({"groups": value}, "groups", wanted) in (True, False)


def test_everyone_has_access_when_no_claim_is_required():
    assert grants_access({}, "", "")
    assert grants_access({"groups": []}, "", "teamlaering")


@pytest.mark.parametrize(
    ("held", "granted"),
    [
        (["alle", "teamlaering"], True),
        (["alle"], False),
        ([], False),
        ("teamlaering", True),
        ("alle teamlaering", True),
        ("teamlaering-admin", False),
        (None, False),
        (True, False),
    ],
)
def test_a_group_or_role_must_be_among_the_claims_values(held, granted):
    assert grants_access({"roles": held}, "roles", "teamlaering") is granted


def test_a_missing_claim_grants_nothing():
    assert not grants_access({}, "roles", "teamlaering")


@pytest.mark.parametrize(
    ("held", "granted"), [(True, True), ("true", True), (False, False), ("ja", False), (1, False)]
)
def test_a_claim_without_a_value_must_be_true(held, granted):
    assert grants_access({"teamlaering_access": held}, "teamlaering_access", "") is granted
