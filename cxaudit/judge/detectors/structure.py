"""Structural frictions: what the path itself demands (a survey gate, a login, data typed twice, a wall at the
start) and how the controls it needs look (misdirection, a hidden entry link). Measured from the recorded
gate probes, fills, dialogs and element records; no wording lexicons needed except for the notes.
"""

from __future__ import annotations

import re
from typing import Any

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, clip, detector
from cxaudit.results.model import FilledValue, JourneyResult, StepRecord
from cxaudit.words.notes import Note, join, note

EXIT_GOALS = ("cancel", "uninstall")
CLICKS = ("click", "gate")
FIELD_ROLES = {"textbox", "searchbox", "radio", "checkbox", "combobox", "listbox", "slider", "spinbutton", "switch", "option"}
CHROME_LANDMARKS = {"header", "banner", "nav", "navigation", "footer", "contentinfo", "complementary", "aside"}
TRIVIAL_VALUES = {"checked", "unchecked", "on", "off", "true", "false", "yes", "no", "ja", "nein"}


def box_of(record: dict | None) -> dict[str, float] | None:
    box = (record or {}).get("box")
    return dict(box) if box else None


def not_applicable(reason: str) -> Detection:
    return Detection(score=None, details={"reason": reason})


def param(ctx: DetectorContext, name: str, default: Any) -> Any:
    value = ctx.params.get(name, default)
    return default if value is None else value


