"""What explore could do next on a page, read off an observation: close a banner, log in, fill and send a
form, or click a control. A move is journey steps (the YAML shape of a journey file), so whatever explore
does is recorded, counted and judged exactly as a scripted journey step."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from cxaudit.explore import searchbox, words
from cxaudit.explore.messages import chat_messages
from cxaudit.explore.words import label
from cxaudit.record.chat_infer import MESSAGE_WORDS
from cxaudit.results.observation import Element, FormField, Observation

# a consent button's name that speaks of an offer: "Accept offer" is no banner
OFFERED = re.compile(r"(?i)offer|deal|discount|angebot|rabatt|offre|remise|réduction|%|\bfree\b|gratis|kostenlos|gratuit")
CLICKABLE_ROLES = {"link", "button", "tab", "menuitem", "menuitemradio", "treeitem", None}
PLACEHOLDER_OPTION = re.compile(r"(?i)^\s*(?:$|-+|bitte\b|please\b|choose\b|select\b|wählen|auswählen|veuillez|choisi)")


@dataclass
class Move:
    kind: str  # consent, dismiss, login, chat, form, click
    label: str  # what it is, for the report's list of what was tried
    score: float
    steps: list[dict[str, Any]] = field(default_factory=list)
    why: str = ""
    href: str = ""  # where a link goes: the same name elsewhere may lead elsewhere
    at: str = ""  # the state of the page it was found on (set by the search)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.label}"


@dataclass
class Page:
    obs: Observation
    goal: str
    lang: str | None
    origin: str
    in_flow: bool  # past the journey's first page

    @property
    def visible(self) -> list[Element]:
        return [e for e in self.obs.elements if not e.hidden and not e.offscreen and label(e)]


def target_of(el: Element) -> dict[str, Any]:
    """The journey target for an element: role and exact name, else its exact text."""
    name = label(el)
    if el.role in ("link", "button", "tab", "menuitem", "checkbox", "radio") and el.name:
        return {"role": el.role, "name": name, "exact": True}
    return {"text": name, "exact": True}


def button_target(el: Element, page: Page) -> dict[str, Any]:
    """A form's button: by role and name, and by its place among the page's controls of that name when the page
    has more ("Sign in" in the header opened the dialog whose own "Sign in" sends the log-in)."""
    target = target_of(el)
    if "role" in target:
        same = [e for e in page.obs.elements if not e.hidden and e.role == el.role and label(e) == target["name"]]
        if len(same) > 1 and el in same:
            target["nth"] = same.index(el)
    return target


def field_target(f: FormField) -> dict[str, Any]:
    if f.label.strip():
        return {"label": " ".join(f.label.split()), "exact": True}
    if f.placeholder.strip():
        return {"placeholder": f.placeholder.strip()}
    if f.id:
        return {"css": f"#{f.id}"}
    return {"css": f"[name='{f.name}']"}


def _same_origin(href: str, origin: str) -> bool:
    if not href or href.startswith("#") or href.startswith("javascript:"):
        return True
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel", "sms", "data", "blob"):
        return False
    return not parts.netloc or f"{parts.scheme}://{parts.netloc}" == origin


def _document(href: str) -> bool:
    return bool(re.search(r"\.(?:pdf|zip|exe|dmg|docx?|xlsx?|csv|jpg|png)(?:$|\?)", href.lower()))


# ------------------------------------------------------------------ banners and pop-ups
def banner_moves(page: Page) -> list[Move]:
    """Close a consent banner (reject where a reject exists, else accept) or a pop-up that covers the page."""
    obs, lang = page.obs, page.lang
    moves: list[Move] = []
    for el, how in [(e, h) for e, h in words.consent_buttons(obs, lang) if not OFFERED.search(label(e))][:1]:
        moves.append(Move("consent", label(el), 100.0 if how == "reject" else 90.0,
                          [{"dismiss": target_of(el)}], why=f"consent:{how}"))
    if obs.dialogs and not moves and not _dialog_is_the_way(page):
        # a pop-up (a rating prompt, a newsletter box): closed as a customer would
        for el in page.visible:
            if _in_dialog(el) and words.says("dismiss", label(el), lang) \
                    and not words.intent(label(el), page.goal, lang, in_flow=False).score:
                # a pop-up may come late: the written journey waits for it, as a scripted one would
                moves.append(Move("dismiss", label(el), 80.0, [{"wait_for": target_of(el)}, {"dismiss": target_of(el)}],
                                  why="pop-up"))
                break
    return moves


def _in_dialog(el: Element) -> bool:
    return el.in_dialog or el.landmark == "dialog"


def _dialog_is_the_way(page: Page) -> bool:
    """A dialog that holds the way on is no pop-up to close: a log-in form ("Sign in" opened it), or a control
    that says the goal ("Confirm cancellation"). A "Submit" or "Continue" alone does not: a rating prompt has one."""
    in_dialog = {e.ref for e in page.visible if _in_dialog(e)}
    if any(f.ref in in_dialog and f.type == "password" for form in page.obs.forms for f in form.fields):
        return True
    return any(e.ref in in_dialog and words.intent(label(e), page.goal, page.lang, in_flow=True).why == "goal"
               and not words.forbidden(label(e), page.goal, page.lang) for e in page.visible)


# ------------------------------------------------------------------ forms
def _fields_of(obs: Observation) -> list[tuple[str, list[FormField]]]:
    return [(form.ref or "", [f for f in form.fields if not f.hidden and not f.disabled]) for form in obs.forms]


def _group(obs: Observation, f: FormField) -> str | None:
    """The form@… container of a field's element (to find the buttons of the same form)."""
    el = next((e for e in obs.elements if e.ref == f.ref), None) if f.ref else None
    return next((g for g in (el.groups or []) if g.startswith("form@")), None) if el else None


