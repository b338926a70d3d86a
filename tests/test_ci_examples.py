"""The CI examples in docs/ci/ work: their cxaudit commands (and the summary line) run against the demo site in
a temporary project with docs/ci/cxaudit.yaml, a journey and a committed baseline. With the clean site the
build passes; with one friction switched on (clean+mandatory_exit_survey) it fails and the summary says why.
Installing (pip, the browser download) is skipped: this environment already has both."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).parent.parent / "docs" / "ci"
JOURNEY = Path(__file__).parent / "fixtures" / "journeys" / "gate" / "streamline-cancel.yaml"
BIN = Path(sys.executable).parent
SKIP = re.compile(r"pip install|playwright install|install-browser")


def github_steps() -> list[dict]:
    wf = yaml.safe_load((DOCS / "github-actions.yml").read_text())
    assert wf[True if True in wf else "on"]  # `on:` reads as True in YAML 1.1
    (job,) = wf["jobs"].values()
    return job["steps"]


def gitlab_job() -> dict:
    (job,) = [v for k, v in yaml.safe_load((DOCS / "gitlab-ci.yml").read_text()).items() if not k.startswith(".")]
    return job


def test_the_examples_install_get_a_browser_run_upload_and_summarise():
    steps = github_steps()
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "pip install ." in runs and "cxaudit install-browser" in runs
    assert 'cxaudit run --config cxaudit.yaml --base-url "$CXAUDIT_BASE_URL"' in runs
    assert 'gate.md >> "$GITHUB_STEP_SUMMARY"' in runs
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["if"] == "always()" and upload["with"]["path"] == "reports/ci"
    job = gitlab_job()
    assert "cxaudit install-browser" in job["script"] and job["artifacts"]["when"] == "always"
    assert any("cxaudit run --config cxaudit.yaml" in line for line in job["script"])


@pytest.fixture(scope="module")
def baseline(demo_url, tmp_path_factory) -> Path:
    """A clean run of the journey: what a team commits as .cxaudit/baseline/results.json."""
    out = tmp_path_factory.mktemp("ci-baseline")
    proc = subprocess.run([str(BIN / "cxaudit"), "run", str(JOURNEY), "--base-url", f"{demo_url}/streamline/clean",
                           "--out", str(out), "-q"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip().splitlines()[0]) / "results.json"


def project(tmp_path: Path, baseline: Path) -> Path:
    shutil.copy(DOCS / "cxaudit.yaml", tmp_path / "cxaudit.yaml")
    (tmp_path / "journeys").mkdir()
    shutil.copy(JOURNEY, tmp_path / "journeys" / JOURNEY.name)
    (tmp_path / ".cxaudit" / "baseline").mkdir(parents=True)
    shutil.copy(baseline, tmp_path / ".cxaudit" / "baseline" / "results.json")
    return tmp_path


def sh(script: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def environment(base_url: str, **extra: str) -> dict:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "CXAUDIT_BASE_URL": base_url, **extra}


@pytest.mark.browser
@pytest.mark.parametrize("variant,status", [("clean", 0), ("clean+mandatory_exit_survey", 1)])
def test_github_actions_workflow(demo_url, baseline, tmp_path, variant, status):
    root = project(tmp_path, baseline)
    summary = tmp_path / "step-summary.md"
    env = environment(f"{demo_url}/streamline/{variant}", GITHUB_STEP_SUMMARY=str(summary))
    failed = False
    ran = []
    for step in github_steps():
        script = step.get("run")
        if not script or SKIP.search(script) or (failed and step.get("if") != "always()"):
            continue
        proc = sh(script, root, env)
        ran.append((script, proc.returncode))
        if "cxaudit run" in script:
            assert proc.returncode == status, proc.stderr
        else:
            assert proc.returncode == 0, proc.stderr
        failed = failed or proc.returncode != 0
    assert [s for s, _ in ran][0].startswith("cxaudit run") and len(ran) == 2
    text = summary.read_text()
    assert list(root.glob("reports/ci/*/results.json"))  # what the upload step uploads
    if status == 0:
        assert text.startswith("## cxaudit gate passed") and "no regression" in text
    else:
        assert text.startswith("## cxaudit gate failed")
        assert "forbid | streamline-cancel | no mandatory_exit_survey" in text
        assert "newly failing: mandatory_exit_survey" in text


@pytest.mark.browser
def test_gitlab_ci_job(demo_url, baseline, tmp_path):
    root = project(tmp_path, baseline)
    job = gitlab_job()
    env = environment(f"{demo_url}/streamline/clean+mandatory_exit_survey")
    procs = [sh(line, root, env) for line in job["script"] if not SKIP.search(line)]
    assert [p.returncode for p in procs] == [1], [p.stderr[-2000:] for p in procs]  # the gate fails the job ...
    after = [sh(line, root, env) for line in job["after_script"]]
    assert all(p.returncode == 0 for p in after) and "mandatory_exit_survey" in after[0].stdout  # ... and says why
    assert [p for p in job["artifacts"]["paths"] if list(root.glob(p.rstrip("/") + "/*/results.json"))]
