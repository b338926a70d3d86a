"""CX605 cancel_harder_than_signup: the cancel journey's actions over the easiest completed sign-up of the
same site in the run, on the check's curve. Both are counted alike (results/counting.py): a login is its fields
and its submit as a sign-up form is, a cookie banner clicked away is 1 on either side, a blocked gate probe
counts on neither; the details keep both sides' actions by kind."""

from __future__ import annotations

from cxaudit.judge.detectors._effort import scored, unreached
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.counting import signup_yardstick
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


@detector("cancel_harder_than_signup")
def cancel_harder_than_signup(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if ctx.run is None:
        return Detection(score=None, details={"reason": "no run to find a sign-up journey in"})
    signup = signup_yardstick(ctx.run, journey)
    if signup is None:
        return Detection(score=None, details={"reason": f"no completed sign-up journey of {journey.site} in this run"})
    cancel, sign = journey.metrics, signup.metrics
    details = {"signup_journey": signup.id, "cancel_actions": cancel.actions, "signup_actions": sign.actions,
               "cancel_kinds": dict(cancel.action_kinds), "signup_kinds": dict(sign.action_kinds),
               "cancel_pages": cancel.pages, "signup_pages": sign.pages,
               "page_ratio": round(cancel.pages / sign.pages, 3) if sign.pages else None}
    ratio = round(cancel.actions / sign.actions, 3)
    miss = unreached(journey, ratio, **details)
    if miss:
        return miss
    ev = Evidence(step=journey.steps[-1].index if journey.steps else 0,
                  note=note("cancel_vs_signup", cancel_actions=cancel.actions, cancel_pages=cancel.pages, signup=signup.id,
                            signup_actions=sign.actions, signup_pages=sign.pages, ratio=ratio),
                  data=details)
    return scored(ratio, ctx, (1.0, 2.0), evidence=[ev], details=details)
