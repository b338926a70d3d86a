"""CX104 excessive_verification: PINs, passwords and security questions asked on the way out."""

from __future__ import annotations

from cxaudit.judge.detectors._wording import Snippet, clicked_evidence, evidence, page_language
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import Form, FormField, page_of
from cxaudit.words.notes import note


def _is_login_form(journey: JourneyResult, position: int, form: Form) -> bool:
    steps = journey.steps
    if position + 1 < len(steps) and steps[position + 1].type == "login":
        return True
    fields = [f for f in form.fields if not f.hidden and f.type not in ("hidden", "submit")]
    return len(fields) <= 2 and any(f.type == "password" for f in fields)


def _field_text(field: FormField) -> str:
    return f"{field.label} {field.placeholder}".strip() or field.name


@detector("excessive_verification")
def excessive_verification(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    """PINs, passwords and security questions asked on the way out, beyond identity and contract."""
    lex = ctx.lexicon("verification_fields")
    found: dict[str, Evidence] = {}
    required: set[str] = set()
    for step in journey.steps:  # what the journey had to type
        lang = page_language(ctx, journey, step)
        if step.type == "login":
            continue
        for value in step.filled:
            text = value.label or value.name or ""
            match = lex.first(text, lang)
            if match or (value.type == "password" and text):
                key = text.lower()
                required.add(key)
                found.setdefault(key, clicked_evidence(step, note("verification_answered"),
                                                       field=text, filled=True))
                found[key].words = text[:200]
    for position, step in enumerate(journey.steps):  # what the pages asked for
        lang = page_language(ctx, journey, step)
        for form in page_of(step.observation).forms:
            if _is_login_form(journey, position, form):
                continue
            for field in form.fields:
                text = _field_text(field)
                if field.hidden or not text:
                    continue
                match = lex.first(text, lang)
                if not (match or field.type == "password"):
                    continue
                key = (field.label or text).lower()
                if field.required:
                    required.add(key)
                if key not in found:
                    found[key] = evidence(Snippet(step.index, text, "text", field.box), match,
                                          note("verification_shown"), field=text, filled=False)
    if not found:
        return Detection(score=1.0)
    score = 0.0 if required else float(ctx.params.get("score_optional_only", 0.5))
    items = sorted(found.values(), key=lambda e: e.step)
    return Detection(score=score, evidence=items, value=float(len(items)),
                     details={"fields": [e.data.get("field") for e in items], "required_or_filled": sorted(required)})
