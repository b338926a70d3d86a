"""CX302 visual_misdirection: a control the journey needed that looks weaker than an alternative beside it
(filled vs not, area, font size, contrast, weight), from the element records of the page before each click."""

from __future__ import annotations

from cxaudit.judge.detectors._entry import entry_step
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, param
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import Element, ElementInfo, Observed, page_of
from cxaudit.words.notes import Note, join, note

CLICKS = ("click", "gate")
FIELD_ROLES = {"textbox", "searchbox", "radio", "checkbox", "combobox", "listbox", "slider", "spinbutton", "switch", "option"}
CHROME_LANDMARKS = {"header", "banner", "nav", "navigation", "footer", "contentinfo", "complementary", "aside"}


def visual_area(el: Element | ElementInfo) -> float:
    """What the eye sees: the box of a filled control, the text extent of an unfilled one."""
    box = el.box
    if el.filled:
        return float(el.area or box.width * box.height)
    fs = float(el.font_size or 14)
    text_w = len(el.name or el.text) * 0.55 * fs
    return min(float(box.width or text_w), text_w) * min(float(box.height or fs * 1.3), fs * 1.3)


def alternatives(needed: ElementInfo, observation: Observed, max_distance: float) -> list[Element]:
    nbox = needed.box
    ncy = nbox.y + nbox.height / 2
    name = needed.name.casefold()
    out = []
    for e in page_of(observation).elements:
        box = e.box
        if (e.hidden or e.offscreen or e.disabled or e.role in FIELD_ROLES
                or e.name.casefold() == name or e.in_dialog != needed.in_dialog):
            continue
        if not needed.in_dialog and (e.in_footer or (e.landmark or "") in CHROME_LANDMARKS):
            continue
        if box == nbox or abs(box.y + box.height / 2 - ncy) > max_distance:
            continue
        out.append(e)
    return out


def compare(needed: ElementInfo, alt: Element, ctx: DetectorContext) -> tuple[list[Note], list[Note], dict]:
    area_ratio = visual_area(alt) / max(visual_area(needed), 1.0)
    font_ratio = float(alt.font_size or 0) / max(float(needed.font_size or 0), 1.0)
    nc, ac = float(needed.contrast or 21), float(alt.contrast or 21)
    weight_gap = float(alt.font_weight or 400) - float(needed.font_weight or 400)
    strong, weak = [], []
    if alt.filled and not needed.filled:
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
        weak.append(note("weight_vs", needed=needed.font_weight, other=alt.font_weight))
    figures = {"area_ratio": round(area_ratio, 2), "font_ratio": round(font_ratio, 2), "contrast": nc,
               "alt_contrast": ac, "filled": needed.filled, "alt_filled": alt.filled}
    return strong, weak, figures


@detector("visual_misdirection")
def visual_misdirection(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    # on a cancel journey the entry click is hidden_cancel_link's; an uninstall journey has none
    entry, _ = entry_step(journey, ctx) if journey.goal == "cancel" else (None, [])
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
            step=s.index, words=clip(el.name or el.text), element=el, box=box_of(el),
            screenshot_step=max(i - 1, 0),
            note=join([note("needed_vs", needed=clip(el.name, 40) or None, other=clip(alt.name, 40) or None), *reasons]),
            data={**figures, "alternative": {"name": alt.name, "role": alt.role, "box": alt.box.model_dump(),
                                             "font_size": alt.font_size, "font_weight": alt.font_weight,
                                             "contrast": alt.contrast, "filled": alt.filled, "area": alt.area},
                  "font_size": el.font_size, "score": step_score},
        ))
    if not judged:
        return Detection(score=1.0, details={"steps_judged": 0, "note": "no step offered a competing control"})
    return Detection(score=worst, evidence=evidence, details={"steps_judged": judged, "steps_flagged": len(evidence)})
