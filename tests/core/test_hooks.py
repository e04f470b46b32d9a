"""core.hooks: what a higher app registers is called in order, once, and gathered per region."""

from core.hooks import Contribution, Hook, gather


def test_entries_are_called_in_the_order_registered_and_registering_twice_adds_nothing():
    hook: Hook[str] = Hook("test.names")
    assert not hook
    hook.register("first")
    hook.register("second")
    hook.register("first")
    assert list(hook) == ["first", "second"]
    assert hook


def test_register_works_as_a_decorator_and_returns_the_function():
    hook = Hook("test.functions")

    @hook.register
    def double(value: int) -> int:
        return value * 2

    assert double(2) == 4
    assert [function(3) for function in hook] == [6]


def test_gather_merges_contributions_by_region_and_skips_those_that_add_nothing():
    hook = Hook("test.page")
    hook.register(lambda subject: Contribution(templates={"aside": "a.html"}, context={"a": 1}))
    hook.register(lambda subject: None)
    hook.register(
        lambda subject: Contribution(
            templates={"aside": "b.html", "after": "c.html"}, context={"b": subject}
        )
    )
    regions, context = gather(hook, "the meeting")
    assert regions == {"aside": ["a.html", "b.html"], "after": ["c.html"]}
    assert context == {"a": 1, "b": "the meeting"}


def test_gather_on_an_empty_hook_adds_nothing():
    assert gather(Hook("test.empty"), object()) == ({}, {})
