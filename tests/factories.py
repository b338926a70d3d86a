"""Valid observation records for tests that build pages by hand (cxaudit/results/observation.py).

Every required key gets a neutral default (nothing hidden, in a dialog or in the footer; empty strings where a
test has no reason to say; 16 px text, full contrast), and keyword arguments override them. Parts may be given
as models or as dicts; either way the model validates the result, so a misspelt key in a test fails there
(``element(in_footr=True)``: Extra inputs are not permitted) instead of reading as missing.
"""

from __future__ import annotations

from typing import Any

from cxaudit.results.observation import (
    Alert,
    Dialog,
    Element,
    ElementInfo,
    Form,
    FormField,
    Frame,
    Heading,
    Observation,
    PageBox,
    TextBlock,
)

ZERO_BOX = {"x": 0, "y": 0, "width": 0, "height": 0}
CONTROL = dict(role=None, name="", tag="", type="", text="", href="", box=ZERO_BOX, font_size=16, font_weight=400,
               color="rgb(0, 0, 0)", background="rgb(255, 255, 255)", contrast=21, filled=False, area=0, disabled=False,
               required=False, checked=None, hidden=False, offscreen=False, in_first_viewport=True, in_dialog=False,
               in_footer=False, landmark=None, sibling_links=0, frame=None, shadow=False)
ACTED_ON = dict(page_font_median=16, scroll_needed=False)  # what element.js adds to a control's record


def box(x: float = 0, y: float = 0, width: float = 0, height: float = 0) -> PageBox:
    return PageBox(x=x, y=y, width=width, height=height)


def element(**kw: Any) -> Element:
    """An interactive element of a page."""
    return Element.model_validate({"ref": "e0", **CONTROL, **kw})


def element_info(**kw: Any) -> ElementInfo:
    """The element a step acted on (element.js): a control's record with ref None, the page's median font size
    and whether it needed scrolling."""
    return ElementInfo.model_validate({**CONTROL, **ACTED_ON, **kw, "ref": None})


def on_page(info: ElementInfo, ref: str = "e0") -> Element:
    """The page's record of an element a test built as acted on."""
    return Element.model_validate({**info.model_dump(exclude=set(ACTED_ON)), "ref": ref})


def acted_on(el: Element, **kw: Any) -> ElementInfo:
    """The acted-on record of an element a test built as one of a page's."""
    return element_info(**{**el.model_dump(exclude={"ref"}), **kw})


def text_block(text: str, **kw: Any) -> TextBlock:
    return TextBlock.model_validate({"text": text, "tag": "p", "role": None, "box": ZERO_BOX, "font_size": 16,
                                     "font_weight": 400, "color": "rgb(0, 0, 0)", "in_dialog": False, "frame": None, **kw})


def heading(text: str, level: int = 1) -> Heading:
    return Heading(level=level, text=text)


def field(**kw: Any) -> FormField:
    """A visible, optional, empty text field."""
    return FormField.model_validate({"ref": None, "label": "", "group": "", "name": "", "id": "", "type": "text",
                                     "autocomplete": "", "required": False, "placeholder": "", "value": "",
                                     "checked": None, "options": None, "invalid": False, "validation_message": "",
                                     "disabled": False, "hidden": False, "box": ZERO_BOX, **kw})


def form(*fields: FormField | dict, **kw: Any) -> Form:
    return Form.model_validate({"ref": "f0", "id": "", "name": "", "action": "", "method": "get",
                                "fields": [f if isinstance(f, FormField) else field(**f) for f in fields], **kw})


def dialog(**kw: Any) -> Dialog:
    return Dialog.model_validate({"role": "dialog", "name": "", "text": "", "modal": False, "box": ZERO_BOX,
                                  "covers": 0, "blocks_pointer": False, **kw})


def frame(**kw: Any) -> Frame:
    return Frame.model_validate({"name": "", "title": "", "src": "", "box": ZERO_BOX, "same_origin": True, **kw})


def alert(text: str, role: str = "alert") -> Alert:
    return Alert(text=text, role=role)


def observation(**kw: Any) -> Observation:
    """A page: empty unless told (``elements=[element(name="Go")]``, ``texts=["Hello"]`` for text blocks)."""
    texts = kw.pop("texts", ())
    blocks = [text_block(t, box={"x": 0, "y": i * 20, "width": 300, "height": 18}) for i, t in enumerate(texts)]
    data = {"url": "http://x/", "title": "", "lang": "", "viewport": {"width": 1280, "height": 800},
            "scroll": {"x": 0, "y": 0}, "document": {"width": 1280, "height": 800}, "view_key": "",
            "text_blocks": blocks, "headings": [], "elements": [], "forms": [], "dialogs": [], "iframes": [],
            "alerts": [], "counts": {"links": 0, "buttons": 0, "fields": 0, "elements_total": 0}, "truncated": False}
    data.update({key: list(value) if isinstance(value, tuple) else value for key, value in kw.items()})
    return Observation.model_validate(data)
