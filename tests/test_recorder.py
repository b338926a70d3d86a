"""The recorder on small fixture pages: gate probes, chat, login, errors, secrets, counting."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser


def test_required_radio_gate_is_blocked_then_answered(run_yaml, pages_url):
    result, folder = run_yaml("""
name: gate
goal: cancel
start: /gate-required.html
steps:
  - gate:
      proceed: {role: button, name: Continue}
      answer:
        - check: {label: Too expensive}
success: {text: Your request has been completed}
""", pages_url)
    assert result.outcome == "completed", result.error
    gate = result.steps[1].gate
    assert gate.blocked and gate.answered and gate.passed_after_answer
    assert "same_view" in gate.signals and "required_fields" in gate.signals
    assert "validation_message" in gate.signals and gate.validation_messages
    # the blocked probe is not a customer action; the answer and the real click are
    assert result.steps[1].probe_actions == 1
    assert result.metrics.actions == 2 and result.metrics.action_kinds == {"check": 1, "click": 1}
    assert result.metrics.pages == 2 and result.metrics.gates_blocked == 1
    # a picture of the block, taken before answering, and the report shows the finding's boxes on it
    assert_picture_of_the_block(result, folder)


def assert_picture_of_the_block(result, folder):
    from PIL import Image

    from cxaudit.judge.engine import judge_run
    from cxaudit.report.html import render_html
    from cxaudit.results.model import load_run

    gate = result.steps[1].gate
    assert gate.screenshot and gate.screenshot != result.steps[1].screenshot  # the step's own: the page after the gate
    assert result.steps[1].timings["gate_picture"] > 0  # the recorder's time, left out of the step's duration_s
    with Image.open(folder / gate.screenshot) as im:
        assert im.width > 0
    radio = next(f for form in result.steps[0].observation.forms for f in form.fields if f.type == "radio")
    assert gate.message_box is not None and round(gate.message_box.y) == round(radio.box.y)  # the field it is about
    run = judge_run(load_run(folder))
    (finding,) = next(c for c in run.journeys[0].checks if c.id == "mandatory_exit_survey").findings
    assert finding.screenshot == gate.screenshot and finding.box is not None
    html = render_html(run, folder, folder / "report.html").path.read_text(encoding="utf-8")
    card = html.split("The page while blocked, before answering", 1)[1].split("</div>", 2)
    picture = card[0] + card[1]
    assert 'class="overlay"' in picture and picture.count("<rect") == 2  # the proceed control and the message
    assert "validation bubble is not part of a page" in html


def test_disabled_button_gate(run_yaml, pages_url):
    result, _ = run_yaml("""
name: gate
goal: uninstall
start: /gate-disabled.html
steps:
  - gate:
      proceed: Uninstall now
      answer:
        - check: {label: It is too slow}
success: {text: completed}
""", pages_url)
    assert result.outcome == "completed", result.error
    gate = result.steps[1].gate
    assert gate.blocked and gate.signals[0] == "disabled_control"
    assert result.steps[1].probe_actions == 0  # a disabled control is not clicked
    assert gate.proceed_element.disabled is True


def test_optional_gate_lets_the_customer_through(run_yaml, pages_url):
    result, _ = run_yaml("""
name: gate
goal: cancel
start: /gate-optional.html
steps:
  - gate:
      proceed: {role: button, name: Continue}
      answer:
        - check: {label: Too expensive}
success: {text: completed}
""", pages_url)
    assert result.outcome == "completed", result.error
    gate = result.steps[1].gate
    assert gate.blocked is False and gate.answered is False
    assert result.metrics.actions == 1  # the probe was the customer's real click


def test_client_side_gate_with_alert(run_yaml, pages_url):
    result, _ = run_yaml("""
name: spa gate
goal: cancel
start: /gate-spa.html
steps:
  - gate:
      proceed: {text: Continue, exact: true}
      answer:
        - fill: {label: Tell us more, value: Too expensive for me}
  - click: {role: button, name: Confirm}
