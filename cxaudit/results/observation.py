"""The typed observation: what cxaudit/record/snapshot.js (page mode), element.js and axe.py return.

One model per part, written from the scripts key by key, in the order the scripts emit the keys (so a
model dumps exactly the JSON the script returned: same keys, same order, ints stay ints)::

    Observation      one page after a step: url, title, lang, viewport, scroll, document, view_key,
                     text_blocks, headings, elements, forms, dialogs, iframes, alerts, counts, truncated
                     (+ error when the script failed half-way, profile_ms when asked, masked when a secret
                     was, axe from axe.py)
    SnapshotError    the snapshot failed (navigation, closed page, timeout): {error, url} (+ axe)
    Element          one interactive element of a page (ref "e0", "e1" ...)
    ElementInfo      the element a step acted on (element.js): the same record with ref null, plus
                     page_font_median and scroll_needed
    TextBlock, Heading, Form, FormField, Dialog, Frame, Alert, Counts, PageBox, Size, Scroll
    AxeSummary / AxeSkipped / AxeError   the axe-core summary of the page (cxaudit/record/axe.py)

Decisions, and why:

- Unknown keys are refused (``extra="forbid"``) at every level. That is the point: a misspelt key in a
  hand-made observation, or a key snapshot.js started to emit without the model knowing it, fails with
  its path (``elements[3].in_footr: Extra inputs are not permitted``) instead of silently reading as
  missing. The browser test (tests/test_observation.py) validates live snapshots of the demo site and
  the fixture pages, so a change to snapshot.js that the model does not follow fails there first.
- A run recorded by a newer cxaudit whose snapshot.js emits keys this one does not know is not a typo:
  :func:`strip_unknown` names those keys and returns the data without them, so the results loader can
  load such a run and say which keys it ignored (only for a newer minor schema version; for the
  version this cxaudit writes, an unknown key stays an error).
- Scalars are strict: no coercion of "16" to a number or of 1 to a boolean. Numbers accept int and
  float and keep which one they were, so a saved run dumps byte for byte as it was read.
- Required means the script always emits the key (it builds every record as one object literal).
  Optional keys are only those the scripts add conditionally: ``error``, ``profile_ms``, ``masked`` and
  ``axe`` of an observation, ``axe`` of a snapshot error, ``ms`` of an axe error; and the keys added in 1.3
  that older runs lack (an element's ``groups``, ``page_contrast_median``). Left unset, they are left out of a
  dump.
- ``Form.id`` and ``Form.action`` are what snapshot.js reads, ``form.id`` / ``form.action``: a field
  named "id" or "action" shadows those properties and the script then returns ``{}``. The model says so
  rather than rejecting such pages.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    StrictBool,
    StrictInt,
    StrictStr,
    Tag,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
    model_serializer,
)

from cxaudit.results.problems import path_of, problems_of, strip_unknown  # noqa: F401 - re-exported


def _number(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("Input should be a number")
    return value


Number = Annotated[int | float, PlainValidator(_number), WithJsonSchema({"type": "number"})]
Str = StrictStr
Bool = StrictBool
Int = StrictInt


class Part(BaseModel):
    """A part of an observation: unknown keys refused."""

    model_config = ConfigDict(extra="forbid")


class _Sometimes(Part):
    """A part with keys the script adds only sometimes: when None, they are left out of a dump, as the script does."""

    OPTIONAL: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _dump(self, handler: Any) -> Any:
        data = handler(self)
        for key in self.OPTIONAL:
            if data.get(key, 0) is None:
                del data[key]
        return data


class PageBox(Part):
    """A box in document coordinates (CSS pixels, rounded to 0.1)."""

    x: Number
    y: Number
    width: Number
    height: Number


class Size(Part):
    width: Number
    height: Number


class Scroll(Part):
    x: Number
    y: Number


class _Ref(Part):
    ref: Str = Field(description='"e0", "e1" ... in document order; a form field points at its element by it')


class _Control(_Sometimes):
    """The ELEMENT record (snapshot.js ``describe``); ``groups`` is None in runs recorded before 1.3, ``current``
    is recorded only when true (since 1.5)."""

    OPTIONAL = frozenset({"groups", "current"})

    role: Str | None = Field(description="ARIA role, explicit or implicit; None for elements without one")
    name: Str = Field(description="accessible name, secret-masked, cut to maxText")
    tag: Str
    type: Str = Field(description="input type, button type, else empty")
    text: Str = Field(description="visible text (not for fields), cut to maxText")
    href: Str
    box: PageBox
    font_size: Number = Field(description="px, of the element that carries the visible text")
    font_weight: Int
    color: Str = Field(description='"rgb(r, g, b)" of the text')
    background: Str = Field(description='"rgb(r, g, b)": the effective background under the text')
    contrast: Number = Field(description="WCAG contrast ratio of text and background, 1 to 21")
    filled: Bool = Field(description="looks like a button: a fill, an image or a border apart from its surroundings")
    area: Number = Field(description="px²")
    disabled: Bool
    required: Bool
    checked: Bool | Literal["mixed"] | None = Field(description="checkboxes, radios and aria-checked; else None")
    hidden: Bool
    offscreen: Bool = Field(description="clipped away or outside the document")
    in_first_viewport: Bool = Field(description="visible without scrolling (at scroll 0)")
    in_dialog: Bool
    in_footer: Bool
    landmark: Str | None = Field(description="nearest landmark: header, nav, main, footer, aside, dialog")
    sibling_links: Int = Field(description="visible links in the nearest nav/footer, list or parent around it")
    groups: list[Str] | None = Field(None, description='decision containers around it, nearest first: "<kind>@<key>", '
                                     "kind dialog, form, group, menu, search, region, card, header, nav, footer, aside, main")
    frame: Str | None = Field(description="the iframe it is in (name, src or about:srcdoc); None in the page")
    shadow: Bool = Field(description="inside a shadow root")
    current: Bool | None = Field(None, description="marked as where the visitor is: aria-current, or a selected tab "
                                 "(aria-selected); recorded only when true, None before 1.5")


class Element(_Control, _Ref):
    """One interactive element of the page (links, buttons, fields, click handlers, tab stops)."""


class ElementInfo(_Control):
    """The element a step acted on, observed right before the action (element.js)."""

    ref: None = Field(description="always None: the element is not one of an observation's elements")
    page_font_median: Number = Field(description="median font size of the page's text, weighted by length")
    scroll_needed: Bool = Field(description="not in the first viewport")
    page_contrast_median: Number | None = Field(None, description="median contrast of the page's text (None before 1.3)")

    OPTIONAL = frozenset({"groups", "page_contrast_median", "current"})


class TextBlock(Part):
    text: Str = Field(description="visible text of the block, whole up to maxBlockText (4000 characters) while the page's "
                                  "maxPageText (60000) lasts; older runs cut it at 300")
    tag: Str
    role: Str | None
    box: PageBox
    font_size: Number
    font_weight: Int
    color: Str
    in_dialog: Bool
    frame: Str | None


class Heading(Part):
    level: Int
    text: Str


class FormField(Part):
    """One form field (input, select, textarea; not buttons or hidden inputs)."""

    ref: Str | None = Field(description="the Element of this field, None when elements were truncated")
    label: Str
    group: Str = Field(description="fieldset legend / radiogroup name of a radio or checkbox")
    name: Str
    id: Str
    type: Str = Field(description="input type, or select / textarea")
    autocomplete: Str
    required: Bool
    placeholder: Str
    value: Str = Field(description="the value (a password's is masked), cut to 1000 characters")
    checked: Bool | None = Field(description="checkboxes and radios; else None")
    options: list[Str] | None = Field(description="a select's option texts (at most 200); else None")
    invalid: Bool
    validation_message: Str
    disabled: Bool
    hidden: Bool = Field(description="the field itself is not visible")
    box: PageBox


class Form(Part):
    """A form and its fields; fields outside any form are gathered in one last form with ref None."""

    ref: Str | None = Field(description='"f0", "f1" ...; None for the fields outside any form')
    id: Str | dict[str, Any] = Field(description="form.id; {} when a field named 'id' shadows the property")
    name: Str
    action: Str | dict[str, Any] = Field(description="form.action; {} when a field named 'action' shadows it")
    method: Str
    fields: list[FormField]


class Dialog(Part):
    """A dialog: role dialog/alertdialog, an open <dialog>, aria-modal, or a fixed overlay over a quarter of the viewport."""

    role: Str | None
    name: Str
    text: Str = Field(description="cut to 1000 characters")
    modal: Bool
    box: PageBox
    covers: Number = Field(description="share of the viewport it covers, 0 to 1")
    blocks_pointer: Bool = Field(description="clicks anywhere in the viewport land in it")


class Frame(Part):
    name: Str
    title: Str
    src: Str
    box: PageBox
    same_origin: Bool


class Alert(Part):
    text: Str
    role: Str = Field(description='alert, status, "live:<aria-live>", or "error" for error-looking messages')


class Counts(Part):
    links: Int
    buttons: Int
    fields: Int
    elements_total: Int = Field(description="interactive elements found, before the maxElements limit")


class AxeViolation(Part):
    id: Str
    impact: Str | None
    help: Str
    nodes: Int = Field(description="elements that violate the rule")
    targets: list[Str] = Field(description="selectors of the first three, worst contrast first")


class AxeSummary(Part):
    violations: list[AxeViolation]
    passes: Int
    incomplete: Int
    ms: Int


class AxeSkipped(Part):
    skipped: Str = Field(description='"same page": axe ran on this page or view before')


class AxeError(_Sometimes):
    OPTIONAL = frozenset({"ms"})
    error: Str
    ms: Int | None = None


def _axe_kind(v: Any) -> str:
    keys = v if isinstance(v, dict) else type(v).model_fields
    return "AxeSkipped" if "skipped" in keys else "AxeError" if "error" in keys else "AxeSummary"


Axe = Annotated[
    Annotated[AxeSummary, Tag("AxeSummary")] | Annotated[AxeSkipped, Tag("AxeSkipped")] | Annotated[AxeError, Tag("AxeError")],
    Discriminator(_axe_kind),
]


class Observation(_Sometimes):
    """The page after a step, in one snapshot (boxes in document coordinates)."""

    OPTIONAL = frozenset({"error", "profile_ms", "masked", "axe"})
    url: Str
    title: Str
    lang: Str
    viewport: Size
    scroll: Scroll
    document: Size
    view_key: Str = Field(description='"<path+hash>|<first visible h1>|<open dialog names>"')
    text_blocks: list[TextBlock]
    headings: list[Heading]
    elements: list[Element]
    forms: list[Form]
    dialogs: list[Dialog]
    iframes: list[Frame]
    alerts: list[Alert]
    counts: Counts
    truncated: Bool = Field(description="text blocks or elements were cut at their limits")
    error: Str | None = Field(None, description="the script failed half-way; the keys hold what it had")
    profile_ms: dict[Str, Number] | None = Field(None, description="phase timings, when asked (profile option)")
    masked: list[Str] | None = Field(None, description="the kinds of secret masked on this page (email, phone, number, "
                                     "password, text), when any was; never the values")
    axe: Axe | None = Field(None, description="axe-core's summary, when the recorder ran it")


class SnapshotError(_Sometimes):
    """A snapshot that could not be taken (navigating, closed or hung page)."""

    OPTIONAL = frozenset({"axe"})
    error: Str
    url: Str
    axe: Axe | None = None


def _observation_kind(v: Any) -> str:
    keys = v if isinstance(v, dict) else type(v).model_fields
    return "Observation" if "viewport" in keys else "SnapshotError"


AnyObservation = Annotated[
    Annotated[Observation, Tag("Observation")] | Annotated[SnapshotError, Tag("SnapshotError")],
    Discriminator(_observation_kind),
]
_OBSERVATION = TypeAdapter(AnyObservation)
_ELEMENT_INFO = TypeAdapter(ElementInfo)
_AXE = TypeAdapter(Axe)


class ObservationError(ValueError):
    """An observation that does not match the model; the message names each path and what is wrong."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_observation(data: Any, root: str = "observation") -> Observation | SnapshotError:
    """Validate what take_snapshot returned; ``ObservationError`` names every wrong path."""
    return _parse(_OBSERVATION, data, root)


