"""The detector contract: a pure function of one journey's recorded observations (and the run, for
cross-journey checks) that returns a score in [0, 1] with evidence. Detectors never touch a browser.

    @detector("retention_offer")
    def retention_offer(journey: JourneyResult, ctx: DetectorContext) -> Detection:
        ...
        return Detection(score=0.0, evidence=[Evidence(step=3, words="50% off", ...)])

One check, one module: ``detectors/retention_offer.py`` holds the detector of the check ``retention_offer``
(checks/retention_offer.yaml), registered under the check's id; helpers shared by several checks live in
the modules whose names start with ``_``. Which journeys a check applies to is declared once, in its YAML
(``goals:``, ``languages:``), and the engine enforces it before calling the detector, so a detector does
not test the goal again. ``score=None`` means not applicable for what the detector itself finds (e.g. no
chat was driven, the goal was not reached). Raising is allowed: the check base turns an exception into an
``error`` result for that check, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint
from typing import Any

from cxaudit.errors import CxauditError
from cxaudit.plugins import load_entry_point
from cxaudit.results.model import JourneyResult, RunResult
from cxaudit.results.observation import Element, ElementInfo, FormField, PageBox
from cxaudit.words.format import clip  # noqa: F401 - the detectors' clip()
from cxaudit.words.notes import Note

# what a piece of evidence can point at: an element of a page, the element a step acted on, or a form field
Shown = Element | ElementInfo | FormField
REGISTRY: dict[str, Callable[[JourneyResult, DetectorContext], Detection]] = {}


@dataclass
class Evidence:
    """What a client can see: the step, the element (with its box on that step's screenshot), the words."""

    step: int
    words: str = ""  # the text that triggered it, verbatim from the page (already secret-masked)
    element: Shown | None = None  # the element (role, name, box, font, colours ...) or form field it is about
    box: PageBox | None = None  # document coordinates on the screenshot of `screenshot_step` (default: the element's)
    screenshot_step: int | None = None  # which step's screenshot shows it (default: `step`)
    screenshot: str | None = None  # a picture of its own that shows it instead (a gate while blocked); box on it
    note: Note | str = ""  # note("font_vs_median", size=10, median=13); a plain str stays English in every report
    data: dict[str, Any] = field(default_factory=dict)  # figures for the report (e.g. contrast ratio)


@dataclass
class Detection:
    score: float | None  # 1 = no friction, 0 = the pattern is fully there, None = not applicable
    evidence: list[Evidence] = field(default_factory=list)
    value: float | None = None  # the measured figure for metric checks (actions, minutes, ratio ...)
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class DetectorContext:
    params: dict[str, Any]  # the check's parameters (thresholds), after user overrides
    lexicons: dict[str, Any]  # lexicon name -> Lexicon (see cxaudit.judge.lexicon), after user overrides
    run: RunResult | None = None  # the whole run: for checks that compare journeys (cancel vs sign-up)
    language_of: Callable[[JourneyResult, int | None], str] = lambda journey, step: journey.language
    jurisdiction: str = "none"  # where the journey is judged: de, eu, us-ca, uk or none (judge/jurisdiction.py)

    def lexicon(self, name: str) -> Any:
        try:
            return self.lexicons[name]
        except KeyError:
            raise KeyError(f"lexicon '{name}' is not in checks/lexicons/") from None



def box_of(record: Any) -> PageBox | None:
    """The box of an element, field, dialog or frame record (None for no record)."""
    return None if record is None else record.box


def not_applicable(reason: str) -> Detection:
    return Detection(score=None, details={"reason": reason})


def param(ctx: DetectorContext, name: str, default: Any) -> Any:
    """A parameter of the check, ``default`` when it is missing or null."""
    value = ctx.params.get(name, default)
    return default if value is None else value


def detector(name: str) -> Callable:
    def register(fn: Callable) -> Callable:
        if name in REGISTRY:
            raise ValueError(f"detector {name} registered twice: by {REGISTRY[name].__module__} and {fn.__module__}")
        REGISTRY[name] = fn
        return fn

    return register


def load_plugin(ep: EntryPoint, what: str) -> Any:
    """Import a plugin's entry point: a package's module of @detector functions (group ``cxaudit.detectors``,
    see checks/README.md, "Plugins") or its report Writer. A failure is one clear error naming it, and the
    detectors it registered before failing are dropped again."""
    before = set(REGISTRY)
    try:
        return load_entry_point(ep, what)
    except CxauditError:
        for name in set(REGISTRY) - before:
            del REGISTRY[name]
        raise
