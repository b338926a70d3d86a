"""The pytest plugin: assert_friction_budget on saved runs, and a team's own test file run by pytest in a
subprocess (the plugin loaded through its pytest11 entry point, the cxaudit_run fixture against the demo)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from gate_helpers import journey, run

from cxaudit.pytest_plugin import assert_friction_budget

JOURNEY = Path(__file__).parent / "fixtures" / "journeys" / "gate" / "streamline-cancel.yaml"


def sample():
    return run(journey("shop-cancel", score=85, actions=5, pages=4, fails={"mandatory_exit_survey": ["Tell us why"]}),
               journey("shop-signup", score=99, actions=9, goal="signup"), run_id="new")


def test_budgets_kept_return_the_results():
    results = assert_friction_budget(sample(), fail_under=80, match="*cancel*", max_actions=5, forbid=["confirmshaming"])
    assert results and all(r.passed for r in results)


def test_budgets_broken_name_rule_journey_expected_actual():
    with pytest.raises(AssertionError) as info:
        assert_friction_budget(sample(), fail_under=90, match="*cancel*", max_pages=3, forbid=["mandatory_exit_survey"])
    text = str(info.value)
    assert text.startswith("friction budget exceeded:")
    assert "--fail-under min_score: shop-cancel: expected ≥ 90, actual 85" in text
    assert "assert_friction_budget max_pages: shop-cancel: expected ≤ 3, actual 4" in text
    assert "no mandatory_exit_survey" in text and "shop-signup" not in text


def test_assertions_as_dicts_warn_never_fails():
    assert_friction_budget(sample(), assertions=[{"check": "mandatory_exit_survey", "level": "warn"}])
    with pytest.raises(AssertionError, match="assertions\\[0\\] check: shop-cancel"):
        assert_friction_budget(sample(), assertions=[{"check": "mandatory_exit_survey"}])


def test_config_and_baseline(tmp_path):
    base = run(journey("shop-cancel", score=97, actions=3, pages=3), journey("shop-signup", score=99, actions=9,
                                                                             goal="signup"), run_id="base")
    base.write(tmp_path / "base")
    sample().write(tmp_path / "new")
    (tmp_path / "cxaudit.yaml").write_text("baseline: base\ntolerances: {score: 20, actions: 5, pages: 5}\n")
    with pytest.raises(AssertionError) as info:  # the config's baseline, run given as a folder
        assert_friction_budget(tmp_path / "new", config=tmp_path / "cxaudit.yaml")
    assert "regression: shop-cancel: newly failing: mandatory_exit_survey" in str(info.value)
    assert "new finding: shop-cancel: mandatory_exit_survey step 2: Tell us why" in str(info.value)
    assert_friction_budget(base, baseline=tmp_path / "base")


TEAM_TESTS = """
    import pytest
    from cxaudit.pytest_plugin import assert_friction_budget

    JOURNEY = {journey!r}

    def test_plugin_came_from_the_entry_point(pytestconfig):
        assert pytestconfig.pluginmanager.has_plugin("cxaudit")

    def test_cancelling_stays_easy(cxaudit_run):
        run = cxaudit_run(JOURNEY)  # --cxaudit-base-url
        assert_friction_budget(run, fail_under=90, max_actions=4, forbid=["mandatory_exit_survey"])

    def test_cancelling_got_harder(cxaudit_run, cxaudit_budget):
        run = cxaudit_run(JOURNEY, base_url={variant!r})
        cxaudit_budget(run, match="*cancel*", forbid=["mandatory_exit_survey"])
"""


@pytest.mark.browser
def test_a_team_test_suite_asserts_friction_budgets(demo_url, tmp_path):
    (tmp_path / "test_friction.py").write_text(textwrap.dedent(TEAM_TESTS.format(
        journey=str(JOURNEY), variant=f"{demo_url}/streamline/clean+mandatory_exit_survey")))
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--cxaudit-base-url",
         f"{demo_url}/streamline/clean", "test_friction.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "2 passed" in out and "1 failed" in out and "test_cancelling_got_harder" in out
    assert "friction budget exceeded" in out and "expected no mandatory_exit_survey" in out
