"""eval/run.py's suite handling without a browser: the log-in values a suite's truth files give, and the folder check."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).parent.parent / "eval"
SPEC = importlib.util.spec_from_file_location("eval_run", EVAL / "run.py")
run = importlib.util.module_from_spec(SPEC)
sys.modules[SPEC.name] = run
SPEC.loader.exec_module(run)


def test_suite_env_adds_each_truth_files_env_to_the_first_batchs_credentials():
    env = run.suite_env({"a": {"env": {"A_USER": "x@example.com", "A_PIN": 1234}}, "b": {"outcome": "completed"}})
    assert env["A_USER"] == "x@example.com" and env["A_PIN"] == "1234"
    assert env["SHOPNEST_USER"] == run.CREDENTIALS["SHOPNEST_USER"]


def test_suite_env_refuses_one_variable_with_two_values():
    with pytest.raises(SystemExit, match="A_USER is set twice"):
        run.suite_env({"a": {"env": {"A_USER": "x"}}, "b": {"env": {"A_USER": "y"}}})


@pytest.mark.parametrize("suite", sorted(p.name for p in EVAL.glob("unseen*") if (p / "truth").is_dir()))
def test_the_unseen_suites_journeys_get_every_variable_they_name(suite):
    env = run.suite_env(run.load_truths(EVAL / suite / "truth"))
    journeys = sorted((EVAL / suite / "journeys").glob("*.yaml"))
    assert journeys and {j.stem for j in journeys} == set(run.load_truths(EVAL / suite / "truth"))
    for journey in journeys:
        text = journey.read_text(encoding="utf-8")
        for var in {part.split("}")[0] for part in text.split("${")[1:]}:
            assert var in env, f"{journey.name} needs {var}"


def test_a_folder_without_sites_journeys_and_truth_is_not_a_suite(tmp_path, capsys):
    assert run.main(["--suite", str(tmp_path)]) == 2
    assert "is not a suite" in capsys.readouterr().err
