"""CX106 cookie_wall: an overlay at the start that blocks every click until it is answered."""

from __future__ import annotations

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, not_applicable, param
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import page_of
from cxaudit.words.notes import note


@detector("cookie_wall")
def cookie_wall(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    min_cover = float(param(ctx, "min_cover", 0.5))
    start = []
    for s in journey.steps:
        if s.index > 0 and (s.actions > 0 or s.index > 1):
            break
        start.append(s)
    if not start or all(s.observation is None for s in start):
        return not_applicable("the start page was not observed")
    first_action = next((s for s in journey.steps if s.actions > 0), None)
    consent = ctx.lexicons.get("cookie_consent")
    evidence, seen = [], set()
    for s in start:
        for d in page_of(s.observation).dialogs:
            covers = float(d.covers)
            if not d.blocks_pointer or covers < min_cover or d.name in seen:
                continue
            seen.add(d.name)
            text = d.text or d.name
            clicked = first_action.element if first_action else None
            dismiss = clicked if clicked is not None and clicked.in_dialog else None
            said = note("overlay", covers=covers)
            if dismiss:
                said += note("overlay_answered", name=clip(dismiss.name, 40) or None, step=first_action.index)
            is_consent = bool(consent and consent.first(text, ctx.language_of(journey, s.index)))
            evidence.append(Evidence(
                step=s.index, words=clip(text), element=dismiss, box=box_of(d), screenshot_step=s.index, note=said,
                data={"dialog": d.name, "covers": covers, "modal": d.modal, "consent_wording": is_consent},
            ))
    if not evidence:
        return Detection(score=1.0, details={"blocking_overlay": False})
    return Detection(score=0.0, evidence=evidence, details={"blocking_overlay": True})
