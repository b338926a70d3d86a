"""ParcelPal (en) and PaketBlitz (de): one parcel-carrier help centre, two languages.

Hostile: a star-rating pop-up ~1 s after the help home loads; a chat assistant (in an iframe) that restates
the tracking status in near-duplicate sentences, asks "Was this helpful?" and never hands off to a human; a
contact page with nothing but a hotline and a 90-minute wait notice.
Clean: no pop-up; an informative bot that opens an investigation and hands off to "Anna" when asked; a
contact page with phone, e-mail, a working form and the chat.
"""

from __future__ import annotations

import re

from cxaudit.demo.core import Request, Response, Site, json_response, redirect, reference, render
from cxaudit.demo.sites.helpcentre_text import BOT, STRINGS

HUMAN = re.compile(r"\b(human|agent|person|someone|representative|staff|mitarbeiter\w*|mensch\w*|berater\w*|"
                   r"kundenservice|jemand\w*)\b", re.I)
INVESTIGATE = re.compile(r"(investigat|nachforsch|suchauftrag|ermittl)", re.I)


class HelpCentre(Site):
    prefix = "PP"
    frictions = {
        "premature_rating_prompt": "a star-rating pop-up before anything is solved",
        "chatbot_loop": "the bot restates the tracking status in near-duplicate sentences",
        "no_human_handoff": "asking for a human changes nothing",
        "limited_contact_channels": "the contact page lists only a hotline",
        "wait_time_notice": "the hotline announces a 90-minute wait",
    }
    flows = [("Help centre and chat", "/"), ("Contact", "/contact")]

    def handle(self, req: Request) -> Response | None:
        routes = {
            ("GET", "/"): self.home, ("GET", "/contact"): self.contact, ("POST", "/contact"): self.contact_post,
            ("GET", "/contact/sent"): self.sent, ("GET", "/chat-frame"): self.chat_frame,
            ("POST", "/api/chat"): self.chat_api, ("GET", "/track"): self.track,
        }
        fn = routes.get(("GET" if req.method == "HEAD" else req.method, req.path))
        return fn(req) if fn else None

    def _render(self, template: str, req: Request, status: int = 200, **ctx) -> Response:
        return render(f"help/{template}", req, status, t=STRINGS[self.language], site=self, lang=self.language,
                      **ctx)

    def home(self, req: Request) -> Response:
        return self._render("home.html", req, show_chat=True)

    def track(self, req: Request) -> Response:
        return self._render("track.html", req, number=req.query.get("nr", "").strip() or "PP 4471 0932 GB",
                            show_chat=True)

    def contact(self, req: Request) -> Response:
        return self._render("contact.html", req, errors={}, values={},
                            show_chat="limited_contact_channels" not in req.flags)

    def contact_post(self, req: Request) -> Response | None:
        if "limited_contact_channels" in req.flags:
            return None
        t = STRINGS[self.language]
        f = req.form
        errors = {}
        for key in ("name", "email", "message"):
            if not f.get(key, "").strip() or (key == "email" and "@" not in f[key]):
                errors[key] = t["form_error_" + key]
        if errors:
            return self._render("contact.html", req, 400, errors=errors, values=f, show_chat=True)
        req.state["case"] = {"number": reference(self.prefix, 7), "email": f["email"].strip()}
        return redirect(f"{req.base}/contact/sent")

    def sent(self, req: Request) -> Response | None:
        if "case" not in req.state:
            return redirect(f"{req.base}/contact")
        return self._render("sent.html", req, case=req.state["case"])

    def chat_frame(self, req: Request) -> Response:
        return self._render("chat_frame.html", req)

    def chat_api(self, req: Request) -> Response:
        data = req.json if isinstance(req.json, dict) else {}
        message = str(data.get("message", ""))[:1000]
        chat = req.state.setdefault("chat", {"turn": 0, "generic": 0, "case": None})
        chat["turn"] += 1
        return json_response(self.reply(req.flags, chat, message))

    def reply(self, flags: frozenset[str], chat: dict, message: str) -> dict:
        bot = BOT[self.language]
        if "chatbot_loop" in flags:
            text = bot["loop"][(chat["turn"] - 1) % len(bot["loop"])]
            return {"messages": [{"text": text, "helpful": bot["helpful"]}]}
        if HUMAN.search(message) and "no_human_handoff" not in flags:
            return {"messages": [{"text": bot["handoff"], "handoff": True},
                                 {"text": bot["agent_hello"], "agent": True, "delay": 900}],
                    "status": bot["joined"]}
        if INVESTIGATE.search(message):
            chat["case"] = chat["case"] or reference(self.prefix, 7)
            return {"messages": [{"text": bot["investigation"].format(case=chat["case"])}]}
        generic = bot["answers"]
        text = generic[min(chat["generic"], len(generic) - 1)]
        chat["generic"] += 1
        return {"messages": [{"text": text}]}


class ParcelPal(HelpCentre):
    name = "parcelpal"
    title = "ParcelPal"
    language = "en"
    prefix = "PP"
    description = "Parcel carrier help centre (English): rating pop-up, chat assistant, contact page."


class PaketBlitz(HelpCentre):
    name = "paketblitz"
    title = "PaketBlitz"
    language = "de"
    prefix = "PB"
    description = "Paketdienst-Hilfecenter (Deutsch): Bewertungs-Pop-up, Chat-Assistent, Kontaktseite."
    flows = [("Hilfecenter und Chat", "/"), ("Kontakt", "/contact")]
