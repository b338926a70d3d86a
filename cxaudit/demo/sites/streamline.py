"""Streamline: an English video-streaming subscription. The account area is a pushState SPA.

Hostile cancel: tiny grey footer link -> 50 % offer -> pause offer -> mandatory exit survey ->
"Keep my benefits" vs. a slow plain-text "Continue to cancel" -> bare confirmation.
Clean cancel: button in the subscription panel -> one confirm view -> confirmation with date and reference.
"""

from __future__ import annotations

from cxaudit.demo.core import (
    Request,
    Response,
    Router,
    Site,
    date_en,
    in_days,
    json_response,
    redirect,
    reference,
    render,
    text_download,
)

router = Router()

PLANS = {
    "basic": {"name": "Basic", "price": "£5.99", "quality": "HD (720p)", "screens": 1},
    "standard": {"name": "Standard", "price": "£10.99", "quality": "Full HD (1080p)", "screens": 2},
    "premium": {"name": "Premium", "price": "£17.99", "quality": "4K + HDR", "screens": 4},
}

VIEWS = {  # client-side routes of the account SPA: path -> view id
    "/account": "overview",
    "/account/billing": "billing",
    "/account/devices": "devices",
    "/account/cancel": "cancel",
    "/account/cancel/pause": "pause",
    "/account/cancel/survey": "survey",
    "/account/cancel/confirm": "confirm",
    "/account/cancelled": "cancelled",
}
OFFER_FLAGS = frozenset({"retention_offer", "visual_misdirection"})  # these switch on the hostile way out


def _view_allowed(path: str, flags: frozenset[str]) -> bool:
    """The hostile way out has offer, pause, survey and confirm views; the clean one only the survey, and
    only with ``mandatory_exit_survey`` on (``clean+mandatory_exit_survey``: survey gate, then confirm)."""
    if path in ("/account/cancel/pause", "/account/cancel/confirm"):
        return bool(flags & OFFER_FLAGS)
    if path == "/account/cancel/survey":
        return bool(flags & OFFER_FLAGS) or "mandatory_exit_survey" in flags
    return True

REASONS = ["It's too expensive", "I don't watch enough", "I can't find what I want to watch",
           "Technical problems", "I'm switching to another service", "Other"]


def _account(req: Request) -> dict:
    st = req.state
    st.setdefault("plan", "standard")
    st.setdefault("email", "alex.morgan@example.com")
    st.setdefault("cancelled", False)
    return st


@router.get("/")
def home(req: Request) -> Response:
    return render("streamline/home.html", req)


@router.get("/plans")
def plans(req: Request) -> Response:
    return render("streamline/plans.html", req, plans=PLANS)


@router.post("/plans")
def choose_plan(req: Request) -> Response:
    plan = req.form.get("plan", "standard")
    req.state["chosen_plan"] = plan if plan in PLANS else "standard"
    return redirect(f"{req.base}/signup")


@router.get("/signup")
def signup(req: Request) -> Response:
    plan = req.state.get("chosen_plan") or req.query.get("plan", "standard")
    return render("streamline/signup.html", req, plan=PLANS.get(plan, PLANS["standard"]), errors={}, values={})


@router.post("/signup")
def signup_post(req: Request) -> Response:
    email, password = req.form.get("email", "").strip(), req.form.get("password", "")
    errors = {}
    if "@" not in email:
        errors["email"] = "Please enter a valid e-mail address."
    if len(password) < 6:
        errors["password"] = "Your password needs at least 6 characters."
    plan = req.state.get("chosen_plan", "standard")
    if errors:
        return render("streamline/signup.html", req, 400, plan=PLANS[plan], errors=errors, values={"email": email})
    req.state.update(email=email, plan=plan, member=True, cancelled=False, logged_in=True)
    return redirect(f"{req.base}/welcome")


@router.get("/welcome")
def welcome(req: Request) -> Response:
    if not req.state.get("member"):
        return redirect(f"{req.base}/plans")
    return render("streamline/welcome.html", req, plan=PLANS[req.state["plan"]], email=req.state["email"])


@router.get("/account/*")
def account(req: Request) -> Response | None:
    path = req.path.rstrip("/")
    if path not in VIEWS or not _view_allowed(path, req.flags):
        return None
    st = _account(req)
    return render("streamline/account.html", req, view=VIEWS[path], views=VIEWS, plan=PLANS[st["plan"]],
                  account=st, renews=date_en(in_days(10)), reasons=REASONS)


@router.post("/api/survey")
def survey(req: Request) -> Response:
    data = req.json if isinstance(req.json, dict) else req.form
    reason = str(data.get("reason", "")).strip()
    if "mandatory_exit_survey" in req.flags and not reason:
        return json_response({"ok": False, "error": "Please tell us why you are leaving"}, 400)
    req.state["reason"] = reason
    req.state["comment"] = str(data.get("comment", ""))[:2000]
    return json_response({"ok": True})


@router.post("/api/cancel")
def cancel(req: Request) -> Response:
    st = _account(req)
    if not st["cancelled"]:
        st.update(cancelled=True, ends=date_en(in_days(10)), reference=reference("SL"))
    if "missing_confirmation_details" in req.flags:
        return json_response({"ok": True})
    return json_response({"ok": True, "ends": st["ends"], "reference": st["reference"], "email": st["email"]})


@router.get("/account/confirmation.txt")
def confirmation(req: Request) -> Response | None:
    st = _account(req)
    if "missing_confirmation_details" in req.flags or not st["cancelled"]:
        return None
    return text_download(
        f"Streamline – cancellation confirmation\n\nAccount: {st['email']}\nReference: {st['reference']}\n"
        f"Your membership ends on {st['ends']}. You will not be charged again.\n", "streamline-cancellation.txt")


class Streamline(Site):
    name = "streamline"
    title = "Streamline"
    language = "en"
    description = "Video streaming subscription; the account area is a client-side routed SPA."
    frictions = {
        "hidden_cancel_link": "the only cancel entry is a tiny low-contrast link in a long footer",
        "retention_offer": "two 'before you go' offers (50 % off, pause) on the way out",
        "confirmshaming": "decline links say 'I'd rather pay full price' / 'I don't want to save money'",
        "mandatory_exit_survey": "'Why are you leaving?' must be answered before going on",
        "visual_misdirection": "big 'Keep my benefits' button vs. grey text 'Continue to cancel' (a div)",
        "slow_element": "'Continue to cancel' appears only after about a second",
        "missing_confirmation_details": "the confirmation has no end date, reference or download",
    }
    flows = [("Sign up", "/plans"), ("Cancel", "/account")]
    router = router