# ------------------------------------------------------------------ mandatory_exit_survey
@detector("mandatory_exit_survey")
def mandatory_exit_survey(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if journey.goal not in EXIT_GOALS:
        return not_applicable(f"only judged on cancel and uninstall journeys, this one is {journey.goal}")
    gates = [s for s in journey.steps if s.gate is not None]
    if not gates:
        return Detection(score=1.0, details={"gates": 0, "note": "no survey gate was probed on this journey"})
    evidence, blocked = [], 0
    for s in gates:
        g = s.gate
        el = g.proceed_element or s.element
        name = (el or {}).get("name")
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
        evidence.append(Evidence(
            step=s.index, words=clip(words), element=el, box=box_of(el), screenshot_step=max(s.index - 1, 0), note=said,
            data={"blocked": g.blocked, "signals": list(g.signals), "required_fields": list(g.required_fields),
                  "validation_messages": list(g.validation_messages), "answer_actions": g.answer_actions,
                  "passed_after_answer": g.passed_after_answer, "gate": g.name},
        ))
    details = {"gates": len(gates), "blocked": blocked}
    return Detection(score=0.0 if blocked else 1.0, evidence=evidence, value=float(blocked), details=details)


# ------------------------------------------------------------------ login_wall
def login_forms(observation: dict | None, max_fields: int = 3) -> list[tuple[dict, dict]]:
    """(form, password field) for each visible login form: a password field marked ``current-password``, or
    one in a small form (user name + password, perhaps "remember me"). A PIN among many fields of a
    cancellation form is a verification question (excessive_verification), not a login."""
    out = []
    for form in (observation or {}).get("forms") or []:
        visible = [f for f in form.get("fields") or [] if not f.get("hidden") and (f.get("type") or "") != "hidden"]
        for f in visible:
            if (f.get("type") or "").lower() != "password" or f.get("disabled"):
                continue
            if (f.get("autocomplete") or "").lower() == "current-password" or len(visible) <= max_fields:
                out.append((form, f))
                break
    return out


def first_heading(observation: dict | None) -> str:
    for h in (observation or {}).get("headings") or []:
        if h.get("text"):
            return h["text"]
    return ""


@detector("login_wall")
def login_wall(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if journey.goal != "cancel":
        return not_applicable(f"only judged on cancel journeys, this one is {journey.goal}")
    steps = journey.steps
    if journey.outcome == "completed" and len(steps) > 1:
        steps = steps[:-1]  # the success page itself is not on the way
    evidence: list[Evidence] = []
    seen_urls: set[str] = set()
    for s in steps:
        if s.type == "login":
            evidence.append(Evidence(
                step=s.index, words=clip(" / ".join(f.label or f.name or "" for f in s.filled) or (s.element or {}).get("name")),
                element=s.element, box=box_of(s.element),
                screenshot_step=max(s.index - 1, 0), note=note("login_step"),
                data={"login_step": True},
            ))
            continue
        forms = login_forms(s.observation, int(param(ctx, "max_login_fields", 3)))
        url = (s.url_after or "").split("?")[0]
        if forms and url not in seen_urls:
            seen_urls.add(url)
            form, f = forms[0]
            labels = [x.get("label") or x.get("name") or "" for x in form.get("fields") or [] if not x.get("hidden")]
            words = clip(" / ".join(p for p in [first_heading(s.observation), *labels] if p))
            evidence.append(Evidence(
                step=s.index, words=words, element=f, box=box_of(f), screenshot_step=s.index,
                note=note("login_form", field=clip(f.get("label") or f.get("name"), 40) or None, url=s.url_after) if s.url_after
                else note("login_form_here", field=clip(f.get("label") or f.get("name"), 40) or None),
                data={"url": s.url_after, "fields": len(labels)},
            ))
    if not evidence:
        return Detection(score=1.0, details={"login": False})
    evidence.sort(key=lambda e: e.step)
    return Detection(score=0.0, evidence=evidence, details={"login": True, "first_step": evidence[0].step})


# ------------------------------------------------------------------ repeated_data_entry
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


def field_record(step: StepRecord, prev: dict | None, f: FilledValue) -> dict | None:
    """The observed field (name, autocomplete, box) a value went into: the step's element or a label match."""
    el = step.element if step.type in ("fill", "select", "check") else None
    want = normalise_label(f.label)
    for obs in (prev, step.observation):
        for form in (obs or {}).get("forms") or []:
            for field in form.get("fields") or []:
                if want and normalise_label(field.get("label")) == want:
                    return {**field, "box": (el or {}).get("box") or field.get("box")}
    return el


def meaning_keys(f: FilledValue, field: dict | None) -> set[str]:
    keys = set()
    ac = (f.autocomplete or (field or {}).get("autocomplete") or "").strip().lower()
    if ac and ac not in ("on", "off", "new-password", "current-password"):
        keys.add("autocomplete:" + ac)
    name = (f.name or (field or {}).get("name") or "").strip().lower()
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


# ------------------------------------------------------------------ cookie_wall
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
        for d in (s.observation or {}).get("dialogs") or []:
            covers = float(d.get("covers") or 0)
            if not d.get("blocks_pointer") or covers < min_cover or d.get("name") in seen:
                continue
            seen.add(d.get("name"))
            text = d.get("text") or d.get("name") or ""
            dismiss = first_action.element if first_action and (first_action.element or {}).get("in_dialog") else None
            said = note("overlay", covers=covers)
            if dismiss:
                said += note("overlay_answered", name=clip(dismiss.get("name"), 40) or None, step=first_action.index)
            is_consent = bool(consent and consent.first(text, ctx.language_of(journey, s.index)))
            evidence.append(Evidence(
                step=s.index, words=clip(text), element=dismiss, box=box_of(d), screenshot_step=s.index, note=said,
                data={"dialog": d.get("name"), "covers": covers, "modal": d.get("modal"), "consent_wording": is_consent},
            ))
    if not evidence:
        return Detection(score=1.0, details={"blocking_overlay": False})
    return Detection(score=0.0, evidence=evidence, details={"blocking_overlay": True})


# ------------------------------------------------------------------ entry control (hidden_cancel_link)
def entry_step(journey: JourneyResult) -> tuple[StepRecord | None, list[StepRecord]]:
    """The first click toward the goal (not a dismiss, a login or a control in a dialog), and the reveal clicks
    before it: clicks that opened something on the same page (no navigation, no view change)."""
    clicks = [s for s in journey.steps if s.type == "click" and s.element and s.status == "ok"
              and not s.element.get("in_dialog")]
    if not clicks:
        return None, []
    for i, s in enumerate(clicks):
        if s.navigated or s.view_changed:
            return s, clicks[:i]
    return clicks[0], []


@detector("hidden_cancel_link")
def hidden_cancel_link(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if journey.goal != "cancel":
        return not_applicable(f"only judged on cancel journeys, this one is {journey.goal}")
    entry, reveals = entry_step(journey)
    if entry is None:
        return not_applicable("the journey clicked no entry control")
    el = entry.element
    # a footer is below the fold by nature: where the link sits counts once, and lightly; being lost among many
    # links, small, faint or behind a reveal click is what hides it (OLG München 6 U 4336/23 e)
    w = {"small_font": 1.0, "low_contrast": 1.0, "many_siblings": 1.0, "footer_or_below_fold": 0.25, "reveal_clicks": 1.0}
    w.update(param(ctx, "weights", {}))
    fs, median = el.get("font_size"), el.get("page_font_median")
    ratio = round(fs / median, 2) if fs and median else None
    contrast = el.get("contrast")
    siblings = int(el.get("sibling_links") or 0)
    below = bool(el.get("scroll_needed")) or el.get("in_first_viewport") is False
    signals = {
        "small_font": ratio is not None and ratio < float(param(ctx, "font_ratio_below", 0.85)),
        "low_contrast": contrast is not None and contrast < float(param(ctx, "min_contrast", 4.5)),
        "many_siblings": siblings >= int(param(ctx, "max_sibling_links", 20)),
        "footer_or_below_fold": bool(el.get("in_footer")) or below,
        "reveal_clicks": bool(reveals),
    }
    weight = sum(w[k] for k, on in signals.items() if on) + w["reveal_clicks"] * max(0, len(reveals) - 1)
    score = max(0.0, 1.0 - weight / float(param(ctx, "fail_weight", 3.0)))
    parts = [note("font_vs_median", size=fs, median=median), note("contrast", ratio=contrast), note("sibling_links", n=siblings),
             note("in_footer" if el.get("in_footer") else "not_in_footer"), note("below_fold" if below else "first_viewport")]
    if reveals:
        parts.append(note("reveal_clicks", n=len(reveals), names=[clip(r.element.get("name"), 30) for r in reveals]))
    details = {"signals": [k for k, on in signals.items() if on], "font_ratio": ratio, "contrast": contrast,
               "sibling_links": siblings, "reveal_clicks": len(reveals), "entry_step": entry.index}
    if score >= 1.0:
        return Detection(score=1.0, details=details)
    ev = Evidence(step=entry.index, words=clip(el.get("name") or el.get("text")), element=el, box=box_of(el),
                  screenshot_step=max(entry.index - 1, 0), note=join(parts),
                  data={**details, "font_size": fs, "page_font_median": median})
    evs = [ev] + [Evidence(step=r.index, words=clip(r.element.get("name")), element=r.element, box=box_of(r.element),
                           screenshot_step=max(r.index - 1, 0), note=note("reveal_click"))
                  for r in reveals]
    return Detection(score=round(score, 3), evidence=evs, value=weight, details=details)


# ------------------------------------------------------------------ visual_misdirection
def visual_area(el: dict) -> float:
    """What the eye sees: the box of a filled control, the text extent of an unfilled one."""
    box = el.get("box") or {}
    if el.get("filled"):
        return float(el.get("area") or box.get("width", 0) * box.get("height", 0))
    fs = float(el.get("font_size") or 14)
    text_w = len(el.get("name") or el.get("text") or "") * 0.55 * fs
    return min(float(box.get("width") or text_w), text_w) * min(float(box.get("height") or fs * 1.3), fs * 1.3)


def alternatives(needed: dict, observation: dict | None, max_distance: float) -> list[dict]:
    nbox = needed.get("box") or {}
    ncy = nbox.get("y", 0) + nbox.get("height", 0) / 2
    name = (needed.get("name") or "").casefold()
    out = []
    for e in (observation or {}).get("elements") or []:
        box = e.get("box") or {}
        if (e.get("hidden") or e.get("offscreen") or e.get("disabled") or e.get("role") in FIELD_ROLES
                or (e.get("name") or "").casefold() == name or bool(e.get("in_dialog")) != bool(needed.get("in_dialog"))):
            continue
        if not needed.get("in_dialog") and (e.get("in_footer") or (e.get("landmark") or "") in CHROME_LANDMARKS):
            continue
        if box == nbox or abs(box.get("y", 0) + box.get("height", 0) / 2 - ncy) > max_distance:
            continue
        out.append(e)
    return out


def compare(needed: dict, alt: dict, ctx: DetectorContext) -> tuple[list[Note], list[Note], dict]:
    area_ratio = visual_area(alt) / max(visual_area(needed), 1.0)
    font_ratio = float(alt.get("font_size") or 0) / max(float(needed.get("font_size") or 0), 1.0)
    nc, ac = float(needed.get("contrast") or 21), float(alt.get("contrast") or 21)
    weight_gap = float(alt.get("font_weight") or 400) - float(needed.get("font_weight") or 400)
    strong, weak = [], []
    if alt.get("filled") and not needed.get("filled"):
        strong.append(note("filled_vs_not"))
    if area_ratio >= float(param(ctx, "area_ratio", 3.0)):
        strong.append(note("area_ratio", ratio=area_ratio))
    if font_ratio >= float(param(ctx, "font_ratio_strong", 1.5)):
        strong.append(note("font_ratio", ratio=font_ratio))
    elif font_ratio >= float(param(ctx, "font_ratio_weak", 1.2)):
        weak.append(note("font_ratio", ratio=font_ratio))
    if nc < 3.0 <= ac and ac / nc >= 1.5:
        strong.append(note("contrast_vs", needed=nc, other=ac))
    elif nc < 4.5 and ac / nc >= 1.5:  # both readable (WCAG AA) is not misdirection
        weak.append(note("contrast_vs", needed=nc, other=ac))
    if weight_gap >= 200:
        weak.append(note("weight_vs", needed=needed.get("font_weight"), other=alt.get("font_weight")))
    figures = {"area_ratio": round(area_ratio, 2), "font_ratio": round(font_ratio, 2), "contrast": nc,
               "alt_contrast": ac, "filled": bool(needed.get("filled")), "alt_filled": bool(alt.get("filled"))}
    return strong, weak, figures


@detector("visual_misdirection")
def visual_misdirection(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    if journey.goal not in EXIT_GOALS:
        return not_applicable(f"only judged on cancel and uninstall journeys, this one is {journey.goal}")
    entry, _ = entry_step(journey) if journey.goal == "cancel" else (None, [])
    max_distance = float(param(ctx, "max_distance_px", 600))
    evidence, judged, worst = [], 0, 1.0
    for i, s in enumerate(journey.steps):
        if i == 0 or s.type not in CLICKS or not s.element or s.status != "ok" or s is entry:
            continue
        alts = alternatives(s.element, journey.steps[i - 1].observation, max_distance)
        if not alts:
            continue
        judged += 1
        step_score, found = 1.0, None
        for alt in alts:
            strong, weak, figures = compare(s.element, alt, ctx)
            sc = 0.0 if strong else max(0.0, 1.0 - float(param(ctx, "weak_signal_weight", 0.1)) * len(weak))
            if sc < step_score:
                step_score, found = sc, (alt, strong + weak, figures)
        if found is None:
            continue
        worst = min(worst, step_score)
        alt, reasons, figures = found
        el = s.element
        evidence.append(Evidence(
            step=s.index, words=clip(el.get("name") or el.get("text")), element=el, box=box_of(el),
            screenshot_step=max(i - 1, 0),
            note=join([note("needed_vs", needed=clip(el.get("name"), 40) or None, other=clip(alt.get("name"), 40) or None), *reasons]),
            data={**figures, "alternative": {"name": alt.get("name"), "role": alt.get("role"), "box": alt.get("box"),
                                             "font_size": alt.get("font_size"), "font_weight": alt.get("font_weight"),
                                             "contrast": alt.get("contrast"), "filled": alt.get("filled"), "area": alt.get("area")},
                  "font_size": el.get("font_size"), "score": step_score},
        ))
    if not judged:
        return Detection(score=1.0, details={"steps_judged": 0, "note": "no step offered a competing control"})
    return Detection(score=worst, evidence=evidence, details={"steps_judged": judged, "steps_flagged": len(evidence)})
