"""Find the way to a goal without a journey file: best-first search with backtracking over what a page offers.

Every move is journey steps run by the recorder's own session (cxaudit/record/session.py), so a consent
banner, a log-in, a gate or a native dialog is met exactly as a scripted journey meets it. Going back means
a fresh browser context that replays the path so far: no state of a tried branch leaks into the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import heapq
import itertools
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cxaudit.explore import words
from cxaudit.explore.moves import Move, Page, moves_on, prechat_answer
from cxaudit.explore.words import label
from cxaudit.explore.write import NOTHING_YET, journey_data, journey_yaml, success_phrase
from cxaudit.journey.loader import parse_journey
from cxaudit.record.browser import context_options, find_browser, launch, ui_language
from cxaudit.record.session import JourneySession, RecorderOptions
from cxaudit.record.steps.survey_gate import view_signature
from cxaudit.results.model import StepRecord
from cxaudit.results.observation import Observation

FORCED = 1000.0  # banners and pop-ups are closed before anything else is tried
LATE_LOOK_S = 1.5
MIN_AFTER_DEAD_END = words.GOAL_SCORE  # once a dead end is seen, only controls that say the goal are tried


@dataclass
class ExploreOptions:
    url: str
    goal: str
    lang: str = "auto"
    max_actions: int = 40
    max_pages: int = 30
    time_limit: float = 300.0
    username: str | None = None
    password: str | None = None
    headed: bool = False
    browser_path: str | None = None
    step_timeout: float | None = 5.0
    on_progress: Callable[[str], None] | None = None


@dataclass
class Tried:
    depth: int
    move: str
    kind: str
    result: str  # went on, reached the goal, no change, already seen, failed: ...
    steps: list[dict[str, Any]] = field(default_factory=list, repr=False)
    on_path: bool = False  # one of the moves of the path written


@dataclass
class ExploreResult:
    outcome: str  # completed, blocked, not_found
    reason: str
    steps: list[dict[str, Any]]
    success: str | None = None
    blocked: str | None = None
    language: str = "auto"
    start: str = "/"
    origin: str = ""
    tried: list[Tried] = field(default_factory=list)
    actions_spent: int = 0
    pages_seen: int = 0
    seconds: float = 0.0

    def journey(self, goal: str, name: str | None = None) -> dict[str, Any]:
        return journey_data(self, goal, name)

    def yaml(self, goal: str, name: str | None = None) -> str:
        return journey_yaml(self, goal, name)


class LiveSession(JourneySession):
    """A journey session driven one step at a time: explore decides each next step on what the last showed."""

    async def open(self) -> StepRecord:
        return await self.open_start()

    async def do(self, step: Any) -> StepRecord:
        return await self.run_one(len(self.result.steps), step)


def _parse_steps(steps: list[dict[str, Any]], options: ExploreOptions, start: str, lang: str) -> list[Any]:
    """Journey steps from their YAML shape, validated as a journey file's are (credentials from the environment)."""
    if not steps:
        return []
    return list(parse_journey(_journey_text(options, start, lang, steps), "<explore>").steps)


