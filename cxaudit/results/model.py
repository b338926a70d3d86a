"""The results contract: what a run saved. Versioned JSON; its JSON Schema ships in cxaudit/results/schema/.

Checks judge these records without a browser, so a record holds everything a check needs: per step the
action and its target, the element it acted on (box, font, colours), the page observation afterwards (one
snapshot), timings, screenshots, console errors, failed requests, gate probes and chat transcripts. The
observation and the element are typed (cxaudit/results/observation.py) and validated on load.

Versions: 1.0 -> 1.1 added step actions and note parts; 1.2 types the observation and the element
(the JSON is the same: snapshot.js has returned this shape since 1.0, so 1.0 and 1.1 runs load as they
are and are marked 1.2); 1.3 adds an element's decision containers (``groups``), the page's text contrast
beside its font median (``page_contrast_median``) and a step's ``entry`` mark, all with defaults, so 1.0 to
1.2 runs load as they are and are marked 1.3; 1.4 adds a chat's inferred parts and 1.5 an element's ``current``
mark (aria-current, a selected tab), both with defaults. A run from a newer 1.x loads too: observation keys this cxaudit does not know
(a newer snapshot.js) are dropped with a warning that names them.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cxaudit.results.observation import AnyObservation, ElementInfo
from cxaudit.results.problems import path_of, problems_of, strip_unknown

SCHEMA_VERSION = "1.5"
Outcome = Literal["completed", "blocked", "error", "pending"]
# a login counts as its fields (fill) and its submit (click); "login" is the one count older runs have (results/counting.py)
ACTION_KINDS = ("click", "fill", "select", "check", "press", "chat_message", "dialog")


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Box(Record):
    x: float
    y: float
    width: float
    height: float


class FilledValue(Record):
    """A value the journey typed or chose. Secret values are never stored, only their length."""

    label: str | None = None
    name: str | None = None
    autocomplete: str | None = None
    type: str | None = None
    value: str
    secret: bool = False
    characters: int = 0


class GateProbe(Record):
    """What happened when the runner tried to proceed without answering."""

    name: str | None = None
    blocked: bool
    signals: list[str] = Field(
        default=[], description="why it counts as blocked: disabled_control, validation_message, same_view, required_fields"
    )
    validation_messages: list[str] = []
    required_fields: list[str] = []
    proceed_element: ElementInfo | None = None
    answered: bool = False
    passed_after_answer: bool | None = None
    answer_actions: int = 0
    screenshot: str | None = Field(None, description="the page while blocked, after the probe, its validation message "
                                   "on show (a browser's own bubble is not part of a page's picture)")
    message_box: Box | None = Field(None, description="on that screenshot: the validation message, else the field it "
                                    "is about, in document coordinates")


class NativeDialog(Record):
    """A browser dialog (alert, confirm, prompt, beforeunload) the customer answered: one action."""

    type: str
    message: str = Field(description="its text, secrets masked, cut to 300 characters")
    accepted: bool
    scripted: bool = Field(False, description="answered as a dialog step said; else accepted, as most customers would")


class ChatTurn(Record):
    sent: str
    replies: list[str]
    wait_s: float
    timed_out: bool = False


class ChatTranscript(Record):
    frame: str | None = None
    greeting: list[str] = []
    turns: list[ChatTurn] = []
    success: bool = False
    turns_to_success: int | None = None
    inferred: dict[str, Any] | None = Field(default=None, description="the chat's parts found on the page "
                                            "(frame, input, send, replies) when the journey left them out")


class FailedRequest(Record):
    url: str
    method: str = "GET"
    status: int | None = None
    failure: str | None = None


class NotePart(Record):
    """One part of a finding's note as a key of cxaudit/notes.py and its figures, so reports word it per language."""

    key: str
    args: dict[str, Any] = {}


