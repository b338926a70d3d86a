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
