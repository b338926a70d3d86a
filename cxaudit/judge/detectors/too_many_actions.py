"""CX601 too_many_actions: the customer's actions to reach the goal, on the check's curve."""

from __future__ import annotations

from cxaudit.judge.detectors._effort import scored, unreached
from cxaudit.judge.detectors.base import Detection, DetectorContext, detector
from cxaudit.results.model import JourneyResult


@detector("too_many_actions")
def too_many_actions(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    m = journey.metrics
    steps = [{"step": s.index, "description": s.description, "actions": s.actions} for s in journey.steps if s.actions]
    details = {"action_kinds": dict(m.action_kinds), "probe_actions": m.probe_actions, "steps": steps}
    return unreached(journey, float(m.actions), **details) or scored(float(m.actions), ctx, (2, 7), details=details)
