"""CX302 visual_misdirection: a control the journey needed that looks weaker than an alternative of the same
decision (filled vs not, area, font size, contrast, weight), from the element records of the page before each click.

The alternatives of a decision are the other controls of the same dialog, form, fieldset or button group, card
or menu, or of the page's main content (the flow step), by the decision containers snapshot.js records for each
element (``groups``, nearest first). Header, navigation, footer, menus, tiles and banners elsewhere on the page
are not alternatives, nor is the control marked as where the visitor is (``current``: aria-current, the
selected tab); a control that is itself in the header, navigation, footer or a menu chooses where to go,
not between the alternatives of a step, and is not judged. Runs recorded before 1.3 have no ``groups``: there
the alternatives are the controls in the same landmark, in a dialog when the needed control is in one,
outside the header, navigation and footer, within ``max_distance_px``."""

from __future__ import annotations

import re

from cxaudit.judge.detectors._entry import entry_step
from cxaudit.judge.detectors._wording import in_chrome
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, param
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import Element, ElementInfo, Observed, page_of
from cxaudit.words.notes import Note, join, note

CLICKS = ("click", "gate")
FIELD_ROLES = {"textbox", "searchbox", "radio", "checkbox", "combobox", "listbox", "slider", "spinbutton", "switch", "option"}
# containers whose controls choose where to go, not between the alternatives of a step
CHROME_KINDS = {"header", "nav", "footer", "aside", "menu", "search"}
FLOW_KINDS = {"main", "page"}  # the whole content of a step: alternatives only within max_distance_px


def kind(group: str) -> str:
    return group.split("@", 1)[0]


def visual_area(el: Element | ElementInfo) -> float:
    """What the eye sees: the box of a filled control, the text extent of an unfilled one."""
    box = el.box
    if el.filled:
        return float(el.area or box.width * box.height)
    fs = float(el.font_size or 14)
    text_w = len(el.name or el.text) * 0.55 * fs
    return min(float(box.width or text_w), text_w) * min(float(box.height or fs * 1.3), fs * 1.3)


def _length_explains(needed: ElementInfo, alt: Element) -> bool:
    """Two controls of one style (both filled or both not, the same font size and weight, the same height) differ
    in area only by how long their words are: "Ajouter un appareil (Famille+)" beside "Gérer" is wider, not
    more prominent. Measured by width per visible character."""
    if bool(alt.filled) != bool(needed.filled) or not needed.box.height or not alt.box.height:
        return False
    if abs(float(alt.font_size or 0) - float(needed.font_size or 0)) > 1 or alt.box.height / needed.box.height >= 1.25:
        return False
    if float(alt.font_weight or 400) != float(needed.font_weight or 400):
        return False
    chars = [max(len((e.text or e.name or "").strip()), 1) for e in (needed, alt)]
    per_char = (alt.box.width / chars[1]) / max(needed.box.width / chars[0], 1.0)
    return per_char < 1.5


# a star of a rating widget ("1 star", "5 stars out of 5", "★"): a rating, not another next step
RATING_STAR = re.compile(r"(?i)^\s*(?:\d\s*(?:stars?|sterne?|étoiles?)\b.*|[★☆⭐]+)\s*$")


def _candidates(needed: ElementInfo, elements: list[Element]) -> list[Element]:
    name = needed.name.casefold()
    # the current tab or page (drawn strong because it is where the visitor is) offers no other next step
    return [e for e in elements if not (e.hidden or e.offscreen or e.disabled or e.current or e.role in FIELD_ROLES
                                        or e.name.casefold() == name or e.box == needed.box
                                        or RATING_STAR.match(e.name or e.text or ""))]


def _groups_of(needed: ElementInfo, elements: list[Element]) -> list[str] | None:
    """The needed control's containers as the page snapshot named them (the same element found by name and
    box), else as element.js did; None for a run recorded before 1.3."""
    for e in elements:
        if e.groups is not None and e.name == needed.name and abs(e.box.x - needed.box.x) < 2 \
                and abs(e.box.y - needed.box.y) < 2:
            return e.groups
    return needed.groups


def _within(e: Element, scope: str) -> bool:
    """``e`` belongs to the decision ``scope``: inside it, and not inside chrome or a dialog nested in it."""
    groups = e.groups or []
    foreign = CHROME_KINDS | {"dialog"}
    if scope == "page@":
        inner, foreign = groups, foreign | {"region"}  # a labelled region (a banner) is a part of its own
    elif scope in groups:
        inner = groups[:groups.index(scope)]
    else:
        return False
    return not any(kind(g) in foreign for g in inner)


def decision(needed: ElementInfo, observation: Observed, max_distance: float) -> tuple[str | None, list[Element]]:
    """The decision the needed control belongs to (its nearest container that holds another control, never
    past a dialog; "page@" when none does) and its alternatives; (None, []) when it is not a step's decision."""
    elements = page_of(observation).elements
    groups = _groups_of(needed, elements)
    if groups is None:
        return "legacy", _legacy_alternatives(needed, elements, max_distance)
    cands = _candidates(needed, elements)
    for scope in [*groups, "page@"]:
        if kind(scope) in CHROME_KINDS:
            return None, []
        alts = [e for e in cands if _within(e, scope)]
        if kind(scope) in FLOW_KINDS:
            ncy = needed.box.y + needed.box.height / 2
            alts = [e for e in alts if abs(e.box.y + e.box.height / 2 - ncy) <= max_distance]
        if alts or kind(scope) == "dialog":
            return scope, alts
    return "page@", []


def _legacy_alternatives(needed: ElementInfo, elements: list[Element], max_distance: float) -> list[Element]:
    ncy = needed.box.y + needed.box.height / 2
    out = []
    for e in _candidates(needed, elements):
        if e.in_dialog != needed.in_dialog or (e.landmark or "") != (needed.landmark or ""):
            continue
        if not needed.in_dialog and in_chrome(e):
            continue
        if abs(e.box.y + e.box.height / 2 - ncy) <= max_distance:
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
    if area_ratio >= float(param(ctx, "area_ratio", 3.0)) and not _length_explains(needed, alt):
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
        scope, alts = decision(s.element, journey.steps[i - 1].observation, max_distance)
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
                  "font_size": el.font_size, "score": step_score, "decision": kind(scope or "")},
        ))
    if not judged:
        return Detection(score=1.0, details={"steps_judged": 0, "note": "no step offered a competing control"})
    return Detection(score=worst, evidence=evidence, details={"steps_judged": judged, "steps_flagged": len(evidence)})
