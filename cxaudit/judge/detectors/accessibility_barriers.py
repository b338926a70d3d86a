"""CX701 accessibility_barriers: barriers on the journey's pages, from the axe-core summary the recorder keeps
per page (``observation.axe``, see cxaudit/record/axe.py): WCAG 2 A/AA violations, weighted by their impact.

The score multiplies, per distinct rule violated anywhere on the journey, ``1 - weight(impact)``: one serious
violation (e.g. colour contrast) leaves 0.7, a critical one 0.5, three serious ones 0.34. A page axe skipped as
already seen inherits nothing: each rule is reported once, at the step where it first shows.
"""

from __future__ import annotations

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, detector
from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import AxeError, AxeSkipped
from cxaudit.words.notes import note

IMPACT_WEIGHT = {"critical": 0.5, "serious": 0.3, "moderate": 0.1, "minor": 0.05}
IMPACT_ORDER = ["critical", "serious", "moderate", "minor"]


@detector("accessibility_barriers")
def accessibility_barriers(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    weights = {**IMPACT_WEIGHT, **(ctx.params.get("impact_weights") or {})}
    pages, errors, rules = 0, [], {}
    for s in journey.steps:
        axe = s.observation.axe if s.observation is not None else None
        if axe is None or isinstance(axe, AxeSkipped):
            continue
        if isinstance(axe, AxeError):
            errors.append({"step": s.index, "error": axe.error})
            continue
        pages += 1
        for v in axe.violations:
            rid = v.id or "?"
            r = rules.get(rid)
            if r is None:
                rules[rid] = r = {"id": rid, "impact": v.impact or "minor", "help": v.help,
                                  "nodes": 0, "pages": 0, "first_step": s.index, "targets": v.targets[:3],
                                  "url": s.url_after}
            r["nodes"] += v.nodes
            r["pages"] += 1
    if pages == 0:
        reason = "axe did not run on this journey's pages" + (" (errors)" if errors else " (recorded with axe off?)")
        return Detection(score=None, details={"reason": reason, "errors": errors})
    ordered = sorted(rules.values(), key=lambda r: (IMPACT_ORDER.index(r["impact"]) if r["impact"] in IMPACT_ORDER else 9,
                                                    r["first_step"], r["id"]))
    score = 1.0
    for r in ordered:
        score *= 1.0 - float(weights.get(r["impact"], 0.05))
    evidence = [Evidence(
        step=r["first_step"], words=r["help"][:200], screenshot_step=r["first_step"],
        note=note("axe_rule", rule=r["id"], impact=r["impact"], nodes=r["nodes"], pages=r["pages"], targets=", ".join(r["targets"][:3])),
        data=r,
    ) for r in ordered]
    counts = {imp: sum(1 for r in ordered if r["impact"] == imp) for imp in IMPACT_ORDER}
    details = {"pages_checked": pages, "errors": errors, "rules": {r["id"]: r["nodes"] for r in ordered},
               "by_impact": counts}
    return Detection(score=round(score, 4), evidence=evidence, value=float(len(ordered)), details=details)
