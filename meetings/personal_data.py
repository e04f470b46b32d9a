"""What meetings hold about a person, for their copy of their data (teams.hooks.personal_data):
the meetings they led and took part in, their speaking time in rounds, their raised hands,
their notes as case owner and their feedback as observer. Six queries."""

from __future__ import annotations

from typing import Any

from meetings.models import AgendaItem, Hand, Meeting, Participation, Turn
from teams.models import User


def _meeting(meeting: Meeting) -> dict[str, Any]:
    return {"meeting": meeting.title, "team": meeting.team.name, "starts_at": meeting.starts_at}


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    return {
        "meetings_facilitated": [
            _meeting(meeting) | {"status": meeting.get_status_display()}
            for meeting in Meeting.objects.filter(facilitator=person)
            .select_related("team")
            .order_by("starts_at", "pk")
        ],
        "meetings_taken_part_in": [
            _meeting(participation.meeting)
            for participation in Participation.objects.filter(user=person)
            .select_related("meeting__team")
            .order_by("meeting__starts_at", "pk")
        ],
        "speaking_time": [
            _meeting(turn.step.meeting)
            | {
                "phase": turn.step.name,
                "status": turn.get_status_display(),
                "spoken_seconds": round(turn.spoken_seconds, 1),
            }
            for turn in Turn.objects.filter(user=person)
            .select_related("step__meeting__team")
            .order_by("step__meeting__starts_at", "step__position")
        ],
        "hands": [
            _meeting(hand.step.meeting)
            | {"phase": hand.step.name, "raised_at": hand.raised_at, "given_at": hand.given_at}
            for hand in Hand.objects.filter(user=person)
            .select_related("step__meeting__team")
            .order_by("raised_at", "pk")
        ],
        "case_owner_notes": [
            _meeting(item.meeting) | {"case": item.title, "notes": item.owner_notes}
            for item in AgendaItem.objects.filter(owner=person)
            .select_related("meeting__team")
            .order_by("meeting__starts_at", "position")
        ],
        "observer_feedback": [
            _meeting(item.meeting)
            | {
                "case": item.title,
                "relevant_knowledge": item.observer_relevant,
                "where_to_tighten_up": item.observer_tighten,
            }
            for item in AgendaItem.objects.filter(observer=person)
            .select_related("meeting__team")
            .order_by("meeting__starts_at", "position")
        ],
    }
