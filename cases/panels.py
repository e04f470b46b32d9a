"""What cases add to the meeting room (registered by CasesConfig.ready): the case being
discussed, inside the current phase. The projector shows its title, kind and sparring wish; the
control and participant views its timeline and genogram too, while the material exists."""

from __future__ import annotations

from cases import selectors
from core.hooks import Contribution
from meetings.hooks import RunnerView


def case_panel(view: RunnerView) -> Contribution | None:
    current = view.state.current
    if current is None or current.agenda_item_id is None or not view.meeting.is_running:
        return None
    case = selectors.case_of_item(agenda_item_id=current.agenda_item_id)
    if case is None:
        return None
    material = selectors.material_of(case=case) if view.mode != "projector" else None
    return Contribution(
        templates={"case": "cases/runner/_case.html"},
        context={
            "discussed_case": case,
            "timeline": material.timeline if material else [],
            "genogram": material.genogram if material else None,
        },
    )
