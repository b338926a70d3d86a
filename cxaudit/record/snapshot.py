"""Page observation in one browser round-trip.

``SNAPSHOT_JS`` (``snapshot.js``) is one JavaScript function expression that returns everything a
customer meets on the page: visible text blocks, headings, interactive elements with their
prominence (font, colour, contrast, fill, area, position), forms and fields, dialogs and overlays,
iframes, alerts. ``ELEMENT_JS`` (``element.js``) returns the same ELEMENT record for one element,
plus ``page_font_median`` and ``scroll_needed``; it is built at load time by inserting the source of
``snapshot.js`` into the wrapper in ``element.js``, so each helper exists once.

Shape of a snapshot (all boxes in document coordinates, numbers rounded to 0.1)::

    {url, title, lang, viewport: {width, height}, scroll: {x, y}, document: {width, height},
     view_key: "<path+hash>|<first visible h1>|<open dialog names>",
     text_blocks: [{text, tag, role, box, font_size, font_weight, color, in_dialog, frame}],
     headings: [{level, text}],
     elements: [ELEMENT], forms: [{ref, id, name, action, method, fields: [FIELD]}],
     dialogs: [{role, name, text, modal, box, covers, blocks_pointer}],
     iframes: [{name, title, src, box, same_origin}], alerts: [{text, role}],
     counts: {links, buttons, fields, elements_total}, truncated}

ELEMENT = {ref, role, name, tag, type, text, href, box, font_size, font_weight, color, background,
contrast, filled, area, disabled, required, checked, hidden, offscreen, in_first_viewport, in_dialog,
in_footer, landmark, sibling_links, frame, shadow}.

FIELD = {ref, label, group, name, id, type, autocomplete, required, placeholder, value, checked,
options, invalid, validation_message, disabled, hidden, box}. ``group`` is the fieldset legend /
radiogroup name of a radio or checkbox; ``hidden`` says the field itself is not visible.

``take_snapshot`` and ``element_info`` return the scripts' JSON as it came; ``observe_page`` and
``observe_element`` return it typed (cxaudit/results/observation.py), as a step records it.

Secrets are replaced by ``MASK`` in every form cxaudit/record/masking.py describes, in returned strings (in
the browser, before text is cut, and once more here); password values are always masked. ``masked`` (only
when something was) lists the kinds of secret masked on the page, never the values.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from cxaudit.record.failures import is_navigation_race
from cxaudit.record.masking import Masker, redact
from cxaudit.results.observation import (
    ElementInfo,
    Observation,
    ObservationError,
    SnapshotError,
    parse_element,
    parse_observation,
)

_PLACEHOLDER = "__SNAPSHOT_JS__"


def _read(name: str) -> str:
    return resources.files("cxaudit.record").joinpath(name).read_text(encoding="utf-8").strip()


@lru_cache(maxsize=1)
def _load() -> tuple[str, str]:
    snapshot = _read("snapshot.js")
    element = _read("element.js")
    if snapshot.endswith(";") or _PLACEHOLDER not in element:
        raise RuntimeError("cxaudit recorder scripts are malformed")
    if element.count(_PLACEHOLDER) != 1:
        raise RuntimeError("element.js must contain the snapshot placeholder exactly once")
    return snapshot, element.replace(_PLACEHOLDER, snapshot)


SNAPSHOT_JS, ELEMENT_JS = _load()


def _options(secrets: Masker | Sequence[str], **limits: int) -> dict[str, Any]:
    """The script's options: limits and the secrets' patterns (cxaudit/record/masking.py)."""
    return {**limits, "masks": Masker.of(secrets).script_masks()}


def _masked(result: Any, masker: Masker) -> Any:
    """Python's pass over what the page returned (the same patterns), and the kinds masked on the page."""
    found = set(result.pop("masked", None) or ()) if isinstance(result, dict) else set()
    result = masker.data(result, found)
    if found and isinstance(result, dict) and "viewport" in result:
        result["masked"] = sorted(found)
    return result


