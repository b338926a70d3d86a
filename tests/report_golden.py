"""The golden files of the demo run: a normalised JSON and the Markdown summary (see scripts/update_golden.py).

They are the judged output of the recorded demo run in tests/fixtures/demo_run (see demo_fixture.py), judged
with the checks of the checkout: any change in a verdict, a finding, a score or the summary shows as a diff
of the golden files, whatever changed it (a check, a detector, a lexicon, the score model, the report).

Normalised = what a run must reproduce: timestamps, durations, the run id, ports, absolute paths, file
sizes and the dates/reference numbers the demo pages print are dropped or masked; the figures of timed
checks (wall-clock time) and axe's element counts are left out, and journey and site scores may differ by
SCORE_TOLERANCE points, so that a live recording (tests/test_demo_fixture.py) compares with them too.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from cxaudit.results.model import RunResult

GOLDEN = Path(__file__).parent / "golden"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember")
_MASKS = [
    (re.compile(r"https?://127\.0\.0\.1:\d+"), "http://demo"),
    (re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b"), "<date>"),
    (re.compile(rf"\b\d{{1,2}}\.? (?:{MONTHS}) \d{{4}}\b"), "<date>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ][\d:+.Z-]+)?"), "<date>"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"), "<time>"),
    (re.compile(r"\d{5,}"), "<n>"),
    # Chromium's own validation bubble: German where the machine has its translations (Debian: chromium-l10n)
    (re.compile(r"Please select an item in the list\.|Wähle ein Element in der Liste aus\."), "<browser: select an item>"),
]


def mask(text: str) -> str:
    for pattern, repl in _MASKS:
        text = pattern.sub(repl, text)
    return text


# Checks whose figure is wall-clock time: their score and value vary from run to run (the status is kept).
# (Named by check id, which is permanent, not by the detector that computes it.)
TIMED_CHECKS = {"slow_journey"}
# axe counts the offending elements on the page as it is at that moment (a banner still fading, a slow
# element not yet there): the rule, the status and the score are stable, the element counts are not.
COUNTED_CHECKS = {"accessibility_barriers"}
_COUNTS = re.compile(r"\d+ element\(s\) across \d+ page\(s\)")
SCORE_TOLERANCE = 3.0  # journey and site scores: points a timed check may move them


def _r(x: float | None, n: int = 2) -> float | None:
    return None if x is None else round(float(x), n)


def normalise(run: RunResult) -> dict:
    recorded, judged = {}, {}
    for j in sorted(run.journeys, key=lambda j: j.id):
        m = j.metrics.model_dump(exclude={"duration_s"})
        steps = []
        for s in j.steps:
            steps.append(dict(
                index=s.index, type=s.type, description=mask(s.description), status=s.status, actions=s.actions,
                action_kinds=s.action_kinds, probe_actions=s.probe_actions, characters=s.characters_typed,
                url_after=mask(s.url_after), title_after=mask(s.title_after), navigated=s.navigated,
                view_changed=s.view_changed, screenshot=bool(s.screenshot), error=mask(s.error or ""),
                gate=None if s.gate is None else dict(blocked=s.gate.blocked, signals=sorted(s.gate.signals)),
                chat=None if s.chat is None else dict(turns=len(s.chat.turns), success=s.chat.success),
            ))
        recorded[j.id] = dict(goal=j.goal, site=j.site, outcome=j.outcome, outcome_reason=mask(j.outcome_reason or ""),
                              error=None if j.error is None else mask(j.error.reason), metrics=m, steps=steps)
        checks = {}
        for c in j.checks:
            checks[c.id] = dict(
                status=c.status, score=None if c.id in TIMED_CHECKS else _r(c.score), value=None if c.id in TIMED_CHECKS else _r(c.value),
                findings=[dict(step=f.step, screenshot_step=f.screenshot_step, words=mask(f.words),
                               note=mask(_COUNTS.sub("N element(s) across N page(s)", f.note) if c.id in COUNTED_CHECKS else f.note),
                               box=None if f.box is None else [round(f.box.x), round(f.box.y), round(f.box.width), round(f.box.height)])
                          for f in c.findings],
            )
        s = j.score
        judged[j.id] = dict(score=None if s is None else s.score, grade=None if s is None else s.grade,
                            capped=None if s is None else s.capped, checks=checks)
    sites = {s.site: dict(score=s.score, grade=s.grade) for s in run.sites}
    return dict(recorded=recorded, judged=dict(journeys=judged, sites=sites))


_SCORE_CELLS = re.compile(r"\| [\d–]+ \| [A-F–] \|$", re.M)


def normalise_markdown(text: str, run: RunResult) -> str:
    """Scores and grades in the tables are compared in the JSON (with a tolerance), not here."""
    return _SCORE_CELLS.sub("| <score> | <grade> |", mask(text.replace(run.run_id, "<run>")))


def scores_close(expected: dict, actual: dict) -> list[str]:
    """Journey and site scores within SCORE_TOLERANCE; returns the differences."""
    out = []
    pairs = [(f"journey {k}", v, actual["journeys"].get(k, {})) for k, v in expected["journeys"].items()]
    pairs += [(f"site {k}", v, actual["sites"].get(k, {})) for k, v in expected["sites"].items()]
    for name, e, a in pairs:
        es, as_ = e.get("score"), a.get("score")
        if (es is None) != (as_ is None) or (es is not None and abs(es - as_) > SCORE_TOLERANCE):
            out.append(f"{name}: score {es} -> {as_}")
    return out


def without_scores(judged: dict) -> dict:
    strip = {"score", "grade"}
    return dict(journeys={k: {f: v for f, v in j.items() if f not in strip} for k, j in judged["journeys"].items()},
                sites=sorted(judged["sites"]))


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def diff(expected: str, actual: str, name: str, limit: int = 80) -> str:
    """The first ``limit`` lines of a unified diff, expected first."""
    lines = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), name, "now")
    return "".join(list(lines)[:limit])
