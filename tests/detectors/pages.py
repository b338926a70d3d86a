"""Hand-built pages and journeys for the wording checks' tests (no browser), and a detector run on them with
the check's own parameters from checks/<id>.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml
from factories import acted_on, element, heading, observation

from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.language import journey_language_of
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import JourneyResult, StepRecord
from cxaudit.results.observation import Element, Observation

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEXICONS = load_lexicons([CHECKS])
REGISTRY = load_detectors()


def ctx(check: str, jurisdiction: str = "none", **params) -> DetectorContext:
    spec = yaml.safe_load((CHECKS / f"{check}.yaml").read_text(encoding="utf-8"))
    return DetectorContext(params={**spec.get("params", {}), **params}, lexicons=LEXICONS,
                           language_of=journey_language_of, jurisdiction=jurisdiction)


def run(check: str, journey: JourneyResult, jurisdiction: str = "none", **params):
    return REGISTRY[check](journey, ctx(check, jurisdiction, **params))


def el(name: str, role: str = "button", **kw) -> Element:
    """A control of a page (``step(element=...)`` takes it as the one the step acted on)."""
    return element(role=role, name=name, text=name, box={"x": 10, "y": 20, "width": 100, "height": 30}, **kw)


def page(*texts: str, elements=(), forms=(), dialogs=(), lang="en", view="/p|Page", headings=()) -> Observation:
    return observation(texts=texts, lang=lang, view_key=view, headings=[heading(h) for h in headings],
                       elements=list(elements), forms=list(forms), dialogs=list(dialogs))


def step(index: int, obs: Observation | None, type_: str = "click", element: Element | None = None, **kw) -> StepRecord:
    return StepRecord(index=index, type=type_, description=f"step {index}", observation=obs,
                      element=None if element is None else acted_on(element), view_key=obs.view_key if obs else "", **kw)


def journey(goal: str, steps: list[StepRecord], outcome: str = "completed", language: str = "auto") -> JourneyResult:
    return JourneyResult(id="j", name="j", goal=goal, site="s", language=language, device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps)


ACCOUNT = page("Standard plan", "£10.99/month · next payment on 2 December 2026", view="/account|Account")
DONE_EN = page("Your membership has been cancelled.", view="/cancelled|Cancelled")
