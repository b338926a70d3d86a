"""Helpers for the effort checks (too_many_actions, too_many_pages, slow_journey, slow_human_handoff,
cancel_harder_than_signup).

Each scores its measured figure (``value``) on the check's log-normal curve (``ctx.params["curve"] = {p10,
median}``; p10 scores 0.9, the median 0.5). The effort to reach a goal is only known when the goal was reached:
on a blocked or failed journey the score is ``None`` (not applicable; the blocking itself is judged by other
checks) and ``value`` still holds what was counted.
"""

from __future__ import annotations

from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext
from cxaudit.judge.scoring import log_normal_score
from cxaudit.results.model import JourneyResult


def curve_of(params: dict[str, Any], default: tuple[float, float] | None = None) -> tuple[float, float]:
    """(p10, median) from ``params["curve"]`` (a mapping or a catalogue ``Curve``), else ``default``."""
    curve = params.get("curve")
    if curve is None:
        if default is None:
            raise KeyError("this metric check needs params['curve'] = {p10, median}")
        return default
    if isinstance(curve, dict):
        return float(curve["p10"]), float(curve["median"])
    return float(curve.p10), float(curve.median)


def unreached(journey: JourneyResult, value: float | None, **details) -> Detection | None:
    if journey.outcome == "completed":
        return None
    return Detection(score=None, value=value, details={
        "reason": f"the goal was not reached (outcome: {journey.outcome}), so the effort to reach it is unknown", **details})


def scored(value: float, ctx: DetectorContext, default: tuple[float, float], **kw) -> Detection:
    p10, median = curve_of(ctx.params, default)
    return Detection(score=round(log_normal_score(value, p10, median), 4), value=value, **kw)
