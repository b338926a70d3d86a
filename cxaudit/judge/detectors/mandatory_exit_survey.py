"""CX101 mandatory_exit_survey: a survey gate on the way out that blocks until it is answered, judged
from the recorder's gate probes (required fields, validation messages, what it took to pass)."""

from __future__ import annotations

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import join, note


@detector("mandatory_exit_survey")
def mandatory_exit_survey(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    gates = [s for s in journey.steps if s.gate is not None]
    if not gates:
        return Detection(score=1.0, details={"gates": 0, "note": "no survey gate was probed on this journey"})
    evidence, blocked = [], 0
    for s in gates:
        g = s.gate
        el = g.proceed_element or s.element
        name = el.name if el else None
        if g.blocked:
            blocked += 1
            parts = [note("survey_blocked", name=clip(name, 60) or None, signals=list(g.signals) or ["blocked"])]
            if g.required_fields:
                parts.append(note("survey_required", n=len(g.required_fields), fields=clip(", ".join(g.required_fields), 80)))
            if g.validation_messages:
                parts.append(note("survey_message", text=clip(g.validation_messages[0], 80)))
            if g.answer_actions:
                parts.append(note("survey_answer_actions", n=g.answer_actions))
            said = join(parts)
        else:
            said = note("survey_optional", name=clip(name, 60) or None)
        words = "; ".join(g.validation_messages) or g.name or name or ""
        # the proceed control's box: on the picture of the block when the recorder kept one (the report outlines the
        # validation message there too, GateProbe.message_box), else on the page before the gate
        evidence.append(Evidence(
            step=s.index, words=clip(words), element=el, box=box_of(el), screenshot_step=max(s.index - 1, 0),
            screenshot=g.screenshot if g.blocked else None,
            note=said,
            data={"blocked": g.blocked, "signals": list(g.signals), "required_fields": list(g.required_fields),
                  "validation_messages": list(g.validation_messages), "answer_actions": g.answer_actions,
                  "passed_after_answer": g.passed_after_answer, "gate": g.name},
        ))
    details = {"gates": len(gates), "blocked": blocked}
    return Detection(score=0.0 if blocked else 1.0, evidence=evidence, value=float(blocked), details=details)
