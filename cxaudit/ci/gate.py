"""The CI gate: friction budgets (assertions, in the manner of Lighthouse CI's ``assert``) and the baseline
comparison, turned into one verdict. Pure functions of saved runs, so a gate can be re-evaluated offline.

``evaluate(run, assertions)`` -> one AssertionResult per rule and journey it applies to;
``gate_after_run(run, folder, config)`` -> prints the verdict to stderr, writes ``gate.md`` into the run
folder and returns the exit status (0 passed, 1 failed).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cxaudit.atomic import write_atomic
from cxaudit.ci.config import Assertion, Config
from cxaudit.errors import ExitStatus
from cxaudit.results.model import JourneyResult, RunResult

GATE_FILE = "gate.md"


@dataclass
class AssertionResult:
    rule: str  # "assertions[0]", a rule's name, or "--fail-under"
    journey: str
    level: str  # warn | error
    expected: str  # "≥ 80", "≤ 6", "no findings"
    actual: str
    passed: bool
    message: str
    kind: str = ""  # min_score | max_actions | max_pages | forbid | check

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def fail_under_rule(n: float) -> Assertion:
    return Assertion(name="--fail-under", min_score=n)


def matches(rule: Assertion, journey: JourneyResult) -> bool:
    if rule.goal and journey.goal != rule.goal:
        return False
    return any(fnmatch.fnmatchcase(journey.id, g) or fnmatch.fnmatchcase(journey.name, g) for g in rule.match)


def _fmt(x: float | None) -> str:
    return "none" if x is None else f"{x:g}"


def _result(rule: str, j: JourneyResult, a: Assertion, kind: str, expected: str, actual: str, passed: bool,
            what: str) -> AssertionResult:
    verdict = "ok" if passed else "failed"
    msg = f"{j.id}: {what} {actual}, expected {expected} ({rule} {kind}: {verdict})"
    return AssertionResult(rule, j.id, a.level, expected, actual, passed, msg, kind)


def _journey_rule(label: str, a: Assertion, j: JourneyResult) -> list[AssertionResult]:
    out = []
    if a.min_score is not None:
        score = j.score.score if j.score else None
        why = "" if score is not None else f" ({(j.score.reason if j.score else None) or 'not judged'})"
        out.append(_result(label, j, a, "min_score", f"≥ {a.min_score:g}", _fmt(score) + why,
                           score is not None and score >= a.min_score, "score"))
    if a.max_actions is not None:
        out.append(_result(label, j, a, "max_actions", f"≤ {a.max_actions}", str(j.metrics.actions),
                           j.metrics.actions <= a.max_actions, "actions"))
    if a.max_pages is not None:
        out.append(_result(label, j, a, "max_pages", f"≤ {a.max_pages}", str(j.metrics.pages),
                           j.metrics.pages <= a.max_pages, "pages"))
    for check_id in a.forbid:
        c = next((c for c in j.checks if c.id == check_id), None)
        failed = c is not None and c.status == "fail"
        if failed:
            f = c.findings[0] if c.findings else None
            where = f" at step {f.step}" if f and f.step is not None else ""
            actual = f"{len(c.findings) or 1} finding(s){where}" + (f": “{f.words}”" if f and f.words else "")
        else:
            actual = "none" if c is not None else "check not run"
        out.append(_result(label, j, a, "forbid", f"no {check_id}", actual, not failed, check_id))
    return out


def _category_rule(label: str, a: Assertion, j: JourneyResult) -> list[AssertionResult]:
    value = (j.score.by_category if j.score else {}).get(a.category or "")
    if value is None:  # no applicable check of that category: nothing to judge
        return [_result(label, j, a, "min_score", f"≥ {_fmt(a.min_score)}", "not applicable", True,
                        f"category {a.category}")]
    return [_result(label, j, a, "min_score", f"≥ {_fmt(a.min_score)}", f"{value:g}", value >= (a.min_score or 0),
                    f"category {a.category}")]


def _check_rule(label: str, a: Assertion, j: JourneyResult) -> list[AssertionResult]:
    c = next((c for c in j.checks if c.id == a.check), None)
    what = f"check {a.check}"
    if c is None or c.status in ("not_applicable", "info"):
        return [_result(label, j, a, "check", "not failing" if a.min_score is None else f"≥ {a.min_score:g}",
                        "not applicable" if c else "check not run", True, what)]
    if c.status == "error":
        return [_result(label, j, a, "check", "a verdict", f"error: {c.error}", False, what)]
    if a.min_score is None:
        return [_result(label, j, a, "check", "not failing", c.status, c.status != "fail", what)]
    return [_result(label, j, a, "check", f"≥ {a.min_score:g}", _fmt(c.score), (c.score or 0) >= a.min_score, what)]


def evaluate(run: RunResult, assertions: Iterable[Assertion], fail_under: float | None = None) -> list[AssertionResult]:
    """Every rule against every journey it matches (journeys still pending are skipped; level off rules too)."""
    rules = [(a.label(i), a) for i, a in enumerate(assertions)]
    if fail_under is not None:
        rules.append(("--fail-under", fail_under_rule(fail_under)))
    results: list[AssertionResult] = []
    for label, a in rules:
        if a.level == "off":
            continue
        for j in run.journeys:
            if j.outcome == "pending" or not matches(a, j):
                continue
            if a.check:
                results.extend(_check_rule(label, a, j))
            elif a.category:
                results.extend(_category_rule(label, a, j))
            else:
                results.extend(_journey_rule(label, a, j))
    return results


def failed(results: Iterable[AssertionResult], level: str = "error") -> list[AssertionResult]:
    return [r for r in results if not r.passed and r.level == level]


@dataclass
class GateOutcome:
    results: list[AssertionResult]
    diff: Any  # compare.Diff | None
    status: int

    @property
    def passed(self) -> bool:
        return self.status == 0


def judge_gate(run: RunResult, config: Config) -> GateOutcome:
    """Assertions, --fail-under and the baseline comparison of a judged run."""
    from cxaudit.ci.compare import compare
    from cxaudit.results.model import load_run

    results = evaluate(run, config.assertions, config.fail_under)
    diff = None
    if config.baseline is not None:
        diff = compare(load_run(config.baseline), run, config.tolerances)
    bad = bool(failed(results)) or bool(diff is not None and diff.regressed)
    return GateOutcome(results, diff, int(ExitStatus.GATE_FAILED if bad else ExitStatus.OK))


def gate_markdown(outcome: GateOutcome, run: RunResult) -> str:
    """gate.md: the verdict, the failed and warned rules as a table, then the baseline diff."""
    verdict = "passed ✅" if outcome.passed else "failed ❌"
    lines = [f"## cxaudit gate {verdict}", "", f"Run `{run.run_id}`" + (f" on {run.base_url}" if run.base_url else "")
             + f": {len(run.journeys)} journey(s).", ""]
    if outcome.results:
        errors, warns = failed(outcome.results), failed(outcome.results, "warn")
        ok = sum(r.passed for r in outcome.results)
        lines.append(f"**Assertions:** {ok} of {len(outcome.results)} passed, {len(errors)} failed, "
                     f"{len(warns)} warning(s).")
        shown = errors + warns
        if shown:
            lines += ["", "| level | rule | journey | expected | actual |", "|---|---|---|---|---|"]
            for r in shown[:50]:
                rule = f"{r.rule} {r.kind}".strip()
                lines.append(f"| {r.level} | {_cell(rule)} | {_cell(r.journey)} | {_cell(r.expected)} | {_cell(r.actual)} |")
            if len(shown) > 50:
                lines.append(f"| … | {len(shown) - 50} more | | | |")
        lines.append("")
    if outcome.diff is not None:
        lines.append(outcome.diff.markdown(heading_level=3))
    return "\n".join(lines).rstrip() + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def print_gate(outcome: GateOutcome, quiet: bool = False, file: Any = None) -> None:
    """The verdict on stderr: failed rules always (they explain exit status 1), the rest unless quiet."""
    from rich.console import Console
    from rich.table import Table

    from cxaudit.progress import stderr_console

    console = stderr_console() if file is None else Console(file=file, highlight=False, width=160)
    errors, warns = failed(outcome.results), failed(outcome.results, "warn")
    shown = errors + (warns if not quiet else [])
    if shown:
        table = Table(title="cxaudit gate: assertions", title_justify="left")
        for col in ("level", "rule", "journey", "expected", "actual"):
            table.add_column(col, overflow="fold")
        for r in shown:
            style = "red" if r.level == "error" else "yellow"
            table.add_row(f"[{style}]{r.level}[/]", f"{r.rule} {r.kind}".strip(), r.journey, r.expected, r.actual)
        console.print(table)
    diff = outcome.diff
    if diff is not None and (diff.regressed or not quiet):
        for line in diff.summary_lines():
            console.print(line, markup=False, soft_wrap=True)
    if not quiet or not outcome.passed:
        n = len(outcome.results)
        state = "[green]passed[/]" if outcome.passed else "[red]failed[/]"
        parts = [f"{n - len(errors) - len(warns)}/{n} assertions passed"] if n else []
        if warns:
            parts.append(f"{len(warns)} warning(s)")
        if diff is not None:
            parts.append("regression against the baseline" if diff.regressed else "no regression against the baseline")
        console.print(f"gate {state}" + (f": {', '.join(parts)}" if parts else ""))


def gate_after_run(run: RunResult, folder: Path, config: Config | None, *, quiet: bool = False) -> int:
    """Evaluate the gate of a judged run: print it (stderr), write ``gate.md`` into the run folder, return
    0 (passed, or no gate configured: then nothing is written) or 1 (an error-level rule failed or the run
    regressed against the baseline)."""
    if config is None or not config.has_gate():
        return int(ExitStatus.OK)
    outcome = judge_gate(run, config)
    write_atomic(Path(folder) / GATE_FILE, gate_markdown(outcome, run))
    print_gate(outcome, quiet=quiet)
    return outcome.status