def _unpack(obs: dict) -> dict:
    """Undo the ``compact`` transport form ({__keys, __rows}) of snapshot.js; a key in ``__sometimes`` is left
    out of a record where it travelled as null (the record had no such key)."""

    def rows(v: Any) -> Any:
        if isinstance(v, dict) and "__keys" in v:
            keys, sometimes = v["__keys"], set(v.get("__sometimes") or ())
            return [{k: x for k, x in zip(keys, row, strict=True) if x is not None or k not in sometimes}
                    for row in v["__rows"]]
        return v

    for key in ("elements", "text_blocks"):
        if key in obs:
            obs[key] = rows(obs[key])
    for form in obs.get("forms") or []:
        form["fields"] = rows(form.get("fields", []))
    return obs


def _url_of(page_or_frame: Any) -> str:
    try:
        return str(page_or_frame.url)
    except Exception:  # noqa: BLE001 - a closed page may refuse even this
        return ""


async def take_snapshot(
    page_or_frame: Any,
    *,
    secrets: Masker | Sequence[str] = (),
    max_elements: int = 600,
    max_text_blocks: int = 400,
    max_text: int = 300,
    max_block_text: int = 4000,
    max_page_text: int = 60000,
    timeout: float = 10.0,
) -> dict:
    """Observe a Playwright (async) Page or Frame in one ``evaluate``.

    Never raises for a page that is navigating, closed or hung: returns ``{"error", "url"}``.
    One retry is made when the execution context was destroyed by a navigation.
    """
    masker = Masker.of(secrets)
    opts = _options(masker, maxElements=max_elements, maxTextBlocks=max_text_blocks, maxText=max_text,
                    maxBlockText=max_block_text, maxPageText=max_page_text)
    # JSON text in a compact layout travels ~10x faster than Playwright's object serialisation
    opts.update(json=True, compact=True)
    last_error = "unknown error"
    for attempt in range(2):
        try:
            result = await asyncio.wait_for(page_or_frame.evaluate(SNAPSHOT_JS, opts), timeout)
        except TimeoutError:
            last_error = f"snapshot timed out after {timeout:g}s"
            break
        except Exception as exc:  # noqa: BLE001 - Playwright raises plain Error subclasses
            last_error = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if attempt == 0 and is_navigation_race(exc):
                try:
                    await page_or_frame.wait_for_load_state("domcontentloaded", timeout=min(timeout, 5) * 1000)
                except Exception:  # noqa: BLE001
                    pass
                continue
            break
        try:
            result = _unpack(json.loads(result))
        except (TypeError, ValueError, AttributeError) as exc:
            last_error = f"unexpected snapshot result: {exc}"
            break
        return _masked(result, masker)
    return {"error": masker.text(last_error), "url": masker.text(_url_of(page_or_frame))}


async def element_info(locator: Any, *, secrets: Masker | Sequence[str] = (), timeout: float = 2.0) -> dict | None:
    """ELEMENT record (plus ``page_font_median``, ``scroll_needed``) of the element a locator points to.

    ``None`` when it cannot be evaluated (no match, detached, navigation, timeout).
    """
    masker = Masker.of(secrets)
    opts = _options(masker)
    try:
        result = await asyncio.wait_for(locator.evaluate(ELEMENT_JS, opts, timeout=timeout * 1000), timeout + 1)
    except Exception:  # noqa: BLE001 - includes asyncio.TimeoutError and Playwright errors
        return None
    if not isinstance(result, dict) or "error" in result:
        return None
    return masker.data(result)


async def observe_page(page_or_frame: Any, *, secrets: Masker | Sequence[str] = (), **limits: Any) -> Observation | SnapshotError:
    """``take_snapshot``, typed. A result the model refuses (a snapshot.js the model does not follow) is
    recorded as a failed snapshot naming the first wrong path, like any other snapshot failure."""
    raw = await take_snapshot(page_or_frame, secrets=secrets, **limits)
    try:
        return parse_observation(raw)
    except ObservationError as exc:
        url = raw.get("url") if isinstance(raw.get("url"), str) else redact(_url_of(page_or_frame), secrets)
        return SnapshotError(error=f"unexpected snapshot result: {exc.problems[0]}", url=url)


async def observe_element(locator: Any, *, secrets: Masker | Sequence[str] = (), timeout: float = 2.0) -> ElementInfo | None:
    """``element_info``, typed; ``None`` where element_info gives None or the model refuses its result."""
    raw = await element_info(locator, secrets=secrets, timeout=timeout)
    try:
        return None if raw is None else parse_element(raw)
    except ObservationError:
        return None
