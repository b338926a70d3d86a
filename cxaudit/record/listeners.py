"""What a page does between two steps, as the session hears it: console errors, failed requests, the main
document's status, navigations, and native dialogs and pop-ups (accepted or closed, bounded per journey)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from cxaudit.record.failures import plain_error
from cxaudit.results.model import FailedRequest, NativeDialog
from cxaudit.words.notes import Note

if TYPE_CHECKING:
    from cxaudit.record.session import JourneySession

MAX_DIALOGS = 20
MAX_POPUPS = 20
NO_DIALOGS_JS = "() => { window.alert = () => {}; window.confirm = () => true; window.prompt = () => null; }"
NO_POPUPS_JS = "() => { window.open = () => null; }"


@dataclass
class Buffers:
    console: list[str] = field(default_factory=list)
    failed: list[FailedRequest] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    native: list[NativeDialog] = field(default_factory=list)  # browser dialogs answered by default (accepted)
    navigations: int = 0
    document_status: int | None = None  # HTTP status of the last main-frame document this step led to
    nav_failed: Note | None = None  # a navigation of the main frame that failed (not superseded): the reason


def attach(session: JourneySession, page: Any) -> None:
    """Listen to the page for the session: what it hears lands in ``session.buffers``."""
    def on_console(msg: Any) -> None:
        if msg.type == "error":
            session.buffers.console.append(session.redact(msg.text)[:500])

    def on_response(resp: Any) -> None:
        try:
            if resp.frame == page.main_frame and resp.request.is_navigation_request():
                session.main_status = session.buffers.document_status = resp.status
        except Exception:  # noqa: BLE001 - a response of a frame that is gone
            pass
        if resp.status >= 400:
            session.buffers.failed.append(FailedRequest(url=session.redact(resp.url)[:500], method=resp.request.method, status=resp.status))

    def on_failed(req: Any) -> None:
        session.buffers.failed.append(FailedRequest(url=session.redact(req.url)[:500], method=req.method, failure=req.failure or "failed"))
        try:
            failure = req.failure or ""
            if req.is_navigation_request() and req.frame == page.main_frame and "ERR_ABORTED" not in failure:
                session.attempted_url = req.url
                session.buffers.nav_failed = plain_error(Exception(failure))
        except Exception:  # noqa: BLE001 - a request of a frame that is gone
            pass

    def on_nav(frame: Any) -> None:
        if frame == page.main_frame:
            session.buffers.navigations += 1

    async def bounded(kind: str, text: str | None, close: Any, limit: int, stop_js: str) -> None:
        """Record the first ``limit`` dialogs or pop-ups, close each, then switch them off in the page."""
        session.counts[kind] = n = session.counts.get(kind, 0) + 1
        if n <= limit and text is not None:
            session.buffers.dialogs.append(session.redact(text)[:300])
        try:
            await close()
            if n > limit:
                await stop_flood(session, page, kind, stop_js, limit)
        except Exception:  # noqa: BLE001 - already handled or page gone
            pass

    async def on_dialog(dialog: Any) -> None:
        async def answer() -> None:
            if session.counts.get("dialog", 0) > MAX_DIALOGS:  # a flood: accepted and switched off, not counted
                await dialog.accept()
                return
            choice = session.dialog_choice  # a dialog step waits for this one: answer it as the step says
            session.dialog_choice = None
            met = NativeDialog(type=dialog.type, message=session.redact(dialog.message)[:300],
                               accepted=choice is None or choice.action == "accept", scripted=choice is not None)
            (session.answered_dialogs if choice is not None else session.buffers.native).append(met)
            await (dialog.accept() if met.accepted else dialog.dismiss())

        # one a dialog step answers is that step's record (native_dialogs), not a line of the step it opened on
        claimed = session.dialog_choice is not None and session.counts.get("dialog", 0) < MAX_DIALOGS
        await bounded("dialog", None if claimed else f"{dialog.type}: {dialog.message}", answer, MAX_DIALOGS, NO_DIALOGS_JS)

    async def on_popup(popup: Any) -> None:
        await bounded("popup", f"popup: {popup.url}", popup.close, MAX_POPUPS, NO_POPUPS_JS)

    page.on("console", on_console)
    page.on("pageerror", lambda err: session.buffers.console.append(session.redact(str(err))[:500]))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.on("framenavigated", on_nav)
    page.on("dialog", on_dialog)
    page.on("popup", on_popup)

async def stop_flood(session: JourneySession, page: Any, kind: str, script: str, limit: int) -> None:
    """Past ``limit`` dialogs or pop-ups in a journey: say so once, and switch them off in the page."""
    if f"{kind}-noted" not in session.counts:
        session.counts[f"{kind}-noted"] = 1
        session.buffers.dialogs.append(
            f"{kind}: the page opened more than {limit} {kind}s; the rest were not recorded and the page's "
            f"{'alert()/confirm()/prompt()' if kind == 'dialog' else 'window.open()'} was switched off"
        )
    await page.evaluate(script)
