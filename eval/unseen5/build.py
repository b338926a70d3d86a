"""Writes the static pages of the unseen5 batch into sites/ (run once; the pages are committed)."""

from pathlib import Path

SITES = Path(__file__).resolve().parent / "sites"

TEXT = {
    "de": {"skip": "Zum Inhalt springen", "menu": "Konto-Menü", "cookie": "Wir verwenden Cookies für Statistik und Werbung. "
           "Notwendige Cookies sind immer aktiv. Details in der Datenschutzerklärung.",
           "reject": "Alle ablehnen", "accept": "Alle akzeptieren", "cc_label": "Cookie-Einstellungen",
           "legal": ["Impressum", "Datenschutz", "AGB", "Cookie-Einstellungen", "Barrierefreiheit", "Widerrufsbelehrung"],
           "legal_h": "Rechtliches", "acct": ["Mein Konto", "Rechnungen", "Einstellungen", "Abmelden"]},
    "fr": {"skip": "Aller au contenu", "menu": "Menu du compte", "cookie": "Nous utilisons des cookies de mesure d'audience et "
           "de publicité. Les cookies nécessaires restent actifs.", "reject": "Tout refuser", "accept": "Tout accepter",
           "cc_label": "Préférences cookies",
           "legal": ["Mentions légales", "Confidentialité", "CGV", "Gestion des cookies", "Accessibilité", "Médiation"],
           "legal_h": "Informations légales", "acct": ["Mon compte", "Mes factures", "Paramètres", "Se déconnecter"]},
    "en": {"skip": "Skip to content", "menu": "Account menu", "cookie": "We use cookies for analytics and advertising. "
           "Strictly necessary cookies are always on.", "reject": "Reject all", "accept": "Accept all",
           "cc_label": "Cookie preferences",
           "legal": ["Terms of service", "Privacy notice", "Cookie settings", "Accessibility", "Modern slavery statement",
                     "Complaints"],
           "legal_h": "Legal", "acct": ["My account", "Billing", "Settings", "Sign out"]},
}


def page(site, fname, title, body, *, chat="", scripts=""):
    s = site
    t = TEXT[s["lang"][:2]]
    nav = "".join(f'<li><a href="{h}">{n}</a></li>' for n, h in s["nav"])
    acct = "".join(f'<li><a href="#">{n}</a></li>' for n in t["acct"])
    cols = "".join(
        f'<div><h2>{h}</h2><ul>' + "".join(f'<li><a href="{href}">{n}</a></li>' for n, href in links) + "</ul></div>"
        for h, links in s["footer"])
    legal = "".join(f'<li><a href="#">{n}</a></li>' for n in t["legal"])
    who = f'<details class="acct"><summary aria-label="{t["menu"]}: {s["user"]}">{s["hello"]}</summary><ul>{acct}</ul></details>' \
        if s.get("user") else ""
    html = f"""<!DOCTYPE html>
<html lang="{s['lang']}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {s['brand']}</title>
<link rel="stylesheet" href="/shared/style.css">
<style>body {{ --accent: {s['accent']}; }}</style>
</head>
<body>
<a class="skip" href="#main">{t['skip']}</a>
<div class="promo-bar" role="region" aria-label="{s['promo_label']}">{s['promo']}</div>
<header class="site">
<a class="logo" href="{s['home']}">{s['logo']}</a>
<nav class="main" aria-label="{s['nav_label']}"><ul>{nav}</ul></nav>
{who}
</header>
<main id="main">
{body}
</main>
<footer class="site">
<div class="cols">{cols}<div><h2>{t['legal_h']}</h2><ul>{legal}</ul></div></div>
<p>{s['company']}</p>
</footer>
{chat}
<div id="cc" role="region" aria-label="{t['cc_label']}">
<p>{t['cookie']}</p>
<div class="row"><button class="btn line" type="button" data-cc="reject">{t['reject']}</button>
<button class="btn line" type="button" data-cc="accept">{t['accept']}</button></div>
</div>
<script src="/shared/common.js"></script>
{scripts}
</body>
</html>
"""
    out = SITES / s["dir"] / fname
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")


def tiles(items):
    return '<section class="tiles" aria-label="Angebote">' + "".join(
        f'<div class="tile"><h3>{h}</h3><p>{p}</p></div>' for h, p in items) + "</section>"


def tiles_l(label, items):
    return tiles(items).replace('aria-label="Angebote"', f'aria-label="{label}"')


def chat_panel(launcher, heading, placeholder, send, close_note):
    return f"""<button class="btn fill" id="chat-open" type="button" aria-expanded="false"
 style="position:fixed;right:20px;bottom:90px;z-index:14">{launcher}</button>
<section id="chat-panel" class="chat-panel hidden" aria-label="{heading}">
<h2 style="font-size:17px;margin:0 0 6px">{heading}</h2>
<div id="chat-log" class="chat-log" role="log" aria-live="polite" tabindex="0" aria-label="{heading}"></div>
<form id="chat-form" class="row"><input id="chat-input" type="text" placeholder="{placeholder}" aria-label="{placeholder}">
<button class="btn fill" type="submit">{send}</button></form>
<p style="font-size:13px;margin:6px 0 0">{close_note}</p>
</section>"""


