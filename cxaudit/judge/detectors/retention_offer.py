"""CX201 retention_offer: offer screens between the start and the goal, counted by distinct view."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import evidence, find, page_language, snippets, success_index, view_of
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


def _level(count: int, partial: int, fail: int) -> float:
    """1 below ``partial``, 0.5 from ``partial``, 0 from ``fail``."""
    if count >= fail:
        return 0.0
    if count >= partial:
        return 0.5
    return 1.0


@detector("retention_offer")
def retention_offer(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Offer screens between the start and the goal, counted by distinct view."""
    lex = ctx.lexicon("retention_offer")
    observed = [s for s in journey.steps if s.observation]
    if not observed:
        return Detection(score=None, details={"reason": "no observations"})
    start_view = view_of(observed[0])
    success = success_index(journey)
    screens: dict[str, Evidence] = {}
    for step in observed[1:]:
        view = view_of(step)
        if step.index == success or view == start_view or view in screens:
            continue
        lang = page_language(ctx, journey, step)
        hits = list(find(lex, snippets(step, chat=False), lang))
        if hits:
            item, match = hits[0]
            screens[view] = evidence(item, match, note("retention_offer", n=len(hits)),
                                     view=view, phrases=sorted({m.text for _, m in hits})[:6])
    count = len(screens)
    score = _level(count, int(ctx.params.get("partial_screens", 1)), int(ctx.params.get("fail_screens", 2)))
    return Detection(score=score, evidence=list(screens.values()), value=float(count),
                     details={"screens": list(screens)})
