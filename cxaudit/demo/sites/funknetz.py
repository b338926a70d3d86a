"""FunkNetz: a German mobile telco with a § 312k BGB cancellation path.

Hostile: cookie wall, vague footer entry "Vertragsservice", login wall, mandatory reason, PIN and security
question, phone number asked twice, 20 % retention offer, "Kündigungsabsicht abschicken", bare receipt.
Clean: "Verträge hier kündigen" in the header, one form, "Jetzt kündigen", receipt with date, time, reference.
"""

from __future__ import annotations

from cxaudit.demo.core import (
    Request,
    Response,
    Router,
    Site,
    date_de,
    date_de_long,
    in_days,
    now,
    redirect,
    reference,
    render,
    text_download,
)

router = Router()

TARIFE = {
    "s": {"name": "FunkNetz S", "daten": "10 GB", "preis": "9,99 €"},
    "m": {"name": "FunkNetz M", "daten": "30 GB", "preis": "19,99 €"},
    "l": {"name": "FunkNetz L", "daten": "Unbegrenzt", "preis": "34,99 €"},
}
GRUENDE = ["Preis zu hoch", "Netzabdeckung", "Wechsel zu anderem Anbieter", "Umzug ins Ausland",
           "Unzufrieden mit dem Service", "Sonstiges"]
DEMO_USER, DEMO_PASSWORD = "K-100200", "demo1234"
KUENDIGUNG = "/mein-funknetz/kuendigung"


def _hostile(req: Request) -> bool:
    return "login_wall" in req.flags or "misleading_button_label" in req.flags


@router.get("/")
def home(req: Request) -> Response:
    return render("funknetz/home.html", req, tarife=TARIFE)


@router.get("/tarife")
def tarife(req: Request) -> Response:
    return render("funknetz/tarife.html", req, tarife=TARIFE)


@router.post("/tarife")
def tarif_waehlen(req: Request) -> Response:
    key = req.form.get("tarif", "m")
    req.state["tarif"] = key if key in TARIFE else "m"
    return redirect(f"{req.base}/bestellen")


@router.get("/bestellen")
def bestellen(req: Request) -> Response:
    tarif = TARIFE.get(req.state.get("tarif") or req.query.get("tarif", "m"), TARIFE["m"])
    return render("funknetz/bestellen.html", req, tarif=tarif, errors={}, values={})


@router.post("/bestellen")
def bestellen_post(req: Request) -> Response:
    name, email = req.form.get("name", "").strip(), req.form.get("email", "").strip()
    errors = {}
    if not name:
        errors["name"] = "Bitte geben Sie Ihren Namen ein."
    if "@" not in email:
        errors["email"] = "Bitte geben Sie eine gültige E-Mail-Adresse ein."
    tarif = TARIFE[req.state.get("tarif", "m")]
    if errors:
        return render("funknetz/bestellen.html", req, 400, tarif=tarif, errors=errors,
                      values={"name": name, "email": email})
    req.state.update(bestellt=True, name=name, email=email, auftrag=reference("AU", 7))
    return redirect(f"{req.base}/bestellen/danke")


@router.get("/bestellen/danke")
def danke(req: Request) -> Response:
    if not req.state.get("bestellt"):
        return redirect(f"{req.base}/tarife")
    return render("funknetz/danke.html", req, tarif=TARIFE[req.state.get("tarif", "m")], st=req.state)


# ---- hostile cancellation path -------------------------------------------------------------------------

@router.get("/login")
def login(req: Request) -> Response:
    return render("funknetz/login.html", req, error=None, next=req.query.get("next", "/mein-funknetz"))


