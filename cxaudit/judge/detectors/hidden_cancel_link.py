"""CX303 hidden_cancel_link: how findable the control that starts the cancellation is (font, contrast, crowding,
footer or below the fold, reveal clicks before it), from the element record of the entry click."""

from __future__ import annotations

from cxaudit.judge.detectors._entry import entry_step
from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, not_applicable, param
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import join, note


@detector("hidden_cancel_link")
def hidden_cancel_link(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    entry, reveals = entry_step(journey)
    if entry is None:
        return not_applicable("the journey clicked no entry control")
    el = entry.element
    # a footer is below the fold by nature: where the link sits counts once, and lightly; being lost among many
    # links, small, faint or behind a reveal click is what hides it (OLG München 6 U 4336/23 e)
    w = {"small_font": 1.0, "low_contrast": 1.0, "many_siblings": 1.0, "footer_or_below_fold": 0.25, "reveal_clicks": 1.0}
    w.update(param(ctx, "weights", {}))
    fs, median = el.font_size, el.page_font_median
    ratio = round(fs / median, 2) if fs and median else None
    contrast = el.contrast
    siblings = el.sibling_links
    below = el.scroll_needed or not el.in_first_viewport
    signals = {
        "small_font": ratio is not None and ratio < float(param(ctx, "font_ratio_below", 0.85)),
        "low_contrast": contrast is not None and contrast < float(param(ctx, "min_contrast", 4.5)),
        "many_siblings": siblings >= int(param(ctx, "max_sibling_links", 20)),
        "footer_or_below_fold": el.in_footer or below,
        "reveal_clicks": bool(reveals),
    }
    weight = sum(w[k] for k, on in signals.items() if on) + w["reveal_clicks"] * max(0, len(reveals) - 1)
    score = max(0.0, 1.0 - weight / float(param(ctx, "fail_weight", 3.0)))
    parts = [note("font_vs_median", size=fs, median=median), note("contrast", ratio=contrast), note("sibling_links", n=siblings),
             note("in_footer" if el.in_footer else "not_in_footer"), note("below_fold" if below else "first_viewport")]
    if reveals:
        parts.append(note("reveal_clicks", n=len(reveals), names=[clip(r.element.name, 30) for r in reveals]))
    details = {"signals": [k for k, on in signals.items() if on], "font_ratio": ratio, "contrast": contrast,
               "sibling_links": siblings, "reveal_clicks": len(reveals), "entry_step": entry.index}
    if score >= 1.0:
        return Detection(score=1.0, details=details)
    ev = Evidence(step=entry.index, words=clip(el.name or el.text), element=el, box=box_of(el),
                  screenshot_step=max(entry.index - 1, 0), note=join(parts),
                  data={**details, "font_size": fs, "page_font_median": median})
    evs = [ev] + [Evidence(step=r.index, words=clip(r.element.name), element=r.element, box=box_of(r.element),
                           screenshot_step=max(r.index - 1, 0), note=note("reveal_click"))
                  for r in reveals]
    return Detection(score=round(score, 3), evidence=evs, value=weight, details=details)