def _buttons_of(page: Page, group: str | None) -> list[Element]:
    """The form's buttons, disabled ones too (a button disabled until a question is answered is a gate)."""
    return [e for e in page.visible if e.role == "button" and (group is None or group in (e.groups or []))]


def login_move(page: Page, have_credentials: bool) -> Move | None:
    """A visible password field with a user field beside it is a login (on a sign-up it is the new account's)."""
    if page.goal == "signup":
        return None
    for _, fields in _fields_of(page.obs):
        password = next((f for f in fields if f.type == "password"), None)
        user = next((f for f in fields if f.type in ("text", "email", "tel", "number", "")), None)
        typed = [f for f in fields if f.type not in ("checkbox", "radio", "hidden", "submit", "button")]
        if password is None or user is None or len(typed) > 3:
            continue  # a form with more to fill than a name and a password is not a log-in
        group = _group(page.obs, password)
        buttons = [b for b in _buttons_of(page, group) if not words.forbidden(label(b), page.goal, page.lang)]
        submit = buttons[0] if buttons else None
        if submit is None:
            continue
        if not have_credentials:
            return Move("login", "log-in form", -1.0, [], why="no-credentials")
        return Move("login", f"log in ({label(submit)})", 50.0, [{"login": {
            "username": {**field_target(user), "value": "${CXAUDIT_USERNAME}"},
            "password": {**field_target(password), "value": "${CXAUDIT_PASSWORD}"},
            "submit": button_target(submit, page),
        }}], why="login")
    return None


NEUTRAL_SECRET = "0000"  # a PIN or customer password asked on the way: explore cannot know it
NEUTRAL = {
    "en": {"name": "Alex Example", "message": "I would like help with my account, please.",
           "reason": "I no longer need it, thank you.", "text": "n/a", "phone": "020 7946 0000"},
    "de": {"name": "Alex Beispiel", "message": "Ich brauche bitte Hilfe mit meinem Konto.",
           "reason": "Ich brauche es nicht mehr, danke.", "text": "k. A.", "phone": "030 1234567"},
    "fr": {"name": "Alex Exemple", "message": "J'ai besoin d'aide avec mon compte, s'il vous plaît.",
           "reason": "Je n'en ai plus besoin, merci.", "text": "n/a", "phone": "01 23 45 67 89"},
}


