"""One journey in one fresh browser context: run its steps, observe the page after each, keep it all.

The only code, with its step modules, that drives a page. Checks never see a page: they get the records.
"""

from __future__ import annotations

import asyncio
import fnmatch
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cxaudit.journey import Condition, Journey, Target
from cxaudit.record.axe import axe_key, observe_axe
from cxaudit.record.describe import describe, describe_start, target_action
from cxaudit.record.failures import StepFailed, failure_of, is_navigation_race, is_timeout, plain_error
from cxaudit.record.listeners import MAX_DIALOGS, MAX_POPUPS, Buffers, attach
from cxaudit.record.locate import NotFound, resolve
from cxaudit.record.masking import Masker
from cxaudit.record.snapshot import observe_page
from cxaudit.record.steps import run_step
from cxaudit.record.views import no_password_field, page_key, title_of, visible_text
from cxaudit.results.model import JourneyError, JourneyResult, NativeDialog, NotePart, StepRecord
from cxaudit.results.observation import AxeSkipped, Observed
from cxaudit.words.notes import Note, note

QUIET_JS = """({quiet, max}) => new Promise(resolve => {
  let timer;
  const done = () => { observer.disconnect(); resolve(true); };
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quiet); });
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  timer = setTimeout(done, quiet);
  setTimeout(done, max);
})"""
SCREENSHOT_QUALITY = 60
MAX_SCREENSHOT_HEIGHT = 4000
MAX_SCREENSHOT_WIDTH = 100_000  # as wide as the page (the clip is trimmed to it)
# a page that opens dialogs or windows without end: the first ones are recorded, then the page's alert()/
# confirm()/prompt() and window.open() are switched off, as Chrome offers a person ("prevent this page from
# creating additional dialogs") and its pop-up blocker does (Playwright's Chromium blocks no pop-ups)



@dataclass
class RecorderOptions:
    run_folder: Path
    step_timeout: float | None = None  # overrides the journey's
    screenshots: bool = True
    delay: float = 0.0  # politeness: seconds to wait before each step (not counted as the customer's time)
    settle_quiet_ms: int = 150
    settle_max_ms: int = 2000
    axe: bool = True  # run axe-core once per distinct page/view (observation.axe)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _since(t: float) -> float:
    return round(time.monotonic() - t, 4)


def _says_http(why: Note) -> bool:
    return any(part["key"] == "err_http" for part in why.parts)


