"""Lexicons: per-language word patterns kept as data in checks/lexicons/*.yaml.

A pattern is a case-insensitive regular expression matched against whitespace-normalised text; write
word stems and number-and-unit patterns that generalise (``kündig\\w*``, ``\\d+\\s*(?:min|minuten)``), not
the sentences of one site. Before matching, typography is folded (``fold``): typographic apostrophes and
accents used as apostrophes (’ ‘ ´ `) become ', typographic quotes (“ ” „ « » ‹ ›) become ", dashes become -,
and every run of whitespace (non-breaking spaces too) one space; patterns are case-insensitive. A user's
lexicon of the same name (``--checks DIR``) extends ours, or replaces it with ``mode: replace``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cxaudit.errors import CxauditError

_TYPOGRAPHY = str.maketrans({
    **dict.fromkeys("\u2019\u2018\u201b\u00b4\u0060\u2032\u02bc", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
})


def fold(text: str | None) -> str:
    """Whitespace folded to single spaces and typography to ASCII (one character for one, so offsets into the
    folded text are offsets into the whitespace-folded original)."""
    return " ".join((text or "").split()).translate(_TYPOGRAPHY)


@dataclass(frozen=True)
class LexMatch:
    lexicon: str
    lang: str
    pattern: str
    text: str  # the matched words, verbatim
    start: int
    end: int


@dataclass
class Lexicon:
    name: str
    description: str = ""
    patterns: dict[str, list[re.Pattern]] = field(default_factory=dict)  # lang -> compiled patterns

    def languages(self, lang: str | None) -> list[str]:
        if not lang or lang == "auto" or lang not in self.patterns:
            return list(self.patterns)
        return [lang]

    def matches(self, text: str, lang: str | None = None) -> list[LexMatch]:
        """Every match in ``text`` for the language (all languages when it is unknown), in text order."""
        original = " ".join((text or "").split())
        folded = fold(original)
        found: list[LexMatch] = []
        for code in self.languages(lang):
            for rx in self.patterns[code]:
                for m in rx.finditer(folded):
                    if m.end() > m.start():
                        found.append(LexMatch(self.name, code, rx.pattern, original[m.start():m.end()],
                                              m.start(), m.end()))
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def first(self, text: str, lang: str | None = None) -> LexMatch | None:
        found = self.matches(text, lang)
        return found[0] if found else None

    def __contains__(self, text: str) -> bool:
        return self.first(text) is not None


def _compile(path: Path, name: str, lang: str, patterns: list) -> list[re.Pattern]:
    out = []
    for i, p in enumerate(patterns):
        try:
            out.append(re.compile(str(p), re.IGNORECASE | re.UNICODE))
        except re.error as exc:
            raise CxauditError(f"{path}: languages.{lang}[{i}] is not a valid pattern ({exc}): {p!r}") from None
    return out


def load_lexicon_file(path: Path) -> tuple[Lexicon, str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise CxauditError(f"{path}: cannot read the lexicon: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("languages"), dict):
        raise CxauditError(f"{path}: a lexicon needs `languages:` with a list of patterns per language code")
    name = str(data.get("name") or path.stem)
    lex = Lexicon(name=name, description=str(data.get("description", "")))
    for lang, patterns in data["languages"].items():
        if not isinstance(patterns, list):
            raise CxauditError(f"{path}: languages.{lang} must be a list of patterns")
        lex.patterns[str(lang)] = _compile(path, name, str(lang), patterns)
    mode = str(data.get("mode", "extend"))
    if mode not in ("extend", "replace"):
        raise CxauditError(f"{path}: mode must be extend or replace, got {mode!r}")
    return lex, mode


def load_lexicons(folders: list[Path]) -> dict[str, Lexicon]:
    """Load */lexicons/*.yaml from each folder in order; later folders extend or replace earlier ones."""
    lexicons: dict[str, Lexicon] = {}
    for folder in folders:
        for path in sorted((folder / "lexicons").glob("*.yaml")):
            lex, mode = load_lexicon_file(path)
            old = lexicons.get(lex.name)
            if old is None or mode == "replace":
                lexicons[lex.name] = lex
            else:
                for lang, pats in lex.patterns.items():
                    old.patterns.setdefault(lang, []).extend(pats)
    return lexicons
