"""A meeting as a calendar invitation (.ics) to download."""
