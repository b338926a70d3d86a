"""Golden files of the demo run (tests/golden/demo.json, demo.md); regenerate with scripts/update_golden.py.

The recorded part must always match. The judged part and the Markdown must match when the check catalogue
is the one the golden files were made with; when checks or detectors changed since, that explains a
judged diff, and the test says to regenerate instead of failing on it.
"""

from __future__ import annotations

import difflib
import json

import pytest
from report_golden import GOLDEN, catalogue_fingerprint, dumps, normalise, normalise_markdown, scores_close, without_scores

from cxaudit.report.markdown import markdown

REGENERATE = "run `.venv/bin/python scripts/update_golden.py` and review `git diff tests/golden`"


@pytest.fixture(scope="module")
def current(demo_run):
    from cxaudit.judge.engine import judge_run

    run, _ = demo_run
    judge_run(run)
    return run


def _diff(expected: str, actual: str, name: str) -> str:
    return "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"golden/{name}", "now"))[:80])


def _golden() -> dict:
    path = GOLDEN / "demo.json"
    if not path.is_file():
        pytest.fail(f"{path} is missing: {REGENERATE}")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.browser
def test_recorded_part_matches(current):
    expected, actual = _golden()["recorded"], normalise(current)["recorded"]
    assert actual == expected, _diff(dumps(expected), dumps(actual), "demo.json (recorded)") + "\n" + REGENERATE


@pytest.mark.browser
def test_judged_part_and_markdown_match(current):
    golden = _golden()
    if golden["catalogue"] != catalogue_fingerprint():
        pytest.fail(f"the checks, detectors or score model changed since the golden files were made; look at the "
                    f"diff and, if it is intended, {REGENERATE}")
    actual = normalise(current)["judged"]
    expected = golden["judged"]
    assert without_scores(actual) == without_scores(expected), (
        _diff(dumps(without_scores(expected)), dumps(without_scores(actual)), "demo.json (judged)") + "\n" + REGENERATE)
    assert scores_close(expected, actual) == [], REGENERATE
    md_now = normalise_markdown(markdown(current, "en"), current)
    md_gold = (GOLDEN / "demo.md").read_text(encoding="utf-8")
    assert md_now == md_gold, _diff(md_gold, md_now, "demo.md") + "\n" + REGENERATE
