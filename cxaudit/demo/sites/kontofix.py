"""KontoFix: German personal-finance software; its web uninstaller.

Hostile: "Jetzt deinstallieren" stays disabled until a reason is chosen and a comment of at least
20 characters is typed. Clean: the button is enabled; feedback is optional.
"""

from __future__ import annotations

from cxaudit.demo.core import Request, Response, Router, Site, redirect, render

router = Router()

GRUENDE = ["Ich habe mein Abo gekündigt", "Ich nutze eine andere Software", "Zu kompliziert",
           "Zu teuer", "Technische Probleme", "Sonstiges"]
MIN_COMMENT = 20


@router.get("/")
def home(req: Request) -> Response:
    return render("kontofix/home.html", req)


@router.get("/deinstallieren")
def deinstallieren(req: Request) -> Response:
    return render("kontofix/deinstallieren.html", req, gruende=GRUENDE, error=None, values={},
                  min_comment=MIN_COMMENT)


@router.post("/deinstallieren")
def deinstallieren_post(req: Request) -> Response:
    grund, kommentar = req.form.get("grund", ""), req.form.get("kommentar", "").strip()
    if "mandatory_exit_survey" in req.flags and (not grund or len(kommentar) < MIN_COMMENT):
        return render("kontofix/deinstallieren.html", req, 400, gruende=GRUENDE, values=req.form,
                      min_comment=MIN_COMMENT,
                      error=f"Bitte wählen Sie einen Grund und schreiben Sie mindestens {MIN_COMMENT} Zeichen.")
    req.state.update(deinstalliert=True, grund=grund, kommentar=kommentar[:2000])
    return redirect(f"{req.base}/deinstalliert")


@router.get("/deinstalliert")
def deinstalliert(req: Request) -> Response:
    if not req.state.get("deinstalliert"):
        return redirect(f"{req.base}/deinstallieren")
    return render("kontofix/deinstalliert.html", req)


class KontoFix(Site):
    name = "kontofix"
    title = "KontoFix"
    language = "de"
    description = "Finanzsoftware; Deinstallationsseite mit Pflicht-Umfrage."
    frictions = {
        "mandatory_exit_survey": "„Jetzt deinstallieren“ bleibt gesperrt bis Grund + 20 Zeichen Kommentar",
    }
    flows = [("Deinstallieren", "/deinstallieren")]
    router = router