def neutral_value(f: FormField, goal: str, lang: str | None) -> str:
    """The shortest plausible, neutral answer for a text field: an example address, name, phone or sentence."""
    said = NEUTRAL.get(lang or "en", NEUTRAL["en"])
    what = " ".join([f.label, f.name, f.id, f.placeholder, f.autocomplete]).lower()
    if f.type == "email" or re.search(r"e-?mail|courriel", what):
        return "alex@example.com"
    if f.type == "tel" or re.search(r"phone|telefon|rufnummer|mobil|téléphone|portable", what):
        return said["phone"]
    if re.search(r"\bpin\b|code|kennwort|passcode|mot de passe", what):
        return NEUTRAL_SECRET  # a PIN asked on the way: explore cannot know it
    if f.type == "number" or re.search(r"nummer|number|\bno\b|\bnr\b|numéro|\bid\b", what):
        return "12345678"
    if re.search(r"vorname|first.?name|given|prénom", what):
        return said["name"].split()[0]
    if re.search(r"nachname|last.?name|surname|family", what) or re.fullmatch(r"\s*nom\s*", f.label.lower()):
        return said["name"].split()[-1]
    if re.search(r"\bname\b|\bnom\b|full.?name", what):
        return said["name"]
    if f.type == "textarea":
        return said["message"] if goal == "contact_support" else said["reason"]
    return said["text"]


def _option(f: FormField, goal: str, lang: str | None) -> str | None:
    """The option that says the goal ("Kündigung" among a contact form's topics), else the first real one."""
    real = [o for o in (f.options or []) if not PLACEHOLDER_OPTION.match(o)]
    said = [o for o in real if words.intent(o, goal, lang, in_flow=False).why == "goal"]
    return (said or real or [None])[0]


def _question(f: FormField) -> bool:
    """A question about why the customer leaves (a reason, a comment, feedback): a gate's answer. Everything
    else (a name, a date to cancel on, the kind of cancellation, a message to support) is a detail, filled
    before going on, so that no choice the flow needs reads as an exit survey."""
    return f.type in ("radio", "checkbox", "select-one", "select", "select-multiple", "textarea") and _reasonish(f)


def _answer(f: FormField, goal: str, lang: str | None) -> dict[str, Any] | None:
    if f.type in ("radio", "checkbox"):
        return {"check": field_target(f)}
    if f.type.startswith("select"):
        option = _option(f, goal, lang)
        return {"select": {**field_target(f), "option": option}} if option else None
    return {"fill": {**field_target(f), "value": neutral_value(f, goal, lang)}}


def prechat_answer(field: dict[str, Any], goal: str, lang: str | None) -> str | None:
    """A pre-chat form's field (cxaudit/record/prechat.py), answered as a form's detail on the way is."""
    f = FormField.model_construct(**{k: field.get(k) or "" for k in ("label", "name", "id", "placeholder", "autocomplete",
                                                                      "type")}, options=field.get("options"))
    if f.type == "select":
        return _option(f, goal, lang)
    return neutral_value(f, goal, lang)


NEW_PASSWORD = "Example-Passw0rd-1"  # a sign-up's new password when --password is not given


