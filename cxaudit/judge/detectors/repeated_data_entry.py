"""CX103 repeated_data_entry: the same value, or a field of the same meaning, typed again on a later step."""

from __future__ import annotations

import re

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, param
from cxaudit.results.model import FilledValue, JourneyResult, StepRecord
from cxaudit.results.observation import ElementInfo, FormField, Observed, page_of
from cxaudit.words.notes import note

TRIVIAL_VALUES = {"checked", "unchecked", "on", "off", "true", "false", "yes", "no", "ja", "nein"}


def normalise_label(text: str | None) -> str:
    text = re.sub(r"[*:()\[\]]+", " ", (text or "").casefold())
    return " ".join(text.split())


def value_key(f: FilledValue, min_chars: int) -> str | None:
    if f.secret or (f.type or "").lower() in ("radio", "checkbox"):
        return None
    v = " ".join(f.value.split())
    if not v or v.casefold() in TRIVIAL_VALUES:
        return None
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v):
        return "email:" + v.casefold()
    digits = re.sub(r"\D", "", v)
    if re.fullmatch(r"[\d\s()+/.-]+", v) and len(digits) >= 6:
        return "number:" + digits
    if len(v) < min_chars:
        return None
    return "text:" + v.casefold()


def field_record(step: StepRecord, prev: Observed, f: FilledValue) -> FormField | ElementInfo | None:
    """The observed field (name, autocomplete, box) a value went into: a field of the page before or after
    with the value's label (boxed where the step's element was, when the step acted on it), else the step's
    element."""
    el = step.element if step.type in ("fill", "select", "check") else None
    want = normalise_label(f.label)
    for obs in (prev, step.observation):
        for form in page_of(obs).forms:
            for field in form.fields:
                if want and normalise_label(field.label) == want:
                    return field if el is None else field.model_copy(update={"box": el.box})
    return el


def meaning_keys(f: FilledValue, field: FormField | ElementInfo | None) -> set[str]:
    keys = set()
    # an element record has no autocomplete; its name is the accessible name, a field's the form's key
    field_ac = field.autocomplete if isinstance(field, FormField) else ""
    ac = (f.autocomplete or field_ac).strip().lower()
    if ac and ac not in ("on", "off", "new-password", "current-password"):
        keys.add("autocomplete:" + ac)
    name = (f.name or (field.name if field else "")).strip().lower()
    if name:
        keys.add("name:" + name)
    label = normalise_label(f.label)
    if label:
        keys.add("label:" + label)
    return keys


@detector("repeated_data_entry")
def repeated_data_entry(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    min_chars = int(param(ctx, "min_value_chars", 3))
    entries = []
    for i, s in enumerate(journey.steps):
        prev = journey.steps[i - 1].observation if i else None
        for f in s.filled:
            field = field_record(s, prev, f)
            entries.append((s, f, field, value_key(f, min_chars), meaning_keys(f, field)))
    if not entries:
        return Detection(score=1.0, details={"fills": 0})
    repeats = []
    for j, (s2, f2, el2, v2, m2) in enumerate(entries):
        for s1, f1, _el1, v1, m1 in entries[:j]:
            if s1.index == s2.index:
                continue
            same_value = v1 is not None and v1 == v2
            same_meaning = sorted(m1 & m2)
            if same_value or same_meaning:
                repeats.append((s1, f1, s2, f2, el2, same_value, same_meaning))
                break
    if not repeats:
        return Detection(score=1.0, details={"fills": len(entries)})
    evidence = []
    for s1, f1, s2, f2, el2, same_value, same_meaning in repeats:
        how = "same_value" if same_value else "same_field"
        if same_value and same_meaning:
            how = "same_value_same_field"
        shown = f2.value if not f2.secret else "(secret)"
        words = clip(f"{f2.label or f2.name or 'field'}: {shown}")
        back = s2.index if s2.type in ("fill", "select", "check") else max(s2.index - 1, 0)
        evidence.append(Evidence(
            step=s2.index, words=words, element=el2, box=box_of(el2), screenshot_step=back,
            note=note("asked_again", how=how, first=s1.index, first_label=clip(f1.label, 40) or None, repeat=s2.index,
                      repeat_label=clip(f2.label, 40) or None),
            data={"first_step": s1.index, "repeat_step": s2.index, "same_value": same_value, "same_meaning": same_meaning,
                  "first_label": f1.label, "repeat_label": f2.label},
        ))
    return Detection(score=0.0, evidence=evidence, value=float(len(repeats)), details={"fills": len(entries), "repeats": len(repeats)})
