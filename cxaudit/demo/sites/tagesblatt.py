"""Tagesblatt: a German newspaper's digital subscription.

Hostile: the "Abo kündigen" page says cancelling works only by post or phone (the online path ends).
Clean: the same page holds an online form "Abo jetzt kündigen" with a receipt (date, time, reference).
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

ABO = {"name": "Marie Schneider", "nummer": "TB-4410723", "email": "m.schneider@example.de",
       "produkt": "Tagesblatt Digital Plus", "preis": "14,99 €"}


@router.get("/")
def home(req: Request) -> Response:
    return render("tagesblatt/home.html", req)


@router.get("/abo")
def abo(req: Request) -> Response:
    return render("tagesblatt/abo.html", req, abo=ABO, st=req.state)


@router.get("/abo/kuendigen")
def kuendigen(req: Request) -> Response:
    return render("tagesblatt/kuendigen.html", req, abo=ABO, errors={}, values=dict(ABO),
                  ende=date_de_long(in_days(38)))


@router.post("/abo/kuendigen")
def kuendigen_post(req: Request) -> Response | None:
    if "channel_redirect" in req.flags:
        return None
    f = req.form
    errors = {}
    if not f.get("name", "").strip():
        errors["name"] = "Bitte geben Sie Ihren Namen ein."
    if not f.get("nummer", "").strip():
        errors["nummer"] = "Bitte geben Sie Ihre Abonummer ein."
    if "@" not in f.get("email", ""):
        errors["email"] = "Bitte geben Sie eine gültige E-Mail-Adresse ein."
    if errors:
        return render("tagesblatt/kuendigen.html", req, 400, abo=ABO, errors=errors, values=f,
                      ende=date_de_long(in_days(38)))
    t = now()
    req.state["kuendigung"] = {"datum": date_de(t), "uhrzeit": f"{t:%H:%M}", "referenz": reference("TB-K", 6),
                               "name": f["name"].strip(), "nummer": f["nummer"].strip(),
                               "email": f["email"].strip(), "ende": date_de_long(in_days(38))}
    return redirect(f"{req.base}/abo/kuendigen/bestaetigung")


@router.get("/abo/kuendigen/bestaetigung")
def bestaetigung(req: Request) -> Response | None:
    if "channel_redirect" in req.flags:
        return None
    if "kuendigung" not in req.state:
        return redirect(f"{req.base}/abo/kuendigen")
    return render("tagesblatt/bestaetigung.html", req, k=req.state["kuendigung"])


@router.get("/abo/kuendigen/bestaetigung.txt")
def download(req: Request) -> Response | None:
    k = req.state.get("kuendigung")
    if "channel_redirect" in req.flags or not k:
        return None
    return text_download(
        f"Tagesblatt – Bestätigung Ihrer Kündigung\n\nEingegangen am {k['datum']} um {k['uhrzeit']} Uhr\n"
        f"Referenz: {k['referenz']}\nAbonnent: {k['name']} ({k['nummer']})\nAbo endet am: {k['ende']}\n",
        f"tagesblatt-kuendigung-{k['referenz']}.txt")


class Tagesblatt(Site):
    name = "tagesblatt"
    title = "Tagesblatt"
    language = "de"
    description = "Tageszeitung, Digital-Abo; Kündigung online oder nur per Post/Telefon."
    frictions = {
        "channel_redirect": "Kündigung nur schriftlich per Post oder telefonisch, nicht online",
    }
    flows = [("Abo kündigen", "/abo")]
    router = router