def form_moves(page: Page, have_credentials: bool = False) -> list[Move]:
    """Fill a form's empty fields and send it with its button. Questions (a reason, a comment) go into a
    gate step, which first tries to go on without them, as a customer would; details of the customer
    (name, e-mail, phone) are filled first. A form asking for payment is never sent."""
    moves: list[Move] = []
    for _, fields in _fields_of(page.obs):
        if not fields:
            continue
        what = " ".join(f"{f.label} {f.name} {f.autocomplete}" for f in fields).lower()
        if re.search(r"\b(?:cc-|card|karte|carte|iban|cvc|cvv|kreditkarte|bancaire)", what):
            continue
        group = _group(page.obs, fields[0])
        buttons = [b for b in _buttons_of(page, group) if not words.forbidden(label(b), page.goal, page.lang)]
        ranked = sorted(buttons, key=lambda b: -words.intent(label(b), page.goal, page.lang, in_flow=True).score)
        if not ranked:
            moves += _stage_moves(page, fields)
            continue
        submit = ranked[0]
        verdict = words.intent(label(submit), page.goal, page.lang, in_flow=True)
        if verdict.score <= 0:
            continue
        details, questions, seen_groups = [], [], set()
        some_required = any(f.required for f in fields)
        for f in fields:
            if some_required and not f.required:
                continue  # optional ("Tracking number (optional)", "Anything else?") is left empty
            if f.type in ("hidden", "submit", "button", "file") or (f.value.strip() and f.type not in ("radio", "checkbox")):
                continue
            if f.type == "password":
                if page.goal == "signup":
                    value = "${CXAUDIT_PASSWORD}" if have_credentials else NEW_PASSWORD
                else:
                    value = NEUTRAL_SECRET
                details.append({"fill": {**field_target(f), "value": value}})
                continue
            if f.type in ("radio", "checkbox"):
                key = f.group or f.name
                if f.checked or key in seen_groups or (f.type == "checkbox" and not f.required and not _reasonish(f)):
                    seen_groups.add(key)
                    continue
                seen_groups.add(key)
            answer = _answer(f, page.goal, page.lang)
            if answer is not None:
                (questions if _question(f) else details).append(answer)
        steps: list[dict[str, Any]] = list(details)
        if questions:
            steps.append({"gate": {"proceed": button_target(submit, page), "answer": questions}})
        else:
            steps.append({"click": button_target(submit, page)})
        moves.append(Move("form", f"send the form ({label(submit)})", verdict.score + 1.0, steps, why=verdict.why))
    return moves


def _stage_moves(page: Page, fields: list[FormField]) -> list[Move]:
    """A form whose button is not shown yet (staged questions that reveal the next): answer the first open
    question with its first option, as little as lets the form go on."""
    answered = {f.name or f.group for f in fields if f.type == "radio" and f.checked}
    for f in fields:
        if f.type.startswith("select") and not f.value.strip() or (f.type.startswith("select") and PLACEHOLDER_OPTION.match(f.value)):
            option = _option(f, page.goal, page.lang)
            if option:
                return [Move("form", f"choose {option!r} ({f.label})", words.ONWARD_SCORE,
                             [{"select": {**field_target(f), "option": option}}], why="onward (staged question)")]
        if f.type == "radio" and (f.name or f.group) not in answered:
            return [Move("form", f"answer {f.group or f.name!r} ({f.label})", words.ONWARD_SCORE,
                         [{"check": field_target(f)}], why="onward (staged question)")]
    return []


def _reasonish(f: FormField) -> bool:
    return bool(re.search(r"(?i)grund|reason|raison|why|warum|pourquoi|motif|comment|kommentar|feedback|"
                          r"anything else|tell us|besser|mieux|verbessern|améliorer|survey|umfrage|sondage",
                          f"{f.group} {f.label} {f.name} {f.placeholder}"))


def search_moves(page: Page) -> list[Move]:
    """Search the site for the goal's word where a search box is empty (cxaudit/explore/searchbox.py)."""
    f = next((f for _, fields in _fields_of(page.obs) if (f := searchbox.search_field(fields))), None)
    steps = searchbox.search_move_steps(f, field_target(f), page.goal, page.lang) if f else None
    if not steps:
        return []
    score = searchbox.search_score(page.obs.url, page.obs.title, [h.text for h in page.obs.headings], page.lang)
    return [Move("search", f"search for {steps[0]['fill']['value']!r}", score, steps, why="search")]