success: {text: Your plan has been cancelled}
""", pages_url)
    assert result.outcome == "completed", result.error
    gate = result.steps[1].gate
    assert gate.blocked and "Please tell us why you are leaving" in gate.validation_messages
    assert result.metrics.pages == 3  # start, #confirm view, cancelled view
    assert result.steps[1].view_changed and result.steps[2].view_changed
    assert result.metrics.characters_typed == len("Too expensive for me")


def test_chat_in_iframe_keeps_transcript_and_stops_on_success(run_yaml, pages_url):
    result, _ = run_yaml("""
name: chat
goal: contact_support
start: /chat.html
steps:
  - chat:
      open: {role: button, name: Chat with us}
      frame: iframe#f
      input: {placeholder: Type your message}
      send: {role: button, name: Send}
      replies: .msg.bot
      messages: ["Where is my parcel?", It is not here, I want a human, never sent]
      success: {text: has joined}
success: {text: Anna has joined}
""", pages_url)
    assert result.outcome == "completed", result.error
    chat = result.steps[1].chat
    assert chat.greeting == ["Hi! How can I help?"]
    assert [t.sent for t in chat.turns] == ["Where is my parcel?", "It is not here", "I want a human"]
    assert chat.turns[0].replies == ["Your parcel was delivered.", "Was this helpful?"]
    assert chat.success and chat.turns_to_success == 3
    assert result.metrics.action_kinds == {"click": 1, "chat_message": 3}
    assert result.metrics.chat_turns == 3


def test_login_counts_once_and_secrets_never_reach_outputs(run_yaml, pages_url, monkeypatch):
    secret_user, secret_pw = "K-SECRET-4711", "pw-SUPER-secret-99"
    monkeypatch.setenv("CX_T_USER", secret_user)
    monkeypatch.setenv("CX_T_PW", secret_pw)
    result, folder = run_yaml("""
name: login
goal: cancel
start: /login.html
steps:
  - login:
      username: {label: Customer number, value: "${CX_T_USER}"}
      password: {label: Password, value: "${CX_T_PW}"}
      submit: {role: button, name: Log in}
  - wait_for: {text: "${CX_T_USER}"}
  - fill: {label: Phone number, value: "0151 2345678"}
  - click: Save
success: {text: completed}
""", pages_url)
    assert result.outcome == "completed", result.error
    assert result.metrics.action_kinds == {"fill": 3, "click": 2}  # the login: 2 fields and its submit
    assert result.steps[1].filled[1].secret and result.steps[1].filled[1].value == "••••••"
    assert result.metrics.characters_typed == len(secret_user) + len(secret_pw) + len("0151 2345678")
    # the account page shows the customer number: the snapshot must mask it too
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".html", ".md", ".csv", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert secret_user not in text and secret_pw not in text, path
    # a secret in a step's target is masked in its description and action too
    assert result.steps[2].description == "wait for text '••••••'" and result.steps[2].action["target"]["name"] == "••••••"
    # console errors and failed requests are kept per step
    account = result.steps[1]
    assert any("deliberate console error" in c for c in account.console_errors)
    assert any(r.status == 404 for r in account.failed_requests)


def test_missing_element_names_step_url_and_fix(run_yaml, pages_url):
    result, folder = run_yaml("""
name: missing
goal: cancel
start: /done.html
timeouts: {step: 1}
steps:
  - click: {role: link, name: Verträge hier kündigen}
success: {text: never}
""", pages_url)
    assert result.outcome == "error"
    err = result.error
    assert err.step == 1 and err.url.endswith("/done.html")
    assert "Verträge hier kündigen" in err.reason and "after 1 s" in err.reason
    # partial results are on disk
    saved = json.loads((folder / "results.json").read_text())
    assert saved["journeys"][0]["outcome"] == "error" and len(saved["journeys"][0]["steps"]) == 2


def test_overlay_blocks_click_until_dismissed(run_yaml, pages_url):
    blocked, _ = run_yaml("""
name: wall
goal: cancel
start: /overlay.html
timeouts: {step: 1.5}
steps:
  - click: Cancel contract
success: {text: completed}
""", pages_url)
    assert blocked.outcome == "error" and "covered by another element" in blocked.error.reason
    ok, _ = run_yaml("""
name: wall
goal: cancel
start: /overlay.html
steps:
  - dismiss: Accept all
  - dismiss: Not there at all
  - click: Cancel contract
