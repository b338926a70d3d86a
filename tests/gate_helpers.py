"""Hand-made judged runs for the gate, compare and merge tests (no browser)."""

from __future__ import annotations

from cxaudit.judge.scoring import grade, site_scores
from cxaudit.results.model import CheckResult, Finding, JourneyMetrics, JourneyResult, JourneyScore, RunResult, StepRecord

CODES = {"mandatory_exit_survey": "CX101", "confirmshaming": "CX102", "retention_offer": "CX201",
         "too_many_actions": "CX501", "hidden_cancel_link": "CX301"}
CATEGORY = {"mandatory_exit_survey": "forced_action", "confirmshaming": "interface_interference",
            "retention_offer": "nagging", "too_many_actions": "effort", "hidden_cancel_link": "obstruction"}


def check(cid: str, status: str = "pass", score: float | None = None, words: list[str] | None = None,
          step: int = 2) -> CheckResult:
    if score is None:
        score = {"pass": 1.0, "fail": 0.0, "warn": 0.6}.get(status)
    findings = [Finding(check=cid, code=CODES.get(cid, "CX999"), severity="high", step=step + i, words=w)
                for i, w in enumerate(words or ([f"{cid} words"] if status == "fail" else []))]
    return CheckResult(id=cid, code=CODES.get(cid, "CX999"), kind="blocker", category=CATEGORY.get(cid, "obstruction"),
                       severity="high", weight=6, status=status, score=score, findings=findings)


def journey(jid: str, score: float | None = 95.0, actions: int = 3, pages: int = 3, outcome: str = "completed",
            fails: dict[str, list[str]] | None = None, goal: str = "cancel", name: str | None = None,
            by_category: dict[str, float] | None = None, duration: float = 2.0, site: str = "shop",
            screenshot: bool = False) -> JourneyResult:
    fails = fails or {}
    checks = [check(c, "fail", words=fails[c] or None) if c in fails else check(c) for c in CODES]
    checks += [check(c, "fail", words=w or None) for c, w in fails.items() if c not in CODES]
    steps = [StepRecord(index=0, type="start", description="start",
                        screenshot=f"screens/{jid}/00.jpg" if screenshot else None)]
    return JourneyResult(
        id=jid, name=name or jid.replace("-", " ").title(), goal=goal, site=site, language="en", device="desktop",
        file=f"journeys/{jid}.yaml", start_url="https://shop.example/", outcome=outcome, steps=steps,
        metrics=JourneyMetrics(actions=actions, pages=pages, duration_s=duration), checks=checks,
        score=JourneyScore(score=score, grade=grade(score), by_category=by_category or {"obstruction": 80.0},
                           checks_failed=len(fails)),
    )


def run(*journeys: JourneyResult, run_id: str = "run-1") -> RunResult:
    r = RunResult(run_id=run_id, started_at="2026-01-01T00:00:00+00:00", finished_at="2026-01-01T00:01:00+00:00",
                  base_url="https://shop.example", journeys=list(journeys))
    r.sites = site_scores(r)
    return r
