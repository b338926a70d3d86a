"""Effort metrics: actions, pages, customer time, chat turns to a person, cancel-vs-sign-up asymmetry.

Each returns the measured figure as ``value`` and its score on the check's log-normal curve
(``ctx.params["curve"] = {p10, median}``; p10 scores 0.9, the median 0.5). The effort to reach a goal is only
known when the goal was reached: on a blocked or failed journey the score is ``None`` (not applicable; the
blocking itself is judged by other checks) and ``value`` still holds what was counted.
"""

from __future__ import annotations

from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.judge.detectors.chat import chat_box, chats, handoff_turn, request_turn
from cxaudit.judge.scoring import log_normal_score
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note

# Keystroke-Level Model (Card, Moran and Newell 1980) estimates, in seconds: pointing + clicking with the
# thinking before it, one character typed by an average typist, orienting on a new page or view.
SECONDS_PER_ACTION = 2.0
SECONDS_PER_CHAR = 0.28
SECONDS_PER_PAGE = 5.0



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


def views(journey: JourneyResult) -> list[dict]:
    seen, out = set(), []
    for s in journey.steps:
        key = s.view_key or s.url_after
        if key and key not in seen:
            seen.add(key)
            out.append({"step": s.index, "url": s.url_after, "title": s.title_after})
    return out


@detector("action_count")
def action_count(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    m = journey.metrics
    steps = [{"step": s.index, "description": s.description, "actions": s.actions} for s in journey.steps if s.actions]
    details = {"action_kinds": dict(m.action_kinds), "probe_actions": m.probe_actions, "steps": steps}
    return unreached(journey, float(m.actions), **details) or scored(float(m.actions), ctx, (2, 7), details=details)


@detector("page_count")
def page_count(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    pages = float(journey.metrics.pages)
    details = {"views": views(journey)}
    return unreached(journey, pages, **details) or scored(pages, ctx, (3, 4), details=details)


@detector("journey_time")
def journey_time(journey: JourneyResult, ctx: DetectorContext) -> Detection:
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


@detector("chat_turns_to_human")
def chat_turns_to_human(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """Messages from the customer's first request for a person (or from the first message, if they never asked)
    up to and including the one a person or another channel answered: 1 = handed over at once. Counting from
    the request keeps the journey author's order of questions out of the figure."""
    found = chats(journey)
    if not found:
        return Detection(score=None, details={"reason": "no chat was driven on this journey"})
    sent, asked_at = 0, None
    for step, chat in found:
        lang = ctx.language_of(journey, step.index)
        asked = request_turn(chat, ctx, lang)
        if asked_at is None and asked is not None:
            asked_at = sent + asked[0]
        got = handoff_turn(chat, ctx, lang)
        if got is not None:
            total = sent + got[0]
            turns = total - (asked_at or 1) + 1 if (asked_at or 1) <= total else total
            said = (note("handoff_after_request", turns=turns, asked=asked_at, total=total) if asked_at
                    else note("handoff_after_start", turns=turns, total=total))
            ev = Evidence(step=step.index, words=got[1][:200], box=chat_box(step), screenshot_step=step.index, note=said,
                          data={"turn": got[0], "asked_turn": asked_at, "turns_total": total})
            return scored(float(turns), ctx, (1, 3), evidence=[ev],
                          details={"handoff": True, "turns": turns, "asked_turn": asked_at, "turns_total": total})
        sent += len(chat.turns)
    if any(chat.success for _, chat in found) and asked_at is None:
        return Detection(score=None, details={"reason": "the chat reached its goal without needing a person",
                                              "turns_sent": sent})
    last = found[-1][0]
    ev = Evidence(step=last.index, box=chat_box(last), screenshot_step=last.index,
                  note=note("no_handoff_after_ask", sent=sent, after=sent - asked_at + 1) if asked_at else note("no_handoff", sent=sent),
                  data={"turns_sent": sent, "asked_turn": asked_at})
    return Detection(score=0.0, evidence=[ev], value=None, details={"handoff": False, "turns_sent": sent, "asked_turn": asked_at})


@detector("cancel_signup_asymmetry")
def cancel_signup_asymmetry(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if journey.goal != "cancel":
        return Detection(score=None, details={"reason": f"only judged on cancel journeys, this one is {journey.goal}"})
    if ctx.run is None:
        return Detection(score=None, details={"reason": "no run to find a sign-up journey in"})
    signups = [j for j in ctx.run.journeys if j.goal == "signup" and j.site == journey.site and j.outcome == "completed"
               and j.metrics.actions > 0]
    if not signups:
        return Detection(score=None, details={"reason": f"no completed sign-up journey of {journey.site} in this run"})
    signup = min(signups, key=lambda j: j.metrics.actions)
    cancel, sign = journey.metrics, signup.metrics
    details = {"signup_journey": signup.id, "cancel_actions": cancel.actions, "signup_actions": sign.actions,
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
