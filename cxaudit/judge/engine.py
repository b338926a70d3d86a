"""Judging: the catalogue's checks applied to recorded journeys, without a browser.

``judge_run(run)`` fills every journey's ``checks`` and ``score`` and the run's ``sites``; it is what
``cxaudit run`` does after recording and what ``cxaudit rescore`` does to a saved run. A detector that
raises gives that check an ``error`` result; it never stops the others.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from cxaudit.errors import CxauditError
from cxaudit.judge import detectors
from cxaudit.judge.catalogue import CheckSpec, load_catalogue
from cxaudit.judge.detectors.base import REGISTRY, Detection, DetectorContext, Evidence, Shown, box_of, load_plugin
from cxaudit.judge.jurisdiction import Law, load_laws, recorded_on, resolve, rules_in_force
from cxaudit.judge.language import journey_language_of
from cxaudit.judge.lexicon import Lexicon, load_lexicons
from cxaudit.judge.scoring import journey_score, site_scores, status_for
from cxaudit.results.counting import recount
from cxaudit.results.model import Box, CheckResult, Finding, JourneyResult, RunResult
from cxaudit.results.observation import FormField
from cxaudit.shipped import shipped
from cxaudit.words.notes import Note, note

MAX_FINDINGS = 20  # per check and journey: a long page of the same finding helps no one
DETECTOR_PLUGINS = "cxaudit.detectors"  # the entry point group: each names a module of @detector functions


def load_detectors() -> dict:
    """Import every module of cxaudit.judge.detectors, then the modules that other packages name in entry
    points of the group ``cxaudit.detectors``, so their @detector functions register."""
    for info in pkgutil.iter_modules(detectors.__path__):
        importlib.import_module(f"{detectors.__name__}.{info.name}")
    for ep in sorted(entry_points(group=DETECTOR_PLUGINS), key=lambda ep: ep.name):
        load_plugin(ep, "detector")
    return REGISTRY


@dataclass
class Catalogue:
    specs: list[CheckSpec]
    lexicons: dict[str, Lexicon]
    folders: list[Path]
    laws: dict[str, Law]

    def spec(self, check_id: str) -> CheckSpec:
        for s in self.specs:
            if s.id == check_id:
                return s
        raise KeyError(check_id)


def catalogue(extra: list[Path] | None = None) -> Catalogue:
    """The shipped checks and lexicons, with user folders (``--checks DIR``) merged over them."""
    folders = [shipped("checks"), *(Path(p) for p in (extra or []))]
    specs = load_catalogue(folders)
    lexicons = load_lexicons(folders)
    laws = load_laws(folders)
    registry = load_detectors()
    problems = []
    for spec in specs:
        unknown = [r for r in spec.rules if r not in laws]
        if unknown:
            problems.append(f"{spec.file}: rules {', '.join(repr(r) for r in unknown)} are not in any checks/laws/*.yaml"
                            " (add them there, with where and since when they are in force)")
        if spec.detector not in registry:
            problems.append(f"{spec.file}: detector '{spec.detector}' does not exist (known: {', '.join(sorted(registry))})")
        for name in spec.lexicons:
            if name not in lexicons:
                problems.append(f"{spec.file}: lexicon '{name}' is not in any checks/lexicons/ folder")
    if problems:
        raise CxauditError("\n".join(problems))
    return Catalogue(specs, lexicons, folders, laws)


def _not_applicable(spec: CheckSpec, journey: JourneyResult, language_of: Any) -> Note | None:
    """Why the check does not apply to the journey (its goal, jurisdiction or pages' language), or None."""
    if not spec.applies_to(journey.goal):
        return note("na_goal", goals=list(spec.goals), goal=journey.goal)
    where = journey.jurisdiction
    if where is not None and not spec.applies_in(where.code):
        return note("na_jurisdiction", where=list(spec.jurisdictions), jurisdiction=where.code,
                    source=f"source_{where.source}")
    if spec.languages:
        langs = {language_of(journey, s.index) for s in journey.steps if s.observation}
        if not langs & set(spec.languages):
            return note("na_language", languages=", ".join(spec.languages), found=", ".join(sorted(langs)) or "?")
    return None


def _element_words(element: Shown | None) -> dict[str, Any] | None:
    """A finding's ``element``: the role, name, tag and text it has (a form field has only its name)."""
    if element is None:
        return None
    named = {"name": element.name} if isinstance(element, FormField) else \
        {"role": element.role, "name": element.name, "tag": element.tag, "text": element.text}
    return {k: v for k, v in named.items() if v} or None


def _finding(spec: CheckSpec, ev: Evidence) -> Finding:
    box = ev.box or box_of(ev.element)
    return Finding(
        check=spec.id,
        code=spec.code,
        severity=spec.severity,
        step=ev.step,
        screenshot_step=ev.screenshot_step if ev.screenshot_step is not None else ev.step,
        screenshot=ev.screenshot,
        words=(ev.words or "")[:300],
        note=ev.note.text("en") if isinstance(ev.note, Note) else (ev.note or ""),
        note_parts=ev.note.dump() if isinstance(ev.note, Note) else [],
        box=Box(x=float(box.x), y=float(box.y), width=float(box.width), height=float(box.height)) if box else None,
        element=_element_words(ev.element),
        data=ev.data or {},
    )


def judge_check(spec: CheckSpec, journey: JourneyResult, cat: Catalogue, run: RunResult | None,
                language_of: Any) -> CheckResult:
    where = journey.jurisdiction.code if journey.jurisdiction else "none"
    base = dict(id=spec.id, code=spec.code, kind=spec.kind, category=spec.category, severity=spec.severity,
                weight=spec.effective_weight,
                rules=rules_in_force(spec.rules, cat.laws, where, recorded_on(journey)))
    why_not = _not_applicable(spec, journey, language_of)
    if why_not is not None:
        return CheckResult(**base, status="not_applicable",
                           details={"reason": why_not.text("en"), "reason_parts": why_not.dump()})
    params = dict(spec.params)
    if spec.curve is not None:
        params["curve"] = spec.curve.model_dump()
    ctx = DetectorContext(params=params, lexicons=cat.lexicons, run=run, language_of=language_of,
                          jurisdiction=where)
    try:
        detection: Detection = REGISTRY[spec.detector](journey, ctx)
        score = None if detection.score is None else max(0.0, min(1.0, float(detection.score)))
        status = status_for(spec.kind, score, spec.partial)
        # findings are the evidence of a failed check; a metric in the warn band, or a blocker's partial finding,
        # is reported as its score and details only
        # (evidence whose element or box is not a typed record, e.g. a plugin's dict, fails here too)
        findings = [_finding(spec, ev) for ev in detection.evidence] if status == "fail" else []
    except Exception as exc:  # noqa: BLE001 - a broken or surprised detector must not stop the others
        return CheckResult(**base, status="error", error=f"{type(exc).__name__}: {exc}"[:500])
    return CheckResult(**base, status=status, score=None if score is None else round(score, 4),
                       value=detection.value, findings=findings[:MAX_FINDINGS], details=detection.details)


def judge_journey(journey: JourneyResult, cat: Catalogue, run: RunResult | None = None,
                  jurisdiction: str | None = None) -> JourneyResult:
    """Judge one journey in its jurisdiction (``jurisdiction`` overrides the one it was recorded with)."""
    language_of = journey_language_of
    recount(journey)  # a run recorded before a login counted its fields is counted as a new recording would be
    journey.jurisdiction = resolve(journey, jurisdiction)
    journey.checks = [judge_check(spec, journey, cat, run, language_of) for spec in cat.specs]
    journey.score = journey_score(journey)
    return journey


def judge_run(run: RunResult, extra_checks: list[Path] | None = None, cat: Catalogue | None = None,
              jurisdiction: str | None = None) -> RunResult:
    """Judge every journey of the run (in place) and score the sites; ``jurisdiction`` (rescore
    --jurisdiction) overrides the journeys' own. Returns the run."""
    cat = cat or catalogue(extra_checks)
    for journey in run.journeys:  # every journey first: cancel_harder_than_signup reads the sign-up's count
        recount(journey)
    for journey in run.journeys:
        if journey.outcome == "pending":
            continue
        judge_journey(journey, cat, run, jurisdiction)
    run.sites = site_scores(run)
    run.judged = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "checks": len(cat.specs),
        "folders": [str(f) for f in cat.folders[1:]],
    }
    return run


def top_findings(run: RunResult, n: int = 5) -> list[tuple[JourneyResult, CheckResult]]:
    """The failed checks that weigh most, across the run."""
    failed = [(j, c) for j in run.journeys for c in j.checks if c.status == "fail"]
    failed.sort(key=lambda jc: (-jc[1].weight * (1 - (jc[1].score or 0) + 1e-9), jc[0].id, jc[1].code))
    return failed[:n]
