"""The storyboard puts each finding on the card of the step where it happened (the step number the CLI and
results.json give it), with its box on the screenshot that shows it (issue 12, class 9)."""

from __future__ import annotations

from demo_fixture import load_fixture

from cxaudit.judge.engine import judge_run
from cxaudit.report import content, html


def _views(tmp_path):
    run, folder = load_fixture(tmp_path / "run")
    judge_run(run)
    specs = content.load_specs(run)
    return run, {j.id: html._journey_view(run, j, folder, specs, "en") for j in run.journeys}


def test_a_finding_is_listed_at_its_own_step_and_boxed_on_the_screenshot_that_shows_it(tmp_path):
    run, views = _views(tmp_path)
    moved = 0
    for jv in views.values():
        numbers = []
        for sv in jv.steps:
            for sf in sv.findings:
                assert sf.finding.step == sv.step.index  # the CLI's and results.json's step
                numbers.append(sf.number)
                if sf.finding.box and sf.mark is not None:
                    expected = sf.finding.screenshot_step if sf.finding.screenshot_step is not None else sf.finding.step
                    if sf.finding.screenshot:  # a picture of its own (a gate while blocked), shown on its own card
                        expected = sf.finding.step
                    assert sf.shot_step == expected
                    moved += sf.shot_step != sv.step.index
            # the card that carries a later step's box says whose it is
            for tag, at in sv.boxes_for:
                owner = next(s for s in jv.steps if s.step.index == at)
                assert any(sf.number == tag for sf in owner.findings) and at != sv.step.index
        assert numbers == list(range(1, len(numbers) + 1))  # one numbering per journey, in step order
    assert moved > 0  # the demo has clicked controls whose box is on the page before the click


def test_the_html_says_where_the_box_is(tmp_path):
    run, views = _views(tmp_path)
    jv = views["streamline-cancel-hostile"]
    step2 = next(sv for sv in jv.steps if sv.step.index == 2)
    hidden = next(sf for sf in step2.findings if sf.finding.check == "hidden_cancel_link")
    assert hidden.shot_step == 1
    step1 = next(sv for sv in jv.steps if sv.step.index == 1)
    assert (hidden.number, 2) in step1.boxes_for
    page = html.environment().get_template("report.html.j2").render(**html.build_context(run, tmp_path / "run", "en", None))
    assert "its box is on the screenshot of step 1, the page where it was seen" in page
    assert f"box {hidden.number}: a finding of step 2" in page


def _render_with_chat_inferred(tmp_path, inferred: dict) -> str:
    run, _ = load_fixture(tmp_path / "run")
    step = next(s for j in run.journeys for s in j.steps if s.chat)
    step.chat.inferred = inferred
    judge_run(run)
    return html.environment().get_template("report.html.j2").render(**html.build_context(run, tmp_path / "run", "en", None))


def test_a_chat_found_without_selectors_renders_with_and_without_a_pre_chat_form(tmp_path):
    # what explore and a selector-less `chat:` step write: `inferred` always, `prechat` only where a form was met
    plain = _render_with_chat_inferred(tmp_path / "a", {"input": {"label": "Your message"}, "send": None,
                                                        "replies": '[data-author="bot"]'})
    assert "Before the chat" not in plain
    form = _render_with_chat_inferred(tmp_path / "b", {"input": {"label": "Your message"}, "send": None,
                                                       "replies": ".bot", "prechat": {"Name": "x", "E-mail": "y"}})
    assert "Name, E-mail" in form