success: {text: completed}
""", pages_url)
    assert ok.outcome == "completed", ok.error
    assert [s.status for s in ok.steps] == ["ok", "ok", "skipped", "ok"]
    assert ok.metrics.actions == 2


def test_slow_element_is_waited_for_and_hidden_one_explained(run_yaml, pages_url):
    ok, _ = run_yaml("""
name: slow
goal: cancel
start: /slow.html
steps:
  - click: Continue to cancel
success: {text: completed}
""", pages_url)
    assert ok.outcome == "completed", ok.error
    bad, _ = run_yaml("""
name: hidden
goal: cancel
start: /slow.html
timeouts: {step: 1}
steps:
  - click: {text: Hidden cancel}
success: {text: completed}
""", pages_url)
    assert bad.outcome == "error" and "exist but are hidden" in bad.error.reason


def test_blocked_outcome_when_online_path_ends(run_yaml, pages_url):
    result, _ = run_yaml("""
name: ends
goal: cancel
start: /done.html
timeouts: {step: 1}
steps:
  - click: Cancel online
success: {text: cancelled}
blocked: {text: Your request has been completed}
""", pages_url)
    assert result.outcome == "blocked" and result.error is None


def test_step_records_hold_what_checks_need(run_yaml, pages_url):
    result, folder = run_yaml("""
name: rec
goal: cancel
start: /gate-optional.html
steps:
  - click: {role: button, name: Continue}
success: {text: completed}
""", pages_url)
    step = result.steps[1]
    assert step.url_before.endswith("/gate-optional.html") and "/done.html" in step.url_after
    assert step.navigated and step.view_changed
    assert step.element.role == "button" and step.element.name == "Continue"
    assert step.observation.title == "Done" and step.observation.headings[0].text == "All done"
    assert (folder / step.screenshot).stat().st_size > 1000
    assert step.duration_s > 0 and step.started_s >= result.steps[0].started_s


def test_target_inside_an_open_shadow_root(run_yaml, pages_url):
    result, _ = run_yaml("""
name: shadow
goal: cancel
start: /shadow.html
steps:
  - click: {role: button, name: End subscription}
success: {text: completed}
""", pages_url)
    assert result.outcome == "completed", result.error
    assert result.steps[1].element.name == "End subscription" and result.steps[1].element.shadow is True


def test_mobile_device_preset(run_yaml, pages_url):
    result, _ = run_yaml("""
name: mobile
goal: cancel
start: /gate-optional.html
device: mobile
steps:
  - click: {role: button, name: Continue}
success: {text: completed}
""", pages_url)
    assert result.outcome == "completed" and result.device == "mobile"
    assert result.steps[0].observation.viewport.width == 390


def test_goto_press_expect_fallbacks_nth(run_yaml, pages_url):
    result, _ = run_yaml("""
name: many step types
goal: custom
start: /done.html
steps:
  - goto: /gate-spa.html
  - expect: {url: "*/gate-spa.html", text: Why are you leaving}
  - fill: {label: Tell us more, value: too expensive}
  - press: {key: Tab, target: {label: Tell us more}}
  - click:
      role: button
      name: Does not exist
      fallbacks: [{css: "div.btn"}]
  - expect: {element: {role: button, name: Confirm}}
  - click: {css: "button", nth: 0}
success: {text: Your plan has been cancelled}
""", pages_url)
    assert result.outcome == "completed", result.error
    kinds = result.metrics.action_kinds
    assert kinds == {"fill": 1, "press": 1, "click": 2}
    assert result.steps[1].navigated and result.steps[1].url_after.endswith("/gate-spa.html")


def test_failed_expectation_says_why(run_yaml, pages_url):
    result, _ = run_yaml("""
name: expect fails
goal: custom
start: /done.html
steps:
  - expect: {text: Your contract has been terminated}
success: {text: completed}
""", pages_url)
    assert result.outcome == "error" and result.error.step == 1
    assert "expectation failed" in result.error.reason and "Your contract has been terminated" in result.error.reason


def test_http_error_page_and_refused_connection_are_named(run_yaml, pages_url):
    missing, _ = run_yaml("""
