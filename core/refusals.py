"""The refusal every service raises when a write cannot be made."""


class Refused(Exception):
    """A write that cannot be made: the message says why, in the user's language, and the view
    shows it next to what the user did. Nothing has been changed when it is raised."""
