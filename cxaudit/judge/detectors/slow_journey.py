"""CX603 slow_journey: the customer's time to reach the goal (Keystroke-Level Model estimates plus the waiting
the site caused), on the check's curve."""

from __future__ import annotations

from cxaudit.judge.detectors._effort import scored, unreached
from cxaudit.judge.detectors.base import Detection, DetectorContext, detector
from cxaudit.results.model import JourneyResult

# Keystroke-Level Model (Card, Moran and Newell 1980) estimates, in seconds: pointing + clicking with the
# thinking before it, one character typed by an average typist, orienting on a new page or view.
SECONDS_PER_ACTION = 2.0
SECONDS_PER_CHAR = 0.28
SECONDS_PER_PAGE = 5.0


@detector("slow_journey")
def slow_journey(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Customer seconds: actions, typing and orienting on each page (KLM estimates), plus the waiting the site
    caused as measured in the browser (page loads, chat replies). The robot's own speed does not count."""
    m = journey.metrics
    per_action = float(ctx.params.get("seconds_per_action", SECONDS_PER_ACTION))
    per_char = float(ctx.params.get("seconds_per_char", SECONDS_PER_CHAR))
    per_page = float(ctx.params.get("seconds_per_page", SECONDS_PER_PAGE))
    waited = sum(s.duration_s for s in journey.steps)
    parts = {"actions": round(m.actions * per_action, 1), "typing": round(m.characters_typed * per_char, 1),
             "orienting": round(m.pages * per_page, 1), "waiting": round(waited, 1)}
    value = round(sum(parts.values()), 1)
    details = {"parts_s": parts, "measured_s": m.duration_s, "actions": m.actions, "characters_typed": m.characters_typed,
               "pages": m.pages}
    return unreached(journey, value, **details) or scored(value, ctx, (20, 60), details=details)
