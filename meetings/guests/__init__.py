"""Guests from outside the team, invited to one meeting by a link valid for that meeting only."""
