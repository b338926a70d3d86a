"""Match cxaudit's verdicts on the held-out sites against the truth files written before the run.

Pure functions of two plain structures, so they can be tested without a browser:

- a journey of ``results.json`` (a dict: ``file``, ``outcome``, ``metrics``, ``checks`` with ``id``,
  ``status`` and ``findings``, each finding with a ``step``);
- a truth file (a dict: ``outcome``, ``control``, ``path: {actions, pages}``, ``findings: [{check,
  step, why}]``; ``step`` is the journey file's step counted from 1, as in results.json, or ``None``
  for a finding about the whole journey).

The rules:

- A check counts as found when its status is ``fail``. ``warn`` (a metric between its p10 and its
  median, a partial blocker) is not a finding; warns are listed apart.
- The unit is a (check, step) pair: each distinct step that a failed check gives evidence for is one
  finding, as a client sees one piece of evidence per step card. A failed check with no step in its
  evidence is one journey-level finding (step ``None``).
- A truth entry with a step is a true positive only when the failed check has evidence at that very
  step. A failed check whose evidence is at another step counts as a false positive there and the
  truth entry stays a false negative (``misplaced``): evidence on the wrong step misleads a reader.
- A truth entry without a step (journey-level) is a true positive when the check failed at all; it
  absorbs the check's evidence at any step.
- Journey-level evidence (step ``None``) against truth entries that all name a step matches one of
  them (a true positive flagged ``step_unchecked``): the step cannot be checked either way.
- The check-level figures ignore steps: one unit per (journey, check), found or not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Finding:
    check: str
    step: int | None
    why: str = ""
    note: str = ""


@dataclass
class JourneyMatch:
    name: str
    control: bool
    outcome_expected: str
    outcome: str
    actions_expected: int | None
    actions: int | None
    pages_expected: int | None
    pages: int | None
    tp: list[Finding] = field(default_factory=list)
    fp: list[Finding] = field(default_factory=list)
    fn: list[Finding] = field(default_factory=list)
    check_tp: list[str] = field(default_factory=list)
    check_fp: list[str] = field(default_factory=list)
    check_fn: list[str] = field(default_factory=list)
    warns: list[str] = field(default_factory=list)

    @property
    def outcome_right(self) -> bool:
        return self.outcome == self.outcome_expected

    @property
    def actions_right(self) -> bool:
        return self.actions_expected is not None and self.actions == self.actions_expected

    @property
    def pages_right(self) -> bool:
        return self.pages_expected is not None and self.pages == self.pages_expected

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(outcome_right=self.outcome_right, actions_right=self.actions_right, pages_right=self.pages_right)
        return d


def journey_key(journey: dict[str, Any]) -> str:
    """The name a results.json journey is matched by: its journey file's stem."""
    return Path(journey.get("file") or journey.get("id") or "").stem


def predicted_findings(journey: dict[str, Any]) -> dict[str, list[tuple[int | None, str]]]:
    """Failed checks of a journey: check id -> distinct evidence steps (with the first note at each)."""
    out: dict[str, list[tuple[int | None, str]]] = {}
    for check in journey.get("checks") or []:
        if check.get("status") != "fail":
            continue
        seen: dict[int | None, str] = {}
        for f in check.get("findings") or []:
            step = f.get("step")
            seen.setdefault(step if isinstance(step, int) else None, (f.get("note") or f.get("words") or "")[:160])
        if not seen:
            seen[None] = ""
        out[check["id"]] = list(seen.items())
    return out


