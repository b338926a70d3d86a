"""Masking secrets: one behaviour for every string a run writes (results.json, and so every report).

A secret is a value from ``${...}`` in a journey file, or a value typed into a password field. Each one is
replaced by ``MASK`` in all of these forms:

- **as text, in any letter case, wherever it occurs** (also inside a longer word): the value as given,
  trimmed, with its white space collapsed (as the snapshot reads page text), URL-encoded
  (``encodeURIComponent``, ``encodeURI``, every byte ``%XX``, form encoding with ``+``), HTML-escaped and
  JSON-escaped. Any case, because a page may print it in capitals (CSS ``text-transform`` shows in
  ``innerText``) and an e-mail address comes back lower-cased.
- **hex** of its UTF-8 (and, where it has one, Latin-1) bytes, in any letter case.
- **base64** of those bytes, standard and URL-safe, with and without ``=`` padding, in exact letter case:
  the case of base64 carries data, so a case-blind match would mask strings that are no encoding of it.
- **inside a longer base64 string** (a token or a blob that contains the secret at any of the three byte
  alignments), when its aligned run is at least ``MIN_ANYWHERE`` characters (secrets of about 10 bytes or
  more): that run and the one character on either side that carries some of its bits are masked.

An encoded form (hex or base64) shorter than ``MIN_ANYWHERE`` characters is masked only where it stands as a
word of its own (no letter or digit right before or after it), so the hex or base64 of a short secret does
not eat pieces of ordinary numbers and words. The secret itself is masked everywhere, however short.

Each secret has a kind (``kind_of``: email, phone, number, password or text); ``Masker`` counts the kinds it
masked, so a page's observation can say "an e-mail address was here" (``masked``) without the value.

The same patterns run inside the page (snapshot.js gets them from ``Masker.script_masks``, so text is
masked before it is cut) and here over everything recorded.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote, quote_plus

from cxaudit.journey import SECRET_MASK as MASK

MIN_ANYWHERE = 12
KINDS = ("email", "phone", "number", "password", "text")

_B64_STD, _B64_URL = "A-Za-z0-9+/", "A-Za-z0-9_-"
_WORD_BEFORE, _WORD_AFTER = "(?<![A-Za-z0-9])", "(?![A-Za-z0-9])"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[\d\s()/.-]+")


def kind_of(secret: str) -> str:
    """What a secret looks like: ``email``, ``phone`` (7+ digits with phone punctuation), ``number`` or ``text``."""
    value = secret.strip()
    if _EMAIL.fullmatch(value):
        return "email"
    digits = sum(c.isdigit() for c in value)
    if value.isdigit():
        return "number"
    if _PHONE.fullmatch(value) and digits >= 7:
        return "phone"
    return "text"


def usable(secret: Any) -> bool:
    """A string with something in it besides white space and the mask's own dots."""
    return isinstance(secret, str) and bool(secret.strip().replace("\u2022", ""))


def _escape(text: str) -> str:
    """A literal for both Python's ``re`` and JavaScript's ``RegExp`` (no ``u`` flag)."""
    return re.sub(r"[\\^$.|?*+()\[\]{}/-]", lambda m: "\\" + m.group(0), text)


def _shapes(secret: str) -> set[str]:
    return {v for v in (secret, secret.strip(), " ".join(secret.split())) if v}


def textual_forms(secret: str) -> set[str]:
    """The secret as text: given, trimmed, white space collapsed; URL-encoded, HTML-escaped, JSON-escaped."""
    makers: tuple[Callable[[str], str], ...] = (
        lambda v: v,
        lambda v: quote(v, safe=""),
        lambda v: quote(v, safe="-_.!~*'()"),  # encodeURIComponent
        lambda v: quote(v, safe=";,/?:@&=+$-_.!~*'()#"),  # encodeURI
        quote_plus,
        html.escape,
        lambda v: html.escape(v, quote=False),
        lambda v: json.dumps(v)[1:-1],
        lambda v: json.dumps(v, ensure_ascii=False)[1:-1],
    )
    out = set()
    for shape in _shapes(secret):
        for make in makers:
            try:
                out.add(make(shape))
            except UnicodeError:  # a lone surrogate from the environment: that form cannot exist
                pass
    return {f for f in out if f}


def _byte_forms(secret: str) -> set[bytes]:
    out = set()
    for shape in _shapes(secret):
        for codec in ("utf-8", "latin-1"):  # latin-1 is what the page's btoa() encodes
            try:
                out.add(shape.encode(codec))
            except UnicodeError:
                pass
    return out


def hex_forms(secret: str) -> set[str]:
    return {b.hex() for b in _byte_forms(secret)}


def base64_forms(secret: str) -> set[str]:
    """Standard and URL-safe base64, with and without padding."""
    out = set()
    for b in _byte_forms(secret):
        for enc in (base64.b64encode(b).decode(), base64.urlsafe_b64encode(b).decode()):
            out.update({enc, enc.rstrip("=")})
    return out


