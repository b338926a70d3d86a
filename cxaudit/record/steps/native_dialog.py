"""dialog: answer the browser's next native dialog (alert, confirm, prompt, beforeunload), accept or dismiss.

The dialog opens during the step before (a click on "Cancel membership" that asks ``confirm("Are you
sure?")``), or while this step waits for it. The session arms the listener with this step's choice while the
step before runs; the answered dialog is this step's own record (``native_dialogs``), with its text, 1 action.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

from cxaudit.record.failures import StepFailed
from cxaudit.record.locate import NotFound
from cxaudit.record.steps.basic import count
from cxaudit.results.model import StepRecord
from cxaudit.words.notes import note

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession


class NoDialog(NotFound):
    """No browser dialog opened within the step's timeout (an optional dialog step is then skipped)."""

    def __init__(self, timeout: float):  # noqa: D107 - no target to name: the note says what was awaited
        Exception.__init__(self)
        self.target, self.timeout = None, timeout
        self.note = note("err_no_dialog", timeout=timeout)


async def dialog_step(s: JourneySession, step: Any, record: StepRecord, timeout: float) -> None:
    p = step.params
    if not s.answered_dialogs:
        s.dialog_choice = p  # not come yet: the next one is answered as this step says
        deadline = time.monotonic() + timeout
        while not s.answered_dialogs and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        if not s.answered_dialogs:
            s.dialog_choice = None
            raise NoDialog(timeout)
    met = s.answered_dialogs.pop(0)
    record.native_dialogs.append(met)
    count(record, "dialog")
    if p.text and p.text.casefold() not in met.message.casefold():
        raise StepFailed(note("err_dialog_text", text=p.text, message=met.message))
