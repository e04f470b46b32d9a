"""A team's meeting formats: the built-in ones to copy, and the team's own to adjust."""