# ---------------------------------------------------------------- vinotheque (fr, wine club, friction)
VINO = {
    "dir": "vinotheque", "lang": "fr-FR", "brand": "La Cave du Mois", "logo": "La Cave <span>du Mois</span>",
    "accent": "#7a1f3d", "home": "/vinotheque/compte.html", "user": "Camille Martin", "hello": "Bonjour, Camille",
    "nav_label": "Navigation principale", "promo_label": "Promotion",
    "promo": "Livraison offerte dès 6 bouteilles jusqu'au 15 décembre. <a href=\"#\">Voir la sélection de fêtes</a>",
    "nav": [("Nos box", "#"), ("Boutique", "#"), ("Vignerons", "#"), ("Accords mets et vins", "#"), ("Aide", "#")],
    "footer": [("La Cave du Mois", [("Qui sommes-nous", "#"), ("Nos sommeliers", "#"), ("Carrières", "#"),
                                     ("Presse", "#"), ("Blog", "#")]),
               ("Abonnement", [("Box découverte", "#"), ("Box prestige", "#"), ("Offrir une box", "#"),
                               ("Carte cadeau", "#"), ("Parrainage", "#")]),
               ("Aide", [("FAQ", "#"), ("Livraison", "#"), ("Retours", "#"), ("Nous contacter", "#"),
                         ("Suivre ma commande", "#")])],
    "company": "La Cave du Mois SAS, 14 quai des Chartrons, 33000 Bordeaux · RCS Bordeaux 912 345 678 · "
               "TVA FR 41 912345678 · Service client 05 56 00 12 34 · L'abus d'alcool est dangereux pour la santé, "
               "à consommer avec modération.",
}


def vinotheque():
    s = VINO
    page(s, "compte.html", "Mon abonnement", """
<h1>Mon abonnement</h1>
<div class="card"><h2>Box Découverte – 3 bouteilles par mois</h2>
<p>29,90 € par mois · prochaine livraison le 8 janvier 2027 · membre depuis mars 2024</p>
<div class="row"><a class="btn line" href="#">Modifier mes préférences</a>
<a class="btn line" href="resilier-1.html">Résilier mon abonnement</a></div></div>
""" + tiles_l("Nos suggestions", [("Coffret Bourgogne", "Six pinots noirs de petits domaines, 89 €."),
                                  ("Atelier dégustation", "En ligne le 12 janvier, offert aux membres."),
                                  ("Parrainez un ami", "Une bouteille offerte pour chaque filleul.")]))
    page(s, "resilier-1.html", "Résiliation", """
<h1>Avant de partir, un cadeau pour vous</h1>
<div class="card"><p>Restez membre et recevez <strong>une bouteille de Saint-Émilion grand cru offerte</strong>
dans votre prochaine box, sans changer votre tarif.</p>
<div class="row"><a class="btn fill" href="compte.html">Recevoir ma bouteille offerte</a>
<a class="btn fill" href="resilier-2.html">Non, je préfère passer à côté des plus beaux crus</a></div></div>
""")
    page(s, "resilier-2.html", "Résiliation", """
<h1>Et une formule plus légère ?</h1>
<div class="card"><p>Passez à la Box Duo : 2 bouteilles par mois pour <strong>17,90 € au lieu de 29,90 €</strong>,
les trois premiers mois à moitié prix.</p>
<div class="row"><a class="btn fill" href="compte.html">Passer à la Box Duo</a>
<a class="btn fill" href="resilier-3.html">Continuer la résiliation</a></div></div>
""")
    page(s, "resilier-3.html", "Confirmer la résiliation", """
<h1>Résilier votre contrat</h1>
<div class="card"><p>Abonnement : Box Découverte, contrat n° CDM-20931. La résiliation prend effet à la fin de la
période en cours ; la box de janvier ne sera pas envoyée.</p>
<form action="resiliation-confirmee.html" method="get">
<button class="btn fill" type="submit">Confirmer ma demande de résiliation</button></form></div>
""")
    page(s, "resiliation-confirmee.html", "Résiliation confirmée", """
<h1>Votre abonnement est résilié</h1>
<p>Nous avons enregistré votre demande le 2 décembre 2026 à 09:14, sous la référence <strong>RES-CDM-774120</strong>.
Votre dernière box a été livrée en décembre ; aucun prélèvement ne sera fait en janvier.</p>
<p>Un récapitulatif vous a été envoyé par e-mail à c•••@example.fr. <a href="#">Télécharger l'attestation (PDF)</a></p>
""")