class JourneySession:
    """Runs one journey in a context it owns; ``result`` always holds what was recorded so far."""

    def __init__(self, context: Any, journey: Journey, start_url: str, options: RecorderOptions,
                 base_url: str | None = None):
        self.context = context
        self.base_url = base_url
        self.journey = journey
        self.start_url = start_url
        self.options = options
        self.page: Any = None
        self.buffers = Buffers()
        self.counts: dict[str, int] = {}  # dialogs and pop-ups in this journey (bounded: MAX_DIALOGS, MAX_POPUPS)
        self.dialog_choice: Any = None  # a dialog step's params: how to answer the next browser dialog
        self.answered_dialogs: list[NativeDialog] = []  # answered as a dialog step said, for that step to record
        self.t0 = time.monotonic()
        self.last_observation: Observed = None
        self.last_url = ""
        self.main_status: int | None = None  # HTTP status of the last main-document response
        self.attempted_url = start_url  # the last address a goto asked for
        self.secrets = Masker(journey.secrets)  # and each value typed into a password field (steps/basic.py)
        # a chat step without a success condition stops when this says its replies reached the goal (explore)
        self.chat_done: Callable[[list[str]], Any] | None = None
        self.chat_wait: Callable[[list[str]], bool] | None = None  # explore: a reply says a person is being connected
        self.prechat_value: Callable[[dict[str, Any]], str | None] | None = None  # explore's pre-chat answers
        self.shots = options.run_folder / "screens" / journey.id
        self.result = JourneyResult(
            id=journey.id,
            name=self.redact(journey.name),
            goal=journey.goal,
            site=self.redact(journey.slug_site()),
            language=journey.language,
            device=journey.device,
            file=journey.path,
            start_url=self.redact(start_url),
            started_at=now_iso(),
        )

    # ------------------------------------------------------------ plumbing
    @property
    def step_timeout(self) -> float:
        return self.options.step_timeout or self.journey.timeouts.step

    def redact(self, text: str) -> str:
        """Every form of every secret masked (cxaudit/record/masking.py: one behaviour for all that is written)."""
        return self.secrets.text(text)

    def redact_data(self, data: Any) -> Any:
        """``redact`` on every string in a dict or list (a step's action and target)."""
        return self.secrets.data(data)

    def _attach(self, page: Any) -> None:
        attach(self, page)

    async def settle(self) -> None:
        """Wait until the page has loaded and the DOM has been quiet for a moment (no fixed sleeps)."""
        nav_ms = self.journey.timeouts.navigation * 1000
        for _ in range(3):
            try:
                await self.page.wait_for_load_state("load", timeout=nav_ms)
                await self.page.evaluate(
                    QUIET_JS, {"quiet": self.options.settle_quiet_ms, "max": self.options.settle_max_ms}
                )
                return
            except Exception as exc:
                if is_navigation_race(exc):
                    continue  # a navigation started: wait for the new document
                if is_timeout(exc):
                    raise StepFailed(note("err_load_timeout", seconds=self.journey.timeouts.navigation)) from None
                raise

    async def observe(self, index: int, timings: dict[str, float] | None = None) -> tuple[Observed, str | None]:
        """One snapshot (a single evaluate) and one compressed screenshot; ``timings`` gets the seconds of each."""
        timings = {} if timings is None else timings
        t = time.monotonic()
        obs = await observe_page(self.page, secrets=self.secrets)
        timings["snapshot"] = _since(t)
        shot = None
        if self.options.screenshots:
            t = time.monotonic()
            shot = await self.screenshot(f"{index:02d}", observation=obs)
            timings["screenshot"] = _since(t)
        if self.options.axe:
            seen = self.__dict__.setdefault("_axe_seen", set())
            key = axe_key(obs.url or self.page.url, obs)
            if key in seen:
                obs.axe = AxeSkipped(skipped="same page")
            else:
                seen.add(key)
                t = time.monotonic()
                obs.axe = await observe_axe(self.page, self.secrets)
                timings["axe"] = _since(t)
        return obs, shot

    async def screenshot(self, name: str, full_page: bool = True, observation: Observed = None) -> str | None:
        """A JPEG of the page, at most MAX_SCREENSHOT_HEIGHT tall; ``observation``, a snapshot taken just before,
        spares the masks it shows are not needed (no password field, no secret on the page)."""
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.jpg"
        masks = [self.page.locator(css) for css in self.journey.mask]
        if self.secrets and (observation is None or getattr(observation, "masked", None)):  # a secret the page prints
            masks += [self.page.get_by_text(re.compile(src, re.IGNORECASE if flags else 0))
                      for src, flags, _ in self.secrets.script_masks()]
        if not no_password_field(observation):
            masks.insert(0, self.page.locator("input[type=password]"))
        try:
            # always cut at MAX_SCREENSHOT_HEIGHT: Playwright trims the clip to the page, and no height is
            # measured first, so a page that grows between the measure and the picture cannot outrun it
            clip = {"x": 0, "y": 0, "width": MAX_SCREENSHOT_WIDTH, "height": MAX_SCREENSHOT_HEIGHT} if full_page else None
            await self.page.screenshot(
                path=str(path), type="jpeg", quality=SCREENSHOT_QUALITY, full_page=full_page,
                clip=clip, mask=masks, mask_color="#000000", scale="css", animations="disabled",
                timeout=self.step_timeout * 1000,
            )
        except Exception:  # noqa: BLE001 - a screenshot is evidence, not a reason to fail the journey
            return None
        return str(path.relative_to(self.options.run_folder))

    def start_url_base(self) -> str:
        """Where a path in a goto step is resolved: --base-url, else the start URL's origin."""
        if self.base_url:
            return self.base_url.rstrip("/")
        parts = urlsplit(self.start_url)
        return f"{parts.scheme}://{parts.netloc}"

    async def observe_quietly(self) -> Observed:
        """A snapshot without a screenshot, for conditions checked mid-journey."""
        return await observe_page(self.page, secrets=self.secrets)

    async def locate(self, target: Target, timeout: float | None = None, frames: list[str] | None = None) -> Any:
        return await resolve(self.page, target, timeout or self.step_timeout, frames)

    async def holds(self, cond: Condition, observation: Observed = None) -> tuple[bool, Note | None]:
        """Whether a condition holds now; with the reason when it does not."""
        obs = observation if observation is not None else self.last_observation
        if cond.text is not None:
            words = visible_text(obs).casefold()
            if not any(t.casefold() in words for t in cond.text):
                return False, note("cond_text_missing", texts=list(cond.text))
        if cond.url is not None:
            url = self.page.url
            if not (cond.url in url or fnmatch.fnmatch(url, cond.url)):
                return False, note("cond_url_mismatch", url=url, pattern=cond.url)
        if cond.element is not None:
            try:
                await resolve(self.page, cond.element, 1.0)
            except NotFound:
                return False, note("cond_no_element", target=target_action(cond.element))
        return True, None

    # ------------------------------------------------------------ the journey
    async def run(self) -> JourneyResult:
        start = await self.open_start()
        if start.status == "failed":
            self.fail(0, start.description, failure_of(start) or note("err_start"))
            return self.result
        for i, step in enumerate(self.journey.steps, start=1):
            if self.options.delay:
                await asyncio.sleep(self.options.delay)
            record = await self.run_one(i, step)
            if record.status == "failed":
                break
        await self._finish()
        return self.result

    async def open_start(self) -> StepRecord:
        """A page of its own at the start URL: step 0."""
        self.page = await self.context.new_page()
        self._attach(self.page)
        self.page.set_default_timeout(self.step_timeout * 1000)
        self.page.set_default_navigation_timeout(self.journey.timeouts.navigation * 1000)
        description, action = describe_start(self.start_url)
        start = StepRecord(index=0, type="goto", description=self.redact(description), action=self.redact_data(action),
                           target={"url": self.redact(self.start_url)})
        self._arm_dialog(0)
        await self._record(start, self._open_start())
        return start

    async def run_one(self, i: int, step: Any) -> StepRecord:
        """Step ``i`` of the journey (``step``, which explore passes one at a time), recorded."""
        description, action = describe(step)
        record = StepRecord(index=i, type=step.type, description=self.redact(description), action=self.redact_data(action),
                            entry=bool(step.option("entry", False)))
        target = step.target
        # only the locator: a fill's value may be a secret and is recorded (masked) in `filled`
        record.target = self.redact_data(target.model_dump(include=set(Target.model_fields), exclude_defaults=True)) if target else None
        if step.type != "dialog":
            self._arm_dialog(i)
        await self._record(record, run_step(self, step, record))
        return record

    def _arm_dialog(self, i: int) -> None:
        """While step ``i`` runs, a browser dialog it opens is answered as the next step says when that is a
        dialog step; else it is accepted and counted on step ``i``."""
        steps = self.journey.steps
        following = steps[i] if i < len(steps) else None  # steps[i] is step i + 1
        self.dialog_choice = following.params if following is not None and following.type == "dialog" else None

    async def _open_start(self) -> None:
        self.attempted_url = self.start_url
        await self.page.goto(self.start_url, wait_until="domcontentloaded")

    async def _record(self, record: StepRecord, action: Any) -> None:
        """Run one step's action and record everything around it; a failure is recorded, not raised."""
        self.buffers = Buffers()
        record.url_before = self.redact(self.last_url)
        record.title_before = title_of(self.last_observation)
        record.started_s = round(time.monotonic() - self.t0, 3)
        t = time.monotonic()
        try:
            await action
            record.timings["action"] = _since(t)
            t_settle = time.monotonic()
            await self.settle()
            record.timings["settle"] = _since(t_settle)
            if self.buffers.nav_failed:  # the step's navigation failed: the browser shows its error page
                raise StepFailed(note("err_nav_failed", url=self.attempted_url, why=self.buffers.nav_failed.dump()))
            status = self.buffers.document_status  # the page this step led to answered with an error
            if status is not None and status >= 400 and status not in self.journey.allow_http:
                raise StepFailed(note("err_http", status=status) + note("err_http_allow", status=status))
        except (StepFailed, NotFound) as exc:
            self.failed(record, exc.note)
        except asyncio.CancelledError:
            self.failed(record, note("err_interrupted"))
            record.duration_s = round(time.monotonic() - t, 3)
            self.result.steps.append(record)  # keep it, without touching a browser that is going away
            raise
        except Exception as exc:  # noqa: BLE001 - Playwright errors: keep the first line, it names the cause
            self.failed(record, plain_error(exc, self.main_status))
        record.duration_s = round(time.monotonic() - t - record.timings.get("gate_picture", 0), 3)  # not the customer's
        why = failure_of(record) or Note(())
        if record.status == "failed" and self.main_status and self.main_status >= 400 and not _says_http(why):
            self.failed(record, why + note("err_http", status=self.main_status))
        try:
            await self._after(record)
        except asyncio.CancelledError:  # stopped while observing: keep the step anyway
            if not self.result.steps or self.result.steps[-1] is not record:
                self.result.steps.append(record)
            raise

    async def _after(self, record: StepRecord) -> None:
        if record.status == "skipped" and record.observation is None:
            record.observation = self.last_observation
        else:
            try:
                obs, shot = await self.observe(record.index, record.timings)
            except Exception:  # noqa: BLE001 - the page or browser is gone: keep what we have
                obs, shot = None, None
            record.observation, record.screenshot = obs, shot
        # the snapshot's location.href: page.url can lag behind a history.pushState for a moment
        live = (record.observation.url if record.observation else "") or (self.page.url if not self.page.is_closed() else self.last_url)
        url = self.redact(live)
        record.url_after = url
        record.title_after = title_of(record.observation)
        record.navigated = self.buffers.navigations > 0 or (bool(self.last_url) and url != self.last_url)
        record.view_key = page_key(url, record.observation)
        prev = self.result.steps[-1].view_key if self.result.steps else None
        record.view_changed = prev is not None and record.view_key != prev
        record.console_errors = self.buffers.console[:50]
        record.failed_requests = self.buffers.failed[:50]
        record.dialogs = self.buffers.dialogs[: MAX_DIALOGS + MAX_POPUPS + 2]  # bounded per journey already
        for met in self.buffers.native:  # accepted as they came: the customer clicked OK, 1 action each
            record.native_dialogs.append(met)
            record.actions += 1
            record.action_kinds["dialog"] = record.action_kinds.get("dialog", 0) + 1
        if record.observation is not None:
            self.last_observation = record.observation
        self.last_url = url
        self.result.steps.append(record)

    async def _finish(self) -> None:
        last = self.result.steps[-1]
        failed = last if last.status == "failed" else None
        if failed is None:
            ok, why = await self.holds(self.journey.success)
            if ok:
                self.result.outcome = "completed"
                return
        if self.journey.blocked is not None:
            ok, _ = await self.holds(self.journey.blocked)
            if ok:
                self.result.outcome = "blocked"
                self.result.outcome_reason = "the online path ends here (the journey's blocked condition holds)"
                return
        self.result.outcome = "error"
        if failed is not None:
            self.fail(failed.index, failed.description, failure_of(failed) or note("err_step"))
        else:
            more, step = self._why_not(last)
            self.fail(step.index if step else None, step.description if step else None,
                      note("err_success_unmet", why=why.dump() if why else []) + more, kind="success")

    def _why_not(self, last: StepRecord) -> tuple[Note, StepRecord | None]:
        """What the end of a journey shows besides an unmet condition, and the step it points at: an HTTP
        error (the last step led there), a chat bot that did not answer."""
        if self.main_status and self.main_status >= 400:
            return note("err_http", status=self.main_status), last
        step = next((s for s in reversed(self.result.steps) if s.chat is not None), None)
        unanswered = [t for t in step.chat.turns if t.timed_out] if step is not None else []
        if unanswered:
            wait = max(t.wait_s for t in unanswered)
            within = round(wait) if wait >= 1 else round(wait, 1)
            return note("err_chat_unanswered", n=len(unanswered), total=len(step.chat.turns), within=within), step
        return Note(()), None

    def failed(self, record: StepRecord, why: Note) -> None:
        """Mark a step failed: its reason in English and as keys and figures (for reports in any language)."""
        record.status = "failed"
        record.error = self.redact(why.text("en"))
        record.error_parts = [NotePart(**p) for p in self.redact_data(why.dump())]

    def fail(self, step: int | None, description: str | None, reason: Note, kind: str = "step") -> None:
        url = self.page.url if self.page is not None and not self.page.is_closed() else self.last_url
        if url.startswith("chrome-error:") or not url or url == "about:blank":
            url = self.attempted_url  # the browser shows its error page; name the address we tried
        self.result.outcome = "error"
        self.result.error = JourneyError(step=step, step_description=description, url=self.redact(url),
                                         reason=self.redact(reason.text("en")), reason_parts=self.redact_data(reason.dump()),
                                         kind=kind)


