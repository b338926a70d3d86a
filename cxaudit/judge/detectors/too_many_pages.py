"""CX602 too_many_pages: the pages (distinct views) on the way to the goal, on the check's curve."""

from __future__ import annotations

from cxaudit.judge.detectors._effort import scored, unreached
from cxaudit.judge.detectors.base import Detection, DetectorContext, detector
from cxaudit.results.model import JourneyResult


def views(journey: JourneyResult) -> list[dict]:
    seen, out = set(), []
    for s in journey.steps:
        key = s.view_key or s.url_after
        if key and key not in seen:
            seen.add(key)
            out.append({"step": s.index, "url": s.url_after, "title": s.title_after})
    return out


@detector("too_many_pages")
def too_many_pages(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    pages = float(journey.metrics.pages)
    details = {"views": views(journey)}
    return unreached(journey, pages, **details) or scored(pages, ctx, (3, 4), details=details)