class StepRecord(Record):
    index: int = Field(description="0 is the start page; steps from the journey file count from 1")
    type: str
    description: str
    action: dict[str, Any] | None = Field(
        None, description="the step's action, structured, so reports can word it in any language: verb, target "
        "(kind, role, name) and the verb's arguments (cxaudit/report/actions.py); None when the journey gave "
        "its own description, which is then shown as written"
    )
    target: dict[str, Any] | None = None
    entry: bool = Field(False, description="the journey file marks this step as the entry into the goal's flow (entry: true)")
    status: Literal["ok", "skipped", "failed"] = "ok"
    error: str | None = Field(None, description="why the step failed, in English")
    error_parts: list[NotePart] = Field([], description="the same as keys and figures (cxaudit/notes.py), for reports in any language")
    actions: int = Field(0, description="user actions this step took (clicks, fills, ... a chat message, a login)")
    action_kinds: dict[str, int] = {}
    probe_actions: int = Field(0, description="clicks made only to measure (a gate probe that was blocked)")
    characters_typed: int = 0
    url_before: str = ""
    title_before: str = ""
    url_after: str = ""
    title_after: str = ""
    started_s: float = Field(0, description="seconds since the journey started")
    duration_s: float = 0
    navigated: bool = False
    view_changed: bool = False
    view_key: str = ""
    element: ElementInfo | None = Field(None, description="the element acted on, observed right before the action")
    filled: list[FilledValue] = []
    gate: GateProbe | None = None
    chat: ChatTranscript | None = None
    observation: AnyObservation | None = Field(None, description="the page after the step (one snapshot)")
    screenshot: str | None = Field(None, description="path of a JPEG, relative to the run folder")
    console_errors: list[str] = []
    failed_requests: list[FailedRequest] = []
    dialogs: list[str] = Field([], description="JavaScript dialogs and pop-ups met during the step, as text")
    native_dialogs: list[NativeDialog] = Field([], description="the browser dialogs this step answered, 1 action each")
    timings: dict[str, float] = Field(
        {}, description="seconds the recorder spent on this step: action, settle, snapshot, screenshot, axe, "
        "gate_picture (the picture of a blocked gate, left out of duration_s)"
    )


class JourneyMetrics(Record):
    actions: int = 0
    action_kinds: dict[str, int] = {}
    probe_actions: int = 0
    pages: int = Field(0, description="distinct pages or client-side views seen")
    characters_typed: int = 0
    duration_s: float = 0
    chat_turns: int = 0
    gates: int = 0
    gates_blocked: int = 0


class JourneyError(Record):
    step: int | None = None
    step_description: str | None = None
    url: str | None = None
    reason: str = Field(description="why the journey stopped, in English")
    reason_parts: list[NotePart] = Field([], description="the same as keys and figures (cxaudit/notes.py)")
    kind: str = "step"


class Finding(Record):
    """One piece of evidence of a failed check, pointing at a step, an element and the words."""

    check: str
    code: str
    severity: str
    step: int | None = None
    screenshot_step: int | None = Field(None, description="the step whose screenshot shows it")
    screenshot: str | None = Field(None, description="a picture of its own that shows it instead (a gate while blocked)")
    words: str = ""
    note: str = Field("", description="the note in English")
    note_parts: list[NotePart] = Field([], description="the note as keys and figures (cxaudit/notes.py); empty for old runs")
    box: Box | None = Field(None, description="document coordinates on that screenshot")
    element: dict[str, Any] | None = Field(None, description="role, name, tag of the element")
    data: dict[str, Any] = {}


class CheckResult(Record):
    id: str
    code: str
    kind: Literal["blocker", "metric", "info"]
    category: str
    severity: str
    weight: float
    status: Literal["pass", "warn", "fail", "not_applicable", "error", "info"]
    score: float | None = None
    value: float | None = None
    findings: list[Finding] = []
    details: dict[str, Any] = {}
    error: str | None = None
    rules: list[str] | None = Field(None, description="the rules of the check in force in the journey's jurisdiction "
                                    "on the day it was recorded (None: judged before 0.2, see the check's rules)")


class JourneyScore(Record):
    score: float | None = Field(None, description="0 to 100, 100 = frictionless; None when the journey erred")
    grade: str | None = None
    capped: bool = False
    reason: str | None = None
    by_category: dict[str, float] = {}
    checks_failed: int = 0


class SiteScore(Record):
    site: str
    score: float | None = None
    grade: str | None = None
    journeys: list[str] = []


# where a journey is judged (cxaudit/judge/jurisdiction.py); the journey file, cxaudit.yaml and the checks use it too
JurisdictionCode = Literal["de", "eu", "us-ca", "uk", "none"]
JURISDICTIONS: tuple[str, ...] = get_args(JurisdictionCode)


class Jurisdiction(Record):
    """Where a journey is judged: ``de``, ``eu``, ``us-ca``, ``uk`` or ``none``, and what said so."""

    code: JurisdictionCode
    source: Literal["run", "journey", "language"] = Field(
        description="run: --jurisdiction or cxaudit.yaml; journey: the journey file; language: the pages' language")
    language: str | None = Field(None, description="with source language: the language tag it followed")


