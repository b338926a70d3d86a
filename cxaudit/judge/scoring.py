"""Curves and weights -> scores and grades, in Lighthouse's manner.

Metric checks (actions, pages, time, chat turns until a human, cancel/sign-up ratio) are scored on a
log-normal curve fixed by two control points: the p10 value scores 0.9 and the median scores 0.5
(Lighthouse ``core/lib/statistics.js`` getLogNormalScore). Blocker checks score 1 or 0 (or in between
where the detector says so) and weigh by severity. A journey's friction score is the weighted mean of its
applicable checks, 0 to 100 (100 = frictionless), capped when the goal cannot be reached online.
"""

from __future__ import annotations

import math
from collections import defaultdict

from cxaudit.results.model import CheckResult, JourneyResult, JourneyScore, RunResult, SiteScore

INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232  # the closest double to erfc^-1(1/5)
PASS_SCORE = 0.9  # a check passes at 0.9 (Lighthouse's "good")
WARN_SCORE = 0.5  # a score between 0.5 and 0.9 warns (a metric, or a blocker's partial finding)
BLOCKED_CAP = 35.0  # the goal cannot be reached online: at most an F
GRADES = ((90, "A"), (75, "B"), (60, "C"), (40, "D"), (0, "F"))


def log_normal_score(value: float, p10: float, median: float) -> float:
    """The p10 value scores 0.9, the median 0.5; lower is better. Clamped into the band of its control points."""
    if median <= 0 or p10 <= 0 or p10 >= median:
        raise ValueError("need 0 < p10 < median")
    if value <= 0:
        return 1.0
    x_log_ratio = math.log(max(value / median, 5e-324))
    p10_log_ratio = -math.log(p10 / median)
    standardized = x_log_ratio * INVERSE_ERFC_ONE_FIFTH / p10_log_ratio
    complementary = (1 - math.erf(standardized)) / 2
    if value <= p10:
        return max(0.9, min(1.0, complementary))
    if value <= median:
        return max(0.5, min(0.8999999999999999, complementary))
    return max(0.0, min(0.49999999999999994, complementary))


def grade(score: float | None) -> str | None:
    if score is None:
        return None
    for floor, letter in GRADES:
        if score >= floor:
            return letter
    return "F"


def status_for(kind: str, score: float | None, partial: str = "warn") -> str:
    """pass from PASS_SCORE, fail below WARN_SCORE; in between a metric warns, and a blocker warns (a partial
    finding) unless its check says ``partial: fail``."""
    if kind == "info":
        return "info"
    if score is None:
        return "not_applicable"
    if score >= PASS_SCORE:
        return "pass"
    if score >= WARN_SCORE and (kind == "metric" or partial == "warn"):
        return "warn"
    return "fail"


def _weighted(results: list[CheckResult]) -> float | None:
    scored = [r for r in results if r.score is not None and r.weight > 0 and r.status not in ("error", "info")]
    total = sum(r.weight for r in scored)
    if not total:
        return None
    return 100 * sum(r.score * r.weight for r in scored) / total  # type: ignore[operator]


def journey_score(journey: JourneyResult) -> JourneyScore:
    if journey.outcome == "error":
        return JourneyScore(reason="the journey ended in an error, so its friction cannot be judged fully")
    overall = _weighted(journey.checks)
    by_cat: dict[str, list[CheckResult]] = defaultdict(list)
    for r in journey.checks:
        by_cat[r.category].append(r)
    categories = {cat: round(v, 1) for cat, rs in sorted(by_cat.items()) if (v := _weighted(rs)) is not None}
    failed = sum(1 for r in journey.checks if r.status == "fail")
    result = JourneyScore(by_category=categories, checks_failed=failed)
    if overall is None:
        return result
    if journey.outcome == "blocked" and journey.goal != "signup" and overall > BLOCKED_CAP:
        overall, result.capped = BLOCKED_CAP, True
        result.reason = "capped: the goal cannot be reached online"
    result.score = round(overall, 1)
    result.grade = grade(result.score)
    return result


def site_scores(run: RunResult) -> list[SiteScore]:
    """A site's score: the mean of its journeys' scores; sign-ups, the yardstick, count only when alone."""
    sites: dict[str, list[JourneyResult]] = defaultdict(list)
    for j in run.journeys:
        sites[j.site].append(j)
    out = []
    for site, journeys in sorted(sites.items()):
        judged = [j for j in journeys if j.goal != "signup"] or journeys
        scores = [j.score.score for j in judged if j.score is not None and j.score.score is not None]
        value = round(sum(scores) / len(scores), 1) if scores else None
        out.append(SiteScore(site=site, score=value, grade=grade(value), journeys=[j.id for j in journeys]))
    return out
