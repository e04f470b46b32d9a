"""What meetings hold about a person, for their copy of their data (teams.hooks.personal_data):
the meetings they led or took part in, their speaking time in rounds, their raised hands,
their notes as case owner, their feedback as observer, their check-outs, their breakout
groups and their presentations of practitioner examples (with their briefs). Seven queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from meetings.groups.models import GroupMember
from meetings.models import AgendaItem, CheckOut, Hand, Meeting, Turn
from meetings.presenters.models import Presenter
from teams.models import User


def _meeting(meeting: Meeting) -> dict[str, Any]:
    return {"meeting": meeting.title, "team": meeting.team.name, "starts_at": meeting.starts_at}


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    meetings = (
        Meeting.objects.filter(
            Q(facilitator=person) | Q(co_facilitator=person) | Q(participants=person)
        )
        .distinct()
        .select_related("team")
        .order_by("starts_at", "pk")
    )
    items = list(
        AgendaItem.objects.filter(Q(owner=person) | Q(observer=person))
        .select_related("meeting__team")
        .order_by("meeting__starts_at", "position")
    )
    return {
        "meetings": [
            _meeting(meeting)
            | {
                "status": meeting.get_status_display(),
                "facilitator": meeting.facilitator_id == person.pk,
                "co_facilitator": meeting.co_facilitator_id == person.pk,
            }
            for meeting in meetings
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
            for item in items
            if item.owner_id == person.pk
        ],
        "observer_feedback": [
            _meeting(item.meeting)
            | {
                "case": item.title,
                "relevant_knowledge": item.observer_relevant,
                "where_to_tighten_up": item.observer_tighten,
            }
            for item in items
            if item.observer_id == person.pk
        ],
        "check_outs": [
            _meeting(check_out.meeting)
            | {
                "usefulness": check_out.usefulness,
                "comment": check_out.comment,
                "updated_at": check_out.updated_at,
            }
            for check_out in CheckOut.objects.filter(user=person)
            .select_related("meeting__team")
            .order_by("meeting__starts_at", "pk")
        ],
        "breakout_groups": [
            _meeting(place.meeting)
            | {
                "group": place.group.name,
                "room": place.group.room,
                "facilitator": place.group.facilitator_id == person.pk,
            }
            for place in GroupMember.objects.filter(user=person)
            .select_related("meeting__team", "group")
            .order_by("meeting__starts_at", "pk")
        ],
        "presentations": [
            _meeting(presenter.meeting)
            | {
                "stood_in": presenter.stands_in_for_id is not None,
                "what_did_you_do": presenter.what,
                "why": presenter.why,
                "professional_justification": presenter.justification,
            }
            for presenter in Presenter.objects.filter(user=person)
            .select_related("meeting__team")
            .order_by("meeting__starts_at", "pk")
        ],
    }
