"""CX101 mandatory_exit_survey on hand-built gate probes."""

from __future__ import annotations

from cxaudit.results.model import GateProbe

from .judged import judged
from .records import el, journey, run, step


def gate_step(i, blocked, **kw):
    probe = GateProbe(name="exit survey", blocked=blocked, proceed_element=el("Continue"), **kw)
    return step(i, "gate", element=el("Continue"), gate=probe, actions=2 if blocked else 1)


def test_exit_survey_blocked_gate_fails_with_the_proceed_control():
    j = journey([step(0, "goto", actions=0), gate_step(1, True, signals=["validation_message", "required_fields"],
                                                        validation_messages=["Please tell us why you are leaving"],
                                                        required_fields=["reason"], answer_actions=1)])
    d = run("mandatory_exit_survey", j)
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.step == 1 and ev.screenshot_step == 0
    assert ev.words == "Please tell us why you are leaving"
    assert ev.box.model_dump() == {"x": 100, "y": 300, "width": 120, "height": 40}
    assert "1 required field(s): reason" in ev.note.text()


def test_exit_survey_optional_gate_passes_with_a_note():
    d = run("mandatory_exit_survey", journey([step(0, "goto"), gate_step(1, False)], goal="uninstall"))
    assert d.score == 1.0 and "optional" in d.evidence[0].note.text()


def test_exit_survey_not_applicable_to_contact_and_passes_without_gate():
    assert judged("mandatory_exit_survey", journey([step(0, "goto")], goal="contact_support")).status == "not_applicable"
    assert run("mandatory_exit_survey", journey([step(0, "goto"), step(1)])).score == 1.0


def test_a_blocked_gate_with_a_picture_of_the_block_shows_the_finding_there():
    from cxaudit.results.model import Box

    picture = "screens/j/01-gate-blocked.jpg"
    j = journey([step(0, "goto", actions=0), gate_step(1, True, signals=["same_view"], screenshot=picture,
                                                        message_box=Box(x=100, y=200, width=300, height=20))])
    ev = run("mandatory_exit_survey", j).evidence[0]
    assert ev.screenshot == picture and ev.box.model_dump() == {"x": 100, "y": 300, "width": 120, "height": 40}
    result = judged("mandatory_exit_survey", j)
    assert result.findings[0].screenshot == picture  # results.json keeps which picture the box is drawn on
    # an open gate's probe is the customer's click: no picture of a block to point at
    open_gate = journey([step(0, "goto"), gate_step(1, False, screenshot=picture)], goal="uninstall")
    assert run("mandatory_exit_survey", open_gate).evidence[0].screenshot is None


def test_the_message_box_is_the_message_on_the_page_else_its_field():
    from factories import field, form, observation, text_block

    from cxaudit.record.steps.survey_gate import message_box

    said = text_block("Please tell us why you are leaving.", box={"x": 10, "y": 500, "width": 400, "height": 18})
    radio = field(label="Too expensive", name="reason", type="radio", required=True, invalid=True,
                  validation_message="Please select one of these options.", box={"x": 12, "y": 300, "width": 13, "height": 13})
    page = observation(text_blocks=[said], forms=[form(radio)])
    assert message_box(page, ["Please tell us why you are leaving"], ["reason"]).y == 500
    assert message_box(page, ["Please select one of these options."], ["reason"]).y == 300  # the browser's bubble
    assert message_box(observation(), ["anything"], []) is None
