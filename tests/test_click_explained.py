"""click_explained on a fake locator (no browser): the second try for a control that never stood still, and
the words of each way a click can fail. The real page is in test_hostile_pages.py (a browser test)."""

from __future__ import annotations

import asyncio

import pytest
from playwright.async_api import Error
from playwright.async_api import TimeoutError as PlaywrightTimeout
from test_failures import COVERED, MISSING, MOVING

from cxaudit.journey import Target
from cxaudit.record.failures import StepFailed, plain_error
from cxaudit.record.steps import basic


class FakeHandle:
    def __init__(self, calls):
        self.calls = calls

    async def evaluate(self, js):
        self.calls.append(("release", js))

    async def dispose(self):
        self.calls.append(("dispose",))


class FakeLocator:
    """Raises the given errors on its clicks, one per click, then clicks."""

    def __init__(self, *errors):
        self.errors, self.calls = list(errors), []

    async def click(self, timeout):
        self.calls.append(("click", timeout))
        if self.errors:
            raise self.errors.pop(0)

    async def evaluate_handle(self, js):
        self.calls.append(("hold", js))
        return FakeHandle(self.calls)


def clicked(loc, timeout=10.0):
    asyncio.run(basic.click_explained(loc, Target(role="link", name="Continue"), timeout))
    return [c[0] for c in loc.calls]


def test_a_control_that_kept_moving_is_held_still_then_clicked_and_let_go():
    loc = FakeLocator(MOVING)
    assert clicked(loc) == ["click", "hold", "click", "release", "dispose"]
    first, second = loc.calls[0][1], loc.calls[2][1]
    assert first == basic.STILL_WITHIN_S * 1000 and 9_000 < second <= 10_000  # the rest of the step (the fake fails at once)
    assert loc.calls[1][1] == basic.HOLD_STILL_JS


def test_a_control_that_still_moves_fails_in_words():
    loc = FakeLocator(MOVING, MOVING)
    with pytest.raises(StepFailed) as info:
        clicked(loc)
    assert info.value.note.dump()[0]["key"] == "err_moving"
    assert "kept moving" in info.value.note.text("en") and "10 s" in info.value.note.text("en")
    assert [c[0] for c in loc.calls][-2:] == ["release", "dispose"]  # let go even when the click failed


def test_other_timeouts_try_again_without_holding_and_say_the_steps_whole_time():
    loc = FakeLocator(MISSING, PlaywrightTimeout("Locator.click: Timeout 7993.5ms exceeded."))
    with pytest.raises(PlaywrightTimeout) as info:
        clicked(loc)
    assert [c[0] for c in loc.calls] == ["click", "click"]
    assert plain_error(info.value).dump() == [{"key": "err_timed_out", "args": {"detail": "Timeout 10000ms exceeded."}}]
    with pytest.raises(StepFailed) as covered:
        clicked(FakeLocator(COVERED, COVERED))
    assert covered.value.note.dump()[0]["key"] == "err_covered"


def test_a_short_step_gets_one_try_and_other_errors_are_not_retried():
    loc = FakeLocator(MOVING)
    with pytest.raises(StepFailed):
        clicked(loc, timeout=1.5)
    assert loc.calls == [("click", 1500.0)]
    loc = FakeLocator(Error("Locator.click: Element is not attached to the DOM"))
    with pytest.raises(Error):
        clicked(loc)
    assert [c[0] for c in loc.calls] == ["click"]
