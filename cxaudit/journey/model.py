"""The journey file model, validated with pydantic: one model per step type, unknown keys refused.

A journey file is YAML (see the README, "Journey files"); cxaudit.journey loads it and reports errors by file,
line and step path.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator, model_validator

from cxaudit.errors import JourneyError
from cxaudit.yamlfile import short

GOALS = ("cancel", "uninstall", "contact_support", "signup", "custom")
LOCATOR_KEYS = ("role", "label", "text", "placeholder", "css", "testid", "auto")
STEP_OPTION_KEYS = ("optional", "timeout", "description")
SECRET_MASK = "••••••"


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
class StepOptions(Strict):
    optional: bool | None = None
    timeout: float | None = Field(default=None, gt=0, le=600)
    description: str | None = None


class TargetParams(Target, StepOptions):
    pass


class FillParams(TargetParams):
    value: str


class SelectParams(TargetParams):
    option: str


class CheckParams(TargetParams):
    checked: bool = True


class WaitParams(TargetParams):
    state: Literal["visible", "hidden", "attached", "detached"] = "visible"


class GotoParams(StepOptions):
    url: str

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"url": data} if isinstance(data, str) else data


class PressParams(StepOptions):
    key: str
    target: Target | None = None  # the element to press the key on; default: whatever has focus

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"key": data} if isinstance(data, str) else data


class ExpectParams(Condition, StepOptions):
    pass


class ScreenshotParams(StepOptions):
    name: str | None = None
    full_page: bool = True

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if data is None:
            return {}
        return {"name": data} if isinstance(data, str) else data


class LoginParams(StepOptions):
    username: FillParams
    password: FillParams
    submit: Target


class GateParams(StepOptions):
    name: str | None = None
    proceed: Target
    answer: list[AnswerStep] = Field(min_length=1)


class ChatParams(StepOptions):
    open: Target | None = None
    frame: str | list[str] | None = None
    input: Target
    send: Target | None = None
    replies: str
    messages: list[str] = Field(min_length=1)
    success: Condition | None = None
    max_turns: int | None = Field(default=None, ge=1, le=50)
    reply_timeout: float = Field(default=10, gt=0, le=120)

    @property
    def frames(self) -> list[str]:
        if self.frame is None:
            return []
        return [self.frame] if isinstance(self.frame, str) else list(self.frame)


# ---------------------------------------------------------------- steps: one-key mappings
class _Step(StepOptions):
    @property
    def type(self) -> str:
        for name in type(self).model_fields:
            if name not in STEP_OPTION_KEYS:
                return name
        raise AssertionError("a step model has one type field")

    @property
    def params(self) -> Any:
        return getattr(self, self.type)

    def option(self, key: str, default: Any = None) -> Any:
        """A step option given beside the type key or inside its parameters."""
        value = getattr(self, key)
        if value is None:
            value = getattr(self.params, key, None)
        return default if value is None else value

    @property
    def target(self) -> Target | None:
        p = self.params
        if isinstance(p, PressParams):
            return p.target
        return p if isinstance(p, Target) else None


class GotoStep(_Step):
    goto: GotoParams


class ClickStep(_Step):
    click: TargetParams


class FillStep(_Step):
    fill: FillParams


class SelectStep(_Step):
    select: SelectParams


class CheckStep(_Step):
    check: CheckParams


class PressStep(_Step):
    press: PressParams


class WaitForStep(_Step):
    wait_for: WaitParams


class ExpectStep(_Step):
    expect: ExpectParams


class DismissStep(_Step):
    dismiss: TargetParams


class LoginStep(_Step):
    login: LoginParams


class ScreenshotStep(_Step):
    screenshot: ScreenshotParams


class GateStep(_Step):
    gate: GateParams


class ChatStep(_Step):
    chat: ChatParams


STEP_MODELS: dict[str, type[_Step]] = {
    "goto": GotoStep,
    "click": ClickStep,
    "fill": FillStep,
    "select": SelectStep,
    "check": CheckStep,
    "press": PressStep,
    "wait_for": WaitForStep,
    "expect": ExpectStep,
    "dismiss": DismissStep,
    "login": LoginStep,
    "screenshot": ScreenshotStep,
    "gate": GateStep,
    "chat": ChatStep,
}
ANSWER_TYPES = ("click", "fill", "select", "check", "press", "wait_for", "dismiss")


def _step_tag(data: Any) -> str | None:
    if isinstance(data, BaseModel):
        return data.type  # type: ignore[attr-defined]
    if not isinstance(data, dict):
        return None
    keys = [k for k in data if k not in STEP_OPTION_KEYS]
    if len(keys) == 1 and keys[0] in STEP_MODELS:
        return keys[0]
    return None


_TAGGED = tuple(Annotated[model, Tag(name)] for name, model in STEP_MODELS.items())
Step = Annotated[
    Union.__getitem__(_TAGGED),  # type: ignore[attr-defined]  # one tagged model per step type
    Discriminator(_step_tag, custom_error_type="step_type", custom_error_message="unknown step"),
]
AnswerStep = Step
GateParams.model_rebuild()


class Timeouts(Strict):
    step: float = Field(default=10, gt=0, le=600)
    navigation: float = Field(default=20, gt=0, le=600)
    journey: float = Field(default=180, gt=0, le=7200)


class Journey(Strict):
    """One journey file, validated."""

    name: str = Field(min_length=1)
    goal: Literal["cancel", "uninstall", "contact_support", "signup", "custom"]
    site: str | None = None
    language: Literal["auto", "en", "de", "fr"] = "auto"
    description: str | None = None
    tags: list[str] = []
    start: str = Field(min_length=1)
    device: Literal["desktop", "mobile"] = "desktop"
    timeouts: Timeouts = Timeouts()
    mask: list[str] = []
    steps: list[Step] = Field(min_length=1)
    success: Condition
    blocked: Condition | None = None

    # set by the loader, not by the file
    path: str = Field(default="", exclude=True)
    id: str = Field(default="", exclude=True)
    secrets: frozenset[str] = Field(default=frozenset(), exclude=True)

    @field_validator("start")
    @classmethod
    def _start_is_path_or_url(cls, value: str) -> str:
        if value.startswith("/"):
            return value
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("start must be a path starting with / or an http(s):// URL")
        problem = url_problem(value)
        if problem:
            raise ValueError(f"{short(value)} is {problem}; write a path starting with / or a full http(s):// URL")
        return value

    def start_url(self, base_url: str | None) -> str:
        if self.start.startswith("/"):
            if not base_url:
                raise JourneyError(
                    f"{self.path}: start is a path ({self.start}) but no base URL was given",
                    tip="pass --base-url https://example.com, or make start a full URL",
                )
            problem = url_problem(base_url)
            if problem:
                raise JourneyError(f"base URL {base_url!r}: {problem}", tip="give the site's root, e.g. https://www.example.com")
            return base_url.rstrip("/") + self.start
        return self.start

    def slug_site(self) -> str:
        return self.site or self.id