# ---------------------------------------------------------------- pfotenschutz (de, pet insurance, control)
PFOTE = {
    "dir": "pfotenschutz", "lang": "de-DE", "brand": "Pfotenschutz", "logo": "Pfoten<span>schutz</span>",
    "accent": "#1f5f3f", "home": "/pfotenschutz/index.html", "user": "Lena Hoffmann", "hello": "Hallo, Lena",
    "nav_label": "Hauptnavigation", "promo_label": "Aktion",
    "promo": "Neu: Zahnbehandlung ist jetzt im Tarif Komfort mitversichert. <a href=\"#\">Mehr erfahren</a>",
    "nav": [("Hundeversicherung", "#"), ("Katzenversicherung", "#"), ("Schaden melden", "#"), ("Ratgeber", "#"),
            ("Verträge hier kündigen", "kuendigen.html")],
    "footer": [("Versicherungen", [("OP-Schutz Hund", "#"), ("OP-Schutz Katze", "#"), ("Krankenvoll Hund", "#"),
                                   ("Krankenvoll Katze", "#"), ("Hundehalterhaftpflicht", "#")]),
               ("Service", [("Schaden melden", "#"), ("Tierarztsuche", "#"), ("Häufige Fragen", "#"),
                            ("Kontakt", "#"), ("Verträge hier kündigen", "kuendigen.html")]),
               ("Unternehmen", [("Über uns", "#"), ("Karriere", "#"), ("Presse", "#"), ("Nachhaltigkeit", "#")])],
    "company": "Pfotenschutz Versicherung AG, Tiergartenstraße 8, 30559 Hannover · Amtsgericht Hannover HRB 224411 · "
               "USt-IdNr. DE 318 442 907 · Kundenservice 0511 700 44 00 (Mo–Fr 8–18 Uhr)",
}


def pfotenschutz():
    s = PFOTE
    page(s, "index.html", "Tierversicherung", """
<h1>Gut versichert, wenn es Ihrem Tier schlecht geht</h1>
<div class="card"><h2>Ihr Vertrag</h2><p>Krankenvollversicherung Komfort für „Bruno“ (Labrador), 34,90 € monatlich,
Vertragsnummer PS-4471-208.</p><a class="btn line" href="#">Schaden melden</a></div>
""" + tiles([("Tierarzt-Videosprechstunde", "Rund um die Uhr, für Versicherte kostenlos."),
             ("Ratgeber Winter", "So schützen Sie Pfoten vor Streusalz."),
             ("Freunde werben", "Empfehlen Sie uns weiter.")]))
    page(s, "kuendigen.html", "Vertrag kündigen", """
<h1>Vertrag kündigen</h1>
<p>Füllen Sie die Felder aus und klicken Sie auf „Jetzt kündigen“. Sie erhalten sofort eine Bestätigung.</p>
<form action="bestaetigung.html" method="get" class="card">
<fieldset><legend>Art der Kündigung</legend>
<label><input type="radio" name="art" value="ordentlich" checked> Ordentliche Kündigung</label>
<label><input type="radio" name="art" value="ausserordentlich"> Außerordentliche Kündigung</label></fieldset>
<fieldset><legend>Zeitpunkt</legend>
<label><input type="radio" name="zeit" value="naechst" checked> Zum nächstmöglichen Zeitpunkt</label>
<label><input type="radio" name="zeit" value="datum"> Zu einem späteren Datum</label></fieldset>
<label for="name">Vorname und Name</label><input id="name" name="name" type="text" autocomplete="name" required>
<label for="mail">E-Mail-Adresse für die Bestätigung</label>
<input id="mail" name="mail" type="email" autocomplete="email" required>
<label for="vnr">Vertragsnummer</label><input id="vnr" name="vnr" type="text" required>
<p>Die Vertragsnummer finden Sie auf Ihrem Versicherungsschein.</p>
<label for="grund">Möchten Sie uns einen Grund nennen? (freiwillig)</label><textarea id="grund" name="grund"></textarea>
<p><button class="btn fill" type="submit">Jetzt kündigen</button></p>
</form>
<p>Fragen zu Ihrem Vertrag beantworten wir gern unter 0511 700 44 00.</p>
""")
    page(s, "bestaetigung.html", "Kündigung eingegangen", """
<h1>Ihre Kündigung ist bei uns eingegangen</h1>
<table class="receipt"><caption>Eingangsbestätigung</caption>
<tr><th scope="row">Eingegangen am</th><td>02.12.2026 um 09:21 Uhr</td></tr>
<tr><th scope="row">Referenznummer</th><td>KUE-PS-558031</td></tr>
<tr><th scope="row">Vertrag</th><td>PS-4471-208, Krankenvollversicherung Komfort</td></tr>
<tr><th scope="row">Art</th><td>Ordentliche Kündigung zum nächstmöglichen Zeitpunkt</td></tr>
<tr><th scope="row">Vertragsende</th><td>31.03.2027</td></tr></table>
<p>Eine Kopie dieser Bestätigung haben wir an Ihre E-Mail-Adresse gesendet.
<a href="#">Bestätigung als PDF herunterladen</a> · <a href="#" onclick="window.print()">Drucken</a></p>
""")


