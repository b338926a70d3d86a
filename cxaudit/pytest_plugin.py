"""pytest integration: assert friction budgets inside a team's own test suite.

Registered as a pytest plugin through the ``pytest11`` entry point, so installing cxaudit is enough::

    from cxaudit.pytest_plugin import assert_friction_budget

    def test_cancelling_stays_easy(cxaudit_run):
        run = cxaudit_run("journeys/cancel.yaml")            # base URL: --cxaudit-base-url or $CXAUDIT_BASE_URL
        assert_friction_budget(run, fail_under=80, max_actions=6, forbid=["mandatory_exit_survey"])

``cxaudit_run(journeys, base_url=None, **run_options)`` records and judges journeys in a real browser into
the test's temporary folder and returns the judged RunResult (its folder is ``run.options["folder"]``).
``assert_friction_budget`` raises AssertionError naming every broken rule, journey, expected and actual.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("cxaudit", "cxaudit friction budgets")
    group.addoption("--cxaudit-base-url", default=None,
                    help="site root for the cxaudit_run fixture (default: $CXAUDIT_BASE_URL)")
    group.addoption("--cxaudit-config", default=None,
                    help="a cxaudit.yaml whose assertions assert_friction_budget(run) applies by default")


def assert_friction_budget(run: Any, *, fail_under: float | None = None, max_actions: int | None = None,
                           max_pages: int | None = None, forbid: list[str] | None = None, match: str | list[str] = "*",
                           assertions: list[Any] | None = None, config: str | Path | None = None,
                           baseline: Any = None, tolerances: dict | None = None) -> list[Any]:
    """Fail the test when a journey of ``run`` (a RunResult or a run folder) breaks a budget.

    The keyword budgets (``fail_under``, ``max_actions``, ``max_pages``, ``forbid``, for the journeys
    ``match`` selects) add to ``assertions`` (Assertion objects or dicts in cxaudit.yaml's form) and to the
    assertions of ``config``; ``baseline`` (a RunResult or run folder) fails on any regression beyond
    ``tolerances`` ({score, actions, pages}). Warn-level rules never fail. Returns every AssertionResult.
    """
    from cxaudit.ci.compare import compare
    from cxaudit.ci.config import Assertion, Tolerances, load_config
    from cxaudit.ci.gate import evaluate, failed
    from cxaudit.results.model import RunResult, load_run

    run = run if isinstance(run, RunResult) else load_run(run)
    rules = [a if isinstance(a, Assertion) else Assertion.model_validate(a) for a in (assertions or [])]
    cfg = load_config(config) if config is not None else None
    if cfg is not None:
        rules = [*cfg.assertions, *rules]
        fail_under = fail_under if fail_under is not None else cfg.fail_under
    if any(x is not None for x in (max_actions, max_pages)) or forbid:
        rules.append(Assertion(name="assert_friction_budget", match=match, max_actions=max_actions,
                               max_pages=max_pages, forbid=forbid or []))
    results = evaluate(run, rules, fail_under)
    problems = [f"{r.rule} {r.kind}: {r.journey}: expected {r.expected}, actual {r.actual}" for r in failed(results)]
    if baseline is None and cfg is not None and cfg.baseline is not None:
        baseline = cfg.baseline
    if baseline is not None:
        base = baseline if isinstance(baseline, RunResult) else load_run(baseline)
        tol = Tolerances(**tolerances) if tolerances else (cfg.tolerances if cfg else Tolerances())
        diff = compare(base, run, tol)
        problems += [f"regression: {r}" for r in diff.reasons]
        problems += [f"new finding: {j.id}: {f.check} step {f.step}: {f.words}" for j in diff.journeys
                     for f in j.new_findings if j.regressed]
    if problems:
        raise AssertionError("friction budget exceeded:\n  " + "\n  ".join(problems))
    return results


@pytest.fixture
def cxaudit_run(request: Any, tmp_path: Path) -> Any:
    """A function ``(journeys, base_url=None, **run_options) -> RunResult``: records and judges journeys."""

    def run(journeys: str | Path | list[str | Path], base_url: str | None = None, checks: list[Path] | None = None,
            **options: Any) -> Any:
        from cxaudit.journey import load_journeys
        from cxaudit.judge.engine import judge_run
        from cxaudit.record.runner import RunOptions, run_journeys

        base_url = base_url or request.config.getoption("--cxaudit-base-url") or os.environ.get("CXAUDIT_BASE_URL")
        paths = journeys if isinstance(journeys, list) else [journeys]
        options.setdefault("out", tmp_path / "cxaudit")
        options.setdefault("workers", 1)
        result, folder = run_journeys(load_journeys(paths), RunOptions(base_url=base_url, **options))
        judge_run(result, checks)
        result.options["folder"] = str(folder)
        result.write(folder)
        return result

    return run


@pytest.fixture
def cxaudit_budget(request: Any) -> Any:
    """``assert_friction_budget`` with ``--cxaudit-config`` (if given) as its default config."""
    config = request.config.getoption("--cxaudit-config")

    def check(run: Any, **kwargs: Any) -> list[Any]:
        kwargs.setdefault("config", config)
        return assert_friction_budget(run, **kwargs)

    return check
