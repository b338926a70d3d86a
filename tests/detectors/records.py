"""Hand-built step records for the structure checks' tests (gate probes, logins, fills, walls, prominence):
element records with box, font and contrast, steps and journeys, and a detector run on them."""

from __future__ import annotations

from pathlib import Path

from factories import element_info, observation, on_page

from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import ElementInfo, Observation

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])
REGISTRY = load_detectors()


def el(name="Go", role="button", x=100, y=300, w=120, h=40, fs=16, fw=400, contrast=7.0, filled=True, **kw) -> ElementInfo:
    """A control as a step acted on it (``page()`` puts it on a page)."""
    return element_info(**{"role": role, "name": name, "box": {"x": x, "y": y, "width": w, "height": h}, "font_size": fs,
                           "font_weight": fw, "contrast": contrast, "filled": filled, "area": w * h, "landmark": "main", **kw})


def page(*elements: ElementInfo, **parts) -> Observation:
    """A page showing these controls (built with ``el``) and ``parts`` (dialogs, forms, headings ...)."""
    return observation(elements=[on_page(e, f"e{i}") for i, e in enumerate(elements)], **parts)


def step(i, type="click", element=None, observation=None, actions=1, **kw):
    """A step; without an ``observation`` it saw an empty page."""
    return StepRecord(index=i, type=type, description=f"{type} {i}", element=element,
                      observation=observation if observation is not None else page(), actions=actions, **kw)


def journey(steps, goal="cancel", outcome="completed", site="shop/x"):
    return JourneyResult(id="j", name="j", goal=goal, site=site, language="en", device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps)


def run(name, j, jurisdiction="none", run_result=None, **params):
    return REGISTRY[name](j, DetectorContext(params=params, lexicons=LEX, jurisdiction=jurisdiction, run=run_result))
