"""Hand-built journeys with metrics for the effort checks' tests, and a detector run on them with a curve."""

from __future__ import annotations

from pathlib import Path

from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import JourneyMetrics, JourneyResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])
REGISTRY = load_detectors()


def journey(jid="j", goal="cancel", site="shop/hostile", actions=7, pages=6, chars=0, outcome="completed", steps=None, **m):
    steps = steps or [StepRecord(index=i, type="click", description=f"step {i}", actions=1 if i else 0, duration_s=0.5,
                                 view_key=f"/v{i}|") for i in range(actions + 1)]
    return JourneyResult(id=jid, name=jid, goal=goal, site=site, language="en", device="desktop", file="j.yaml",
                         start_url="http://x/", outcome=outcome, steps=steps,
                         metrics=JourneyMetrics(actions=actions, pages=pages, characters_typed=chars, **m))


def run(name, j, curve=None, run_result=None, **params):
    if curve:
        params["curve"] = curve
    return REGISTRY[name](j, DetectorContext(params=params, lexicons=LEX, run=run_result))
