from tests.conftest import world  # noqa: F401  (the same people and teams as the tests)
