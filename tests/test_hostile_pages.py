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
