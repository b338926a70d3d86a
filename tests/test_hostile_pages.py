"""Pages that answer with an HTTP error, and pages that never stop growing: the journey fails where the error
was (unless it says it expects it), and a growing page is photographed (cut at 4,000 px) and clicked on,
within the limits the README promises."""

from __future__ import annotations

import pytest
from test_faults import TIMEOUTS, faults_url  # noqa: F401 - the fixture: the demo site with its fault pages

from cxaudit.journey import parse_journey
from cxaudit.record.runner import RunOptions, run_journeys


def _journey(name: str, body: str):
    text = f"name: {name}\ngoal: cancel\n{TIMEOUTS}{body}success: {{text: completed}}\n"
    return parse_journey(text, f"{name}.yaml").model_copy(update={"id": name})


@pytest.mark.browser
def test_a_4xx_on_the_way_fails_its_step_unless_the_journey_expects_it(tmp_path, faults_url):  # noqa: F811
    way = "start: /_fault/ok\nsteps:\n  - goto: /_fault/taken-down\n  - goto: /_fault/ok\n  - click: Continue\n"
    run, _ = run_journeys([_journey("strict", way), _journey("expects", "allow_http: [404]\n" + way)],
                          RunOptions(base_url=faults_url, out=tmp_path, workers=2))
    strict, expects = run.journeys
    assert strict.outcome == "error" and strict.error.step == 1, strict.error
    assert strict.error.reason == "the page answered HTTP 404; if the journey expects it there, list 404 under allow_http"
    assert strict.error.url.endswith("/_fault/taken-down")
    assert strict.steps[1].status == "failed" and strict.steps[1].screenshot  # the error page is kept as evidence
    assert expects.outcome == "completed", expects.error
    assert [s.status for s in expects.steps] == ["ok"] * 4


def test_allow_http_is_validated_with_file_and_line():
    from cxaudit.errors import JourneyFileErrors

    with pytest.raises(JourneyFileErrors) as info:
        parse_journey("name: x\ngoal: cancel\nstart: /x\nallow_http: [404, 600]\nsteps:\n  - click: Go\n"
                      "success: {text: done}\n", "j.yaml")
    assert info.value.problems == ["j.yaml:4 allow_http[1]: Input should be less than or equal to 599"]
    assert parse_journey("name: x\ngoal: cancel\nstart: /x\nallow_http: [404, 503]\nsteps:\n  - click: Go\n"
                         "success: {text: done}\n", "j.yaml").allow_http == [404, 503]


@pytest.mark.browser
def test_a_page_growing_above_the_link_is_photographed_and_its_link_clicked_in_time(tmp_path, faults_url):  # noqa: F811
    """A row is added every 10 ms above "Continue": Playwright never finds it still, so after 2 s it is held
    still in view and clicked; the pictures of the growing page are cut at 4,000 px."""
    from PIL import Image

    from cxaudit.record.session import MAX_SCREENSHOT_HEIGHT
    from cxaudit.record.steps.basic import STILL_WITHIN_S

    journey = parse_journey("name: grows\ngoal: cancel\ntimeouts: {step: 8, navigation: 5, journey: 40}\n"
                            "start: /_fault/grow-above\nsteps:\n  - wait_for: {text: Update 300}\n  - click: Continue\n"
                            "success: {text: completed}\n", "grows.yaml").model_copy(update={"id": "grows"})
    run, folder = run_journeys([journey], RunOptions(base_url=faults_url, out=tmp_path, workers=1))
    result = run.journeys[0]
    assert result.outcome == "completed", result.error
    for step in result.steps:
        assert step.screenshot, step
        with Image.open(folder / step.screenshot) as im:
            assert im.height <= MAX_SCREENSHOT_HEIGHT
    grown, click = result.steps[1], result.steps[2]
    assert grown.observation.document.height > MAX_SCREENSHOT_HEIGHT
    assert STILL_WITHIN_S <= click.timings["action"] < 8  # held still after the first try, well within the step
    assert click.actions == 1 and click.url_after.endswith("/_fault/ok/done")