class Explorer:
    def __init__(self, options: ExploreOptions):
        self.o = options
        parts = urlsplit(options.url)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.start = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.lang = options.lang
        self.tried: list[Tried] = []
        self.spent = 0
        self.pages: set[str] = set()
        self.visited: set[str] = set()
        self.dead_ends: list[tuple[int, list[dict], str, str]] = []  # depth, path, quoted words, why
        self.wall: tuple[list[dict], str] | None = None
        self.t0 = time.monotonic()
        self.browser: Any = None
        self.context: Any = None
        self.session: LiveSession | None = None
        self.path: list[dict[str, Any]] | None = []  # where the browser is; None after a move failed half-way
        self.leads: dict[str, str] = {}  # a control's name -> the state clicking it led to
        self.once: set[str] = set()  # the chats driven and the searches made, by their move's key
        self.scratch = Path(".")  # a gate's picture of its block goes here while searching (thrown away)

    def say(self, text: str) -> None:
        if self.o.on_progress:
            self.o.on_progress(text)

    @property
    def credentials(self) -> bool:
        return bool(self.o.username and self.o.password)

    # ------------------------------------------------------------ the browser
    async def _fresh(self) -> Observation | None:
        """A new context at the start page; returns the start page's observation."""
        if self.context is not None:
            try:
                await self.context.close()
            except Exception:  # noqa: BLE001
                pass
        lang = self._journey_lang()
        self.context = await self.browser.new_context(**context_options("desktop", None, None, lang))
        journey = parse_journey(_journey_text(self.o, self.start, lang), "<explore>")
        self.session = LiveSession(self.context, journey, self.origin + self.start,
                                   RecorderOptions(run_folder=self.scratch, step_timeout=self.o.step_timeout,
                                                   screenshots=False, axe=False))
        for secret in (self.o.username, self.o.password):  # masked in what the search reads and reports
            if secret:
                self.session.secrets.add(secret)
        self.session.chat_done = lambda replies: words.reply_success(replies, self.o.goal, self._journey_lang())
        self.session.chat_wait = words.handover_under_way
        self.session.prechat_value = lambda f: prechat_answer(f, self.o.goal, self._journey_lang())
        record = await self.session.open()
        self.path = []
        return record.observation if record.status != "failed" and isinstance(record.observation, Observation) else None

    async def _go(self, path: list[dict[str, Any]]) -> Observation | None:
        """The browser at the end of ``path`` (replayed in a fresh context unless it is where we are)."""
        if self.session is not None and path == self.path:
            obs = self.session.last_observation
            return obs if isinstance(obs, Observation) else None
        obs = await self._fresh()
        for step in _parse_steps(path, self.o, self.start, self._journey_lang()):
            record = await self.session.do(step)
            if record.status == "failed":
                return None
            obs = record.observation if isinstance(record.observation, Observation) else obs
        self.path = list(path)
        return obs

    async def _move(self, move: Move) -> tuple[Observation | None, str | None]:
        """Do a move where the browser is; the new observation, or None and why it failed."""
        obs = None
        for step in _parse_steps(move.steps, self.o, self.start, self._journey_lang()):
            record = await self.session.do(step)
            self.spent += max(1, record.actions)
            if record.status == "failed":
                self.path = None
                return None, (record.error or "failed").splitlines()[0][:160]
            obs = record.observation if isinstance(record.observation, Observation) else obs
        self.path = (self.path or []) + move.steps
        return obs, None

    def _lead(self, move: Move) -> str:
        """A click's key for "where did it lead": a link by its address (a menu or footer link is the same
        everywhere); a button by its name on the page it is on."""
        if move.href and not move.href.startswith(("#", "javascript:")):
            return f"{move.label}|{move.href}"
        return f"{move.label}|{move.at}"

    async def _late_controls(self, obs: Observation) -> Observation:
        """A page with no way on in sight gets a second look after a moment: some show their way on late."""
        page = Page(obs, self.o.goal, self._journey_lang(), self.origin, in_flow=True)
        moves, _ = moves_on(page, self.credentials)
        if any(m.score >= words.ONWARD_SCORE and not (m.kind == "click" and self._lead(m) in self.leads)
               for m in moves):
            return obs  # a way on not yet taken is in sight
        await asyncio.sleep(LATE_LOOK_S)
        try:
            later = await self.session.observe_quietly()
        except Exception:  # noqa: BLE001
            return obs
        if isinstance(later, Observation):
            self.session.last_observation = later
            return later
        return obs

    def _journey_lang(self) -> str:
        return self.lang if self.lang in ("en", "de", "fr") else "auto"

    # ------------------------------------------------------------ the search
    def _state(self, obs: Observation) -> str:
        """A page or view, its fields on show, and whether a banner or pop-up covers it (closing one is a move)."""
        covering = len(obs.dialogs)
        banner = bool(words.consent_buttons(obs, self._journey_lang()))
        shown = sorted({label(e) for e in obs.elements if not e.hidden and not e.offscreen and label(e)})
        controls = hashlib.sha1("\n".join(shown).encode("utf-8")).hexdigest()[:10]  # an expander opened
        return f"{view_signature(obs.url, obs)}|{int(banner)}|{covering}|{controls}"

    def _expand(self, obs: Observation, state: str, path: list[dict], frontier: list, seq: itertools.count,
                came_by: Move | None = None) -> None:
        if self.lang == "auto" and obs.lang[:2].lower() in ("en", "de", "fr"):
            self.lang = obs.lang[:2].lower()
        page = Page(obs, self.o.goal, self._journey_lang(), self.origin, in_flow=bool(path))
        moves, wall = moves_on(page, self.credentials)
        if wall is not None and self.wall is None:
            self.wall = (list(path), "a log-in form, and no credentials were given (--username/--password)")
        # a log-in form is an online way on ("Bitte melden Sie sich an, um Ihre Kündigung aufzugeben"), never the end
        login_here = wall is not None or any(m.kind == "login" for m in moves)
        dead = None if login_here else words.dead_end_text(obs, self.o.goal, page.lang)
        if dead and path and came_by is not None and came_by.why.split(" ")[0] in ("goal", "onward"):
            self.dead_ends.append((len(path), list(path), dead, f"the online path ends here: {dead!r}"))
        for move in moves:
            move.at = state
            priority = FORCED if move.kind in ("consent", "dismiss") else move.score - 0.25 * len(path)
            heapq.heappush(frontier, (-priority, next(seq), path, move))

    async def run(self) -> ExploreResult:
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            found = find_browser(self.o.browser_path, playwright_path=pw.chromium.executable_path)
            self.browser = await launch(pw, found, headed=self.o.headed,
                                        language=ui_language(self._journey_lang()))
            try:
                with tempfile.TemporaryDirectory(prefix="cxaudit-explore-") as scratch:
                    self.scratch = Path(scratch)
                    return await self._search()
            finally:
                try:
                    await self.browser.close()
                except Exception:  # noqa: BLE001
                    pass

    async def _search(self) -> ExploreResult:
        frontier: list = []
        seq = itertools.count()
        obs = await self._fresh()
        if obs is None:
            return self._result("not_found", "the start page did not open", [])
        await asyncio.sleep(LATE_LOOK_S)  # what a customer sees after a moment: a pop-up, a late banner
        later = await self.session.observe_quietly()
        if isinstance(later, Observation):
            obs = self.session.last_observation = later
        self.pages.add(urlsplit(obs.url).path)
        state = self._state(obs)
        self.visited.add(state)
        self._expand(obs, state, [], frontier, seq)
        while frontier:
            negative, _, path, move = heapq.heappop(frontier)
            move.label = self.session.secrets.text(move.label)  # a name on the page may show the user name
            if self.dead_ends and move.score < MIN_AFTER_DEAD_END and -negative < FORCED:
                break
            if self.spent + len(move.steps) > self.o.max_actions:
                return self._stop("the action budget (--max-actions) ran out")
            if len(self.pages) >= self.o.max_pages:
                return self._stop("the page budget ran out")
            if time.monotonic() - self.t0 > self.o.time_limit:
                return self._stop("the time limit ran out")
            if move.kind == "click" and self.leads.get(self._lead(move)) in self.visited:
                continue  # the same control (a menu, a footer link) already led to a page seen
            if move.kind in ("chat", "search"):
                if move.key in self.once:
                    continue  # a chat on every page (a floating launcher), a header search: driven once
                self.once.add(move.key)
            before = await self._go(path)
            if before is None:
                self.tried.append(Tried(len(path), move.label, move.kind, "failed: the path could not be replayed", move.steps))
                continue
            self.say(f"trying {move.label!r} ({move.why or move.kind}) after {len(path)} step(s)")
            obs, error = await self._move(move)
            if obs is None:
                self.tried.append(Tried(len(path), move.label, move.kind, f"failed: {error}", move.steps))
                continue
            new_path = path + move.steps
            self.pages.add(urlsplit(obs.url).path)
            if move.kind == "chat":
                done = self._chatted(move, path)
                if done is not None:
                    return done
                continue
            reached = words.success_text(obs, self.o.goal, self._journey_lang())
            if not reached and self.o.goal == "cancel" and move.kind == "form":
                # a cancellation sent through a contact form ("Kündigung" chosen as the topic): its receipt
                # says the message was received
                reached = words.success_text(obs, "contact_support", self._journey_lang(), chat=False)
            if reached:
                self.tried.append(Tried(len(path), move.label, move.kind, "reached the goal", move.steps))
                return self._result("completed", f"the page says {reached!r}", new_path, success=reached)
            obs = await self._late_controls(obs)
            state = self._state(obs)
            if move.kind == "click":
                self.leads[self._lead(move)] = state
            if state in self.visited:
                same = state == self._state(before)
                self.tried.append(Tried(len(path), move.label, move.kind, "no change" if same else "already seen", move.steps))
                continue
            self.visited.add(state)
            self.tried.append(Tried(len(path), move.label, move.kind, "went on", move.steps))
            self._expand(obs, state, new_path, frontier, seq, came_by=move)
        return self._stop("nothing left to try")

    def _chatted(self, move: Move, path: list[dict]) -> ExploreResult | None:
        """After a chat: the goal reached in its replies, else a dead end (it never handed over). The step is
        written with the parts found on the page, so the journey replays the same widget."""
        chat = self.session.result.steps[-1].chat  # the chat step just run
        if chat is None or not chat.turns:
            self.tried.append(Tried(len(path), move.label, move.kind, "failed: the chat did not answer", move.steps))
            return None
        said = [r for t in chat.turns for r in t.replies]
        reached = words.reply_success(said, self.o.goal, self._journey_lang())
        step = dict(move.steps[0]["chat"])
        for key in ("prechat", "frame", "input", "send", "replies"):
            value = (chat.inferred or {}).get(key)
            if value:
                step[key] = value
        if reached:
            step["messages"] = step["messages"][: chat.turns_to_success or len(chat.turns)]
            step["success"] = {"text": reached}
            written = [*path, {"chat": step}]
            self.tried.append(Tried(len(path), move.label, move.kind, "reached the goal", written[len(path):]))
            return self._result("completed", f"the chat says {reached!r}", written, success=reached)
        last = next((r for t in reversed(chat.turns) for r in reversed(t.replies) if r.strip()), "")
        written = [*path, {"chat": step}]
        self.tried.append(Tried(len(path), move.label, move.kind, "no person in the chat", written[len(path):]))
        if last:
            quote = words.reply_quote(last)
            self.dead_ends.append((len(written), written, quote,
                                   f"the chat did not hand over to a person; its last answer: {quote!r}"))
        return None

    def _stop(self, why: str) -> ExploreResult:
        if self.dead_ends:
            # a chat driven to its end is the end of the online path the page's own words (a hotline, a wait)
            # pointed past; else the nearest dead end
            _, path, text, why = min(self.dead_ends, key=lambda d: (not d[1] or "chat" not in d[1][-1], d[0]))
            return self._result("blocked", why, path, blocked=text)
        if self.wall is not None:
            path, reason = self.wall
            return self._result("blocked", reason, path, blocked=None)
        return self._result("not_found", f"the goal was not found ({why})", [])

    def _result(self, outcome: str, reason: str, steps: list[dict], success: str | None = None,
                blocked: str | None = None) -> ExploreResult:
        lang = self._journey_lang()
        for t in self.tried:
            t.on_path = t.result in ("went on", "reached the goal") and steps[t.depth:t.depth + len(t.steps)] == t.steps
        return ExploreResult(
            outcome=outcome, reason=reason, steps=steps, language=lang, start=self.start, origin=self.origin,
            success=success or success_phrase(self.o.goal, lang), blocked=blocked, tried=self.tried,
            actions_spent=self.spent, pages_seen=len(self.pages), seconds=round(time.monotonic() - self.t0, 2),
        )


def _journey_text(o: ExploreOptions, start: str, lang: str, steps: list[dict[str, Any]] | None = None) -> str:
    import yaml

    return yaml.safe_dump({"name": "explore", "goal": o.goal, "language": lang, "start": start,
                           "steps": steps or NOTHING_YET, "success": {"text": "x"}},
                          allow_unicode=True, sort_keys=False)


@contextlib.contextmanager
def credentials_env(username: str | None, password: str | None) -> Iterator[None]:
    """CXAUDIT_USERNAME / CXAUDIT_PASSWORD set to the credentials given (the variables the written journey
    names) while the block runs, and put back as they were afterwards."""
    given = {k: v for k, v in (("CXAUDIT_USERNAME", username), ("CXAUDIT_PASSWORD", password)) if v}
    old = {k: os.environ.get(k) for k in given}
    os.environ.update(given)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def explore(options: ExploreOptions) -> ExploreResult:
    """Search the way to ``options.goal`` from ``options.url``."""
    with credentials_env(options.username, options.password):
        return asyncio.run(Explorer(options).run())
