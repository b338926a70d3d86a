"""Page language: which language a customer met on a page, for checks whose rules or words depend on it
(§ 312k BGB applies to German pages; lexicons are per language).

Order: a journey's language hint other than ``auto``, the page's ``<html lang>``, then langdetect on the
visible text (at least 40 characters, else ``unknown``). Results are cached per observation.
"""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect

from cxaudit.results.model import JourneyResult
from cxaudit.results.observation import Observation, Observed, SnapshotError, page_of

DetectorFactory.seed = 0  # langdetect is random by default; make it repeatable
MIN_TEXT = 40
UNKNOWN = "unknown"
_CACHE: dict[int, tuple[Observation | SnapshotError, str, str]] = {}  # id(observation) -> (observation, hint, language)
_CACHE_MAX = 4096


def _primary(tag: str | None) -> str:
    return (tag or "").strip().lower().replace("_", "-").split("-")[0]


def visible_text(observation: Observed) -> str:
    text = " ".join(b.text for b in page_of(observation).text_blocks)
    return " ".join(text.split())


def _detect(observation: Observation | SnapshotError, hint: str) -> str:
    hinted = _primary(hint)
    if hinted and hinted not in ("auto", UNKNOWN):
        return hinted
    lang = _primary(page_of(observation).lang)
    if lang and lang.isalpha():
        return lang
    text = visible_text(observation)
    if len(text) < MIN_TEXT:
        return UNKNOWN
    try:
        return _primary(detect(text)) or UNKNOWN
    except LangDetectException:
        return UNKNOWN


def page_language(observation: Observed, hint: str = "auto") -> str:
    """The language of one page observation: a two-letter code, or ``unknown``."""
    if not observation:
        hinted = _primary(hint)
        return hinted if hinted and hinted != "auto" else UNKNOWN
    key = id(observation)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is observation and cached[1] == hint:
        return cached[2]
    lang = _detect(observation, hint)
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    _CACHE[key] = (observation, hint, lang)  # holding the observation keeps its id from being reused
    return lang


def journey_language_of(journey: JourneyResult, step_index: int | None) -> str:
    """``DetectorContext.language_of``: the language of the page after step ``step_index`` (the journey's
    first observed page when None or when that step has no observation)."""
    hint = journey.language or "auto"
    steps = journey.steps
    step = next((s for s in steps if s.index == step_index), None) if step_index is not None else None
    if step is None or not step.observation:
        step = next((s for s in steps if s.observation), None)
    return page_language(step.observation if step else None, hint)
