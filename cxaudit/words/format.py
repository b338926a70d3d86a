"""The one quoting function and the one number formatter: page words quoted and figures written per language;
and clip(), page words shortened for a note."""

from __future__ import annotations

from typing import Any

from cxaudit.words.terms import term


def quote(value: Any, lang: str) -> str:
    """Page words quoted: 'x' in English, „x“ in German; nothing to quote reads "the control"."""
    if value is None or value == "":
        return term("unnamed", lang)
    return f"„{value}“" if lang == "de" else f"'{value}'"


def localise(text: str, lang: str) -> str:
    """A number already formatted in English ("0.93", "80%") as the language writes it ("0,93", "80 %")."""
    if lang != "de":
        return text
    text = text.replace(".", ",")
    return text[:-1] + " %" if text.endswith("%") else text


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """A figure in the report language, trailing zeros dropped: 3.5 / 3,5; nothing reads "–"."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}" if digits else f"{round(value):d}"
    if digits and text.endswith("." + "0" * digits):
        text = text[: -(digits + 1)]
    return localise(text, lang)


def clip(text: str | None, n: int = 200) -> str:
    """Words for a note or evidence: whitespace folded, at most ``n`` characters (an ellipsis where cut)."""
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"