def base64_runs(secret: str) -> list[tuple[str, bool, bool]]:
    """What any base64 string holding the secret's bytes contains, per byte alignment k (0, 1, 2): the run of
    characters made of its bits alone, and whether a character before / after it carries some of them."""
    out = []
    for b in _byte_forms(secret):
        for k in range(3):
            full = base64.b64encode(b"\0" * k + b).decode().rstrip("=")
            start, end = (8 * k + 5) // 6, 8 * (k + len(b)) // 6
            out.append((full[start:end], 8 * k % 6 != 0, 8 * (k + len(b)) % 6 != 0))
    return out


def _word(literal: str) -> str:
    """An encoded form: anywhere when long enough, else only as a word of its own."""
    if len(literal) >= MIN_ANYWHERE:
        return _escape(literal)
    return _WORD_BEFORE + _escape(literal) + _WORD_AFTER


def _alternation(items: Iterable[tuple[int, str]]) -> str:
    """Longest first: alternation takes the first alternative that matches, not the longest."""
    return "|".join(src for _, src in sorted(set(items), key=lambda x: (-x[0], x[1])))


def patterns_of(secret: str) -> list[tuple[str, str]]:
    """(source, flags) of the secret's forms: ``i`` for text and hex, none for base64."""
    blind = [(len(f), _escape(f)) for f in textual_forms(secret)] + [(len(h), _word(h)) for h in hex_forms(secret)]
    exact = [(len(f), _word(f)) for f in base64_forms(secret)]
    for run, before, after in base64_runs(secret):
        if len(run) < MIN_ANYWHERE:
            continue
        for alphabet, text in ((_B64_STD, run), (_B64_URL, run.translate(str.maketrans("+/", "-_")))):
            edge = f"[{alphabet}]?"
            exact.append((len(text), (edge if before else "") + _escape(text) + (edge if after else "")))
    return [(_alternation(blind), "i"), (_alternation(exact), "")]


class Masker:
    """The secrets of one journey and their forms; ``text``/``data`` mask them, ``script_masks`` for the page."""

    def __init__(self, secrets: Iterable[str] = (), kinds: dict[str, str] | None = None):
        self._kinds: dict[str, str] = {}
        self._compiled: list[tuple[re.Pattern[str], str]] | None = None
        self._script: list[tuple[str, str, str]] | None = None
        for secret in secrets:
            self.add(secret, (kinds or {}).get(secret))

    @classmethod
    def of(cls, secrets: Masker | Iterable[str] | None) -> Masker:
        return secrets if isinstance(secrets, Masker) else cls(secrets or ())

    def add(self, secret: str, kind: str | None = None) -> None:
        """One more secret (a value typed into a password field is one from then on)."""
        if not usable(secret):
            return
        kind = kind or self._kinds.get(secret) or kind_of(secret)
        if kind not in KINDS:
            raise ValueError(f"unknown kind of secret {kind!r}; one of {', '.join(KINDS)}")
        if self._kinds.get(secret) != kind:
            self._kinds[secret] = kind
            self._compiled = self._script = None

    def __bool__(self) -> bool:
        return bool(self._kinds)

    def __contains__(self, value: object) -> bool:
        return value in self._kinds

    def _order(self) -> list[str]:
        return sorted(self._kinds, key=lambda s: (-len(s), s))  # a secret inside another: the longer first

    def script_masks(self) -> list[list[str]]:
        """[source, flags, kind] per pattern, longest secret first, for snapshot.js (``new RegExp``)."""
        return [list(m) for m in self._masks()]

    def _masks(self) -> list[tuple[str, str, str]]:
        if self._script is None:
            self._script = [(src, flags, self._kinds[s]) for s in self._order() for src, flags in patterns_of(s)]
        return self._script

    def _patterns(self) -> list[tuple[re.Pattern[str], str]]:
        if self._compiled is None:
            self._compiled = [(re.compile(src, re.IGNORECASE if flags else 0), kind) for src, flags, kind in self._masks()]
        return self._compiled

    def text(self, text: str, found: set[str] | None = None) -> str:
        """``text`` with every form of every secret replaced by ``MASK``; ``found`` gets the kinds masked."""
        if not self._kinds or not isinstance(text, str) or not text:
            return text
        for pattern, kind in self._patterns():
            text, n = pattern.subn(MASK, text)
            if n and found is not None:
                found.add(kind)
        return text

    def data(self, value: Any, found: set[str] | None = None) -> Any:
        """``text`` on every string (not the keys) of a JSON-like value."""
        if isinstance(value, str):
            return self.text(value, found)
        if isinstance(value, list | tuple):
            return [self.data(v, found) for v in value]
        if isinstance(value, dict):
            return {k: self.data(v, found) for k, v in value.items()}
        return value


def redact(value: Any, secrets: Masker | Iterable[str] | None) -> Any:
    """Every form of every secret in all strings of a JSON-like value replaced by ``MASK``."""
    return Masker.of(secrets).data(value)