# ---------------------------------------------------------------- moovia (de, car sharing, friction over screens)
MOOVIA = {
    "dir": "moovia", "lang": "de-DE", "brand": "Moovia Carsharing", "logo": "moo<span>via</span>",
    "accent": "#0a5c7a", "home": "/moovia/konto.html", "user": "Jonas Weber", "hello": "Hallo, Jonas",
    "nav_label": "Hauptnavigation", "promo_label": "Aktion",
    "promo": "Winter-Special: 20 Freiminuten auf jede Fahrt am Wochenende. <a href=\"#\">Zur Aktion</a>",
    "nav": [("Fahrzeuge finden", "#"), ("Tarife", "#"), ("Geschäftskunden", "#"), ("Städte", "#"), ("Hilfe", "#")],
    "footer": [("Moovia", [("Über uns", "#"), ("Jobs", "#"), ("Presse", "#"), ("Blog", "#")]),
               ("Fahren", [("So funktioniert's", "#"), ("Geschäftsgebiete", "#"), ("Preise", "#"),
                           ("Schaden melden", "#")]),
               ("Hilfe", [("FAQ", "#"), ("Kontakt", "#"), ("App herunterladen", "#"), ("Status", "#")])],
    "company": "Moovia Mobility GmbH, Invalidenstraße 112, 10115 Berlin · Amtsgericht Charlottenburg HRB 201877 B · "
               "USt-IdNr. DE 329 551 204 · Service 030 2555 8100",
}


def moovia():
    s = MOOVIA
    page(s, "konto.html", "Mein Konto", """
<h1>Mein Konto</h1>
<div class="card"><h2>Mitgliedschaft Moovia Plus</h2>
<p>9,00 € im Monat · 0,29 € je Minute · Mitglied seit Mai 2023 · Mitgliedsnummer MV-2231-77</p>
<div class="row"><a class="btn line" href="#">Fahrten ansehen</a>
<a class="btn line" href="pausieren.html">Mitgliedschaft verwalten</a></div></div>
""" + tiles([("Neu in Leipzig", "Über 200 Fahrzeuge ab sofort."),
             ("Elektrisch fahren", "Alle Kleinwagen jetzt mit E-Antrieb."),
             ("Freunde einladen", "Zwei Freifahrten für Sie beide.")]))
    page(s, "pausieren.html", "Mitgliedschaft", """
<h1>Pause statt Abschied?</h1>
<div class="card"><p>Pausieren Sie Moovia Plus bis zu drei Monate lang für 0 € – Ihre Vorteile bleiben erhalten.</p>
<div class="row"><a class="btn fill big" href="konto.html">Mitgliedschaft kostenlos pausieren</a></div>
<p><a class="quiet-link" href="tarif.html">Weiter zur Kündigung</a></p></div>
""")
    page(s, "tarif.html", "Mitgliedschaft", """
<h1>Lieber günstiger fahren?</h1>
<div class="card"><p>Wechseln Sie in Moovia Basic: keine Monatsgebühr, 0,35 € je Minute – statt 9,00 € im Monat
zahlen Sie nur, wenn Sie fahren.</p>
<div class="row"><a class="btn line" href="konto.html">Zu Moovia Basic wechseln</a>
<a class="btn line" href="umfrage.html">Nein danke, weiter</a></div></div>
""")
    page(s, "umfrage.html", "Mitgliedschaft", """
<h1>Warum möchten Sie gehen?</h1>
<form action="bestaetigen.html" method="get" class="card" id="f">
<label for="grund">Grund</label>
<select id="grund" name="grund" required><option value="">Bitte wählen</option><option>Ich fahre zu selten</option>
<option>Zu teuer</option><option>Ich bin umgezogen</option><option>Anderer Grund</option></select>
<p id="msg" class="err" role="alert"></p>
<button class="btn fill" type="submit">Weiter</button></form>
""", scripts="""<script>
document.getElementById('f').addEventListener('invalid', function () {
  document.getElementById('msg').textContent = 'Bitte wählen Sie einen Grund aus.';
}, true);
</script>""")
    page(s, "bestaetigen.html", "Mitgliedschaft", """
<h1>Angaben bestätigen</h1>
<form action="eingang.html" method="get" class="card">
<label for="mnr">Mitgliedsnummer</label><input id="mnr" name="mnr" type="text" required>
<label for="pin">App-PIN (4-stellig)</label>
<input id="pin" name="pin" type="text" inputmode="numeric" autocomplete="off" required>
<p>Zur Sicherheit fragen wir die PIN ab, mit der Sie Fahrzeuge in der App öffnen.</p>
<button class="btn fill" type="submit">Antrag absenden</button></form>
""")
    page(s, "eingang.html", "Antrag eingegangen", """
<h1>Ihr Antrag ist bei uns eingegangen</h1>
<p>Wir bearbeiten Ihr Anliegen zu Moovia Plus und melden uns bei Ihnen. Bis dahin können Sie wie gewohnt fahren.</p>
""")


