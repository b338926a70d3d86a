"""CX604 slow_human_handoff: chat turns to a person, on hand-built transcripts."""

from __future__ import annotations

from cxaudit.results.model import ChatTranscript, ChatTurn, StepRecord

from .metrics import journey, run


def chat_journey(replies, success=False, sent=None):
    sent = sent or [f"m{i}" for i in range(len(replies))]
    chat = ChatTranscript(turns=[ChatTurn(sent=m, replies=[r], wait_s=0.3) for m, r in zip(sent, replies, strict=True)],
                          success=success)
    steps = [StepRecord(index=0, type="goto", description="open"),
             StepRecord(index=1, type="chat", description="chat", chat=chat, actions=len(replies) + 1)]
    return journey(goal="contact_support", steps=steps)


def test_turns_to_human_counted_from_the_start_without_a_request():
    d = run("slow_human_handoff", chat_journey(["Hello", "Let me see", "Anna has joined the chat."]), {"p10": 1, "median": 3})
    assert d.value == 3 and d.score == 0.5 and d.evidence[0].words == "has joined the chat"
    assert run("slow_human_handoff", chat_journey(["I am connecting you to an agent"]), {"p10": 1, "median": 3}).score == 0.9


def test_turns_to_human_counted_from_the_request():
    replies = ["Tracking says delivered.", "It was left at the door.", "Anna has joined the chat."]
    at_once = chat_journey(replies, sent=["where is it", "not there", "a human please"])
    d = run("slow_human_handoff", at_once, {"p10": 1, "median": 3})
    assert d.value == 1 and d.score == 0.9 and d.details["turns_total"] == 3
    slow = chat_journey(["Please describe the issue.", "Please describe the issue.", "Anna has joined the chat."],
                        sent=["I want to speak to an agent", "an agent!", "agent"])
    assert run("slow_human_handoff", slow, {"p10": 1, "median": 3}).value == 3


def test_no_handoff_scores_zero_unless_the_bot_solved_it():
    d = run("slow_human_handoff", chat_journey(["Hello", "Delivered."]), {"p10": 1, "median": 3})
    assert d.score == 0 and d.value is None and d.details["turns_sent"] == 2
    assert run("slow_human_handoff", chat_journey(["Refund started."], success=True), {"p10": 1, "median": 3}).score is None
    asked = chat_journey(["Delivered."], success=True, sent=["a human please"])
    assert run("slow_human_handoff", asked, {"p10": 1, "median": 3}).score == 0
    assert run("slow_human_handoff", journey(goal="contact_support"), {"p10": 1, "median": 3}).score is None
