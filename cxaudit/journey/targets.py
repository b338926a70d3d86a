"""Where a journey step acts (``Target``: a role and name, a label, a text, a CSS selector ...) and what it
checks (``Condition``: text, URL, element), and the URL check shared by ``start:`` and ``--base-url``."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LOCATOR_KEYS = ("role", "label", "text", "placeholder", "css", "testid", "auto")


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an http(s) URL a browser can open (``http://[::1``, a port of 99999), or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number from 0 to 65535
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "not an http:// or https:// URL with a host name"
    return None


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- targets and conditions
class Target(Strict):
    """Which element a step acts on. A plain string is the shorthand ``auto``: a name or visible text."""

    role: str | None = None
    name: str | None = None
    label: str | None = None
    text: str | None = None
    placeholder: str | None = None
    css: str | None = None
    testid: str | None = None
    auto: str | None = None
    exact: bool = False
    nth: int | None = Field(default=None, ge=0)
    frame: str | list[str] | None = None
    fallbacks: list[Target] = []

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"auto": data}
        return data

    @model_validator(mode="after")
    def _one_locator(self) -> Target:
        given = [k for k in LOCATOR_KEYS if getattr(self, k) is not None]
        if self.name is not None and self.role is None:
            raise ValueError("name goes with role (e.g. {role: button, name: Continue}); or use text")
        if not given:
            raise ValueError(
                "a target needs one of role, label, text, placeholder, css or testid "
                "(or a plain string: the element's name or text)"
            )
        if len(given) > 1:
            raise ValueError(f"a target takes one locator, got {', '.join(given)}; use fallbacks for alternatives")
        for key in given:
            if not str(getattr(self, key)).strip():
                raise ValueError(f"{key} is empty")
        return self

    @property
    def frames(self) -> list[str]:
        if self.frame is None:
            return []
        return [self.frame] if isinstance(self.frame, str) else list(self.frame)

    def describe(self) -> str:
        """A short human description: ``button 'Continue'``, ``label 'E-Mail'``."""
        if self.role:
            return f"{self.role} '{self.name}'" if self.name else self.role
        for key in ("label", "text", "placeholder", "css", "testid"):
            value = getattr(self, key)
            if value is not None:
                return f"{key} '{value}'"
        return f"'{self.auto}'"


class Condition(Strict):
    """What must hold: visible text (any of a list), the URL (substring or glob), a visible element."""

    text: list[str] | None = None
    url: str | None = None
    element: Target | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _text_list(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        return data

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if self.text is None and self.url is None and self.element is None:
            raise ValueError("a condition needs text, url or element")
        if self.text is not None and not [t for t in self.text if t.strip()]:
            raise ValueError("text is empty")
        return self


# ---------------------------------------------------------------- step parameters
