"""Why a step failed, in words: StepFailed, and Playwright's errors classified by their type.

Playwright raises ``TimeoutError`` for every timeout and ``TargetClosedError`` when the page, its context or
the browser is gone: those are told apart with ``isinstance``. It has no type for a navigation that destroyed
the page's JavaScript context, for a click that an overlay intercepted or a control that stayed disabled
(both are timeouts whose call log says why), or for the network's net::ERR_* codes: only there is the message
read, each case with a test (tests/test_failures.py).
"""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from cxaudit.results.model import StepRecord
from cxaudit.words.notes import NET_ERRORS, Note, note

try:  # Playwright >= 1.40 raises this type; it is not re-exported by playwright.async_api
    from playwright._impl._errors import TargetClosedError
except ImportError:  # pragma: no cover - an older Playwright: only the message tells
    TargetClosedError = None  # type: ignore[assignment,misc]

# Playwright's words where it gives no type (each with a test). The first two are read in the message itself,
# not in the call log Playwright appends to it: that log says "navigating to ..." for every goto.
CLOSED_WORDS = "has been closed"  # "Target page, context or browser has been closed" from an older client
NAVIGATION_WORDS = ("context was destroyed", "navigat", "frame was detached", "cannot find context")
# ... and these two in the call log of a click: its lines, not the element's markup quoted there
COVERED_WORDS = "intercepts pointer events"
DISABLED_WORDS = ("element is not enabled", "element is disabled")
MOVING_WORDS = "element is not stable"  # Playwright waits for two animation frames with the same box
CALL_LOG = "\nCall log:"


class StepFailed(Exception):
    """A step could not be done; ``note`` says why (worded per report language), the message is its English."""

    def __init__(self, why: Note | str):
        self.note = why if isinstance(why, Note) else note("err_raw", text=why)
        super().__init__(self.note.text("en"))


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, PlaywrightTimeout)


def is_closed(exc: BaseException) -> bool:
    """The page, its context or the browser is gone: no use waiting for it."""
    if TargetClosedError is not None and isinstance(exc, TargetClosedError):
        return True
    return isinstance(exc, PlaywrightError) and CLOSED_WORDS in message(exc)


def is_navigation_race(exc: BaseException) -> bool:
    """A navigation replaced the document while a script ran in it (Playwright has no type for this)."""
    if not isinstance(exc, PlaywrightError) or isinstance(exc, PlaywrightTimeout) or is_closed(exc):
        return False
    text = message(exc).lower()
    return any(word in text for word in NAVIGATION_WORDS)


def blocked_click(exc: BaseException) -> str | None:
    """``covered``, ``disabled`` or ``moving`` when a click timed out because of an overlay, a disabled
    control or an element that never stood still (a ``TimeoutError`` whose call log says which), else None."""
    if not is_timeout(exc):
        return None
    text = str(exc)
    if COVERED_WORDS in text:
        return "covered"
    if any(word in text for word in DISABLED_WORDS):
        return "disabled"
    if MOVING_WORDS in text:
        return "moving"
    return None


def plain_error(exc: BaseException, status: int | None = None) -> Note:
    """Playwright's error as one line a person can act on (network codes and timeouts worded per language)."""
    text = first_line(exc)
    for code in NET_ERRORS:
        if code in text:
            return note("err_net", code=code)
    if is_timeout(exc):
        ms = re.search(r"Timeout (\d+)ms", text)
        if text.startswith(("Page.goto", "Page.reload", "Frame.goto")) and ms:
            return note("err_load_timeout", seconds=int(ms.group(1)) / 1000)
        return note("err_timed_out", detail=text.split(":", 1)[-1].strip())
    return note("err_raw", text=text)


def failure_of(record: StepRecord) -> Note | None:
    """A failed step's reason as a note (from its parts; a record without parts gives its English text)."""
    if record.error_parts:
        return Note(tuple(p.model_dump() for p in record.error_parts))
    return note("err_raw", text=record.error) if record.error else None


def message(exc: BaseException) -> str:
    """Playwright's message without the call log it appends ("\\nCall log:\\n  - waiting for ...")."""
    return str(exc).split(CALL_LOG, 1)[0]


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line[:400]

