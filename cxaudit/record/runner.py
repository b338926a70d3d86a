"""Runs journeys concurrently in one browser per UI language (a fresh context each) and writes results as they finish.

Library first: ``run_journeys(journeys, RunOptions(...))`` is what ``cxaudit run`` calls.
"""

from __future__ import annotations

import asyncio
import secrets as _secrets
import signal
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cxaudit.atomic import write_failed
from cxaudit.errors import RunInterrupted
from cxaudit.journey import Journey
from cxaudit.record.browser import FoundBrowser, context_options, find_browser, launch, ui_language
from cxaudit.record.masking import redact
from cxaudit.record.session import JourneySession, RecorderOptions, now_iso
from cxaudit.results.counting import metrics
from cxaudit.results.model import BrowserInfo, JourneyError, JourneyResult, Jurisdiction, RunResult
from cxaudit.shipped import VERSION as __version__
from cxaudit.words.notes import Note, note

Event = Callable[[str, JourneyResult], None]
USER_AGENT_SUFFIX = f"cxaudit/{__version__}"


@dataclass
class RunOptions:
    base_url: str | None = None
    out: Path = Path("reports")
    workers: int = 2
    headed: bool = False
    browser_path: str | None = None
    step_timeout: float | None = None
    device: str | None = None  # overrides every journey's device
    jurisdiction: str | None = None  # overrides every journey's jurisdiction (judge/jurisdiction.py)
    screenshots: bool = True
    delay: float = 0.0  # politeness: seconds to wait before each step
    per_host: int | None = None  # politeness: journeys at once against one host (default: workers)
    user_agent_suffix: str | None = USER_AGENT_SUFFIX
    run_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class Interrupted(Exception):
    """A journey was cancelled part-way; carries what it had recorded."""

    def __init__(self, result: JourneyResult):
        super().__init__(result.id)
        self.result = result


class StopOnSignal:
    """SIGINT and SIGTERM cancel the run's journeys instead of killing the process, so that what they recorded
    is kept and written. Only the first: then the previous handlers are back, and a second Ctrl-C stops at once.
    A signal the process ignores (a background job, nohup) stays ignored; off the main thread nothing is installed."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.received: str | None = None  # the name of the signal that stopped the run
        self._previous: dict[int, Any] = {}
        self._work: asyncio.Future | None = None

    def watch(self, work: asyncio.Future) -> StopOnSignal:
        self._work = work
        if threading.current_thread() is not threading.main_thread():
            return self
        loop = asyncio.get_running_loop()
        for sig in self.SIGNALS:
            previous = signal.getsignal(sig)
            if previous == signal.SIG_IGN:
                continue
            self._previous[sig] = signal.SIG_DFL if previous is None else previous
            loop.add_signal_handler(sig, self._on_signal, sig)
        return self

    def _on_signal(self, sig: int) -> None:
        self.received = signal.Signals(sig).name
        self.restore()
        loop = asyncio.get_running_loop()
        loop.set_exception_handler(_quiet_after_stop)  # the driver may die of a signal sent to the process group
        if self._work is not None:
            self._work.cancel()

    def restore(self) -> None:
        loop = asyncio.get_running_loop()
        for sig, previous in self._previous.items():
            loop.remove_signal_handler(sig)
            signal.signal(sig, previous)
        self._previous.clear()


def _quiet_after_stop(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """Once a signal has stopped the run, the Playwright driver's connection closing under calls still pending
    is expected, not news: those are not logged; anything else is, as asyncio would."""
    if "never retrieved" not in str(context.get("message", "")):
        loop.default_exception_handler(context)


def new_run_id() -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{_secrets.token_hex(3)}"


async def record_journey(browser: Any, journey: Journey, options: RunOptions, folder: Path) -> JourneyResult:
    """Run one journey in its own context. Never raises for the site's faults: the result says error."""
    start_url = journey.start_url(options.base_url)
    device = options.device or journey.device
    session: JourneySession | None = None
    context = None
    try:
        ua = None
        if options.user_agent_suffix:
            ua = await _default_user_agent(browser)
        context = await browser.new_context(**context_options(device, options.user_agent_suffix, ua, journey.language))
        session = JourneySession(
            context,
            journey,
            start_url,
            RecorderOptions(run_folder=folder, step_timeout=options.step_timeout, screenshots=options.screenshots,
                            delay=options.delay),
            base_url=options.base_url,
        )
        await asyncio.wait_for(session.run(), timeout=journey.timeouts.journey)
        result = session.result
    except asyncio.CancelledError:
        result = session.result if session else _empty(journey, start_url)
        last = result.steps[-1] if result.steps else None
        _fail(result, last, note("err_run_interrupted"), "interrupted", session)
        result.finished_at = now_iso()
        result.metrics = metrics(result)
        raise Interrupted(result) from None
    except TimeoutError:
        result = session.result if session else _empty(journey, start_url)
        last = result.steps[-1] if result.steps else None
        _fail(result, last, note("err_journey_timeout", limit=journey.timeouts.journey), "timeout", session)
    except Exception as exc:  # noqa: BLE001 - browser gone, context failed: the journey errs, the run goes on
        result = session.result if session else _empty(journey, start_url)
        last = result.steps[-1] if result.steps else None
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        _fail(result, last, note("err_browser_failed", text=text[:300]), "browser", session)
    finally:
        if context is not None:
            try:
                await context.close()
            except Exception:  # noqa: BLE001
                pass
    if result.outcome == "error" and not _connected(browser):  # killed or crashed: say so, not what it broke
        _fail(result, result.steps[-1] if result.steps else None,
              note("err_browser_gone", when="during_journey" if result.steps else "before_journey"), "browser", session)
    result.device = device
    result.jurisdiction = _jurisdiction(journey, options.jurisdiction)
    result.finished_at = now_iso()
    result.metrics = metrics(result)
    return result


