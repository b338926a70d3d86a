"""Class 5 of issue 12: the chat checks judge every journey that drove a chat, whatever its goal (a cancel whose
only way out is a looping bot), and say "no chat was driven" on any journey without one."""

from __future__ import annotations

from cxaudit.results.model import JourneyResult, StepRecord

from .chats import LOOP_EN, chat_journey
from .judged import judged

CHAT_CHECKS = ("chatbot_loop", "no_human_handoff", "slow_human_handoff")


def test_the_chat_checks_judge_a_cancel_journey_whose_way_out_is_a_looping_bot():
    j = chat_journey(LOOP_EN + [("I want to talk to a human", "Your order shipped on 3 March.")])
    j = j.model_copy(update={"goal": "cancel"})
    for check in CHAT_CHECKS:
        assert judged(check, j).status == "fail", check


def test_the_chat_checks_say_no_chat_was_driven_on_any_goal_without_one():
    for goal in ("cancel", "uninstall", "contact_support", "signup", "custom"):
        j = JourneyResult(id="j", name="j", goal=goal, site="s", language="en", device="desktop", file="j.yaml",
                          start_url="http://x/", outcome="completed",
                          steps=[StepRecord(index=0, type="goto", description="open"),
                                 StepRecord(index=1, type="click", description="click", actions=1)])
        for check in CHAT_CHECKS:
            result = judged(check, j)
            assert result.status == "not_applicable", (goal, check)
            assert result.details["reason"] == "no chat was driven on this journey"
            assert result.details["reason_parts"] == [{"key": "na_no_chat", "args": {}}]