# ---------------------------------------------------------------- lumensafe (en-US, camera plan, control)
LUMEN = {
    "dir": "lumensafe", "lang": "en-US", "brand": "LumenSafe", "logo": "Lumen<span>Safe</span>",
    "accent": "#3b3bb3", "home": "/lumensafe/account.html", "user": "Dana Brooks", "hello": "Hi, Dana",
    "nav_label": "Main", "promo_label": "Offer",
    "promo": "New: the Doorbell Cam 3 now works with your existing chime. <a href=\"#\">See how</a>",
    "nav": [("Cameras", "#"), ("Doorbells", "#"), ("Plans", "#"), ("Support", "#"), ("Community", "#")],
    "footer": [("Shop", [("Indoor cameras", "#"), ("Outdoor cameras", "#"), ("Doorbells", "#"), ("Accessories", "#"),
                         ("Refurbished", "#")]),
               ("Plans", [("Protect Basic", "#"), ("Protect Plus", "#"), ("Compare plans", "#"),
                          ("Professional monitoring", "#")]),
               ("Support", [("Help center", "#"), ("Device setup", "#"), ("Order status", "#"), ("Returns", "#"),
                            ("Contact us", "#")]),
               ("Company", [("About", "#"), ("Careers", "#"), ("Investors", "#"), ("Newsroom", "#")])],
    "company": "LumenSafe, Inc., 2200 Mission College Blvd, Santa Clara, CA 95054 · EIN 84-2291047 · "
               "Customer care 1-888-555-0142 (6 am–9 pm PT)",
}


def lumensafe():
    s = LUMEN
    page(s, "account.html", "Your plan", """
<h1>Your plan</h1>
<div class="card"><h2>Protect Plus</h2>
<p>$9.99 per month · renews January 14, 2027 · 4 cameras · 60 days of video history</p>
<div class="row"><a class="btn line" href="#">Change plan</a><a class="btn line" href="cancel.html">Cancel plan</a></div></div>
""" + tiles_l("Featured", [("Floodlight Cam", "Lights up the drive when it sees motion. $179."),
                           ("Video: set up zones", "A two-minute walk-through. Play"),
                           ("Refer a neighbor", "Both of you get a $20 store credit.")]))
    page(s, "cancel.html", "Cancel plan", """
<h1>Cancel Protect Plus</h1>
<div class="card"><p>If you cancel today, your plan stays active until January 14, 2027. After that, recorded clips are
kept for 30 days and then deleted. Live view keeps working without a plan.</p>
<p>Before you go: you can <a href="#">download your saved clips</a> at any time before they are deleted.</p>
<form action="cancelled.html" method="get" class="row">
<a class="btn line" href="account.html">Keep my plan</a>
<button class="btn line" type="submit">Confirm cancellation</button></form></div>
""")
    page(s, "cancelled.html", "Plan cancelled", """
<h1>Your plan has been cancelled</h1>
<dl class="receipt"><dt>Plan</dt><dd>Protect Plus, $9.99 per month</dd>
<dt>Cancelled on</dt><dd>December 2, 2026, 9:32 AM PT</dd>
<dt>Confirmation number</dt><dd>LS-CXL-904117</dd>
<dt>Last day of service</dt><dd>January 14, 2027</dd>
<dt>Future charges</dt><dd>None</dd></dl>
<p>We sent this confirmation to d•••@example.com. <a href="#" onclick="window.print()">Print this page</a></p>
""")


# ---------------------------------------------------------------- quietmind (en-GB, meditation app, friction)
QUIET = {
    "dir": "quietmind", "lang": "en-GB", "brand": "QuietMind", "logo": "Quiet<span>Mind</span>",
    "accent": "#5a3d8a", "home": "/quietmind/account.html", "user": "Oliver Grant", "hello": "Hello, Oliver",
    "nav_label": "Main", "promo_label": "Offer",
    "promo": "New course: Sleep in ten minutes, with Dr Amara Osei. <a href=\"#\">Start listening</a>",
    "nav": [("Meditate", "#"), ("Sleep", "#"), ("Courses", "#"), ("For teams", "#"), ("Help", "#")],
    "footer": [("QuietMind", [("About us", "#"), ("Our teachers", "#"), ("Research", "#"), ("Careers", "#")]),
               ("Listen", [("Meditations", "#"), ("Sleep stories", "#"), ("Breathing", "#"), ("Kids", "#")]),
               ("Help", [("Help centre", "#"), ("Gift cards", "#"), ("Redeem a code", "#"), ("Contact us", "#")])],
    "company": "QuietMind Ltd, 41 Clerkenwell Road, London EC1M 5RS · Registered in England and Wales no. 11829347 · "
               "VAT GB 318 2297 44 · Support 020 7946 0321",
}


