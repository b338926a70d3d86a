"""CX303 hidden_cancel_link: how findable the entry into the cancel flow is, by the criteria of OLG München
(20 Mar 2025, 6 U 4336/23 e): behind an expander (reveal clicks before it), among many neighbouring links,
small and faint against the page's text, below the fold or in the footer, inside a line of small print."""

from __future__ import annotations

from cxaudit.judge.detectors._entry import entry_of, entry_step
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, not_applicable, param
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import ElementInfo, Observed, page_of
from cxaudit.words.notes import Note, join, note

WEIGHTS = {"small_font": 1.0, "low_contrast": 1.0, "many_siblings": 1.0, "footer_or_below_fold": 0.25,
           "reveal_clicks": 1.0, "footnote_line": 1.0}


def footnote_size(el: ElementInfo, before: Observed, page_median: float, below: float) -> float | None:
    """The font size of the line of small print the entry sits in: a text block around the entry's box with
    more words than the entry's own, in a font below ``below`` times the page's median; None when it sits in none."""
    b = el.box
    cx, cy = b.x + b.width / 2, b.y + b.height / 2
    name = (el.name or el.text).casefold()
    sizes = [float(t.font_size) for t in page_of(before).text_blocks
             if t.box.x <= cx <= t.box.x + t.box.width and t.box.y <= cy <= t.box.y + t.box.height
             and name in t.text.casefold() and len(t.text) >= len(name) + 20 and t.font_size]
    return min(sizes) if sizes and page_median and min(sizes) < below * page_median else None


@detector("hidden_cancel_link")
def hidden_cancel_link(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    entry, reveals = entry_step(journey, ctx)
    if entry is None:
        return not_applicable("no click on the path says cancel or leads to the cancel form, and no step is marked entry: true")
    el = entry.element
    w = {**WEIGHTS, **param(ctx, "weights", {})}
    # the page's text as it was before any reveal: 58 small links shown by "more links" would drag the median down
    first = reveals[0].element if reveals else el
    median_fs, page_contrast = first.page_font_median, first.page_contrast_median
    fs, contrast, siblings = el.font_size, el.contrast, el.sibling_links
    ratio = round(fs / median_fs, 2) if fs and median_fs else None
    below = el.scroll_needed or not el.in_first_viewport
    faint_vs_page = bool(page_contrast and contrast < float(param(ctx, "contrast_vs_page_below", 0.35)) * page_contrast)
    before = journey.steps[entry.index - 1].observation if entry.index > 0 else None
    small_print = footnote_size(el, before, float(median_fs or 0), float(param(ctx, "font_ratio_below", 0.85)))
    signals = {
        "small_font": ratio is not None and ratio < float(param(ctx, "font_ratio_below", 0.85)),
        "low_contrast": contrast < float(param(ctx, "min_contrast", 4.5)) or faint_vs_page,
        "many_siblings": siblings >= int(param(ctx, "max_sibling_links", 20)),
        "footer_or_below_fold": el.in_footer or below,
        "reveal_clicks": bool(reveals),
        "footnote_line": small_print is not None,
    }
    weight = sum(w[k] for k, on in signals.items() if on) + w["reveal_clicks"] * max(0, len(reveals) - 1)
    score = max(0.0, 1.0 - weight / float(param(ctx, "fail_weight", 3.0)))
    held = [k for k, on in signals.items() if on]
    parts: list[Note] = [note("criteria_held", names=held), note("font_vs_median", size=fs, median=median_fs),
                         note("contrast_vs_page", ratio=contrast, page=page_contrast) if page_contrast
                         else note("contrast", ratio=contrast),
                         note("sibling_links", n=siblings), note("in_footer" if el.in_footer else "not_in_footer"),
                         note("below_fold" if below else "first_viewport")]
    if small_print is not None:
        parts.append(note("footnote_line", size=small_print))
    if reveals:
        parts.append(note("reveal_clicks", n=len(reveals), names=[clip(r.element.name, 30) for r in reveals]))
    details = {"signals": held, "font_ratio": ratio, "contrast": contrast,
               "page_contrast_median": page_contrast, "sibling_links": siblings, "reveal_clicks": len(reveals),
               "reveal_steps": [r.index for r in reveals], "entry_step": entry.index,
               "entry_by": entry_of(journey, ctx)[1]}
    if score >= 1.0:
        return Detection(score=1.0, details=details)
    # one finding, on the entry's step: the reveal clicks are criteria of it, named in its note, not findings of their own
    ev = Evidence(step=entry.index, words=clip(el.name or el.text), element=el, box=box_of(el),
                  screenshot_step=max(entry.index - 1, 0), note=join(parts),
                  data={**details, "font_size": fs, "page_font_median": median_fs,
                        "reveals": [{"step": r.index, "name": r.element.name, "box": r.element.box.model_dump()}
                                    for r in reveals]})
    return Detection(score=round(score, 3), evidence=[ev], value=weight, details=details)
