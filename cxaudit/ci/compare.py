"""Baselines: what changed between two judged runs, journey by journey (matched by id), and whether it is a
regression. A finding is identified by its check and its words (not its step number: inserting one step
must not make every later finding look new).

A journey regressed when a check fails that passed before, its score dropped by more than the score
tolerance, it needs more user actions or pages than the tolerances allow, its outcome got worse
(completed -> blocked -> error), or it is missing from the new run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cxaudit.ci.config import Tolerances
from cxaudit.results.model import Finding, JourneyResult, RunResult

OUTCOME_RANK = {"completed": 0, "blocked": 1, "pending": 2, "error": 3}
MAX_LISTED = 15  # findings listed per kind in the markdown: a PR comment stays short


def finding_key(f: Finding) -> tuple[str, str]:
    return f.check, " ".join((f.words or f.note).split()).lower()


def _findings(j: JourneyResult) -> dict[tuple[str, str], Finding]:
    out: dict[tuple[str, str], Finding] = {}
    for c in j.checks:
        if c.status == "fail":
            for f in c.findings or [Finding(check=c.id, code=c.code, severity=c.severity)]:
                out.setdefault(finding_key(f), f)
    return out


def _failing(j: JourneyResult) -> set[str]:
    return {c.id for c in j.checks if c.status == "fail"}


@dataclass
class JourneyDiff:
    id: str
    name: str
    status: str  # same | changed | added | removed
    base_score: float | None = None
    new_score: float | None = None
    base_grade: str | None = None
    new_grade: str | None = None
    base_actions: int | None = None
    new_actions: int | None = None
    base_pages: int | None = None
    new_pages: int | None = None
    base_outcome: str | None = None
    new_outcome: str | None = None
    new_findings: list[Finding] = field(default_factory=list)
    resolved_findings: list[Finding] = field(default_factory=list)
    newly_failing: list[str] = field(default_factory=list)
    newly_passing: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # why it regressed; empty = it did not

    @property
    def regressed(self) -> bool:
        return bool(self.reasons)

    @property
    def score_delta(self) -> float | None:
        if self.base_score is None or self.new_score is None:
            return None
        return round(self.new_score - self.base_score, 1)


@dataclass
class Diff:
    base_run: str
    new_run: str
    tolerances: Tolerances
    journeys: list[JourneyDiff]

    @property
    def regressed(self) -> bool:
        return any(j.regressed for j in self.journeys)

    @property
    def reasons(self) -> list[str]:
        return [f"{j.id}: {r}" for j in self.journeys for r in j.reasons]

    def to_dict(self) -> dict[str, Any]:
        return {
            "base_run": self.base_run, "new_run": self.new_run, "regressed": self.regressed,
            "tolerances": self.tolerances.model_dump(),
            "journeys": [{**{k: v for k, v in vars(j).items() if not k.endswith("_findings")},
                          "regressed": j.regressed, "score_delta": j.score_delta,
                          "new_findings": [f.model_dump(exclude_none=True) for f in j.new_findings],
                          "resolved_findings": [f.model_dump(exclude_none=True) for f in j.resolved_findings]}
                         for j in self.journeys],
        }

    def summary_lines(self) -> list[str]:
        """Plain lines for the terminal: one per regressed journey and reason, then the verdict."""
        lines = [f"regression: {r}" for r in self.reasons]
        for j in self.journeys:
            for f in j.new_findings[:MAX_LISTED]:
                lines.append(f"new finding: {j.id}: {_finding_text(f)}")
        verdict = "regressed" if self.regressed else "no regression"
        n = len(self.journeys)
        lines.append(f"compare {self.base_run} -> {self.new_run}: {verdict} ({n} journey{'s' if n != 1 else ''})")
        return lines

    def markdown(self, heading_level: int = 2) -> str:
        """Short enough for a pull-request comment: a verdict, one table row per journey, the new findings."""
        h = "#" * heading_level
        t = self.tolerances
        verdict = "regression ❌" if self.regressed else "no regression ✅"
        out = [f"{h} cxaudit compare: {verdict}", "",
               f"`{self.new_run}` against baseline `{self.base_run}` (tolerated: score −{t.score:g}, "
               f"actions +{t.actions}, pages +{t.pages}).", "",
               "| journey | score | actions | pages | outcome | findings | verdict |",
               "|---|---|---|---|---|---|---|"]
        for j in self.journeys:
            findings = f"+{len(j.new_findings)} / −{len(j.resolved_findings)}"
            verdict_cell = "❌ " + "; ".join(j.reasons) if j.regressed else ("added" if j.status == "added" else "✅")
            out.append(f"| {_cell(j.id)} | {_score_cell(j)} | {_change(j.base_actions, j.new_actions)} | "
                       f"{_change(j.base_pages, j.new_pages)} | {_outcome_cell(j)} | {findings} | {_cell(verdict_cell)} |")
        out += _finding_list(f"{h}# New findings", [(j, f) for j in self.journeys for f in j.new_findings],
                             "**{}**", " (see the run's report)")
        out += _finding_list(f"{h}# Resolved findings", [(j, f) for j in self.journeys for f in j.resolved_findings],
                             "{}", "")
        return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _finding_text(f: Finding, md: bool = False) -> str:
    check = f"`{f.check}`" if md else f.check
    parts = [f"{check} ({f.code}, {f.severity})"]
    if f.step is not None:
        parts.append(f"step {f.step}")
    text = " ".join(parts)
    if f.words:
        text += f": “{f.words[:160]}”"
    elif f.note:
        text += f": {f.note[:160]}"
    return text


def _change(a: float | None, b: float | None) -> str:
    if a is None and b is None:
        return "–"
    if a is None or b is None:
        return f"{'–' if a is None else f'{a:g}'} → {'–' if b is None else f'{b:g}'}"
    if a == b:
        return f"{b:g}"
    return f"{a:g} → {b:g} ({b - a:+g})"


def _score_cell(j: JourneyDiff) -> str:
    text = _change(j.base_score, j.new_score)
    if j.base_grade != j.new_grade and j.base_grade and j.new_grade:
        text += f" {j.base_grade}→{j.new_grade}"
    elif j.new_grade:
        text += f" {j.new_grade}"
    return text


def _outcome_cell(j: JourneyDiff) -> str:
    if j.base_outcome == j.new_outcome or j.base_outcome is None or j.new_outcome is None:
        return j.new_outcome or j.base_outcome or "–"
    return f"{j.base_outcome} → {j.new_outcome}"


def compare_journeys(base: JourneyResult | None, new: JourneyResult | None, tol: Tolerances) -> JourneyDiff:
    ref = new or base
    assert ref is not None
    d = JourneyDiff(id=ref.id, name=ref.name, status="changed")
    if base is not None:
        d.base_score = base.score.score if base.score else None
        d.base_grade = base.score.grade if base.score else None
        d.base_actions, d.base_pages, d.base_outcome = base.metrics.actions, base.metrics.pages, base.outcome
    if new is not None:
        d.new_score = new.score.score if new.score else None
        d.new_grade = new.score.grade if new.score else None
        d.new_actions, d.new_pages, d.new_outcome = new.metrics.actions, new.metrics.pages, new.outcome
    if new is None:
        d.status = "removed"
        d.reasons.append("missing from the new run")
        return d
    if base is None:
        d.status = "added"
        d.new_findings = list(_findings(new).values())
        return d
    bf, nf = _findings(base), _findings(new)
    d.new_findings = [f for k, f in nf.items() if k not in bf]
    d.resolved_findings = [f for k, f in bf.items() if k not in nf]
    d.newly_failing = sorted(_failing(new) - _failing(base))
    d.newly_passing = sorted(_failing(base) - _failing(new))
    if d.newly_failing:
        d.reasons.append("newly failing: " + ", ".join(d.newly_failing))
    if OUTCOME_RANK.get(new.outcome, 3) > OUTCOME_RANK.get(base.outcome, 3):
        d.reasons.append(f"outcome {base.outcome} → {new.outcome}")
    if d.base_score is not None:
        if d.new_score is None:
            d.reasons.append("no score any more")
        elif d.base_score - d.new_score > tol.score + 1e-9:
            d.reasons.append(f"score {d.base_score:g} → {d.new_score:g} (tolerated −{tol.score:g})")
    if new.metrics.actions - base.metrics.actions > tol.actions:
        d.reasons.append(f"actions {base.metrics.actions} → {new.metrics.actions} (tolerated +{tol.actions})")
    if new.metrics.pages - base.metrics.pages > tol.pages:
        d.reasons.append(f"pages {base.metrics.pages} → {new.metrics.pages} (tolerated +{tol.pages})")
    if not (d.reasons or d.new_findings or d.resolved_findings or d.newly_passing or d.score_delta
            or d.base_actions != d.new_actions or d.base_pages != d.new_pages or d.base_outcome != d.new_outcome):
        d.status = "same"
    return d


def compare(base: RunResult, new: RunResult, tolerances: Tolerances | dict | None = None) -> Diff:
    """Compare a new run with a baseline run; journeys are matched by id (new run's order, then removed ones)."""
    tol = tolerances if isinstance(tolerances, Tolerances) else Tolerances(**(tolerances or {}))
    base_by_id = {j.id: j for j in base.journeys if j.outcome != "pending"}
    new_ids = [j.id for j in new.journeys if j.outcome != "pending"]
    diffs = [compare_journeys(base_by_id.get(jid), new.journey(jid), tol) for jid in new_ids]
    diffs += [compare_journeys(j, None, tol) for jid, j in base_by_id.items() if jid not in new_ids]
    return Diff(base_run=base.run_id, new_run=new.run_id, tolerances=tol, journeys=diffs)


def _finding_list(heading: str, rows: list, id_format: str, more_hint: str) -> list[str]:
    """A Markdown section listing findings per journey, at most MAX_LISTED of them."""
    if not rows:
        return []
    out = ["", heading, ""]
    out += [f"- {id_format.format(_cell(j.id))} · {_finding_text(f, md=True)}" for j, f in rows[:MAX_LISTED]]
    if len(rows) > MAX_LISTED:
        out.append(f"- … and {len(rows) - MAX_LISTED} more{more_hint}")
    return out
