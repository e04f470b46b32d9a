from tests.conftest import World
from tests.factories import make_visit


def syd_visit(world: World, *, checked_in: bool = False, closed: bool = False):
    """Team Syd's caseworker follows its leader (yesterday); checked in or closed when asked."""
    return make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["leader"],
        checked_in=checked_in,
        closed=closed,
    )
