"""The accessibility detector on hand-built axe summaries, and the recorder's axe helpers without a browser."""

from __future__ import annotations

import pytest

import cxaudit.judge.detectors.accessibility  # noqa: F401 - registers the detector
from cxaudit.judge.detectors.base import REGISTRY, DetectorContext
from cxaudit.record.axe import axe_key, axe_options, axe_script
from cxaudit.results.model import JourneyResult, StepRecord

CONTRAST = {"id": "color-contrast", "impact": "serious", "help": "Elements must meet minimum color contrast ratio thresholds",
            "nodes": 3, "targets": [".tiny-link", ".btn", "footer a"]}
LABEL = {"id": "label", "impact": "critical", "help": "Form elements must have labels", "nodes": 1, "targets": ["#q"]}
REGION = {"id": "region", "impact": "moderate", "help": "All page content should be contained by landmarks", "nodes": 2,
          "targets": ["p"]}


def journey(*axes):
    steps = [StepRecord(index=i, type="click", description=f"s{i}", url_after=f"http://x/{i}",
                        observation=None if a is None else {"axe": a}) for i, a in enumerate(axes)]
    return JourneyResult(id="a", name="a", goal="cancel", site="s/x", language="en", device="desktop", file="a.yaml",
                         start_url="http://x/", outcome="completed", steps=steps)


def run(j, **params):
    return REGISTRY["accessibility"](j, DetectorContext(params=params, lexicons={}))


def page(*violations):
    return {"violations": list(violations), "passes": 20, "incomplete": 1}


def test_violations_weighted_by_impact_each_rule_once_at_its_first_page():
    d = run(journey(page(CONTRAST), {"skipped": "same page"}, page(CONTRAST, LABEL), page()))
    assert d.score == pytest.approx(0.7 * 0.5)
    assert [e.data["id"] for e in d.evidence] == ["label", "color-contrast"]  # critical first
    contrast = d.evidence[1]
    assert contrast.step == 0 and contrast.screenshot_step == 0 and contrast.data["nodes"] == 6 and contrast.data["pages"] == 2
    assert ".tiny-link" in contrast.note.text() and d.details["pages_checked"] == 3
    assert d.details["rules"] == {"label": 1, "color-contrast": 6}


def test_clean_pages_pass_and_minor_rules_weigh_little():
    assert run(journey(page(), page())).score == 1.0
    assert run(journey(page(REGION))).score == pytest.approx(0.9)
    assert run(journey(page(REGION)), impact_weights={"moderate": 0.0}).score == 1.0


def test_not_applicable_without_axe_data_or_when_it_failed():
    assert run(journey(None, {"skipped": "same page"})).score is None
    d = run(journey({"error": "Execution context was destroyed"}))
    assert d.score is None and d.details["errors"][0]["step"] == 0
    mixed = run(journey({"error": "boom"}, page(CONTRAST)))
    assert mixed.score == pytest.approx(0.7) and mixed.details["errors"]


def test_axe_key_ignores_the_query_but_not_the_view():
    obs = {"headings": [{"text": "Your account"}]}
    assert axe_key("http://x/account?ref=1", obs) == axe_key("http://x/account?ref=2", obs)
    assert axe_key("http://x/account", obs) != axe_key("http://x/account", {"headings": [{"text": "Cancel"}]})
    assert axe_key("http://x/app#/a", None) != axe_key("http://x/app#/b", None)


def test_axe_script_is_one_function_that_loads_and_runs_axe():
    js = axe_script()
    assert js.startswith("async (options) =>") and "axe.run(document, options)" in js and "Deque" in js
    opts = axe_options()
    assert opts["runOnly"]["values"] == ["wcag2a", "wcag2aa"] and opts["resultTypes"] == ["violations"]
    assert opts["iframes"] is False


def test_axe_is_on_by_default_and_can_be_switched_off(tmp_path):
    from cxaudit.record.session import RecorderOptions

    assert RecorderOptions(run_folder=tmp_path).axe is True
    assert RecorderOptions(run_folder=tmp_path, axe=False).axe is False
