"""Playwright's errors classified (cxaudit/record/failures.py): by type where Playwright gives one, by its
words only where it does not, a test per case.

The messages are Playwright's own (1.65, Chromium), copied from the errors it raised; the browser test at the
end provokes the same errors for real and checks that the classification still holds for today's Playwright.
"""

from __future__ import annotations

import asyncio
import socket
import threading

import pytest
from playwright._impl._errors import Error, TargetClosedError
from playwright._impl._errors import TimeoutError as PlaywrightTimeout

from cxaudit.record.failures import blocked_click, is_closed, is_navigation_race, is_timeout, message, plain_error

CLICK_LOG = ("\n  - attempting click action\n    2 × waiting for element to be visible, enabled and stable\n{why}"
             "    - retrying click action\n    - waiting 20ms\n    2 × waiting for element to be visible, enabled and "
             "stable\n{why}    - retrying click action\n      - waiting 100ms\n")
COVERED = PlaywrightTimeout(
    'Locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Cancel")\n'
    "    - locator resolved to <button>Cancel</button>" + CLICK_LOG.format(why=(
        "      - element is visible, enabled and stable\n      - scrolling into view if needed\n      - done scrolling\n"
        '      - <div id="wall"></div> intercepts pointer events\n')))
DISABLED = PlaywrightTimeout(
    'Locator.click: Timeout 1500ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Off")\n'
    "    - locator resolved to <button disabled>Off</button>" + CLICK_LOG.format(why="      - element is not enabled\n"))
ARIA_DISABLED = PlaywrightTimeout(
    'Locator.click: Timeout 800ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Soft")\n'
    '    - locator resolved to <div role="button" aria-disabled="true">Soft</div>'
    + CLICK_LOG.format(why="      - element is not enabled\n"))
MOVING = PlaywrightTimeout(
    'Locator.click: Timeout 2000ms exceeded.\nCall log:\n  - waiting for get_by_role("link", name="Continue")\n'
    '    - locator resolved to <a href="/done">Continue</a>' + CLICK_LOG.format(why="      - element is not stable\n"))
HIDDEN = PlaywrightTimeout(  # not visible; "disabled" is only in its class name
    'Locator.click: Timeout 800ms exceeded.\nCall log:\n  - waiting for get_by_text("Hidden")\n'
    '    - locator resolved to <button class="btn disabled-look">Hidden</button>'
    + CLICK_LOG.format(why="      - element is not visible\n"))
MISSING = PlaywrightTimeout('Locator.click: Timeout 500ms exceeded.\nCall log:\n  - waiting for get_by_role("button", name="Nothing")\n')
WAIT_TIMEOUT = PlaywrightTimeout('Page.wait_for_selector: Timeout 500ms exceeded.\nCall log:\n'
                                 '  - waiting for locator("#nothing") to be visible\n')
GOTO_TIMEOUT = PlaywrightTimeout('Page.goto: Timeout 1000ms exceeded.\nCall log:\n'
                                 '  - navigating to "http://127.0.0.1:57411/", waiting until "load"\n')
REFUSED = Error('Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:42365/\nCall log:\n'
                '  - navigating to "http://127.0.0.1:42365/", waiting until "load"\n')
ABORTED = Error('Page.goto: net::ERR_ABORTED at http://127.0.0.1:56001/a\nCall log:\n'
                '  - navigating to "http://127.0.0.1:56001/a", waiting until "load"\n')
DESTROYED = Error("Page.evaluate: Execution context was destroyed, most likely because of a navigation.")
DETACHED = Error("Frame.evaluate: Frame was detached")
JS_ERROR = Error("Page.evaluate: Error: boom\n    at eval (eval at evaluate (:370:30), <anonymous>:1:15)\n"
                 "    at UtilityScript.evaluate (<anonymous>:377:18)\n    at UtilityScript.<anonymous> (<anonymous>:1:44)")