_UA_CACHE: weakref.WeakKeyDictionary[Any, asyncio.Task] = weakref.WeakKeyDictionary()


async def _default_user_agent(browser: Any) -> str:
    """The browser's own User-Agent (without "Headless"), asked once per browser, shared by concurrent journeys."""
    task = _UA_CACHE.get(browser)
    if task is None:
        task = _UA_CACHE[browser] = asyncio.ensure_future(_ask_user_agent(browser))
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        raise
    except Exception:
        _UA_CACHE.pop(browser, None)  # let the next journey ask again
        raise


async def _ask_user_agent(browser: Any) -> str:
    try:  # one protocol call; a page (new_page + evaluate + close) costs several round-trips
        cdp = await browser.new_browser_cdp_session()
        try:
            ua = (await cdp.send("Browser.getVersion"))["userAgent"]
        finally:
            await cdp.detach()
    except Exception:  # noqa: BLE001 - not Chromium, or the protocol refused: ask a page
        page = await browser.new_page()
        ua = await page.evaluate("navigator.userAgent")
        await page.close()
    return ua.replace("HeadlessChrome", "Chrome")


def _connected(browser: Any) -> bool:
    try:
        return bool(browser.is_connected())
    except Exception:  # noqa: BLE001
        return False


def _jurisdiction(journey: Journey, run_jurisdiction: str | None) -> Jurisdiction | None:
    """The run's jurisdiction, else the journey file's; None leaves it to the pages' language (judging)."""
    if run_jurisdiction:
        return Jurisdiction(code=run_jurisdiction, source="run")
    return Jurisdiction(code=journey.jurisdiction, source="journey") if journey.jurisdiction else None


def _empty(journey: Journey, start_url: str, jurisdiction: str | None = None) -> JourneyResult:
    name, site, start_url = redact([journey.name, journey.slug_site(), start_url], journey.secrets)
    return JourneyResult(
        id=journey.id, name=name, goal=journey.goal, site=site, language=journey.language,
        device=journey.device, file=journey.path, start_url=start_url, started_at=now_iso(),
        jurisdiction=_jurisdiction(journey, jurisdiction),
    )


def _fail(result: JourneyResult, last: Any, reason: Note, kind: str, session: Any = None) -> None:
    """The journey ends in error; its reason goes through the session's secret masking where there is one."""
    text, parts = reason.text("en"), reason.dump()
    if session is not None:
        text, parts = session.redact(text), session.redact_data(parts)
    result.outcome = "error"
    result.error = JourneyError(
        step=last.index if last else None,
        step_description=last.description if last else None,
        url=((last.url_after or last.url_before) if last else None) or result.start_url,
        reason=text,
        reason_parts=parts,
        kind=kind,
    )


RESUME_AGAIN = ("pending",)  # and journeys that were interrupted


def _needs_run(old: JourneyResult | None) -> bool:
    if old is None or old.outcome in RESUME_AGAIN:
        return True
    # interrupted, or the browser went away: not the site's verdict, so run it again
    return old.outcome == "error" and old.error is not None and old.error.kind in ("interrupted", "browser")