def parse_element(data: Any, root: str = "element") -> ElementInfo:
    """Validate what element_info returned; ``ObservationError`` names every wrong path."""
    return _parse(_ELEMENT_INFO, data, root)


def parse_axe(data: Any, root: str = "axe") -> AxeSummary | AxeSkipped | AxeError:
    """Validate what run_axe returned; ``ObservationError`` names every wrong path."""
    return _parse(_AXE, data, root)


def _parse(adapter: TypeAdapter, data: Any, root: str) -> Any:
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        raise ObservationError(problems_of(exc, root)) from None


Observed = Observation | SnapshotError | None  # a step's observation: a page, a failed snapshot, or none


def page_of(observation: Observed) -> Observation:
    """The page an observation shows: itself, or an empty page when there is none or its snapshot failed (a
    SnapshotError holds only its error, URL and axe), so a reader can walk the parts without testing first."""
    if isinstance(observation, Observation):
        return observation
    nothing = Size(width=0, height=0)
    return Observation(url="", title="", lang="", viewport=nothing, scroll=Scroll(x=0, y=0), document=nothing,
                       view_key="", text_blocks=[], headings=[], elements=[], forms=[], dialogs=[], iframes=[],
                       alerts=[], counts=Counts(links=0, buttons=0, fields=0, elements_total=0), truncated=False)