def quietmind():
    s = QUIET
    page(s, "account.html", "Your subscription", """
<h1>Your subscription</h1>
<div class="card"><h2>QuietMind Premium, annual</h2>
<p>£59.99 a year · renews on 9 March 2027 · paid by Visa ending 4410</p>
<div class="row"><a class="btn fill" href="#">Manage downloads</a><a class="btn line" href="#">Gift a year</a></div></div>
""" + tiles_l("For you", [("Daily calm", "A fresh ten-minute session every morning."),
                          ("Video: posture basics", "Three minutes with Amara. Play"),
                          ("Winter sleep series", "Seven stories for long nights.")]) + tiles_l("More for you", [
        ("Family plan", "Up to six people for £89.99 a year."), ("Focus music", "New albums every Friday."),
        ("Streaks", "Track your practice across devices.")]) + """
<section class="card"><h2>Your progress</h2><p>You have meditated 142 times this year, for 31 hours in total.
Your longest streak was 19 days.</p><p>Sessions this month: 12. Favourite course: Breathing for beginners.</p></section>
<p class="small-print">Prices include VAT. Premium renews automatically each year until you cancel; refunds follow
our terms. If you no longer want Premium, you can <a href="cancel.html">end your subscription here</a>. Family members
keep access until the renewal date.</p>
""")
    page(s, "cancel.html", "Cancel subscription", """
<h1>We're sad to see you go</h1>
<form action="cancelled.html" method="get" class="card">
<fieldset><legend>Would you tell us why? (optional)</legend>
<label><input type="radio" name="why" value="price"> It costs too much</label>
<label><input type="radio" name="why" value="time"> I don't have time</label>
<label><input type="radio" name="why" value="other"> Something else</label></fieldset>
<div class="row"><a class="btn line" href="account.html">Keep Premium</a>
<button class="btn line" type="submit">Confirm cancellation</button></div></form>
<section class="card" aria-labelledby="rate-h"><h2 id="rate-h">How would you rate QuietMind so far?</h2>
<div class="stars row" role="group" aria-label="Rating from 1 to 5 stars">
<button type="button" aria-label="1 star">☆</button><button type="button" aria-label="2 stars">☆</button>
<button type="button" aria-label="3 stars">☆</button><button type="button" aria-label="4 stars">☆</button>
<button type="button" aria-label="5 stars">☆</button></div></section>
""")
    page(s, "cancelled.html", "Subscription cancelled", """
<h1>Your subscription is cancelled</h1>
<div class="card"><h2>Cancellation receipt</h2>
<p>Reference: QM-7731-2026-KX</p><p>Cancelled: 2 December 2026 at 09:40 GMT</p>
<p>Premium stays active until 9 March 2027; you will not be charged again.</p>
<p>We've emailed a copy to o•••@example.co.uk. <a href="#">Download as PDF</a></p></div>
""")


# ---------------------------------------------------------------- clearpdf (en-US, uninstall, friction)
CLEAR = {
    "dir": "clearpdf", "lang": "en-US", "brand": "ClearPDF", "logo": "Clear<span>PDF</span>",
    "accent": "#b3261e", "home": "/clearpdf/uninstall.html", "user": "Sam Rivera", "hello": "Hi, Sam",
    "nav_label": "Main", "promo_label": "Offer",
    "promo": "ClearPDF 12 is here: faster OCR and e-signatures. <a href=\"#\">What's new</a>",
    "nav": [("Products", "#"), ("Pricing", "#"), ("Download", "#"), ("Support", "#"), ("Business", "#")],
    "footer": [("Products", [("ClearPDF Reader", "#"), ("ClearPDF Pro", "#"), ("ClearSign", "#"), ("Mobile apps", "#")]),
               ("Support", [("Knowledge base", "#"), ("System requirements", "#"), ("Release notes", "#"),
                            ("Contact support", "#")]),
               ("Company", [("About", "#"), ("Security", "#"), ("Partners", "#"), ("Careers", "#")])],
    "company": "ClearPDF Software, Inc., 500 Congress Ave, Suite 1400, Austin, TX 78701 · EIN 47-3810992 · "
               "Sales 1-512-555-0199",
}


