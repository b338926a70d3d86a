"""End to end, through the command line (its error boundary, in this process): a clean Streamline cancel run
is the baseline; the same journey against ``clean+mandatory_exit_survey`` (one friction switched on)
regresses (exit 1, the diff names the new mandatory_exit_survey finding); with the friction off again the
gate passes (exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import cx

pytestmark = pytest.mark.browser

JOURNEY = Path(__file__).parent / "fixtures" / "journeys" / "gate" / "streamline-cancel.yaml"


def cxaudit(*args: str, cwd: Path | None = None):
    return cx(*args, cwd=cwd or Path.cwd())


def record(base_url: str, out: Path) -> Path:
    proc = cxaudit("run", str(JOURNEY), "--base-url", base_url, "--out", str(out), "--workers", "1", "-q")
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip().splitlines()[0])


@pytest.fixture(scope="module")
def runs(demo_url, tmp_path_factory):
    out = tmp_path_factory.mktemp("gate-e2e")
    return {
        "base": record(f"{demo_url}/streamline/clean", out / "base"),
        "survey": record(f"{demo_url}/streamline/clean+mandatory_exit_survey", out / "survey"),
        "clean": record(f"{demo_url}/streamline/clean", out / "clean"),
        "out": out,
    }


def test_the_variant_has_the_survey_gate_and_the_clean_site_not(runs):
    from cxaudit.results.model import load_run

    base = load_run(runs["base"]).journeys[0]
    survey = load_run(runs["survey"]).journeys[0]
    assert base.outcome == survey.outcome == "completed"
    assert [s.status for s in base.steps if s.type == "gate"] == ["skipped"]
    gate = next(s.gate for s in survey.steps if s.gate is not None)
    assert gate.blocked and gate.answered and gate.passed_after_answer
    assert any("why you are leaving" in m for m in gate.validation_messages)
    assert survey.metrics.actions > base.metrics.actions


def test_compare_regression_exits_1_and_names_the_new_finding(runs):
    md = runs["out"] / "diff.md"
    proc = cxaudit("compare", str(runs["base"]), str(runs["survey"]), "--markdown", str(md))
    assert proc.returncode == 1, proc.stderr
    assert "regression: streamline-cancel: newly failing: mandatory_exit_survey" in proc.stderr
    text = md.read_text()
    assert text.startswith("## cxaudit compare: regression")
    assert "`mandatory_exit_survey`" in text and "Please tell us why you are leaving" in text


def test_friction_off_again_passes(runs):
    proc = cxaudit("compare", str(runs["base"]), str(runs["clean"]))
    assert proc.returncode == 0, proc.stderr + proc.stdout
    assert proc.stdout.startswith("## cxaudit compare: no regression")


def test_gate_with_budget_and_baseline(runs, tmp_path):
    (tmp_path / "cxaudit.yaml").write_text(
        f"baseline: {runs['base']}\nassertions:\n  - match: '*cancel*'\n    forbid: [mandatory_exit_survey]\n")
    failed = cxaudit("gate", str(runs["survey"]), "--config", str(tmp_path / "cxaudit.yaml"))
    assert failed.returncode == 1, failed.stderr
    gate_md = (runs["survey"] / "gate.md").read_text()
    assert "| error | assertions[0] forbid | streamline-cancel | no mandatory_exit_survey |" in gate_md
    assert "cxaudit compare: regression" in gate_md
    passed = cxaudit("gate", str(runs["clean"]), cwd=tmp_path)  # cxaudit.yaml found in the working directory
    assert passed.returncode == 0, passed.stderr
    assert (runs["clean"] / "gate.md").read_text().startswith("## cxaudit gate passed")


def test_repeated_runs_are_aggregated_into_one_folder(demo_url, tmp_path):
    """--runs N as cli.py wires it: ci.plan.record_run with settings.runs > 1."""
    from cxaudit.ci.plan import plan_run, record_run
    from cxaudit.judge.engine import catalogue
    from cxaudit.record.runner import RunOptions
    from cxaudit.results.model import load_run

    settings, journeys = plan_run(None, journeys=[str(JOURNEY)], base_url=f"{demo_url}/streamline/clean",
                                  out=tmp_path, runs=2, workers=1)
    run, folder = record_run(journeys, RunOptions(), settings, catalogue())
    saved = load_run(folder)
    assert saved.options["repeat"]["runs"] == 2 and saved.options["runs"] == 2
    spread = saved.options["repeat"]["journeys"]["streamline-cancel"]
    assert spread["outcomes"] == {"completed": 2} and spread["actions"]["median"] == 3
    assert sorted(p.name for p in (folder / "repeats").iterdir()) == ["r01", "r02"]
    shots = [s.screenshot for s in saved.journeys[0].steps if s.screenshot]
    assert shots and all((folder / s).is_file() for s in shots)