BAD_SELECTOR = Error('Page.click: Unexpected token "]" while parsing css selector "> ]]". Did you mean to CSS.escape it?\n'
                     'Call log:\n  - waiting for div >>> ]]\n    - waiting for navigation to finish...\n'
                     '    - navigated to "about:blank#2"\n')
CLOSED = TargetClosedError("Page.click: Target page, context or browser has been closed")
CLOSED_WAITING = TargetClosedError('Page.wait_for_selector: Target page, context or browser has been closed\nCall log:\n'
                                   '  - waiting for locator("#never") to be visible\n')
CLOSED_UNTYPED = Error("Target page, context or browser has been closed")  # a client without TargetClosedError


@pytest.mark.parametrize(("exc", "expected"), [
    (GOTO_TIMEOUT, True), (MISSING, True), (COVERED, True),
    (REFUSED, False), (CLOSED, False), (DESTROYED, False),
    (TimeoutError(), False),  # Python's own (asyncio.wait_for raises it), not Playwright's
])
def test_is_timeout_by_type(exc, expected):
    assert is_timeout(exc) is expected


@pytest.mark.parametrize(("exc", "expected"), [
    (CLOSED, True), (CLOSED_WAITING, True),
    (CLOSED_UNTYPED, True),  # only there are the words read
    (REFUSED, False), (MISSING, False), (DESTROYED, False),
    (RuntimeError("the file has been closed"), False),  # not Playwright's
])
def test_is_closed(exc, expected):
    assert is_closed(exc) is expected


@pytest.mark.parametrize(("exc", "expected"), [
    (DESTROYED, True), (DETACHED, True),
    # a failed goto's call log says "navigating to ...": that is no race
    (REFUSED, False), (ABORTED, False), (BAD_SELECTOR, False),
    (GOTO_TIMEOUT, False), (CLOSED, False), (CLOSED_UNTYPED, False), (JS_ERROR, False),
])
def test_is_navigation_race(exc, expected):
    assert is_navigation_race(exc) is expected


@pytest.mark.parametrize(("exc", "expected"), [
    (COVERED, "covered"), (DISABLED, "disabled"), (ARIA_DISABLED, "disabled"), (MOVING, "moving"),
    (HIDDEN, None),  # the word in the element's markup is not Playwright saying it is disabled
    (MISSING, None), (REFUSED, None), (CLOSED, None),
    (Error(str(COVERED)), None),  # the same words, but not a timeout
])
def test_blocked_click(exc, expected):
    assert blocked_click(exc) == expected


@pytest.mark.parametrize(("exc", "parts"), [
    (REFUSED, [{"key": "err_net", "args": {"code": "ERR_CONNECTION_REFUSED"}}]),
    (GOTO_TIMEOUT, [{"key": "err_load_timeout", "args": {"seconds": 1.0}}]),
    (MISSING, [{"key": "err_timed_out", "args": {"detail": "Timeout 500ms exceeded."}}]),
    (WAIT_TIMEOUT, [{"key": "err_timed_out", "args": {"detail": "Timeout 500ms exceeded."}}]),
    (ABORTED, [{"key": "err_raw", "args": {"text": "Page.goto: net::ERR_ABORTED at http://127.0.0.1:56001/a"}}]),
    (JS_ERROR, [{"key": "err_raw", "args": {"text": "Page.evaluate: Error: boom"}}]),
    (CLOSED, [{"key": "err_raw", "args": {"text": "Page.click: Target page, context or browser has been closed"}}]),
])
def test_plain_error(exc, parts):
    assert plain_error(exc).dump() == parts


def test_plain_error_words_a_load_timeout_for_people():
    assert plain_error(GOTO_TIMEOUT).text("en") == "the page did not finish loading within 1 s"
    assert plain_error(REFUSED).text("en").endswith("[net::ERR_CONNECTION_REFUSED]")


def test_message_leaves_out_the_call_log():
    assert message(REFUSED) == "Page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:42365/"
    assert message(DESTROYED) == str(DESTROYED)