def clearpdf():
    s = CLEAR
    page(s, "uninstall.html", "Uninstall", """
<h1>Uninstall ClearPDF Pro</h1>
<div class="card"><p>ClearPDF Pro 12.0.4 is installed on this computer (DESKTOP-SR22). Your documents stay where they
are; only the program and its settings are removed.</p>
<a class="btn fill" href="uninstall-offer.html">Uninstall ClearPDF</a></div>
""" + tiles_l("Tips", [("Video: merge files", "Combine PDFs in seconds. Play"),
                       ("ClearSign", "Send documents for signature."), ("Mobile", "Scan receipts on the go.")]))
    page(s, "uninstall-offer.html", "Uninstall", """
<h1>Wait – Pro is on us for three months</h1>
<div class="card"><p>Keep ClearPDF Pro installed and get the next three months free, including OCR and
e-signatures.</p>
<div class="row"><a class="btn fill" href="uninstall.html">Claim 3 free months</a>
<a class="btn grey" href="uninstall-survey.html">No thanks, I don't want free Pro features</a></div></div>
""")
    page(s, "uninstall-survey.html", "Uninstall", """
<h1>Help us understand</h1>
<form action="uninstall-ready.html" method="get" class="card" id="f">
<fieldset><legend>Why are you uninstalling ClearPDF?</legend>
<label><input type="radio" name="r" value="1"> I found another PDF tool</label>
<label><input type="radio" name="r" value="2"> It is too slow</label>
<label><input type="radio" name="r" value="3"> I only needed it once</label>
<label><input type="radio" name="r" value="4"> Other</label></fieldset>
<p id="hint">Choose a reason to continue.</p>
<button class="btn fill" type="submit" id="go" disabled>Continue</button></form>
""", scripts="""<script>
document.querySelectorAll('input[name=r]').forEach(function (r) {
  r.addEventListener('change', function () { document.getElementById('go').disabled = false; });
});
</script>""")
    page(s, "uninstall-ready.html", "Uninstall", """
<h1>Ready to uninstall</h1>
<div class="card"><p>ClearPDF Pro will be removed from DESKTOP-SR22. This takes about a minute.</p>
<form action="uninstalled.html" method="get"><button class="btn fill" type="submit">Uninstall now</button></form></div>
""")
    page(s, "uninstalled.html", "Uninstalled", """
<h1>ClearPDF has been removed from this computer</h1>
<p>Removed on December 2, 2026. Your PDF files were not touched. Your ClearPDF account stays open.</p>
""")


# ---------------------------------------------------------------- skyvia (en-GB, airline chat, control)
SKY = {
    "dir": "skyvia", "lang": "en-GB", "brand": "Skyvia", "logo": "Sky<span>via</span>",
    "accent": "#005a8c", "home": "/skyvia/help.html", "user": "Hannah Clarke", "hello": "Hello, Hannah",
    "nav_label": "Main", "promo_label": "Offer",
    "promo": "Winter sale: fares to Lisbon from £49 one way. <a href=\"#\">Book now</a>",
    "nav": [("Book", "#"), ("Manage booking", "#"), ("Check in", "#"), ("Flight status", "#"), ("Help", "help.html")],
    "footer": [("Skyvia", [("About us", "#"), ("Careers", "#"), ("Sustainability", "#"), ("Media centre", "#")]),
               ("Travel", [("Baggage", "#"), ("Special assistance", "#"), ("Travelling with children", "#"),
                           ("Destinations", "#"), ("Gift vouchers", "#")]),
               ("Help", [("Help centre", "help.html"), ("Contact us", "contact.html"), ("Claims", "#"),
                         ("Delayed or cancelled flights", "#")])],
    "company": "Skyvia Airways Ltd, Building 7, Crawley Business Quarter, Crawley RH10 9AD · Registered in England and "
               "Wales no. 09338412 · VAT GB 221 4470 18 · Reservations 0330 555 0178",
}

SKY_BOT = """<script>
window.BOT = {
  greeting: 'Hi, I am the Skyvia assistant. Tell me what happened and I will help or find you a person.',
  reply: function (text, turn) {
    var t = text.toLowerCase();
    if (/agent|person|human|someone/.test(t)) {
      return 'Of course. Priya from our baggage team has joined the chat and can see your report SVB-40218.';
    }
    if (/bag|luggage|suitcase/.test(t)) {
      return 'Sorry your bag did not arrive. I have opened a missing-bag report, reference SVB-40218. ' +
        'It is traced across all airports for 5 days. Would you like to speak to an agent about delivery?';
    }
    return 'I can help with bags, refunds and bookings, or find you a person.';
  }
};
</script>
<script src="/shared/chat.js"></script>"""


