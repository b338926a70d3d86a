"""Counting what a customer does, in a browser, on small fixture pages: a login is its two fields and its submit
(3), a confirm() answered by a dialog step is a step of its own (accept or dismiss, 1 action, its text kept), one
no step expects is accepted and counted on the step that opened it (issue 12,
class 8). The picture a blocked gate keeps is tested with the gate in test_recorder.py."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CANCEL = """
name: confirm
goal: cancel
start: /{start}
steps:
{steps}
success: {{text: "{success}"}}
"""
LOGIN = """  - login:
      username: {label: E-mail address, value: me@example.com}
      password: {label: Password, value: "${CX_T_DIALOG_PW:-pw-1234}"}
      submit: {role: button, name: Log in}
"""
CLICK = "  - click: {role: button, name: Cancel membership}\n"


def test_a_login_counts_its_fields_and_submit_and_an_accepted_confirm_is_a_step_of_its_own(run_yaml, pages_url):
    steps = LOGIN + CLICK + "  - dialog: {action: accept, text: are you sure}\n"
    result, _ = run_yaml(CANCEL.format(start="login-confirm.html", steps=steps, success="has been cancelled"), pages_url)
    assert result.outcome == "completed", result.error
    login, click, dialog = result.steps[1:4]
    assert (login.actions, login.action_kinds) == (3, {"fill": 2, "click": 1})
    assert (click.actions, click.native_dialogs) == (1, [])
    assert dialog.type == "dialog" and (dialog.actions, dialog.action_kinds) == (1, {"dialog": 1})
    (met,) = dialog.native_dialogs
    assert (met.type, met.accepted, met.scripted) == ("confirm", True, True)
    assert met.message.startswith("Are you sure you want to cancel?")
    assert dialog.screenshot and dialog.description == "accept the browser dialog"
    assert result.metrics.actions == 5 and result.metrics.action_kinds == {"fill": 2, "click": 2, "dialog": 1}


def test_a_dismissed_confirm_keeps_the_customer_where_they_were(run_yaml, pages_url):
    result, _ = run_yaml(CANCEL.format(start="confirm.html", steps=CLICK + "  - dialog: dismiss\n",
                                       success="still a member"), pages_url)
    assert result.outcome == "completed", result.error
    (met,) = result.steps[2].native_dialogs
    assert met.accepted is False and result.steps[2].actions == 1
    assert result.metrics.actions == 2


def test_a_dialog_no_step_expects_is_accepted_and_counted_and_a_missing_one_fails_the_step(run_yaml, pages_url):
    result, _ = run_yaml(CANCEL.format(start="confirm.html", steps=CLICK, success="has been cancelled"), pages_url)
    assert result.outcome == "completed", result.error
    click = result.steps[1]
    assert click.action_kinds == {"click": 1, "dialog": 1}
    assert [(d.type, d.accepted, d.scripted) for d in click.native_dialogs] == [("confirm", True, False)]
    none, _ = run_yaml(CANCEL.format(start="confirm.html", steps="  - dialog: {action: accept, timeout: 1}\n",
                                     success="has been cancelled"), pages_url)
    assert none.outcome == "error" and none.steps[1].status == "failed"
    assert none.steps[1].error == "no browser dialog opened within 1 s" and none.steps[1].actions == 0
