"""The HTML report: one self-contained file, no network, no script, nothing of the audited site's markup.

Jinja2 with autoescape on for every template; the page's words reach the report only as escaped text.
Screenshots are embedded as re-encoded JPEG data URIs with the evidence boxes drawn as SVG over them.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from cxaudit.atomic import write_atomic
from cxaudit.judge import scoring
from cxaudit.judge.catalogue import SEVERITY_WEIGHT, CheckSpec
from cxaudit.report import charts, content, images
from cxaudit.results.model import CheckResult, Finding, JourneyResult, RunResult, StepRecord
from cxaudit.words.actions import element_text, step_text
from cxaudit.words.format import number
from cxaudit.words.i18n import label, plural, t

TEMPLATES = Path(__file__).parent / "templates"
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


@dataclass
class Branding:
    """Who hands the report to whom. Every field is optional."""

    consultant: str | None = None
    logo: str | Path | None = None  # a PNG/JPEG/GIF/WebP/SVG file, embedded as a data URI
    client: str | None = None
    date: str | None = None  # printed as given; default: the run's date
    title: str | None = None  # default: "Customer journey audit"


@dataclass
class StepFinding:
    number: int  # journey-wide, in step order: the tag of its box
    finding: Finding
    text: content.CheckText
    mark: images.Mark | None
    shot_step: int | None = None  # the step whose screenshot carries its box (the page before a click)


@dataclass
class StepView:
    step: StepRecord
    shot: images.Shot | None
    overlay: Any
    findings: list[StepFinding] = field(default_factory=list)  # what happened at this step
    boxes_for: list[tuple[int, int]] = field(default_factory=list)  # (tag, step): boxes here of later steps' findings
    blocked: images.Shot | None = None  # a gate's picture while blocked (GateProbe.screenshot)
    blocked_overlay: Any = None  # the boxes of the findings it shows (Finding.screenshot)


@dataclass
class JourneyView:
    journey: JourneyResult
    anchor: str
    sentence: str
    steps: list[StepView]
    general: list[StepFinding]  # findings not tied to a step
    checks: list[tuple[CheckResult, content.CheckText]]
    bytes: int = 0


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(label=label, number=number, plural=plural)
    env.filters["shy"] = soft_hyphens
    return env


# where German compounds join: after these endings a long word may break (Kündigungs-bestätigung)
_JOINTS = re.compile(r"(?<=\w{3})(ungs|heits|keits|tions|täts|schafts|gangs)(?=\w{5})")


def soft_hyphens(text: str, lang: str) -> str:
    """Soft hyphens at the joints of long German words, so a narrow table column breaks them there and not
    after any letter (Chromium hyphenates no German without its dictionaries). Other languages as they are."""
    if lang != "de":
        return text
    return re.sub(r"\w{14,}", lambda m: _JOINTS.sub("\\1\u00ad", m.group(0)), text)


def _anchor(text: str) -> str:
    return "j-" + "".join(c if c.isalnum() else "-" for c in text.lower())


def _journey_view(run: RunResult, j: JourneyResult, folder: Path, specs: dict[str, CheckSpec], lang: str) -> JourneyView:
    """Each finding is listed on the card of the step where it happened (``step``, as the CLI and results.json
    number it); its box is drawn on the screenshot that shows it (``screenshot_step``: for a control that was
    clicked, the page before the click), tagged with the finding's journey-wide number."""
    by_step: dict[int, list[tuple[Finding, content.CheckText]]] = {}
    general: list[tuple[Finding, content.CheckText]] = []
    for c in j.checks:
        if c.status != "fail":
            continue
        text = content.check_text(specs, c, lang)
        for f in c.findings:
            (by_step.setdefault(f.step, []) if f.step is not None else general).append((f, text))
    indices = {s.index for s in j.steps}
    for where in [w for w in by_step if w not in indices]:  # a step the run does not have: list it at the top
        general += by_step.pop(where)
    listed: dict[int, list[StepFinding]] = {}
    boxes: dict[int, list[StepFinding]] = {}  # screenshot step -> the findings with a box on it
    own: dict[tuple[int, str], list[StepFinding]] = {}  # (step, picture) -> findings with a picture of their own
    number = 0
    for s in j.steps:
        found = sorted(by_step.get(s.index, []), key=lambda ft: (content.SEVERITY_ORDER.get(ft[0].severity, 9), ft[0].code))
        for f, text in found:
            number += 1
            shot_step = f.screenshot_step if f.screenshot_step in indices else s.index
            item = StepFinding(number, f, text, None, shot_step)
            listed.setdefault(s.index, []).append(item)
            if f.box and f.screenshot and s.gate is not None and f.screenshot == s.gate.screenshot:
                item.shot_step = s.index  # drawn on this step's picture of the block
                own.setdefault((s.index, f.screenshot), []).append(item)
            elif f.box:
                boxes.setdefault(shot_step, []).append(item)
    steps, total = [], 0
    for s in j.steps:
        shot = images.screenshot(folder, s.screenshot)
        here = boxes.get(s.index, [])
        marks = images.marks_for([(sf.number, sf.finding.box, sf.finding.severity) for sf in here], shot)
        for sf, mark in zip(here, marks, strict=True):
            sf.mark = mark
        later = [(sf.number, sf.finding.step) for sf in here if sf.finding.step != s.index]
        total += shot.bytes if shot else 0
        view = StepView(s, shot, images.overlay(shot, marks) if shot and marks else None, listed.get(s.index, []), later)
        if s.gate is not None and s.gate.screenshot:
            view.blocked = images.screenshot(folder, s.gate.screenshot)
            mine = own.get((s.index, s.gate.screenshot), [])
            block_marks = images.marks_for([(sf.number, sf.finding.box, sf.finding.severity) for sf in mine], view.blocked)
            for sf, mark in zip(mine, block_marks, strict=True):
                sf.mark = mark
            if mine and s.gate.message_box is not None:  # the validation message (or its field), tagged alike
                block_marks += images.marks_for([(mine[0].number, s.gate.message_box, mine[0].finding.severity)], view.blocked)
            if view.blocked and block_marks:
                view.blocked_overlay = images.overlay(view.blocked, block_marks)
            total += view.blocked.bytes if view.blocked else 0
        steps.append(view)
    checks = [(c, content.check_text(specs, c, lang)) for c in j.checks]
    checks.sort(key=lambda ct: (["fail", "warn", "error", "pass", "info", "not_applicable"].index(ct[0].status), ct[0].code))
    return JourneyView(j, _anchor(j.id), content.sentence(j, run, lang), steps,
                       [StepFinding(n, f, text, None) for n, (f, text) in enumerate(general, number + 1)], checks,
                       total)