# ------------------------------------------------------------------ chats
CHAT_LAUNCHER = re.compile(r"(?i)\b(?:live[- ]?)?chat\w*\b|\bchatbot\b|\bassistant\b|\bassistent\w*|\bdiscuter\b")
def chat_moves(page: Page) -> list[Move]:
    """Open a chat and write to it: on a contact-support exploration, or where the page says cancelling
    goes through the chat. The widget's box, send button and replies are found when it runs."""
    if page.goal == "cancel":
        if not words.chat_to_cancel(page.obs, page.lang):
            return []
    elif page.goal != "contact_support":
        return []
    for el in page.visible:
        name = label(el)
        if el.role not in ("button", "link", None) or el.disabled or len(name) > 60 or not CHAT_LAUNCHER.search(name):
            continue
        if el.href and not el.href.startswith(("#", "javascript:")):
            continue  # a link to a chat page is a click; the chat is driven there
        if words.forbidden(name, page.goal, page.lang):
            continue
        return [Move("chat", f"chat ({name})", words.GOAL_SCORE + 1.5,
                     [{"chat": {"open": target_of(el), "messages": chat_messages(page.goal, page.lang)}}], why="chat")]
    # no launcher: the chat's own page ("Discuter avec un conseiller" led here), its message box already on show
    in_forms = {f.ref for form in page.obs.forms if len(form.fields) > 2 for f in form.fields if f.ref}
    for el in page.visible:
        if el.role == "textbox" and el.type != "search" and el.ref not in in_forms and not el.disabled \
                and any(w in label(el).casefold() for w in MESSAGE_WORDS):
            return [Move("chat", f"chat ({label(el)})", words.GOAL_SCORE + 1.5,
                         [{"chat": {"messages": chat_messages(page.goal, page.lang)}}], why="chat")]
    return []


# ------------------------------------------------------------------ clicks
def click_moves(page: Page) -> list[Move]:
    moves: dict[str, Move] = {}
    form_buttons = {b.ref for _, fs in _fields_of(page.obs) if fs for b in _buttons_of(page, _group(page.obs, fs[0]))}
    form_buttons |= {f.ref for form in page.obs.forms for f in form.fields if f.ref}  # a field is filled, not clicked
    for el in page.visible:
        if el.role not in CLICKABLE_ROLES or el.disabled or el.ref in form_buttons:
            continue
        name = label(el)
        if el.href and (not _same_origin(el.href, page.origin) or _document(el.href)):
            continue
        if words.forbidden(name, page.goal, page.lang):
            continue
        verdict = words.intent(name, page.goal, page.lang, in_flow=page.in_flow)
        if page.goal == "contact_support" and verdict.score < words.GOAL_SCORE and CHAT_LAUNCHER.search(name) \
                and len(name) <= 60:
            verdict = words.Verdict(words.GOAL_SCORE, "goal (chat)")  # a link to the chat's page ("Anmelden und Chat starten")
        if verdict.score <= 0:
            continue
        score = verdict.score + (0.3 if el.in_first_viewport else 0.0) + (0.2 if el.role == "button" else 0.0)
        if name not in moves or moves[name].score < score:
            moves[name] = Move("click", name, score, [{"click": target_of(el)}], why=verdict.why, href=el.href or "")
    # plain text that says the way on, in no element a browser calls interactive (a div with a page-wide
    # click handler): clicked by its text, after the real controls
    for block in page.obs.text_blocks:
        name = " ".join(block.text.split())
        if block.frame or not name or len(name) > 40 or len(name.split()) > 5 or name[-1] in ".:;?!" \
                or name in moves or words.forbidden(name, page.goal, page.lang):
            continue
        verdict = words.intent(name, page.goal, page.lang, in_flow=page.in_flow)
        if verdict.score >= words.ONWARD_SCORE:
            moves[name] = Move("click", name, verdict.score - 1.0, [{"click": {"text": name, "exact": True}}],
                               why=f"{verdict.why} (text)")
    return list(moves.values())


def moves_on(page: Page, have_credentials: bool) -> tuple[list[Move], Move | None]:
    """The moves worth trying on a page, best first, and a login wall met without credentials (or None).
    A banner or pop-up is closed before anything else; a login form is used before any other control."""
    first = banner_moves(page)
    if first:
        return first, None
    login = login_move(page, have_credentials)
    if login is not None and not login.steps:
        return [], login
    found = ([login] if login else []) + chat_moves(page) + form_moves(page, have_credentials) + click_moves(page)
    found += search_moves(page)
    return sorted(found, key=lambda m: -m.score), None
