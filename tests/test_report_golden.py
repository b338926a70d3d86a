"""Golden files of the demo run (tests/golden/demo.json, demo.md), without a browser: the recorded demo run in
tests/fixtures/demo_run, judged with the checks of this checkout, gives them (see report_golden.py).

A diff fails the test until it is explained: when a change of a check, a detector, the score model or the
report is meant to change the output, regenerate the golden files (scripts/update_golden.py judges the
fixture again) and commit the reviewed diff with the change.
"""

from __future__ import annotations

import json

import pytest
from demo_fixture import REGENERATE as REGENERATE_FIXTURE
from report_golden import GOLDEN, diff, dumps, normalise, normalise_markdown, scores_close, without_scores

from cxaudit.report.markdown import markdown

REGENERATE = "run `.venv/bin/python scripts/update_golden.py` and review `git diff tests/golden`"


@pytest.fixture(scope="module")
def current(recorded_demo):
    from cxaudit.judge.engine import judge_run

    run, _ = recorded_demo
    judge_run(run)
    return run


def _golden() -> dict:
    path = GOLDEN / "demo.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: {REGENERATE}")
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_golden_files_are_made_from_the_fixture(current):
    """The recorded part of demo.json is the fixture's: the two are regenerated together."""
    expected, actual = _golden()["recorded"], normalise(current)["recorded"]
    assert actual == expected, (diff(dumps(expected), dumps(actual), "golden/demo.json (recorded)") +
                                f"\nthe fixture changed: if it was re-recorded on purpose, {REGENERATE}; "
                                f"else {REGENERATE_FIXTURE}")


def test_judged_part_and_markdown_match(current):
    golden = _golden()
    actual = normalise(current)["judged"]
    expected = golden["judged"]
    assert without_scores(actual) == without_scores(expected), (
        diff(dumps(without_scores(expected)), dumps(without_scores(actual)), "golden/demo.json (judged)") + "\n" + REGENERATE)
    assert scores_close(expected, actual) == [], REGENERATE
    md_now = normalise_markdown(markdown(current, "en"), current)
    md_gold = (GOLDEN / "demo.md").read_text(encoding="utf-8")
    assert md_now == md_gold, diff(md_gold, md_now, "golden/demo.md") + "\n" + REGENERATE
