"""The recorded demo run in tests/fixtures/demo_run (see demo_fixture.py): small, complete and portable (no
browser), and still what a live recording of the demo gives (one browser test)."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from demo_fixture import FIXED_ORIGIN, FIXTURE, REGENERATE, RESULTS, ROOT, SIZES
from report_golden import diff, dumps, normalise, scores_close, without_scores

MAX_BYTES = 1_500_000  # the whole fixture: well under the 2 MB no committed file may exceed


def test_the_fixture_stays_small():
    files = [p for p in FIXTURE.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    assert total < MAX_BYTES, f"{FIXTURE} holds {total / 1e6:.2f} MB: shrink the screenshots in demo_fixture.py"


def test_every_screenshot_of_the_run_is_in_the_fixture_with_its_recorded_size(recorded_demo):
    from PIL import Image

    run, folder = recorded_demo

    shots = {s.screenshot for j in run.journeys for s in j.steps if s.screenshot}
    sizes = json.loads((FIXTURE / SIZES).read_text(encoding="utf-8"))
    on_disk = {str(p.relative_to(FIXTURE)) for p in FIXTURE.rglob("*.jpg")}
    assert shots and shots == set(sizes) == on_disk
    for shot in shots:
        with Image.open(folder / shot) as im:
            assert [im.width, im.height] == sizes[shot], shot  # the boxes of the findings fit it


def test_the_fixture_names_no_port_or_folder_of_the_machine_it_was_recorded_on():
    text = gzip.decompress((FIXTURE / RESULTS).read_bytes()).decode("utf-8")
    hosts = set(re.findall(r"127\.0\.0\.1:\d+", text))
    assert hosts == {FIXED_ORIGIN.split("//", 1)[1]}
    assert str(ROOT) not in text and "/tmp/" not in text


@pytest.mark.browser
def test_a_live_recording_still_matches_the_fixture(demo_run, recorded_demo):
    """Outcomes, steps, actions, pages, what the pages showed, verdicts, findings and scores; not timings."""
    from cxaudit.judge.engine import judge_run

    live, fixture = demo_run[0], recorded_demo[0]
    judge_run(live)
    judge_run(fixture)
    now, then = normalise(live), normalise(fixture)
    hint = f"\nthe recorder or the demo site records something else than the fixture: if that is meant, {REGENERATE}"
    assert now["recorded"] == then["recorded"], diff(dumps(then["recorded"]), dumps(now["recorded"]), "fixture (recorded)") + hint
    assert without_scores(now["judged"]) == without_scores(then["judged"]), (
        diff(dumps(without_scores(then["judged"])), dumps(without_scores(now["judged"])), "fixture (judged)") + hint)
    assert scores_close(then["judged"], now["judged"]) == [], hint