def match_journey(name: str, journey: dict[str, Any] | None, truth: dict[str, Any]) -> JourneyMatch:
    """Compare one journey's results (``None`` when it is missing from the run) with its truth."""
    path = truth.get("path") or {}
    metrics = (journey or {}).get("metrics") or {}
    m = JourneyMatch(
        name=name,
        control=bool(truth.get("control")),
        outcome_expected=truth.get("outcome", ""),
        outcome=(journey or {}).get("outcome", "missing"),
        actions_expected=path.get("actions"),
        actions=metrics.get("actions") if journey else None,
        pages_expected=path.get("pages"),
        pages=metrics.get("pages") if journey else None,
    )
    expected: dict[str, list[dict[str, Any]]] = {}
    for entry in truth.get("findings") or []:
        expected.setdefault(entry["check"], []).append(entry)
    predicted = predicted_findings(journey) if journey else {}
    if journey:
        m.warns = sorted(c["id"] for c in journey.get("checks") or [] if c.get("status") == "warn")

    for check in sorted(set(expected) | set(predicted)):
        truths = expected.get(check, [])
        preds = predicted.get(check, [])
        if truths and preds:
            m.check_tp.append(check)
        elif truths:
            m.check_fn.append(check)
        else:
            m.check_fp.append(check)
        _match_check(m, check, truths, preds)
    return m


def _match_check(m: JourneyMatch, check: str, truths: list[dict[str, Any]],
                 preds: list[tuple[int | None, str]]) -> None:
    pred_steps = {step: note for step, note in preds}
    journey_level_truth = [t for t in truths if t.get("step") is None]
    step_truth = [t for t in truths if t.get("step") is not None]
    used: set[int | None] = set()

    for t in step_truth:
        s = t["step"]
        if s in pred_steps:
            m.tp.append(Finding(check, s, t.get("why", ""), pred_steps[s]))
            used.add(s)
    unmatched = [t for t in step_truth if t["step"] not in pred_steps]
    if None in pred_steps and not journey_level_truth and unmatched:
        t = unmatched.pop(0)
        m.tp.append(Finding(check, t["step"], t.get("why", ""), "step_unchecked: " + pred_steps[None]))
        used.add(None)
    for t in unmatched:
        note = "misplaced: found at step(s) " + ", ".join(str(s) for s in pred_steps) if pred_steps else ""
        m.fn.append(Finding(check, t["step"], t.get("why", ""), note))

    for t in journey_level_truth:
        if pred_steps:
            m.tp.append(Finding(check, None, t.get("why", ""), "; ".join(
                f"step {s}: {n}" if s is not None else n for s, n in pred_steps.items())[:240]))
            used.update(pred_steps)
        else:
            m.fn.append(Finding(check, None, t.get("why", "")))

    for s, note in pred_steps.items():
        if s in used:
            continue
        prefix = "misplaced: " if truths else ""
        m.fp.append(Finding(check, s, "", prefix + note))


def ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def totals(matches: list[JourneyMatch]) -> dict[str, Any]:
    """Figures over all journeys: outcomes, counts, step-level and check-level recall and precision."""
    tp = sum(len(m.tp) for m in matches)
    fp = sum(len(m.fp) for m in matches)
    fn = sum(len(m.fn) for m in matches)
    ctp = sum(len(m.check_tp) for m in matches)
    cfp = sum(len(m.check_fp) for m in matches)
    cfn = sum(len(m.check_fn) for m in matches)
    controls = [m for m in matches if m.control]
    return {
        "journeys": len(matches),
        "outcomes_right": sum(m.outcome_right for m in matches),
        "actions_right": sum(m.actions_right for m in matches),
        "pages_right": sum(m.pages_right for m in matches),
        "tp": tp, "fp": fp, "fn": fn,
        "recall": ratio(tp, tp + fn), "precision": ratio(tp, tp + fp),
        "check_level": {"tp": ctp, "fp": cfp, "fn": cfn,
                        "recall": ratio(ctp, ctp + cfn), "precision": ratio(ctp, ctp + cfp)},
        "controls": len(controls),
        "control_findings": [{"journey": m.name, "check": f.check, "step": f.step, "note": f.note}
                             for m in controls for f in m.fp],
        "control_warns": [{"journey": m.name, "check": c} for m in controls for c in m.warns],
    }


def match_run(results: dict[str, Any], truths: dict[str, dict[str, Any]]) -> list[JourneyMatch]:
    """Every truth file against the run's journeys; a journey without truth is ignored."""
    by_key = {journey_key(j): j for j in results.get("journeys") or []}
    return [match_journey(name, by_key.get(name), truth) for name, truth in sorted(truths.items())]
