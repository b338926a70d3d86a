"""The results contract: what a run saved. Versioned JSON; its JSON Schema ships in cxaudit/schema/.

Checks judge these records without a browser, so a record holds everything a check needs: per step the
action and its target, the element it acted on (box, font, colours), the page observation afterwards (one
snapshot), timings, screenshots, console errors, failed requests, gate probes and chat transcripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

SCHEMA_VERSION = "1.1"
Outcome = Literal["completed", "blocked", "error", "pending"]
ACTION_KINDS = ("click", "fill", "select", "check", "press", "chat_message", "login")


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
    proceed_element: dict[str, Any] | None = None
    answered: bool = False
    passed_after_answer: bool | None = None
    answer_actions: int = 0


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
    element: dict[str, Any] | None = Field(None, description="the element acted on, observed right before the action")
    filled: list[FilledValue] = []
    gate: GateProbe | None = None
    chat: ChatTranscript | None = None
    observation: dict[str, Any] | None = Field(None, description="the page after the step (snapshot.js shape)")
    screenshot: str | None = Field(None, description="path of a JPEG, relative to the run folder")
    console_errors: list[str] = []
    failed_requests: list[FailedRequest] = []
    dialogs: list[str] = Field([], description="JavaScript dialogs (alert/confirm) met and dismissed")
    timings: dict[str, float] = Field(
        {}, description="seconds the recorder spent on this step: action, settle, snapshot, screenshot, axe"
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
    from cxaudit.results.load import invalid_results, read_results, validation_problems

    p = Path(path)
    file = p / "results.json" if p.is_dir() else p
    if not file.is_file():
        raise RunNotFound(f"{path}: no results.json here", tip="pass a run folder written by `cxaudit run`")
    data = read_results(file)  # RunNotFound in one line for anything that is not JSON cxaudit could have written
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise RunNotFound(f"{file}: schema version {version or '?'} is not supported (this cxaudit reads {SCHEMA_VERSION})")
    try:
        run = RunResult.model_validate(data)
    except ValidationError as exc:
        raise invalid_results(file, version, validation_problems(exc)) from None
    check_observations(run, file)
    return run


def check_observations(run: RunResult, file: Path | str) -> None:
    """Every step's observation and element (and a gate's proceed element) as snapshot.js and element.js
    make them (cxaudit/results/observation.py): a misspelt or mistyped key fails the load, in one line that
    names the path, instead of being read as missing by the checks."""
    from cxaudit.errors import RunNotFound
    from cxaudit.results.observation import ObservationError, parse_element, parse_observation

    for j, journey in enumerate(run.journeys):
        for k, step in enumerate(journey.steps):
            where = f"journeys[{j}].steps[{k}]"
            parts = [(parse_observation, step.observation, f"{where}.observation"),
                     (parse_element, step.element, f"{where}.element")]
            if step.gate is not None:
                parts.append((parse_element, step.gate.proceed_element, f"{where}.gate.proceed_element"))
            for parse, data, root in parts:
                if data is None:
                    continue
                try:
                    parse(data, root)
                except ObservationError as exc:
                    more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
                    raise RunNotFound(f"{file}: not a valid cxaudit {run.schema_version} results file: {exc.problems[0]}{more}",
                                      tip="a results.json written by cxaudit loads as it is; record the run again "
                                          "with `cxaudit run` (or `cxaudit demo`) to get a valid one") from None


SCHEMA_FILE = Path(__file__).parent / "schema" / "results.schema.json"


def json_schema() -> dict[str, Any]:
    schema = RunResult.model_json_schema()
    _describe_observations(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"cxaudit results {SCHEMA_VERSION}"
    return schema


def _describe_observations(schema: dict[str, Any]) -> None:
    """Point the observation and element of a step (and a gate's proceed element) at their models."""
    from cxaudit.results.observation import element_schema, observation_schema

    defs = schema["$defs"]
    for part in (observation_schema(), element_schema()):
        new = part.pop("$defs", {})
        if "title" in part:  # a model: the schema itself is the definition
            new[part["title"]] = part
        clash = sorted(k for k in new.keys() & defs.keys() if new[k] != defs[k])
        if clash:
            raise RuntimeError(f"two schema definitions named {clash}: rename one of the models")
        defs.update(new)
    obs = {"oneOf": [{"$ref": "#/$defs/Observation"}, {"$ref": "#/$defs/SnapshotError"}]}
    element = {"$ref": "#/$defs/ElementInfo"}
    targets = [("StepRecord", "observation", obs), ("StepRecord", "element", element),
               ("GateProbe", "proceed_element", element)]
    for model, key, ref in targets:
        prop = defs[model]["properties"][key]
        defs[model]["properties"][key] = {"anyOf": [ref, {"type": "null"}], "default": None,
                                          **({"description": prop["description"]} if "description" in prop else {})}
