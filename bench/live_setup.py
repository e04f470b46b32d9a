"""The data of the live meeting room's load benchmark, in its own PostgreSQL database.

Run by bench/live_load.py before each run (or by hand):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/teamlaering_bench \
    DJANGO_SECRET_KEY=… DJANGO_SETTINGS_MODULE=bench.live_settings \
    .venv/bin/python -m bench.live_setup --screens 3000 --out /tmp/live.json

Creates the database if it is missing, migrates it and collects the static files; then, once,
an organisation of TEAMS teams, each with a leader and MEMBERS caseworkers; and on every run
MEETINGS fresh running meetings (the built-in "Teamsparring om enkeltsager" format, three cases,
the leader facilitating, eight participants), one per team, and fresh signed-in sessions: one
per screen (a member of the meeting's team), one per meeting's facilitator and one per browser.
The sessions are written straight to the session table, as a login would leave them, since
logging 3,000 people in through the form would time the password hasher. Writes the meetings
and sessions as JSON for the load client.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg

TEAMS = 70
# Screens per meeting at most (3,000 screens over 70 meetings need 43), plus one browser each.
MEMBERS = 44
PARTICIPANTS = 8
PREFIX = "bench-"


def ensure_database(url: str) -> None:
    config = dj_database_url.parse(url)
    params = {
        "host": config.get("HOST") or "127.0.0.1",
        "port": config.get("PORT") or 5432,
        "user": config.get("USER") or "postgres",
        "dbname": "postgres",
        "autocommit": True,
    }
    if config.get("PASSWORD"):
        params["password"] = config["PASSWORD"]
    with psycopg.connect(**params) as connection:  # type: ignore[arg-type]
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{config["NAME"]}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--screens", type=int, required=True)
    parser.add_argument("--meetings", type=int, default=TEAMS)
    parser.add_argument("--browsers", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.meetings > TEAMS or args.browsers > TEAMS:
        parser.error(f"at most {TEAMS} meetings and {TEAMS} browsers")
    if args.screens > args.meetings * (MEMBERS - 1):
        parser.error(f"at most {args.meetings * (MEMBERS - 1)} screens for {args.meetings}")

    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    data = build(screens=args.screens, meetings=args.meetings, browsers=args.browsers)
    args.out.write_text(json.dumps(data))
    print(
        f"{len(data['meetings'])} running meetings, {len(data['screens'])} screens, "
        f"{len(data['browsers'])} browsers -> {args.out}"
    )


def build(*, screens: int, meetings: int, browsers: int) -> dict[str, Any]:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.hashers import make_password
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.db import transaction
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from meetings import services
    from meetings.models import Format, Meeting
    from teams.middleware import ACTIVE_AT_KEY, LOGIN_AT_KEY
    from teams.models import Membership, Organisation, Role, Team, User

    with transaction.atomic():
        organisation, _created = Organisation.objects.get_or_create(name="Benchkommune")
        if Team.objects.filter(slug__startswith=PREFIX).count() != TEAMS:
            unusable = make_password(None)
            for number in range(1, TEAMS + 1):
                team = Team.objects.create(
                    organisation=organisation,
                    name=f"Team {number:02}",
                    slug=f"{PREFIX}{number:02}",
                )
                people = [
                    User(
                        username=f"{team.slug}-{who}",
                        first_name=f"{who.capitalize()}",
                        last_name=f"Team {number:02}",
                        email=f"{team.slug}-{who}@example.dk",
                        password=unusable,
                    )
                    for who in ["leder", *(f"m{index:02}" for index in range(1, MEMBERS + 1))]
                ]
                User.objects.bulk_create(people)
                Membership.objects.bulk_create(
                    Membership(
                        team=team, user=person, role=Role.LEADER if i == 0 else Role.CASEWORKER
                    )
                    for i, person in enumerate(people)
                )

    Meeting.objects.filter(team__slug__startswith=PREFIX).delete()
    Session.objects.all().delete()
    format = Format.objects.get(team=None, key="teamsparring")
    now = timezone.now()
    store = SessionStore()
    sessions: list[Session] = []

    def session_for(user: User) -> str:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
            LOGIN_AT_KEY: now.isoformat(),
            ACTIVE_AT_KEY: now.isoformat(),
        }
        sessions.append(
            Session(
                session_key=key,
                session_data=store.encode(data),
                expire_date=now + timedelta(hours=12),
            )
        )
        return key

    teams = list(Team.objects.filter(slug__startswith=PREFIX).order_by("slug")[:meetings])
    members = {
        team.pk: list(User.objects.filter(memberships__team=team).order_by("username"))
        for team in teams
    }
    running: list[dict[str, Any]] = []
    for team in teams:
        people = members[team.pk]
        leader = next(person for person in people if person.username.endswith("-leder"))
        caseworkers = [person for person in people if person != leader]
        meeting = services.meeting_plan(
            team=team,
            format=format,
            title="Benchmøde",
            starts_at=now,
            place="Mødelokale 1",
            facilitator=leader,
            participants=[leader, *caseworkers[: PARTICIPANTS - 1]],
            agenda_titles=["Sag 1", "Sag 2", "Sag 3"],
        )
        meeting = services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
        running.append(
            {
                "pk": meeting.pk,
                "version": meeting.version,
                "facilitator": session_for(leader),
                "caseworkers": caseworkers,
            }
        )
    screen_sessions = []
    for index in range(screens):
        meeting_data = running[index % len(running)]
        person = meeting_data["caseworkers"][index // len(running)]
        screen_sessions.append({"meeting": meeting_data["pk"], "session": session_for(person)})
    browser_sessions = [
        {"session": session_for(running[index]["caseworkers"][MEMBERS - 1])}
        for index in range(browsers)
    ]
    Session.objects.bulk_create(sessions, batch_size=1000)
    for meeting_data in running:
        del meeting_data["caseworkers"]
    return {"meetings": running, "screens": screen_sessions, "browsers": browser_sessions}


if __name__ == "__main__":
    main()
