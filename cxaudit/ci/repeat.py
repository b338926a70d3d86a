"""Repeated runs of a flaky site (``--runs N``) aggregated into one: medians, majority verdicts and findings."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cxaudit.ci.merge import copy_screens, new_run_id
from cxaudit.judge.scoring import grade, site_scores
from cxaudit.results.model import JourneyResult, RunResult


def _spread(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def _aggregate_journey(versions: list[JourneyResult], run_ids: list[str]) -> tuple[JourneyResult, dict[str, Any]]:
    n = len(versions)
    outcomes = Counter(v.outcome for v in versions)
    outcome = max(outcomes, key=lambda o: (outcomes[o], -["completed", "blocked", "error", "pending"].index(o)))
    scores = [v.score.score for v in versions if v.score and v.score.score is not None]
    median_score = statistics.median(scores) if scores else None
    # the representative: a run with the majority outcome whose score is nearest the median
    candidates = [k for k, v in enumerate(versions) if v.outcome == outcome]
    rep_k = min(candidates, key=lambda k: abs(((versions[k].score and versions[k].score.score) or 0) - (median_score or 0)))
    j = versions[rep_k].model_copy(deep=True)
    j.outcome = outcome
    j.metrics.actions = int(statistics.median_low([v.metrics.actions for v in versions]))
    j.metrics.pages = int(statistics.median_low([v.metrics.pages for v in versions]))
    j.metrics.duration_s = round(statistics.median([v.metrics.duration_s for v in versions]), 3)
    # checks: the majority verdict; a finding counts when it appears in more than half of the runs
    from cxaudit.ci.compare import finding_key

    checks = []
    for c in j.checks:
        same = [next((x for x in v.checks if x.id == c.id), None) for v in versions]
        fails = sum(1 for x in same if x is not None and x.status == "fail")
        majority_fail = fails > n / 2
        if majority_fail != (c.status == "fail"):  # take the verdict of a run that agrees with the majority
            c = next(x for x in same if x is not None and (x.status == "fail") == majority_fail).model_copy(deep=True)
        if c.status == "fail":
            counts = Counter(finding_key(f) for x in same if x is not None and x.status == "fail" for f in x.findings)
            c.findings = [f for f in c.findings if counts[finding_key(f)] > n / 2] or c.findings[:1]
        cs = [x.score for x in same if x is not None and x.score is not None]
        c.details = {**c.details, "runs": {"n": n, "failed_in": fails,
                                           **({"score_min": min(cs), "score_max": max(cs)} if cs else {})}}
        checks.append(c)
    j.checks = checks
    if j.score is not None:
        j.score.score = None if median_score is None else round(median_score, 1)
        j.score.grade = grade(j.score.score)
        j.score.checks_failed = sum(1 for c in checks if c.status == "fail")
    spread: dict[str, Any] = {
        "runs": n, "representative_run": run_ids[rep_k], "outcomes": dict(outcomes),
        "actions": _spread([v.metrics.actions for v in versions]),
        "pages": _spread([v.metrics.pages for v in versions]),
        "duration_s": _spread([v.metrics.duration_s for v in versions]),
    }
    if scores:
        spread["score"] = _spread(scores)
    return j, spread


def aggregate_runs(runs: Sequence[RunResult]) -> RunResult:
    """One run from N judged runs of the same journeys: per journey the median actions, pages, time and score,
    the majority outcome and check verdicts, findings seen in more than half of the runs. The spread (min,
    median, max per figure, and which run's steps and screenshots were kept) is in
    ``options["repeat"]["journeys"][id]`` and each check's ``details["runs"]``."""
    if not runs:
        raise ValueError("aggregate_runs needs at least one run")
    first = runs[0]
    if len(runs) == 1:
        return first.model_copy(deep=True)
    run_ids = [r.run_id for r in runs]
    journeys, spreads = [], {}
    for j0 in first.journeys:
        versions = [r.journey(j0.id) for r in runs if any(x.id == j0.id for x in r.journeys)]
        j, spread = _aggregate_journey(versions, run_ids)
        journeys.append(j)
        spreads[j.id] = spread
    finished = [r.finished_at for r in runs if r.finished_at]
    out = first.model_copy(deep=True, update={
        "journeys": journeys, "finished_at": max(finished) if finished else None,
        "options": {**first.options, "repeat": {"runs": len(runs), "run_ids": run_ids, "journeys": spreads}},
    })
    out.sites = site_scores(out)
    return out


def repeat_run(run_once: Callable[[str, Path], tuple[RunResult, Path]], runs: int, out: Path,
               run_id: str | None = None) -> tuple[RunResult, Path]:
    """Run ``runs`` times and aggregate into one run folder ``out/<run_id>``; the repeats stay beside it in
    ``out/<run_id>/repeats/``. ``run_once(run_id, out)`` records and judges one run (the CLI's runner call
    with ``RunOptions(run_id=..., out=...)``); the kept screenshots are copied next to the aggregate."""
    run_id = run_id or new_run_id()
    folder = Path(out) / run_id
    results, folders = [], []
    for k in range(1, runs + 1):
        r, f = run_once(f"r{k:02d}", folder / "repeats")
        results.append(r)
        folders.append(f)
    agg = aggregate_runs(results)
    agg.run_id = run_id
    by_run = dict(zip([r.run_id for r in results], folders, strict=True))
    for jid, spread in agg.options.get("repeat", {}).get("journeys", {}).items():
        copy_screens(by_run[spread["representative_run"]], folder, jid)
    if runs == 1:
        for j in agg.journeys:
            copy_screens(folders[0], folder, j.id)
    agg.write(folder)
    return agg, folder