def _date(run: RunResult, branding: Branding, lang: str) -> str:
    if branding.date:
        return branding.date
    try:
        d = datetime.fromisoformat(run.started_at)
    except ValueError:
        return run.started_at[:10]
    return d.strftime("%d.%m.%Y") if lang == "de" else d.strftime("%-d %B %Y")


def score_model(specs: dict[str, CheckSpec], run: RunResult) -> dict[str, Any]:
    """The numbers of the score model, from the code (scoring.py, catalogue.py), not copies."""
    bands = []
    upper = None
    for floor, letter in scoring.GRADES:
        bands.append((letter, floor, upper))
        upper = floor
    used = {c.id for j in run.journeys for c in j.checks if c.status != "not_applicable"}
    curves = [s for s in specs.values() if s.curve is not None and (s.id in used or not used)]
    return dict(cap=scoring.BLOCKED_CAP, grades=bands, weights=sorted(SEVERITY_WEIGHT.items(), key=lambda kv: kv[1]),
                pass_score=scoring.PASS_SCORE, warn_score=scoring.WARN_SCORE, curves=curves)


def build_context(run: RunResult, folder: Path, lang: str, branding: Branding | None) -> dict[str, Any]:
    branding = branding or Branding()
    specs = content.load_specs(run)
    journeys = [_journey_view(run, j, folder, specs, lang) for j in run.journeys]
    rows = content.finding_rows(run, specs, lang)
    applied = sorted({c.id for j in run.journeys for c in j.checks})
    return dict(
        lang=lang, t=lambda key, **kw: t(key, lang, **kw), csp=CSP, run=run, branding=branding,
        title=branding.title or t("doc_title", lang), date=_date(run, branding, lang),
        logo=images.logo_uri(branding.logo), journeys=journeys,
        jmap={jv.journey.id: jv for jv in journeys}, sites=content.ranked_sites(run),
        top=content.top_rows(run, specs, lang), rows=rows,
        charts=dict(actions=charts.actions_chart(run, lang), categories=charts.category_chart(run, lang),
                    symmetry=charts.symmetry_chart(run, lang)),
        model=score_model(specs, run), grade_colours=charts.GRADE_COLOURS,
        applied=[specs[i] for i in applied if i in specs],
        texts={i: content.check_text(specs, _Named(i, specs[i].code, _rules_cited(run, specs[i])), lang)
               for i in applied if i in specs},
        duration=lambda s: content.duration(s, lang),
        step_type=lambda s: content.step_type(s, lang), score_text=lambda x: content.score_text(x, lang),
        step_text=lambda s: step_text(s, lang),
        # a step's ElementInfo; words/actions.element_text reads the role, tag, name and text of a dict
        element_text=lambda el: element_text(el.model_dump(include={"role", "tag", "name", "text"}), lang),
        evidence=lambda f: content.evidence_text(f, lang),
        note=lambda f: content.note_text(f, lang),
        worded=lambda parts, english: content.worded(parts, english, lang),
        reason=lambda c: content.check_reason(c, lang), jurisdiction=lambda j: content.jurisdiction_text(j, lang),
    )


@dataclass
class _Named:  # check_text() takes a result; the appendix has only ids
    check: str
    code: str
    rules: list[str] | None = None


def _rules_cited(run: RunResult, spec: CheckSpec) -> list[str] | None:
    """The check's rules in force for at least one journey of the run (None: judged before jurisdictions)."""
    results = [c for j in run.journeys for c in j.checks if c.id == spec.id and c.rules is not None]
    if not results:
        return None
    cited = {r for c in results for r in c.rules}
    return [r for r in spec.rules if r in cited]


@dataclass
class Rendered:
    path: Path
    seconds: float
    bytes: int
    image_bytes: int
    images: int


def render_html(run: RunResult, folder: Path, out: Path, lang: str = "en", branding: Branding | None = None) -> Rendered:
    started = time.perf_counter()
    ctx = build_context(run, folder, lang, branding)
    html = environment().get_template("report.html.j2").render(**ctx)
    write_atomic(out, html)
    shots = [s.shot for jv in ctx["journeys"] for s in jv.steps if s.shot]
    return Rendered(out, time.perf_counter() - started, len(html.encode("utf-8")), sum(s.bytes for s in shots), len(shots))
