"""CX701 accessibility_barriers on hand-built axe summaries."""

from __future__ import annotations

import pytest
from factories import observation

from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.results.model import JourneyResult, StepRecord

REGISTRY = load_detectors()
CONTRAST = {"id": "color-contrast", "impact": "serious", "help": "Elements must meet minimum color contrast ratio thresholds",
            "nodes": 3, "targets": [".tiny-link", ".btn", "footer a"]}
LABEL = {"id": "label", "impact": "critical", "help": "Form elements must have labels", "nodes": 1, "targets": ["#q"]}
REGION = {"id": "region", "impact": "moderate", "help": "All page content should be contained by landmarks", "nodes": 2,
          "targets": ["p"]}


def journey(*axes):
    steps = [StepRecord(index=i, type="click", description=f"s{i}", url_after=f"http://x/{i}",
                        observation=None if a is None else observation(axe=a)) for i, a in enumerate(axes)]
    return JourneyResult(id="a", name="a", goal="cancel", site="s/x", language="en", device="desktop", file="a.yaml",
                         start_url="http://x/", outcome="completed", steps=steps)


def run(j, **params):
    return REGISTRY["accessibility_barriers"](j, DetectorContext(params=params, lexicons={}))


def page(*violations):
    return {"violations": list(violations), "passes": 20, "incomplete": 1, "ms": 150}


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