# ------------------------------------------------------------------ the real errors of today's Playwright
def _loopback_server_that_never_answers() -> tuple[socket.socket, str]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held = []

    def accept() -> None:
        while True:
            try:
                held.append(server.accept())
            except OSError:  # closed by the test
                return

    threading.Thread(target=accept, daemon=True).start()
    return server, f"http://127.0.0.1:{server.getsockname()[1]}/"


def _closed_loopback_port() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}/"


async def _raised(awaitable) -> BaseException:
    try:
        await asyncio.wait_for(awaitable, 20)  # a call that never ends fails the test (as Python's TimeoutError)
    except Exception as exc:  # noqa: BLE001 - the error is what the test looks at
        return exc
    raise AssertionError("Playwright raised nothing")


@pytest.mark.browser
def test_the_errors_playwright_really_raises():
    from playwright.async_api import async_playwright

    from cxaudit.errors import BrowserNotFound
    from cxaudit.record.browser import find_browser, launch

    try:
        found = find_browser()
    except BrowserNotFound as exc:  # pragma: no cover - depends on the machine
        pytest.skip(exc.message)

    async def provoke() -> dict[str, BaseException]:
        server, hanging = _loopback_server_that_never_answers()
        errors = {}
        try:
            async with async_playwright() as pw:
                browser = await launch(pw, found)
                page = await browser.new_page()
                await page.set_content('<div id="wall" style="position:fixed;inset:0;background:#0009"></div>'
                                       "<button>Cancel</button><button disabled>Off</button>")
                errors["covered"] = await _raised(page.get_by_role("button", name="Cancel").click(timeout=1000))
                errors["disabled"] = await _raised(page.get_by_role("button", name="Off").click(timeout=1000))
                await page.set_content("<div id='feed'></div><a href='#'>Moving</a><script>setInterval(() => "
                                       "document.getElementById('feed').insertAdjacentHTML('beforeend', '<p>news</p>'), 5)</script>")
                errors["moving"] = await _raised(page.get_by_role("link", name="Moving").click(timeout=1000))
                errors["missing"] = await _raised(page.get_by_role("button", name="Nothing").click(timeout=300))
                errors["goto_timeout"] = await _raised(page.goto(hanging, timeout=800))
                errors["refused"] = await _raised(page.goto(_closed_loopback_port(), timeout=5000))
                page = await browser.new_page()  # the refused one still shows Chromium's error page
                await page.set_content("<p>a page</p>")
                errors["race"] = await _raised(page.evaluate(
                    "() => { setTimeout(() => location.reload(), 50); return new Promise(() => {}) }"))
                await page.close()
                errors["closed"] = await _raised(page.click("text=Cancel", timeout=300))
                await browser.close()
        finally:
            server.close()
        return errors

    errors = asyncio.run(provoke())
    assert blocked_click(errors["covered"]) == "covered"
    assert blocked_click(errors["disabled"]) == "disabled"
    assert blocked_click(errors["moving"]) == "moving"
    assert is_timeout(errors["missing"]) and blocked_click(errors["missing"]) is None
    assert plain_error(errors["missing"]).dump()[0]["key"] == "err_timed_out"
    assert is_timeout(errors["goto_timeout"]) and not is_navigation_race(errors["goto_timeout"])
    assert plain_error(errors["goto_timeout"]).dump() == [{"key": "err_load_timeout", "args": {"seconds": 0.8}}]
    assert not is_timeout(errors["refused"]) and not is_navigation_race(errors["refused"])
    assert plain_error(errors["refused"]).dump() == [{"key": "err_net", "args": {"code": "ERR_CONNECTION_REFUSED"}}]
    assert is_navigation_race(errors["race"]) and not is_closed(errors["race"])
    assert is_closed(errors["closed"]) and not is_navigation_race(errors["closed"]) and not is_timeout(errors["closed"])
