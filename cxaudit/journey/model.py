"""The journey file model, validated with pydantic: one model per step type, unknown keys refused.

A journey file is YAML (see the README, "Journey files"); cxaudit.journey loads it and reports errors by file,
line and step path.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Discriminator, Field, Tag, field_validator, model_validator

from cxaudit.errors import JourneyError
from cxaudit.journey.targets import LOCATOR_KEYS, Condition, Strict, Target, url_problem  # noqa: F401
from cxaudit.results.model import JurisdictionCode
from cxaudit.yamlfile import short

GOALS = ("cancel", "uninstall", "contact_support", "signup", "custom")
STEP_OPTION_KEYS = ("optional", "timeout", "description", "entry")
SECRET_MASK = "••••••"


class StepOptions(Strict):
    optional: bool | None = None
    timeout: float | None = Field(default=None, gt=0, le=600)
    description: str | None = None
    # the entry into the goal's flow, which hidden_cancel_link judges (README "Steps"); a click, at most one
    entry: bool | None = None


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


class DialogParams(StepOptions):
    """How to answer the browser's next native dialog (alert, confirm, prompt, beforeunload)."""

    action: Literal["accept", "dismiss"]
    text: str | None = Field(default=None, min_length=1)  # the dialog's message must contain this (case-insensitive)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        return {"action": data} if isinstance(data, str) else data


class GateParams(StepOptions):
    name: str | None = None
    proceed: Target
    answer: list[AnswerStep] = Field(min_length=1)

    @field_validator("answer")
    @classmethod
    def _no_dialog_in_answers(cls, value: list[Any]) -> list[Any]:
        if any(getattr(step, "type", None) == "dialog" for step in value):
            raise ValueError("a dialog step cannot answer a gate; put it after the gate step")
        return value


class ChatParams(StepOptions):
    open: Target | None = None
    frame: str | list[str] | None = None
    input: Target | None = None  # found on the page when left out (cxaudit/record/chat_infer.py)
    send: Target | None = None
    replies: str | None = None  # a CSS selector; found from the first reply when left out
    prechat: dict[str, str] | None = None  # a pre-chat form's values, by label (cxaudit/record/prechat.py)
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

    @model_validator(mode="after")
    def _entry_is_a_click(self) -> Any:
        if self.option("entry") and self.type != "click":
            raise ValueError(f"entry: only a click can be the entry into the flow, not a {self.type} step")
        return self

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


class DialogStep(_Step):
    dialog: DialogParams


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
    "dialog": DialogStep,
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
    # where it is judged (README "Jurisdictions"); default: from the pages' language; the run's setting wins
    jurisdiction: JurisdictionCode | None = None
    description: str | None = None
    tags: list[str] = []
    start: str = Field(min_length=1)
    device: Literal["desktop", "mobile"] = "desktop"
    timeouts: Timeouts = Timeouts()
    mask: list[str] = []
    # HTTP statuses (400-599) a page of this journey may answer without failing its step, e.g. [404]
    allow_http: list[Annotated[int, Field(ge=400, le=599)]] = []
    steps: list[Step] = Field(min_length=1)
    success: Condition
    blocked: Condition | None = None

    # set by the loader, not by the file
    path: str = Field(default="", exclude=True)
    id: str = Field(default="", exclude=True)
    secrets: frozenset[str] = Field(default=frozenset(), exclude=True)
    variables: tuple[str, ...] = Field(default=(), exclude=True)  # the ${VAR}s the file uses
    unset: tuple[str, ...] = Field(default=(), exclude=True)  # those not set here (validate only; a run needs them)

    @model_validator(mode="after")
    def _one_entry(self) -> Journey:
        marked = [f"steps[{i}]" for i, step in enumerate(self.steps) if step.option("entry")]
        if len(marked) > 1:
            raise ValueError(f"entry: true is on {' and '.join(marked)}; a journey has one entry")
        return self

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
