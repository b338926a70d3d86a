"""The entry control of a journey: the click that starts the way to the goal (hidden_cancel_link judges it,
visual_misdirection leaves it to that check)."""

from __future__ import annotations

from cxaudit.results.model import JourneyResult, StepRecord


def entry_step(journey: JourneyResult) -> tuple[StepRecord | None, list[StepRecord]]:
    """The first click toward the goal (not a dismiss, a login or a control in a dialog), and the reveal clicks
    before it: clicks that opened something on the same page (no navigation, no view change)."""
    clicks = [s for s in journey.steps if s.type == "click" and s.element and s.status == "ok"
              and not s.element.in_dialog]
    if not clicks:
        return None, []
    for i, s in enumerate(clicks):
        if s.navigated or s.view_changed:
            return s, clicks[:i]
    return clicks[0], []
