"""Chats without selectors, in a real browser against fixture pages (tests/fixtures/pages/explore/chat*):
a `chat:` step that names only its launcher finds the box, the send button (or Enter) and what a reply is;
explore drives a chat to a person, stops at a bot that never hands over, and cancels where the page says
to cancel in the chat. Every widget here marks its messages differently (an attribute, classes, tags)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_run import cx

from cxaudit.explore import ExploreOptions, explore

pytestmark = pytest.mark.browser


def _journey(tmp_path: Path, start: str, chat: dict, success: str) -> Path:
    path = tmp_path / "chat.yaml"
    path.write_text(yaml.safe_dump({"name": "chat", "goal": "contact_support", "language": "en", "start": start,
                                    "steps": [{"chat": chat}], "success": {"text": success}}), encoding="utf-8")
    return path


def _run(path: Path, base: str, tmp_path: Path) -> dict:
    ran = cx("run", str(path), "--base-url", base, "--out", str(tmp_path / "out"), "--quiet")
    assert ran.stdout.strip(), f"exit {ran.returncode}: {ran.stderr}"
    folder = Path(ran.stdout.splitlines()[0])
    return json.loads((folder / "results.json").read_text(encoding="utf-8"))["journeys"][0]


def test_a_chat_step_without_selectors_finds_the_box_and_the_replies(pages_url, tmp_path):
    # support.html: a contact form (name, e-mail, message) beside an in-page chat whose box sends on Enter
    # and whose messages differ only by data-author
    path = _journey(tmp_path, "/explore/support.html",
                    {"open": {"role": "button", "name": "Start a chat"},
                     "messages": ["My order is late", "Can I talk to a person?"],
                     "success": {"text": "has joined the chat"}}, "has joined the chat")
    journey = _run(path, pages_url, tmp_path)
    assert journey["outcome"] == "completed", journey.get("error")
    chat = journey["steps"][1]["chat"]
    assert chat["inferred"]["input"] == {"label": "Your message"}
    assert chat["inferred"]["send"] is None  # no send button: Enter
    assert chat["inferred"]["replies"].endswith('[data-author="bot"]')
    assert chat["greeting"] == ["Hello! I am the Brightside assistant."]
    assert [t["replies"] for t in chat["turns"]] == [["Have you looked at our help articles?"],
                                                     ["Sam has joined the chat. How can I help?"]]
    assert chat["turns_to_success"] == 2


def test_replies_that_cannot_be_told_from_the_messages_sent_fail_in_one_line(pages_url, tmp_path):
    # plainchat.html: the customer's messages and the bot's are the same bare <p>
    path = _journey(tmp_path, "/explore/plainchat.html", {"messages": ["Hello there"]}, "never")
    journey = _run(path, pages_url, tmp_path)
    assert journey["outcome"] == "error"
    assert "name them with `replies:`" in journey["error"]["reason"]


def test_explore_reaches_a_person_in_the_chat_rather_than_the_form(pages_url):
    result = explore(ExploreOptions(url=f"{pages_url}/explore/support.html", goal="contact_support"))
    assert result.outcome == "completed", result.reason
    chat = result.steps[-1]["chat"]
    assert chat["open"] == {"role": "button", "name": "Start a chat", "exact": True}
    assert chat["replies"].endswith('[data-author="bot"]') and chat["success"] == {"text": "has joined the chat"}
    assert len(chat["messages"]) == 2  # the problem, then a request for a person: no message after the handover
    assert result.success == "has joined the chat"


def test_a_bot_that_never_hands_over_is_a_dead_end_and_the_journey_replays(pages_url, tmp_path):
    ran = cx("explore", f"{pages_url}/explore/loopchat.html", "--goal", "contact_support", "--out", str(tmp_path),
             "--quiet")
    assert ran.returncode == 0, ran.stderr  # blocked is a finding, not an error
    folder = Path(ran.stdout.splitlines()[0])
    run = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    assert run["options"]["explored"]["outcome"] == "blocked"
    assert "did not hand over to a person" in run["options"]["explored"]["reason"]
    journey = run["journeys"][0]
    assert journey["outcome"] == "blocked"
    fails = {c["id"] for c in journey["checks"] if c["status"] == "fail"}
    assert {"chatbot_loop", "no_human_handoff"} <= fails
    written = yaml.safe_load((folder / "journey.yaml").read_text(encoding="utf-8"))
    chat = written["steps"][-1]["chat"]
    assert chat["frame"] == ['iframe#frame'] and chat["replies"] == "[role=log] p.msg-bot"
    assert written["blocked"] == {"text": "Please check our help articles for the answer to your question"}
    again = cx("run", str(folder / "journey.yaml"), "--base-url", pages_url, "--out", str(tmp_path / "again"),
               "--quiet")
    replayed = json.loads((Path(again.stdout.splitlines()[0]) / "results.json").read_text(encoding="utf-8"))
    assert replayed["journeys"][0]["outcome"] == "blocked"


def test_explore_cancels_in_the_chat_when_the_page_says_so_and_declines_the_offer(pages_url):
    result = explore(ExploreOptions(url=f"{pages_url}/explore/chat-cancel.html", goal="cancel"))
    assert result.outcome == "completed", result.reason
    chat = result.steps[-1]["chat"]
    assert chat["send"] == {"role": "button", "name": "Send", "exact": True}  # the ➤ button, by its aria-label
    assert chat["replies"] == "#msgs li.from-bot"
    assert len(chat["messages"]) == 2 and "has been cancelled" in result.success


def test_a_chat_inside_a_shadow_root_is_found_and_driven_to_a_person(pages_url):
    # shadowchat.html: a web component whose open shadow root holds the launcher, the log, the box and Send
    result = explore(ExploreOptions(url=f"{pages_url}/explore/shadowchat.html", goal="contact_support"))
    assert result.outcome == "completed", result.reason
    chat = result.steps[-1]["chat"]
    assert chat["input"] == {"placeholder": "Type your message", "exact": True}
    assert chat["send"] == {"role": "button", "name": "Send", "exact": True}
    assert chat["replies"] == "[role=log] div.bubble:not(.me)"  # the customer's bubbles are .bubble.me


def test_a_pre_chat_form_is_filled_counted_and_written_into_the_journey(pages_url, tmp_path):
    # prechat.html: "Chat with an adviser" shows a form (name, e-mail, topic required; phone optional) before the
    # chat; a newsletter e-mail field was on show before the launcher and is no part of it
    ran = cx("explore", f"{pages_url}/explore/prechat.html", "--goal", "contact_support", "--out", str(tmp_path),
             "--quiet")
    assert ran.returncode == 0, ran.stderr
    folder = Path(ran.stdout.splitlines()[0])
    written = yaml.safe_load((folder / "journey.yaml").read_text(encoding="utf-8"))
    chat = written["steps"][-1]["chat"]
    assert chat["prechat"] == {"Your name": "Alex Example", "E-mail address": "alex@example.com", "Topic": "Billing",
                               "I agree that my details are used for this chat": "yes"}  # required: ticked
    step = json.loads((folder / "results.json").read_text(encoding="utf-8"))["journeys"][0]["steps"][1]
    # the launcher, three fields, the box and "Start chat", then two messages
    assert step["action_kinds"] == {"click": 2, "fill": 2, "select": 1, "check": 1, "chat_message": 2}
    assert step["chat"]["greeting"] == ["Thanks Alex Example, how can we help with billing?"]
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "Before the chat opened, a form asked for: Your name, E-mail address, Topic, I agree" in report
    again = cx("run", str(folder / "journey.yaml"), "--base-url", pages_url, "--out", str(tmp_path / "again"),
               "--quiet")
    replayed = json.loads((Path(again.stdout.splitlines()[0]) / "results.json").read_text(encoding="utf-8"))
    assert replayed["journeys"][0]["outcome"] == "completed"


def test_a_scripted_chat_behind_a_pre_chat_form_without_its_values_fails_in_one_line(pages_url, tmp_path):
    path = _journey(tmp_path, "/explore/prechat.html", {"open": {"role": "button", "name": "Chat with an adviser"},
                                                         "messages": ["Hello"]}, "joined")
    journey = _run(path, pages_url, tmp_path)
    assert journey["outcome"] == "error"
    reason = journey["error"]["reason"]
    assert "Your name, E-mail address, Topic" in reason and "`prechat:`" in reason and "\n" not in reason.strip()


def test_a_chat_behind_a_log_in_is_reached_with_the_credentials(behind_login):
    # chat-login.html: the support chat is offered only on the account page, after signing in
    walled, result = behind_login("chat-login.html", "contact_support", "kim@example.com", "pw-123456")
    assert walled.outcome == "blocked" and "no credentials" in walled.reason
    assert result.outcome == "completed", result.reason
    assert [next(iter(s)) for s in result.steps] == ["login", "chat"]
    assert result.steps[-1]["chat"]["replies"] == "#talk li.them"
    assert result.success == "has joined the conversation"


def test_a_link_to_the_chat_is_followed_through_the_log_in_it_leads_to(behind_login):
    # chat-link.html: the contact page's only way to a person is a link "Log in and start a chat" to a log-in
    # page (chat-login.html), beside a help centre with articles only
    _, result = behind_login("chat-link.html", "contact_support", "kim@example.com", "pw-123456")
    assert result.outcome == "completed", result.reason
    assert [next(iter(s)) for s in result.steps] == ["click", "login", "chat"]
    assert result.steps[0]["click"]["name"] == "Log in and start a chat"


def test_explore_insists_on_a_person_four_times_before_it_calls_the_chat_a_dead_end(pages_url):
    # insistchat.html: the bot repeats its advice and brings in a person at the fourth request for one
    result = explore(ExploreOptions(url=f"{pages_url}/explore/insistchat.html", goal="contact_support"))
    assert result.outcome == "completed", result.reason
    assert len(result.steps[-1]["chat"]["messages"]) == 5  # the problem, then four requests for a person


def test_after_the_last_message_the_chat_waits_a_little_for_the_person_who_joins(pages_url, tmp_path):
    # latechat.html: "passing your request to an agent", then "Maya has joined the chat" 1.9 s later, past the
    # 0.7 s a reply is waited for once it has started
    path = _journey(tmp_path, "/explore/latechat.html",
                    {"input": {"label": "Your message"}, "send": {"role": "button", "name": "Send"}, "replies": "#log p.bot",
                     "messages": ["My bag did not arrive", "Can I talk to a person?"],
                     "success": {"text": "has joined the chat"}}, "has joined the chat")
    journey = _run(path, pages_url, tmp_path)
    assert journey["outcome"] == "completed", journey.get("error")
    chat = journey["steps"][1]["chat"]
    assert chat["turns"][-1]["replies"] == ["I am passing your request to an agent. Estimated wait: 2 minutes.",
                                            "Maya has joined the chat."]
    assert chat["turns_to_success"] == 2


def test_a_chat_on_a_page_of_its_own_is_driven_without_a_launcher(pages_url):
    # chat-entry.html links "Chat with an agent" to latechat.html, whose message box is on show at once; the agent
    # joins 1.9 s after the request is passed on
    result = explore(ExploreOptions(url=f"{pages_url}/explore/chat-entry.html", goal="contact_support"))
    assert result.outcome == "completed", result.reason
    assert [next(iter(s)) for s in result.steps] == ["click", "chat"]
    assert "open" not in result.steps[-1]["chat"] and result.success == "has joined the chat"