def _new_run(journeys: list[Journey], options: RunOptions, run_id: str, found: FoundBrowser, version: str) -> RunResult:
    return RunResult(
        tool={"name": "cxaudit", "version": __version__},
        run_id=run_id,
        started_at=now_iso(),
        base_url=options.base_url,
        browser=BrowserInfo(version=version, executable=found.executable, source=found.source),
        options={
            "workers": options.workers,
            "per_host": options.per_host,
            "delay": options.delay,
            "device": options.device,
            "jurisdiction": options.jurisdiction,
            "step_timeout": options.step_timeout,
            "headed": options.headed,
            **options.extra,
        },
        journeys=[_empty(j, j.start_url(options.base_url), options.jurisdiction) for j in journeys],
    )


async def run_journeys_async(journeys: list[Journey], options: RunOptions, on_event: Event | None = None,
                             resume: RunResult | None = None) -> tuple[RunResult, Path]:
    """Run the journeys; with ``resume`` (a saved run), keep its finished journeys and run only the rest."""
    from playwright.async_api import async_playwright

    run_id = resume.run_id if resume else (options.run_id or new_run_id())
    folder = Path(options.out) / run_id
    try:
        folder.mkdir(parents=True, exist_ok=bool(resume or options.run_id))
    except FileExistsError:  # another run started in the same second drew the same id: draw again
        return await run_journeys_async(journeys, options, on_event, resume)
    except OSError as exc:
        raise write_failed(folder, exc) from None
    t0 = time.monotonic()
    async with async_playwright() as pw:
        found: FoundBrowser = find_browser(options.browser_path, playwright_path=pw.chromium.executable_path)
        todo = list(range(len(journeys)))
        done: dict[str, JourneyResult] = {}
        if resume is not None:
            done = {j.id: j for j in resume.journeys if not _needs_run(j)}
            todo = [i for i, j in enumerate(journeys) if j.id not in done]
        # one browser per UI language (Chromium's own texts, e.g. its validation bubbles, follow it), all started
        # before any journey: a browser that will not start stops the run before it records anything
        browsers: dict[str | None, Any] = {}
        try:
            for language in dict.fromkeys(ui_language(journeys[i].language) for i in todo) or [None]:
                browsers[language] = await launch(pw, found, headed=options.headed, language=language)
        except BaseException:
            await _close_all(browsers)
            raise
        run = _new_run(journeys, options, run_id, found, next(iter(browsers.values())).version)
        if resume is not None:
            run.journeys = [done.get(j.id, run.journeys[i]) for i, j in enumerate(journeys)]
            run.started_at = resume.started_at
            run.options["resumed"] = sorted(done)
        run.write(folder)
        gate = asyncio.Semaphore(max(1, options.workers))
        hosts: dict[str, asyncio.Semaphore] = {}

        async def one(i: int, journey: Journey) -> None:
            host = urlsplit(run.journeys[i].start_url).netloc
            per_host = hosts.setdefault(host, asyncio.Semaphore(max(1, options.per_host or options.workers)))
            async with gate, per_host:
                if on_event:
                    on_event("started", run.journeys[i])
                try:
                    result = await record_journey(browsers[ui_language(journey.language)], journey, options, folder)
                except Interrupted as cut:
                    run.journeys[i] = cut.result
                    raise asyncio.CancelledError from None
                if stop.received and result.outcome == "error" and result.error and result.error.kind == "browser":
                    # the signal went to the process group: Chromium died of it before the journey was cancelled
                    _fail(result, result.steps[-1] if result.steps else None, note("err_run_interrupted"), "interrupted")
                run.journeys[i] = result
                run.write(folder)
                if on_event:
                    on_event("finished", result)

        stop = StopOnSignal()
        work = asyncio.gather(*(one(i, journeys[i]) for i in todo))
        stop.watch(work)
        try:
            await work
        except asyncio.CancelledError:
            if stop.received is None:  # cancelled from outside (a library caller): not ours to swallow
                raise
        finally:
            stop.restore()
            run.finished_at = now_iso()
            run.options["wall_s"] = round(time.monotonic() - t0, 3)
            run.write(folder)
            await _close_all(browsers)
    if stop.received:
        raise RunInterrupted(stop.received, run, folder)
    return run, folder


async def _close_all(browsers: dict[str | None, Any]) -> None:
    for browser in browsers.values():
        try:
            await browser.close()
        except Exception:  # noqa: BLE001
            pass


def run_journeys(journeys: list[Journey], options: RunOptions, on_event: Event | None = None,
                 resume: RunResult | None = None) -> tuple[RunResult, Path]:
    """Run journeys and return the run and its folder (``results.json`` is already written). SIGINT or SIGTERM
    stops the run: ``RunInterrupted`` then carries the run (journeys in flight ``error``, kind ``interrupted``)
    and its folder, its results already written."""
    return asyncio.run(run_journeys_async(journeys, options, on_event, resume))