@router.post("/login")
def login_post(req: Request) -> Response:
    nxt = req.form.get("next", "/mein-funknetz")
    if not nxt.startswith("/mein-funknetz"):
        nxt = "/mein-funknetz"
    if req.form.get("kundennummer", "").strip().upper() == DEMO_USER and req.form.get("passwort") == DEMO_PASSWORD:
        req.state["logged_in"] = True
        return redirect(req.base + nxt)
    return render("funknetz/login.html", req, 401, next=nxt,
                  error="Kundennummer oder Passwort ist falsch. (Demo: K-100200 / demo1234)")


def _needs_login(req: Request) -> Response | None:
    if "login_wall" in req.flags and not req.state.get("logged_in"):
        return redirect(f"{req.base}/login?next={req.path}")
    return None


@router.get("/mein-funknetz")
def mein_funknetz(req: Request) -> Response:
    return _needs_login(req) or render("funknetz/mein.html", req)


@router.get(KUENDIGUNG)
def kuendigung(req: Request) -> Response | None:
    if not _hostile(req):
        return redirect(f"{req.base}/kuendigen")
    return _needs_login(req) or render("funknetz/kuendigung.html", req, gruende=GRUENDE, errors={}, values={})


@router.post(KUENDIGUNG)
def kuendigung_post(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    if r := _needs_login(req):
        return r
    f = req.form
    errors = {}
    for key, msg in [("rufnummer", "Bitte geben Sie Ihre Rufnummer ein."),
                     ("grund", "Bitte wählen Sie einen Kündigungsgrund."),
                     ("pin", "Bitte geben Sie Ihr Kundenkennwort ein."),
                     ("sicherheitsantwort", "Bitte beantworten Sie die Sicherheitsfrage.")]:
        if not f.get(key, "").strip():
            errors[key] = msg
    if errors:
        return render("funknetz/kuendigung.html", req, 400, gruende=GRUENDE, errors=errors, values=f)
    req.state["kuendigung"] = {k: f.get(k, "") for k in ("rufnummer", "art", "grund")}
    return redirect(f"{req.base}{KUENDIGUNG}/bestaetigen")


@router.get(KUENDIGUNG + "/bestaetigen")
def bestaetigen(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    return _needs_login(req) or render("funknetz/bestaetigen.html", req, error=None)


@router.post(KUENDIGUNG + "/bestaetigen")
def bestaetigen_post(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    first = req.state.get("kuendigung", {}).get("rufnummer", "")
    again = req.form.get("rufnummer", "")
    if not again.strip() or _digits(again) != _digits(first):
        return render("funknetz/bestaetigen.html", req, 400,
                      error="Die Rufnummer stimmt nicht mit Ihrer Eingabe überein.")
    return redirect(f"{req.base}{KUENDIGUNG}/angebot")


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


@router.get(KUENDIGUNG + "/angebot")
def angebot(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    return _needs_login(req) or render("funknetz/angebot.html", req)


@router.get(KUENDIGUNG + "/abschluss")
def abschluss(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    return _needs_login(req) or render("funknetz/abschluss.html", req, k=req.state.get("kuendigung", {}))


@router.post(KUENDIGUNG + "/abschluss")
def abschluss_post(req: Request) -> Response | None:
    if not _hostile(req):
        return None
    req.state["gekuendigt"] = True
    return redirect(f"{req.base}{KUENDIGUNG}/eingegangen")


@router.get(KUENDIGUNG + "/eingegangen")
def eingegangen(req: Request) -> Response | None:
    if not _hostile(req) or not req.state.get("gekuendigt"):
        return None
    return render("funknetz/eingegangen.html", req)


# ---- clean cancellation path (§ 312k BGB) -------------------------------------------------------------

@router.get("/kuendigen")
def kuendigen(req: Request) -> Response:
    if _hostile(req):
        return redirect(f"{req.base}{KUENDIGUNG}")
    return render("funknetz/kuendigen.html", req, errors={}, values={"art": "ordentlich", "zeitpunkt": "naechst"})


@router.post("/kuendigen")
def kuendigen_post(req: Request) -> Response | None:
    if _hostile(req):
        return None
    f = dict(req.form)
    errors = {}
    if not f.get("name", "").strip():
        errors["name"] = "Bitte geben Sie Ihren Namen ein."
    if not f.get("vertrag", "").strip():
        errors["vertrag"] = "Bitte geben Sie Ihre Rufnummer oder Kundennummer ein."
    if "@" not in f.get("email", ""):
        errors["email"] = "Bitte geben Sie eine gültige E-Mail-Adresse ein."
    if f.get("art") == "ausserordentlich" and not f.get("grund", "").strip():
        errors["grund"] = "Bei einer außerordentlichen Kündigung geben Sie bitte den Grund an."
    if f.get("zeitpunkt") == "datum" and not f.get("datum"):
        errors["datum"] = "Bitte wählen Sie ein Datum."
    if errors:
        return render("funknetz/kuendigen.html", req, 400, errors=errors, values=f)
    t = now()
    ende = f.get("datum") if f.get("zeitpunkt") == "datum" else date_de_long(in_days(30))
    req.state["bestaetigung"] = {"datum": date_de(t), "uhrzeit": f"{t:%H:%M}", "referenz": reference("FN"),
                                 "email": f["email"].strip(), "name": f["name"].strip(),
                                 "vertrag": f["vertrag"].strip(), "ende": ende,
                                 "art": "außerordentlich" if f.get("art") == "ausserordentlich" else "ordentlich"}
    return redirect(f"{req.base}/kuendigen/bestaetigung")


@router.get("/kuendigen/bestaetigung")
def kuendigen_bestaetigung(req: Request) -> Response | None:
    b = req.state.get("bestaetigung")
    if _hostile(req) or not b:
        return None if _hostile(req) else redirect(f"{req.base}/kuendigen")
    return render("funknetz/bestaetigung.html", req, b=b)


@router.get("/kuendigen/bestaetigung.txt")
def kuendigen_download(req: Request) -> Response | None:
    b = req.state.get("bestaetigung")
    if _hostile(req) or not b:
        return None
    return text_download(
        f"FunkNetz GmbH – Eingangsbestätigung Ihrer Kündigung\n\nEingegangen am {b['datum']} um {b['uhrzeit']} Uhr\n"
        f"Referenz: {b['referenz']}\nName: {b['name']}\nVertrag: {b['vertrag']}\nArt: {b['art']}\n"
        f"Vertragsende: {b['ende']}\nBestätigung an: {b['email']}\n", f"funknetz-kuendigung-{b['referenz']}.txt")


class FunkNetz(Site):
    name = "funknetz"
    title = "FunkNetz"
    language = "de"
    description = "Mobilfunkanbieter; Kündigung nach § 312k BGB (Kündigungsbutton)."
    frictions = {
        "cookie_wall": "Cookie-Wand: ein Overlay blockiert die Seite bis zur Auswahl",
        "hidden_cancel_link": "Einstieg nur als vager Footer-Link „Vertragsservice“",
        "login_wall": "Anmeldung (Kundennummer + Passwort) vor der Kündigung",
        "mandatory_exit_survey": "Kündigungsgrund Pflicht, auch bei ordentlicher Kündigung",
        "excessive_verification": "Kundenkennwort (PIN) und Sicherheitsfrage",
        "repeated_data_entry": "Rufnummer wird ein zweites Mal abgefragt",
        "retention_offer": "„Bevor Sie gehen: 20 % Rabatt“ mit beschämendem Ablehnungslink",
        "confirmshaming": "„Nein danke, ich zahle lieber mehr“",
        "misleading_button_label": "Schaltfläche „Kündigungsabsicht abschicken“ statt „jetzt kündigen“",
        "missing_confirmation_details": "Eingangsbestätigung ohne Datum, Uhrzeit und Referenz",
    }
    flows = [("Tarif bestellen", "/tarife"), ("Kündigen", "/")]
    router = router
