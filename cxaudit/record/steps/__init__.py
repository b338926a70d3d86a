"""What each step type does to the page: one table from step type to runner, used by JourneySession.

    basic.py        goto, click, dismiss, fill, select, check, press, wait_for, expect, screenshot, login
    survey_gate.py  gate: try to go on without answering, record the block, then answer
    chat.py         chat: open the widget, send the messages, keep the transcript
    native_dialog.py  dialog: accept or dismiss the browser's next alert/confirm/prompt/beforeunload
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cxaudit.record.steps.basic import BASIC, Runner, perform
from cxaudit.record.steps.chat import chat_step
from cxaudit.record.steps.native_dialog import dialog_step
from cxaudit.record.steps.survey_gate import gate_step
from cxaudit.results.model import StepRecord

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

RUNNERS: dict[str, Runner] = {**BASIC, "gate": gate_step, "chat": chat_step, "dialog": dialog_step}


async def run_step(s: JourneySession, step: Any, record: StepRecord) -> None:
    """Do one journey step (any type) on the session's page, counting what the customer does."""
    await perform(s, step, record, RUNNERS)
