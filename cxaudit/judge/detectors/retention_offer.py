"""CX201 retention_offer: offer screens between the start and the goal, counted by distinct view.

An offer needs something offered (issue 12, class 6): the lexicon's ``offer`` patterns on their own, or an
amount of money (``price``) with words that make it an offer (``cue``) in the same or the next text block, or
a condition of staying (``stay``: "if you stay", "stay a member and", "wenn Sie Ihr Abo behalten") with a
benefit (``benefit``: "no charge", "on us", "for less", "berechnen wir nicht") in the same sentence.
A ``negation`` in the same sentence cancels what it is said of ("pausing is not available"). An opener such
as "Before you go" above a reason form offers nothing."""

from __future__ import annotations

from cxaudit.judge.detectors._entry import entry_of
from cxaudit.judge.detectors._offers import offers
from cxaudit.judge.detectors._wording import evidence, furniture, page_language, success_index, view_of
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
    repeated = furniture(journey, dialogs=False)  # a dialog the start page opened may still be an offer
    success = success_index(journey)
    # the final confirmation page is not counted, whichever step first showed it (a dialog accepted after)
    final_view = next((view_of(s) for s in observed if s.index == success), None)
    # where the journey file marks its entry (`entry: true`), the way out begins there: the account and plan pages
    # before it list what the plan includes ("$0 delivery fee", "lower service fees"), which offers nothing to stay.
    # An entry cxaudit found by itself is a guess and moves no page out of the count.
    at, how = entry_of(journey, ctx) if journey.goal == "cancel" else (None, "")
    first = journey.steps[at].index if at is not None and how == "marked" else 0
    screens: dict[str, Evidence] = {}
    for step in observed[1:]:
        view = view_of(step)
        if step.index < first or step.index == success or view in (start_view, final_view) or view in screens:
            continue
        hits = offers(lex, step, page_language(ctx, journey, step), repeated)
        if hits:
            item, match = hits[0]
            screens[view] = evidence(item, match, note("retention_offer", n=len(hits)),
                                     view=view, phrases=sorted({m.text for _, m in hits})[:6])
    count = len(screens)
    score = _level(count, int(ctx.params.get("partial_screens", 1)), int(ctx.params.get("fail_screens", 2)))
    return Detection(score=score, evidence=list(screens.values()), value=float(count),
                     details={"screens": list(screens)})