def skyvia():
    s = SKY
    page(s, "help.html", "Help centre", """
<h1>How can we help?</h1>
<section class="tiles" aria-label="Help topics">
<div class="tile"><h2 style="font-size:17px">Delayed or lost bags</h2><p>Report a missing bag and track it.</p></div>
<div class="tile"><h2 style="font-size:17px">Refunds</h2><p>Cancelled flights and refunds.</p></div>
<div class="tile"><h2 style="font-size:17px">Changes</h2><p>Change dates or names on a booking.</p></div></section>
<p>Can't find an answer? <a href="contact.html">Contact us</a></p>
""" + tiles_l("Offers", [("Skyvia Plus", "Seat choice and a cabin bag on every flight."),
                         ("Video: fast bag drop", "How our self-service drop works. Play")]))
    page(s, "contact.html", "Contact us", """
<h1>Contact us</h1>
<section class="tiles" aria-label="Ways to reach us">
<div class="tile"><h2 style="font-size:17px">Chat</h2><p>Chat with our assistant; an agent takes over whenever you ask,
8am–10pm.</p></div>
<div class="tile"><h2 style="font-size:17px">Phone</h2><p>0330 555 0178, every day 7am–10pm. Current wait: about 2
minutes.</p></div>
<div class="tile"><h2 style="font-size:17px">Email</h2><p><a href="mailto:care@skyvia.example">care@skyvia.example</a> –
we reply within 24 hours.</p></div></section>
<form class="card" action="#" method="get"><h2>Send us a message</h2>
<label for="bref">Booking reference</label><input id="bref" name="bref" type="text">
<label for="msgt">Your message</label><textarea id="msgt" name="msgt"></textarea>
<p><button class="btn line" type="submit">Send message</button></p></form>
""", chat=chat_panel("Chat with us", "Skyvia chat", "Type your message", "Send",
                     "Chats are kept for 30 days."), scripts=SKY_BOT)


# ---------------------------------------------------------------- finora (de, bank card chat, friction)
FIN = {
    "dir": "finora", "lang": "de-DE", "brand": "Finora Bank", "logo": "fin<span>ora</span>",
    "accent": "#0b6b4f", "home": "/finora/hilfe.html", "user": "Miriam Schulz", "hello": "Hallo, Miriam",
    "nav_label": "Hauptnavigation", "promo_label": "Aktion",
    "promo": "Tagesgeld jetzt mit 2,5 % p. a. für Neukunden. <a href=\"#\">Details</a>",
    "nav": [("Girokonto", "#"), ("Karten", "#"), ("Sparen", "#"), ("Depot", "#"), ("Hilfe", "hilfe.html")],
    "footer": [("Produkte", [("Girokonto", "#"), ("Debitkarte", "#"), ("Kreditkarte", "#"), ("Tagesgeld", "#"),
                             ("Depot", "#")]),
               ("Service", [("Hilfe", "hilfe.html"), ("Kontakt", "kontakt.html"), ("Karte sperren", "#"),
                            ("Sicherheit", "#"), ("Preise und Leistungen", "#")]),
               ("Finora", [("Über uns", "#"), ("Karriere", "#"), ("Presse", "#"), ("Investor Relations", "#")])],
    "company": "Finora Bank AG, Mainzer Landstraße 51, 60329 Frankfurt am Main · Amtsgericht Frankfurt HRB 118204 · "
               "USt-IdNr. DE 301 778 542 · Sperr-Notruf 116 116",
}

FIN_BOT = """<script>
window.BOT = {
  greeting: 'Hallo, ich bin Fina, die digitale Assistentin der Finora Bank. Worum geht es?',
  reply: function () {
    return 'Bitte prüfen Sie in der Finora-App unter Karten > Einstellungen, ob Ihr Ausgabelimit erreicht ' +
      'oder die Karte vorübergehend gesperrt ist.';
  }
};
</script>
<script src="/shared/chat.js"></script>"""


def finora():
    s = FIN
    page(s, "hilfe.html", "Hilfe", """
<h1>Wie können wir helfen?</h1>
<section class="tiles" aria-label="Themen">
<div class="tile"><h2 style="font-size:17px">Karte und Zahlungen</h2><p>Limits, Sperren, abgelehnte Zahlungen.</p></div>
<div class="tile"><h2 style="font-size:17px">Überweisungen</h2><p>Echtzeitüberweisung und Daueraufträge.</p></div>
<div class="tile"><h2 style="font-size:17px">Konto</h2><p>Adresse ändern, Kontoauszüge.</p></div></section>
<p>Keine Antwort gefunden? <a href="kontakt.html">Kontakt</a></p>
""" + tiles_l("Angebote", [("Finora Gold", "Kreditkarte mit Reiseversicherung."),
                           ("Video: Apple Pay einrichten", "In zwei Minuten erklärt. Abspielen")]))
    page(s, "kontakt.html", "Kontakt", """
<h1>Kontakt</h1>
<section class="tiles" aria-label="Kontaktwege">
<div class="tile"><h2 style="font-size:17px">Telefon</h2><p>069 3300 8800, Mo–Sa 8–20 Uhr.
Aktuelle Wartezeit: ca. 35 Minuten.</p></div>
<div class="tile"><h2 style="font-size:17px">Chat</h2><p>Unsere digitale Assistentin Fina hilft sofort.</p></div></section>
<p>Karte verloren oder gestohlen? Sperren Sie sie sofort in der App oder unter 116 116.</p>
""", chat=chat_panel("Chat starten", "Chat mit Fina", "Nachricht eingeben", "Senden",
                     "Der Chatverlauf wird 30 Tage gespeichert."), scripts=FIN_BOT)


if __name__ == "__main__":
    for build in (vinotheque, pfotenschutz, moovia, lumensafe, quietmind, clearpdf, skyvia, finora):
        build()