class JourneyResult(Record):
    id: str
    name: str
    goal: str
    site: str
    language: str
    device: str
    file: str
    start_url: str
    outcome: Outcome = "pending"
    outcome_reason: str | None = None
    error: JourneyError | None = None
    started_at: str = ""
    finished_at: str = ""
    metrics: JourneyMetrics = JourneyMetrics()
    jurisdiction: Jurisdiction | None = None
    steps: list[StepRecord] = []
    checks: list[CheckResult] = Field([], description="the friction checks' verdicts (cxaudit rescore redoes them)")
    score: JourneyScore | None = None


class BrowserInfo(Record):
    name: str = "chromium"
    version: str = ""
    executable: str = ""
    source: str = ""


class RunResult(Record):
    schema_version: str = SCHEMA_VERSION
    tool: dict[str, str] = {}
    run_id: str
    started_at: str
    finished_at: str | None = None
    base_url: str | None = None
    browser: BrowserInfo = BrowserInfo()
    options: dict[str, Any] = {}
    journeys: list[JourneyResult] = []
    sites: list[SiteScore] = []
    judged: dict[str, Any] = Field({}, description="when and with which checks the run was judged")

    def journey(self, journey_id: str) -> JourneyResult:
        for j in self.journeys:
            if j.id == journey_id:
                return j
        raise KeyError(f"no journey {journey_id!r} in run {self.run_id}")

    def write(self, folder: Path) -> Path:
        """Write results.json atomically (a temporary file, then rename); ``WriteFailed`` names the cause."""
        from cxaudit.atomic import write_atomic

        return write_atomic(Path(folder) / "results.json", self.model_dump_json(indent=1))


def run_folder_of(path: str | Path) -> Path:
    """The run folder of a run given as its folder or as its results.json."""
    p = Path(path)
    return p if p.is_dir() else p.parent


def load_run(path: str | Path) -> RunResult:
    """Load a saved run from its folder or its results.json."""
    from cxaudit.errors import RunNotFound
    from cxaudit.results.load import read_results

    p = Path(path)
    file = p / "results.json" if p.is_dir() else p
    if not file.is_file():
        raise RunNotFound(f"{path}: no results.json here", tip="pass a run folder written by `cxaudit run`")
    data = read_results(file)  # RunNotFound in one line for anything that is not JSON cxaudit could have written
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise RunNotFound(f"{file}: schema version {version or '?'} is not supported (this cxaudit reads {SCHEMA_VERSION})")
    try:
        return RunResult.model_validate(_migrated(data, version))
    except ValidationError as exc:
        if not _newer(version):
            raise _invalid(file, version, exc) from None
        data, dropped = strip_unknown(data, exc, within=_OBSERVED)
        try:
            run = RunResult.model_validate(data)
        except ValidationError as exc2:
            raise _invalid(file, version, exc2) from None
        warnings.warn(ObservationKeysIgnored(file, version, dropped), stacklevel=2)
        return run


# where a step keeps what snapshot.js and element.js returned
_OBSERVED = frozenset({"observation", "element", "proceed_element"})


def _newer(version: str) -> bool:
    try:
        return tuple(map(int, version.split("."))) > tuple(map(int, SCHEMA_VERSION.split(".")))
    except ValueError:
        return False


def _migrated(data: dict[str, Any], version: str) -> dict[str, Any]:
    """A 1.0 to 1.4 run as 1.5: the same JSON (what later versions added has defaults: not recorded), marked
    1.5. 1.4 added a chat's inferred parts, 1.5 an element's ``current`` mark."""
    if version in ("1.0", "1.1", "1.2", "1.3", "1.4"):
        data["schema_version"] = SCHEMA_VERSION
    return data


def _invalid(file: Path, version: str, exc: ValidationError) -> Exception:
    from cxaudit.results.load import invalid_results

    return invalid_results(file, version, problems_of(exc))


class ObservationKeysIgnored(UserWarning):
    """A run from a newer cxaudit: its observations hold keys this cxaudit does not know; they were dropped."""

    def __init__(self, file: Path, version: str, dropped: list[tuple[Any, ...]]):
        self.paths = list(dict.fromkeys(path_of(loc, indices=False) for loc in dropped))
        super().__init__(
            f"{file}: written by a newer cxaudit (schema {version}, this one reads {SCHEMA_VERSION}); "
            f"observation keys it does not know were ignored: {', '.join(self.paths)}. "
            "Upgrade cxaudit to judge with them."
        )


SCHEMA_FILE = Path(__file__).parent / "schema" / "results.schema.json"


def json_schema() -> dict[str, Any]:
    schema = RunResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"cxaudit results {SCHEMA_VERSION}"
    return schema

