"""CX404 wait_time_notice: a stated waiting time for a person; value = the longest stated time in minutes."""

from __future__ import annotations

import re

from cxaudit.judge.detectors._wording import evidence, find, page_language, snippets
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note

_DURATION = re.compile(
    r"(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to|and|bis|à)\s*(\d+(?:[.,]\d+)?))?[\s-]*"
    r"(minutes?|mins?|minuten|min|hours?|hrs?|stunden|std|heures?|h)\b", re.IGNORECASE)


def stated_minutes(text: str) -> float | None:
    """The largest time in ``text`` in minutes (a range counts by its upper bound; hours are converted)."""
    best = None
    for m in _DURATION.finditer(text):
        value = float((m.group(2) or m.group(1)).replace(",", "."))
        unit = m.group(3).lower()
        minutes = value * 60 if unit.startswith(("h", "st")) else value
        best = minutes if best is None else max(best, minutes)
    return best


@detector("wait_time_notice")
def wait_time_notice(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """A stated waiting time for a person; value = the longest stated time in minutes."""
    lex = ctx.lexicon("wait_time")
    items: list[Evidence] = []
    longest: float | None = None
    seen: set[str] = set()
    for step in journey.steps:
        lang = page_language(ctx, journey, step)
        for item, match in find(lex, snippets(step, elements=False), lang):
            minutes = stated_minutes(match.text)
            if minutes is None or match.text.lower() in seen:
                continue
            seen.add(match.text.lower())
            longest = minutes if longest is None else max(longest, minutes)
            items.append(evidence(item, match, note("stated_wait", minutes=minutes), minutes=minutes))
    if longest is None:
        return Detection(score=1.0)
    fail_over = float(ctx.params.get("fail_over_minutes", 10))
    partial_over = float(ctx.params.get("partial_over_minutes", 3))
    score = 0.0 if longest > fail_over else 0.5 if longest > partial_over else 1.0
    return Detection(score=score, evidence=items, value=longest, details={"minutes": longest})
