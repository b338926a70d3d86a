"""A check judged as the engine judges it: the applicability its YAML declares (``goals:``, ``languages:``)
first, then its detector. For the tests that a check is not applicable to a goal: that is declared once, in
checks/<id>.yaml, and no detector tests the goal again."""

from __future__ import annotations

from cxaudit.judge.engine import catalogue, judge_check
from cxaudit.judge.language import journey_language_of
from cxaudit.results.model import CheckResult, JourneyResult, RunResult

CATALOGUE = catalogue()


def judged(check_id: str, journey: JourneyResult, run: RunResult | None = None) -> CheckResult:
    return judge_check(CATALOGUE.spec(check_id), journey, CATALOGUE, run, journey_language_of)