name: missing page
goal: cancel
start: /no-such-page.html
timeouts: {step: 1}
steps:
  - click: Cancel
success: {text: done}
""", pages_url)
    assert missing.outcome == "error" and "the page answered HTTP 404" in missing.error.reason
    import socket

    with socket.socket() as sock:  # a loopback port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    refused, _ = run_yaml(f"""
name: refused
goal: cancel
start: http://127.0.0.1:{port}/account
steps:
  - click: Cancel
success: {{text: done}}
""", pages_url)
    assert refused.outcome == "error" and refused.error.step == 0
    assert "refused the connection" in refused.error.reason
    assert refused.error.url == f"http://127.0.0.1:{port}/account"


GATE_IN = """
name: gate {lang}
goal: cancel
language: {lang}
start: /gate-required.html
steps:
  - gate:
      proceed: {{role: button, name: Continue}}
      answer:
        - check: {{label: Too expensive}}
success: {{text: Your request has been completed}}
"""


def test_chromiums_own_texts_follow_the_journey_language(tmp_path, pages_url, monkeypatch):
    """A German customer's browser says "Wähle eine dieser Optionen aus." where an English one says "Please select
    one of these options.": one browser per UI language, in one run, side by side."""
    from cxaudit.journey import parse_journey
    from cxaudit.record.browser import find_browser, lacks_translations
    from cxaudit.record.runner import RunOptions, run_journeys

    found = find_browser()
    if lacks_translations(found.executable):
        pytest.skip(f"{found.executable} has no translations (Debian: apt-get install chromium-l10n)")
    monkeypatch.setenv("LANGUAGE", "de")  # a German shell must not make the English journey's browser German
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    journeys = [parse_journey(GATE_IN.format(lang=lang), f"{lang}.yaml").model_copy(update={"id": lang}) for lang in ("en", "de")]
    run, _ = run_journeys(journeys, RunOptions(base_url=pages_url, out=tmp_path, workers=2))
    en, de = (j.steps[1].gate.validation_messages for j in run.journeys)
    assert en == ["Please select one of these options."], en
    assert de and de != en and "Option" in de[0], de  # Chromium's German, whatever its exact words in this version


def test_a_browser_that_will_not_start_stops_the_run_before_it_records(tmp_path, pages_url, monkeypatch):
    """The German journey's browser fails to start: nothing is recorded as the site's fault, the English browser
    that did start is closed, and the error says which browser."""
    from cxaudit.errors import BrowserFailed
    from cxaudit.journey import parse_journey
    from cxaudit.record import runner

    started, real_launch = [], runner.launch

    async def launch(pw, found, *, headed=False, language=None):
        if language == "de":
            raise BrowserFailed(f"the browser at {found.executable} did not start: test")
        browser = await real_launch(pw, found, headed=headed, language=language)
        started.append(browser)
        return browser

    monkeypatch.setattr(runner, "launch", launch)
    journeys = [parse_journey(GATE_IN.format(lang=lang), f"{lang}.yaml").model_copy(update={"id": lang}) for lang in ("en", "de")]
    with pytest.raises(BrowserFailed, match="did not start"):
        runner.run_journeys(journeys, runner.RunOptions(base_url=pages_url, out=tmp_path, workers=2))
    assert len(started) == 1 and not started[0].is_connected()
    assert not list(tmp_path.glob("*/results.json"))  # no journey ran, so none is reported as failed


def test_the_runners_failures_go_through_the_secret_masking():
    from cxaudit.record.runner import _fail
    from cxaudit.results.model import JourneyResult
    from cxaudit.words.notes import note

    class Session:
        def redact(self, text):
            return text.replace("K-4711", "••••••")

        def redact_data(self, data):
            return [{**p, "args": {k: self.redact(v) for k, v in p["args"].items()}} for p in data]

    result = JourneyResult(id="j", name="j", goal="cancel", site="s", language="en", device="desktop", file="j.yaml",
                           start_url="http://x/")
    _fail(result, None, note("err_browser_failed", text="Target closed while typing K-4711"), "browser", Session())
    assert "K-4711" not in result.error.model_dump_json() and "••••••" in result.error.reason
