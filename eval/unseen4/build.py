# ruff: noqa: E501  (HTML written as long literal strings)
"""Writes the static pages of eval/unseen4/sites/ (run once; the HTML is committed)."""
from pathlib import Path

SITES = Path(__file__).resolve().parent / "sites"

CONF = {
    "kaskoflink": dict(
        lang="de", brand="KaskoFlink", color="#0b4f8a", user=None,
        nav=["Kfz-Versicherung", "Motorrad", "Schaden melden", "Ratgeber"],
        cookie=("Wir verwenden Cookies, um unsere Website zu verbessern und Ihnen passende Angebote zu zeigen. "
                "Details in der Datenschutzerklärung.", ["Alle akzeptieren", "Alle ablehnen", "Einstellungen"]),
        cols=[("Versicherung", ["Kfz-Haftpflicht", "Teilkasko", "Vollkasko", "E-Auto-Tarif"]),
              ("Service", ["Schaden melden", "Adresse ändern", "Verträge hier kündigen", "Hilfe & FAQ"]),
              ("Unternehmen", ["Über uns", "Karriere", "Presse"])],
        legal=["Impressum", "Datenschutz", "AGB", "Erstinformation"],
        company="KaskoFlink Versicherung AG · Hohenzollernring 72 · 50672 Köln · Amtsgericht Köln HRB 118 420 · "
                "USt-IdNr. DE 318 554 201 (Versicherungsteuer-Nr. 807/V90812/44) · Service: 0221 995 470 0",
        copy="© 2026 KaskoFlink Versicherung AG"),
    "lingolune": dict(
        lang="fr", brand="Lingolune", color="#6a2c91", user="Camille Roussel",
        nav=["Cours", "Podcasts", "Tarifs", "Aide"],
        cookie=("Nous utilisons des cookies pour mesurer l'audience et personnaliser votre expérience.",
                ["Tout accepter", "Tout refuser", "Personnaliser"]),
        cols=[("Apprendre", ["Anglais", "Espagnol", "Italien", "Allemand", "Japonais"]),
              ("Lingolune", ["À propos", "Recrutement", "Presse", "Blog"]),
              ("Aide", ["Centre d'aide", "Nous contacter", "Accessibilité"])],
        legal=["Mentions légales", "CGV", "Politique de confidentialité", "Cookies"],
        company="Lingolune SAS · 18 rue des Capucins · 69001 Lyon · RCS Lyon 892 114 337 · "
                "TVA intracommunautaire FR 41 892114337 · Service client : 04 78 29 55 10",
        copy="© 2026 Lingolune SAS"),
    "fibrewave": dict(
        lang="en-GB", brand="Fibrewave", color="#0f5a63", user="Hannah Okafor",
        nav=["Broadband", "TV", "Mobile", "Help"],
        cookie=("We use cookies to keep the site working and, with your consent, to measure how it is used.",
                ["Accept all cookies", "Reject optional cookies", "Cookie settings"]),
        cols=[("Products", ["Full fibre 150", "Full fibre 500", "Gigabit 900", "Mobile SIMs"]),
              ("Help", ["Service status", "Moving home", "Billing help", "Contact us", "Complaints code"]),
              ("Company", ["About Fibrewave", "Careers", "Investors", "Accessibility"])],
        legal=["Privacy", "Cookies", "Terms", "Modern slavery statement"],
        company="Fibrewave Networks Ltd, 3 Wellington Place, Leeds LS1 4AP. Registered in England and Wales, "
                "company no. 10482276. VAT GB 253 8841 62. Customer services 0330 088 4410.",
        copy="© 2026 Fibrewave Networks Ltd"),
    "photoharbor": dict(
        lang="en-US", brand="PhotoHarbor", color="#1d4ed8", user="Maya Ortiz",
        nav=["Photos", "Albums", "Sharing", "Plans"],
        cookie=("We use cookies for sign-in and, if you allow it, for analytics.",
                ["Accept all", "Reject non-essential", "Manage"]),
        cols=[("Product", ["Backup", "Albums", "Family sharing", "Photo books"]),
              ("Support", ["Help center", "Storage FAQ", "Contact support", "System status"]),
              ("Company", ["About", "Blog", "Careers", "Press"])],
        legal=["Privacy", "Terms of Service", "Your privacy choices", "Accessibility"],
        company="PhotoHarbor Inc., 2150 Shattuck Ave, Suite 600, Berkeley, CA 94704 · EIN 84-3917725 · "
                "EU VAT (OSS) EU372004118 · Support 1-888-555-0142",
        copy="© 2026 PhotoHarbor Inc."),
    "teamloop": dict(
        lang="en-US", brand="Teamloop", color="#9a3412", user="Priya Raman",
        nav=["Boards", "Docs", "Automations", "Admin"],
        cookie=("Teamloop uses cookies to run the app and to improve it.", ["Accept all", "Reject all"]),
        cols=[("Product", ["Boards", "Docs", "Automations", "Integrations", "What's new"]),
              ("Resources", ["Help center", "Community", "Templates", "Webinars"]),
              ("Company", ["About", "Careers", "Security", "Trust center"])],
        legal=["Terms", "Privacy", "Cookie policy", "DPA"],
        company="Teamloop, Inc., 500 Third Street, Suite 240, San Francisco, CA 94107 · Delaware file no. 6620481 · "
                "VAT EU528007744 · Sales 1-415-555-0188",
        copy="© 2026 Teamloop, Inc."),
    "virenwacht": dict(
        lang="de", brand="VirenWacht", color="#14532d", user="Jonas Weber",
        nav=["Produkte", "Downloads", "Support", "Sicherheitsnews"],
        cookie=("Wir nutzen Cookies für den Betrieb der Website und, mit Ihrer Einwilligung, für Statistik.",
                ["Alle akzeptieren", "Nur notwendige", "Einstellungen"]),
        cols=[("Produkte", ["Total Security", "Internet Security", "VPN", "Passwort-Manager"]),
              ("Support", ["Hilfe-Center", "Installation", "Deinstallation", "Lizenz verwalten", "Kontakt"]),
              ("Unternehmen", ["Über uns", "Presse", "Partner"])],
        legal=["Impressum", "Datenschutz", "AGB", "Widerrufsbelehrung"],
        company="VirenWacht Software GmbH · Landsberger Straße 155 · 80687 München · Amtsgericht München HRB 247 118 · "
                "USt-IdNr. DE 329 117 054 · Support-Hotline 089 41 61 77 0",
        copy="© 2026 VirenWacht Software GmbH"),
    "rollflott": dict(
        lang="de", brand="RollFlott", color="#7a2e0e", user=None,
        nav=["So funktioniert's", "Preise", "Monatspass", "Städte"],
        cookie=("Wir verwenden Cookies, um die Website bereitzustellen und Reichweite zu messen.",
                ["Alle akzeptieren", "Ablehnen"]),
        cols=[("RollFlott", ["Über uns", "Jobs", "Presse", "Nachhaltigkeit"]),
              ("Hilfe", ["FAQ", "Sicher fahren", "Schaden melden", "Verträge hier kündigen"]),
              ("Rechtliches", ["Impressum", "Datenschutz", "AGB"])],
        legal=["Barrierefreiheit", "Cookie-Einstellungen"],
        company="RollFlott Mobility GmbH · Schlesische Straße 26 · 10997 Berlin · Amtsgericht Charlottenburg HRB 231 554 B · "
                "USt-IdNr. DE 335 108 962 · Kundenservice 030 577 049 30",
        copy="© 2026 RollFlott Mobility GmbH"),
    "wildhaven": dict(
        lang="en-GB", brand="Wildhaven Trust", color="#2f5d1e", user="Tom Ashworth",
        nav=["Our work", "Reserves", "Get involved", "Shop"],
        cookie=("We use essential cookies to make this site work, and optional ones to understand how it is used.",
                ["Accept all", "Reject all"]),
        cols=[("Support us", ["Donate", "Become a member", "Leave a gift in your will", "Volunteer"]),
              ("About", ["Our reserves", "Annual report", "Jobs", "Press office"]),
              ("Help", ["Supporter care", "Fundraising promise", "Contact us"])],
        legal=["Privacy", "Cookies", "Terms", "Accessibility"],
        company="Wildhaven Trust, The Old Granary, Mill Lane, Norwich NR3 1LA. Registered charity no. 1184522 (England and Wales). "
                "Company limited by guarantee no. 11730561. VAT GB 318 4425 07. Supporter care 01603 555 218.",
        copy="© 2026 Wildhaven Trust"),
}

ACCOUNT_WORD = {"de": "Angemeldet als", "fr": "Connecté·e :", "en-GB": "Signed in as", "en-US": "Signed in as"}
MAIN_NAV = {"de": "Hauptnavigation", "fr": "Navigation principale", "en-GB": "Main", "en-US": "Main"}
COOKIE_LABEL = {"de": "Cookie-Hinweis", "fr": "Cookies", "en-GB": "Cookie consent", "en-US": "Cookie consent"}
FOOT_LABEL = {"de": "Fußzeile", "fr": "Pied de page", "en-GB": "Footer", "en-US": "Footer"}


def page(site, file, title, body, promo=None, cookie=True, user=True, extra_head="", scripts=""):
    c = CONF[site]
    lang = c["lang"]
    nav = "".join(f'<li><a href="index.html">{n}</a></li>' for n in c["nav"])
    name = user if isinstance(user, str) else c["user"]
    acct = (f'<div class="account">{ACCOUNT_WORD[lang]} <strong>{name}</strong></div>'
            if name and user else "")
    promo_html = f'<div class="promo-bar">{promo}</div>' if promo else ""
    cols = "".join(
        f'<div><h2>{h}</h2><ul>' + "".join(f'<li><a href="{href_for(site, x)}">{x}</a></li>' for x in links) + "</ul></div>"
        for h, links in c["cols"])
    legal = " · ".join(f'<a href="index.html">{x}</a>' for x in c["legal"])
    ck = ""
    if cookie:
        text, buttons = c["cookie"]
        btns = "".join(f'<button type="button" class="{"btn" if i == 0 else "btn-outline"}" data-choice="{b}">{b}</button>'
                       for i, b in enumerate(buttons))
        ck = f'<aside id="cookie-banner" class="cookie" aria-label="{COOKIE_LABEL[lang]}" hidden><p>{text}</p>{btns}</aside>'
    html = f"""<!DOCTYPE html>
<html lang="{lang}" data-site="{site}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {c["brand"]}</title>
<link rel="stylesheet" href="../shared/style.css">
<style>:root{{--brand:{c["color"]}}}</style>{extra_head}
</head>
<body>
<header class="site-header">
<a class="logo" href="index.html">{c["brand"]}</a>
<nav aria-label="{MAIN_NAV[lang]}"><ul>{nav}</ul></nav>
{acct}
</header>
{promo_html}
<main id="main">
{body}
</main>
<footer class="site-footer" aria-label="{FOOT_LABEL[lang]}">
<div class="footer-cols">{cols}</div>
<div class="footer-legal"><p>{legal}</p><p>{c["company"]}</p><p>{c["copy"]}</p></div>
</footer>
{ck}
<script src="../shared/common.js"></script>{scripts}
</body>
</html>
"""
    d = SITES / site
    d.mkdir(parents=True, exist_ok=True)
    (d / file).write_text(html, encoding="utf-8")


def href_for(site, label):
    special = {("kaskoflink", "Verträge hier kündigen"): "login.html",
               ("rollflott", "Verträge hier kündigen"): "kuendigen.html",
               ("fibrewave", "Contact us"): "contact.html",
               ("virenwacht", "Deinstallation"): "hilfe-deinstallieren.html"}
    return special.get((site, label), "index.html")


def tiles(items):
    return '<div class="tiles">' + "".join(f'<div class="tile"><h3>{h}</h3><p>{t}</p></div>' for h, t in items) + "</div>"


def video(label, text):
    return f'<div class="tile video"><button type="button" class="btn-outline">{label}</button><span>{text}</span></div>'


def home(site, h1, text, tile_items):
    page(site, "index.html", CONF[site]["brand"], f"<h1>{h1}</h1><p>{text}</p>" + tiles(tile_items))


def kaskoflink():
    s = "kaskoflink"
    page(s, "index.html", "Kfz-Versicherung online",
         "<h1>Kfz-Versicherung, die mitfährt</h1>"
         "<p>Haftpflicht, Teilkasko oder Vollkasko: online abschließen, Schäden per App melden, Beitrag monatlich zahlen.</p>"
         '<p><a class="btn" href="index.html">Beitrag berechnen</a></p>'
         + tiles([("Bis zu 30 % sparen", "Mit Telematik-Tarif und Werkstattbindung."),
                  ("Schaden melden", "Rund um die Uhr online, Rückmeldung binnen eines Werktags."),
                  ("E-Auto-Schutz", "Akku-Allgefahrendeckung inklusive.")])
         + video("Video abspielen", "So funktioniert die Schadenmeldung per App"),
         promo="Wechselsaison: Jetzt Tarif vergleichen und zum Jahreswechsel umsteigen.")
    page(s, "login.html", "Anmelden",
         "<h1>Bitte melden Sie sich an</h1>"
         "<p>Um Ihr Anliegen zu Ihrem Vertrag zu bearbeiten, melden Sie sich mit Ihrer Versicherungsscheinnummer und Ihrem Passwort an.</p>"
         '<form data-next="vertraege.html" class="card">'
         '<label for="vsnr">Versicherungsscheinnummer</label><input type="text" id="vsnr" name="vsnr" autocomplete="username" required>'
         '<label for="pw">Passwort</label><input type="password" id="pw" name="pw" autocomplete="current-password" required>'
         '<div class="btn-row"><button type="submit" class="btn">Anmelden</button><a href="login.html">Passwort vergessen?</a></div>'
         "</form><p>Noch kein Online-Konto? <a href=\"login.html\">Jetzt registrieren</a> – Sie erhalten Ihr Passwort per Post.</p>")
    page(s, "vertraege.html", "Meine Verträge",
         "<h1>Meine Verträge</h1><p>Wählen Sie den Vertrag, zu dem Sie ein Anliegen haben.</p>"
         '<div class="card"><h2>Kfz-Versicherung · VW Golf · B-KF 2041</h2>'
         "<p>Vollkasko mit 300 € Selbstbeteiligung, Teilkasko 150 € · Beitrag 62,40 € monatlich</p>"
         '<a class="btn" href="kuendigung.html">Diesen Vertrag auswählen</a></div>'
         + tiles([("Schutzbrief ergänzen", "Pannenhilfe europaweit für 1,90 € im Monat."),
                  ("Fahrerschutz", "Absicherung für Sie als Fahrer.")]),
         user="Markus Brandt")
    page(s, "kuendigung.html", "Vertrag kündigen",
         "<h1>Ihre Kfz-Versicherung kündigen</h1>"
         '<dl class="receipt"><dt>Vertrag</dt><dd>Kfz-Versicherung, VW Golf, B-KF 2041</dd>'
         "<dt>Versicherungsnehmer</dt><dd>Markus Brandt</dd><dt>Versicherungsscheinnummer</dt><dd>KF-4471-0923</dd></dl>"
         '<form data-next="bestaetigung.html" class="card">'
         '<label for="zum">Kündigung zum</label><select id="zum" name="zum" required>'
         '<option value="">Bitte wählen</option><option>nächstmöglichen Zeitpunkt (01.01.2027)</option>'
         "<option>Sonderkündigung nach Schadensfall</option><option>Sonderkündigung wegen Fahrzeugverkauf</option></select>"
         '<div class="btn-row"><button type="submit" class="btn">Anfrage absenden</button><a href="vertraege.html">Zurück</a></div>'
         "</form>", user="Markus Brandt")
    page(s, "bestaetigung.html", "Vielen Dank",
         "<h1>Vielen Dank, Herr Brandt</h1><p>Ihre Anfrage ist bei uns eingegangen.</p>"
         "<p>Wir bearbeiten sie so schnell wie möglich.</p>"
         '<p><a href="index.html">Zur Startseite</a></p>', user="Markus Brandt")


def lingolune():
    s = "lingolune"
    home(s, "Apprenez une langue, dix minutes par jour", "Des leçons courtes, des podcasts et des exercices de conversation.",
         [("Nouveau : japonais", "Les hiraganas en 14 jours."), ("Podcasts", "Écoutez des histoires à votre niveau.")])
    page(s, "compte.html", "Mon compte",
         "<h1>Mon compte</h1>"
         '<div class="card"><h2>Abonnement Lingolune Premium</h2>'
         "<p>12,99 € par mois · prochain renouvellement le 14 décembre 2026 · carte Visa se terminant par 0391</p>"
         '<ul><li><a href="compte.html">Changer de formule</a></li><li><a href="compte.html">Mettre à jour le moyen de paiement</a></li>'
         '<li><a href="motif.html">Résilier mon abonnement</a></li></ul></div>'
         '<div class="card"><h2>Ma progression</h2><p>Italien, niveau A2 · série de 46 jours · 1 240 mots appris</p></div>'
         + tiles([("Parrainez un ami", "Un mois offert pour vous deux."), ("Défi de décembre", "Gagnez un badge en 20 leçons.")])
         + video("Lecture", "Découvrez les nouvelles leçons de conversation"),
         promo="Nouveau : les leçons hors ligne sont disponibles dans l'application.")
    page(s, "motif.html", "Résiliation",
         "<h1>Avant de partir, dites-nous pourquoi</h1>"
         '<form data-next="offre.html" class="card"><fieldset><legend>Pourquoi souhaitez-vous résilier ?</legend>'
         + "".join(f'<div class="choice"><input type="radio" id="m{i}" name="motif" value="{t}" required><label for="m{i}">{t}</label></div>'
                   for i, t in enumerate(["C'est trop cher", "Je n'ai plus le temps", "J'ai atteint mon objectif", "Autre raison"]))
         + '</fieldset><button type="submit" class="btn">Continuer</button></form>')
    page(s, "offre.html", "Offre",
         "<h1>Une offre rien que pour vous, Camille</h1>"
         "<p>Restez sur Lingolune Premium et payez 6,49 € au lieu de 12,99 € par mois pendant 3 mois, soit -50 %.</p>"
         '<div class="btn-row"><a class="btn btn-big" href="compte.html">Profiter de l\'offre</a></div>'
         '<p><a class="decline" href="confirmer.html">Non merci, je préfère payer plein tarif</a></p>')
    page(s, "confirmer.html", "Confirmer la résiliation",
         "<h1>Confirmer la résiliation</h1>"
         "<p>Votre abonnement Premium prendra fin le 14 décembre 2026. Vous gardez l'accès à toutes les leçons jusqu'à cette date.</p>"
         '<div class="card"><h2>Envie d\'une pause plutôt ?</h2><p>Suspendez votre abonnement jusqu\'à 2 mois, sans frais, '
         "et retrouvez votre progression à votre retour.</p></div>"
         '<div class="btn-row"><a class="btn" href="fin.html">Confirmer ma demande de résiliation</a>'
         '<a class="btn-outline" href="compte.html">Suspendre 2 mois</a></div>')
    page(s, "fin.html", "Résiliation enregistrée",
         "<h1>Votre résiliation est enregistrée</h1>"
         '<table class="receipt"><caption class="sr-only">Récapitulatif</caption><tbody>'
         "<tr><th scope=\"row\">Date de la demande</th><td>2 décembre 2026</td></tr>"
         "<tr><th scope=\"row\">Numéro de référence</th><td>LL-RES-2026-77310</td></tr>"
         "<tr><th scope=\"row\">Abonnement</th><td>Lingolune Premium</td></tr>"
         "<tr><th scope=\"row\">Fin de l'abonnement</th><td>14 décembre 2026</td></tr></tbody></table>"
         "<p>Une confirmation vous a été envoyée à camille.roussel@example.fr.</p>"
         '<p><a href="fin.html">Télécharger la confirmation (PDF)</a></p>')


BOT = """
<script>
(function () {
  var panel = document.getElementById("chat-panel");
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var opened = false;
  var turn = 0;
  var openers = ["Sorry to hear you're having trouble.", "Thanks for the details.", "Sorry about that.", "I can help you with that right here."];
  var advice = " Please restart your router: switch it off at the wall, wait 30 seconds, then switch it back on. Most connection problems are fixed this way. Was this answer helpful? Rate this answer from 1 to 5 stars.";
  function add(cls, text) {
    var d = document.createElement("div");
    d.className = cls;
    d.textContent = text;
    log.appendChild(d);
    log.scrollTop = log.scrollHeight;
  }
  document.getElementById("chat-open").addEventListener("click", function () {
    panel.hidden = false;
    if (!opened) {
      opened = true;
      window.setTimeout(function () {
        add("bot-msg", "Hi Hannah, I'm Fibi, Fibrewave's digital assistant. What can I help you with today?");
      }, 400);
    }
    input.focus();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) {
      return;
    }
    add("user-msg", text);
    input.value = "";
    var opener = /person|human|agent|adviser|advisor|someone/i.test(text) ? openers[3] : openers[Math.min(turn, 2)];
    turn += 1;
    window.setTimeout(function () {
      add("bot-msg", opener + advice);
    }, 700);
  });
})();
</script>"""


def fibrewave():
    s = "fibrewave"
    home(s, "Full fibre broadband for Yorkshire", "Speeds up to 900 Mb/s, no mid-contract price rises.",
         [("Switching is easy", "We handle your old provider."), ("Gigabit 900", "£39 a month for 24 months.")])
    page(s, "help.html", "Help and support",
         "<h1>Help and support</h1>"
         '<form role="search" data-next="help.html"><label for="q">Search help</label><input type="text" id="q" name="q"></form>'
         '<div class="notice">Service status: no known problems in your area (LS6).</div>'
         + tiles([("Moving home", "Take your broadband with you."), ("Slow or no connection", "Step-by-step checks for your router."),
                  ("Bills and payments", "Understand your bill, change how you pay.")])
         + '<h2>Still need help?</h2><p><a href="contact.html">Contact us</a></p>'
         + video("Play", "How to set up your Fibrewave Hub (3 minutes)"),
         promo="Refer a friend: you both get £50 credit when they join.")
    page(s, "contact.html", "Contact us",
         "<h1>Contact us</h1><p>Choose how you'd like to get in touch.</p>"
         '<div class="card"><h2>Chat</h2><p>Fibi, our digital assistant, is available 24/7.</p>'
         '<button type="button" class="btn" id="chat-open">Chat with Fibi</button></div>'
         '<div class="card"><h2>Phone</h2><p>Call 0330 088 4410. Lines are open 8am to 8pm, 7 days a week.</p>'
         "<p><strong>Current wait time: about 35 minutes.</strong></p></div>"
         '<div class="card"><h2>Email</h2><p>support@fibrewave.example – we reply within 2 working days.</p></div>'
         '<div class="card"><h2>Post</h2><p>Fibrewave Customer Relations, PO Box 7713, Leeds LS1 9XA</p></div>'
         '<section id="chat-panel" class="chat-panel" aria-label="Chat with Fibi" hidden>'
         '<div class="chat-head">Fibi · digital assistant</div>'
         '<div id="chat-log" class="chat-log" role="log" aria-live="polite"></div>'
         '<form id="chat-form" class="chat-form"><input type="text" id="chat-input" aria-label="Message" placeholder="Type your message">'
         '<button type="submit" class="btn">Send</button></form></section>',
         scripts=BOT)


def photoharbor():
    s = "photoharbor"
    home(s, "Every photo, safely in one place", "Automatic backup from your phone and computer.",
         [("Family sharing", "Share one plan with up to 5 people."), ("Photo books", "Print your year.")])
    page(s, "account.html", "Your plan",
         "<h1>Your plan</h1>"
         '<div class="card"><h2>Harbor 200 GB</h2><p>$2.99 a month · renews January 14, 2027 · 143 GB of 200 GB used</p>'
         '<ul><li><a href="account.html">Change plan</a></li><li><a href="account.html">Update payment method</a></li>'
         '<li><a href="cancel.html">Cancel plan</a></li></ul></div>'
         + tiles([("PhotoHarbor Books", "20% off your first photo book this month."), ("Free up space", "Find duplicate photos.")])
         + video("Play", "What's new in Albums"),
         promo="New: shared albums now support videos up to 4K.")
    page(s, "cancel.html", "Cancel plan",
         "<h1>Before you cancel, here's what happens to your photos</h1>"
         "<ul><li>Your plan stays active until January 14, 2027.</li>"
         "<li>After that your storage drops to the free 5 GB.</li>"
         "<li>Nothing is deleted: photos over the limit stay safe for 12 months, and you can download them at any time.</li></ul>"
         '<p><a href="cancel.html">How to download your whole library</a></p>'
         '<div class="btn-row"><a class="btn" href="done.html">Confirm cancellation</a>'
         '<a class="btn-outline" href="account.html">Keep my plan</a></div>')
    page(s, "done.html", "Plan cancelled",
         "<h1>Your plan is cancelled</h1>"
         '<dl class="receipt"><dt>Cancellation date</dt><dd>December 2, 2026</dd>'
         "<dt>Plan active until</dt><dd>January 14, 2027</dd>"
         "<dt>Confirmation number</dt><dd>PH-88214-Q</dd>"
         "<dt>Plan</dt><dd>Harbor 200 GB ($2.99 a month)</dd></dl>"
         "<p>We've emailed a copy of this confirmation to maya.ortiz@example.com.</p>"
         '<p><button type="button" class="btn-outline" data-print="1">Print confirmation</button></p>'
         '<p>Changed your mind? You can <a href="account.html">resubscribe</a> at any time.</p>')


def teamloop():
    s = "teamloop"
    home(s, "Where teams get work done", "Boards, docs and automations in one workspace.",
         [("Automations", "Save hours every week."), ("Templates", "Start from 200 ready-made boards.")])
    rows = "".join(f"<tr><td>{d}</td><td>{n}</td><td>$3,456.00</td><td>Paid</td></tr>"
                   for d, n in [("March 3, 2026", "INV-2026-0303"), ("March 3, 2025", "INV-2025-0303"), ("March 3, 2024", "INV-2024-0303")])
    page(s, "billing.html", "Billing",
         "<h1>Billing</h1>"
         '<div class="card"><h2>Business plan</h2><p>12 seats · $24 per seat a month, billed annually ($3,456 a year) · renews March 3, 2027</p>'
         '<div class="btn-row"><a class="btn" href="billing.html">Add seats</a><a class="btn-outline" href="billing.html">Change plan</a></div></div>'
         + tiles([("Seats in use", "11 of 12"), ("Automation runs", "18,204 of 25,000 this month"), ("Storage", "64 GB of 1 TB")])
         + '<h2>Invoices</h2><table class="receipt"><thead><tr><th scope="col">Date</th><th scope="col">Invoice</th>'
         '<th scope="col">Amount</th><th scope="col">Status</th></tr></thead><tbody>' + rows + "</tbody></table>"
         '<h2>Payment method</h2><p>Visa ending 4417, expires 09/2028 · <a href="billing.html">Update</a></p>'
         '<p class="fineprint">Annual plans renew automatically at the then-current price. Taxes may apply. Seat changes are prorated. '
         "Ending an annual plan early may incur a fee as described in the Subscription Terms. Administrators can "
         '<a href="stay.html">end your subscription</a> at any time.</p>',
         promo="Teamloop AI is here: summarise any board in one click.")
    page(s, "stay.html", "Before you cancel",
         "<h1>Wait: your team could save 40%</h1>"
         "<p>Stay on Business and pay $14.40 per seat for your next 3 months instead of $24. That is $345.60 back in your budget.</p>"
         '<div class="btn-row"><a class="btn btn-big" href="billing.html">Claim 40% off</a></div>'
         '<p><a class="decline" href="starter.html">Continue cancelling</a></p>')
    page(s, "starter.html", "Keep your boards",
         "<h1>Keep your boards with Starter</h1>"
         "<p>Move to our free Starter plan for up to 3 seats instead of cancelling. Your boards, docs and automations stay where they are.</p>"
         '<div class="btn-row"><a class="btn btn-big" href="billing.html">Switch to Starter</a></div>'
         '<p><a class="decline" href="confirm.html">No, I don\'t mind losing my team\'s work</a></p>')
    page(s, "confirm.html", "Cancel subscription",
         "<h1>Cancel your Business subscription</h1>"
         '<div class="notice">Your annual plan has 3 months left. An early termination fee of $318.00 will be charged to the Visa ending 4417.</div>'
         "<p>All 12 seats lose access when the cancellation takes effect.</p>"
         '<div class="btn-row"><a class="btn" href="done.html">Cancel subscription</a><a class="btn-outline" href="billing.html">Go back</a></div>')
    page(s, "done.html", "Subscription cancelled",
         "<h1>Your subscription has been cancelled</h1>"
         '<table class="receipt"><thead><tr><th scope="col">Cancelled on</th><th scope="col">Reference</th><th scope="col">Early termination fee</th></tr></thead>'
         "<tbody><tr><td>December 2, 2026</td><td>TL-CXL-40917</td><td>$318.00</td></tr></tbody></table>"
         "<p>A receipt has been sent to priya.raman@example.com.</p>"
         '<p><a href="done.html">Download receipt (PDF)</a></p>')


def virenwacht():
    s = "virenwacht"
    home(s, "Schutz für alle Ihre Geräte", "Virenschutz, VPN und Passwort-Manager in einem Paket.",
         [("Total Security", "Für bis zu 5 Geräte."), ("Testsieger", "Schutzwirkung 6/6 im Labortest.")])
    page(s, "hilfe-deinstallieren.html", "VirenWacht deinstallieren",
         "<h1>VirenWacht deinstallieren</h1>"
         "<p>So entfernen Sie VirenWacht Total Security von Ihrem Windows-PC: Starten Sie den Deinstallationsassistenten. "
         "Er führt Sie durch die Schritte und entfernt alle Programmteile.</p>"
         '<p><a class="btn" href="assistent.html">Deinstallationsassistent starten</a></p>'
         + tiles([("VirenWacht VPN", "Jetzt 30 Tage kostenlos testen."), ("Lizenz übertragen", "Neuer PC? So ziehen Sie um.")])
         + video("Video abspielen", "Deinstallation Schritt für Schritt"),
         promo="Black Week: Total Security für 3 Geräte zum Vorteilspreis.")
    page(s, "assistent.html", "Deinstallationsassistent",
         '<div class="card"><h1>VirenWacht Total Security entfernen</h1>'
         "<p>Wenn Sie VirenWacht entfernen, ist Ihr PC ab sofort nicht mehr vor Viren, Erpressungstrojanern und Phishing geschützt.</p>"
         '<div class="btn-row"><a class="btn btn-big" href="hilfe-deinstallieren.html">Schutz behalten</a>'
         '<a class="btn-outline" href="angebot.html">Weiter zur Deinstallation</a></div></div>')
    page(s, "angebot.html", "Ihr Geschenk",
         '<div class="card"><h1>Bevor Sie gehen: 6 Monate Schutz geschenkt</h1>'
         "<p>Behalten Sie VirenWacht Total Security und zahlen Sie die nächsten 6 Monate nichts. Danach 4,99 € statt 7,99 € im Monat.</p>"
         '<div class="btn-row"><a class="btn btn-big" href="hilfe-deinstallieren.html">Geschenk annehmen</a></div>'
         '<p><a class="decline" href="pin.html">Nein danke, ich riskiere lieber meine Daten</a></p></div>')
    page(s, "pin.html", "Deinstallation bestätigen",
         '<div class="card"><h1>Deinstallation bestätigen</h1>'
         "<p>Zum Schutz vor Manipulation geben Sie bitte Ihre 4-stellige Sicherheits-PIN ein. Sie finden sie in Ihrer Willkommens-E-Mail.</p>"
         '<form data-next="fertig.html"><label for="pin">Sicherheits-PIN</label>'
         '<input type="password" id="pin" name="pin" inputmode="numeric" pattern="[0-9]{4}" required>'
         '<div class="btn-row"><button type="submit" class="btn">Jetzt deinstallieren</button></div></form></div>')
    page(s, "fertig.html", "Deinstalliert",
         '<div class="card"><h1>VirenWacht wurde deinstalliert.</h1>'
         "<p>Starten Sie Ihren PC neu, um die Entfernung abzuschließen.</p>"
         '<p><a href="index.html">Feedback geben (freiwillig)</a></p></div>')


def rollflott():
    s = "rollflott"
    page(s, "index.html", "E-Scooter in deiner Stadt",
         "<h1>Einfach losrollen</h1><p>Über 9.000 E-Scooter in 14 Städten. Entsperren per App, bezahlen pro Minute oder mit dem Monatspass.</p>"
         '<p><a class="btn" href="index.html">App herunterladen</a></p>'
         + tiles([("Monatspass ab 19,90 €", "30 Tage unbegrenzt entsperren, 45 Minuten pro Fahrt inklusive."),
                  ("Neu in Leipzig", "Die ersten 3 Fahrten ohne Entsperrgebühr."), ("Sicher unterwegs", "Helm-Tipps und Regeln.")])
         + video("Video abspielen", "So parkst du richtig"),
         promo="Winterreifen-Update: Alle Scooter in Berlin fahren jetzt mit Allwetterprofil.")
    page(s, "kuendigen.html", "Verträge hier kündigen",
         "<h1>Verträge hier kündigen</h1>"
         "<p>Hier kündigen Sie Ihren RollFlott-Monatspass oder Ihr Jahresabo. Eine Anmeldung ist dafür nicht nötig.</p>"
         '<form data-next="bestaetigung.html" class="card">'
         '<fieldset><legend>Art der Kündigung</legend>'
         '<div class="choice"><input type="radio" id="k1" name="art" checked><label for="k1">Ordentliche Kündigung</label></div>'
         '<div class="choice"><input type="radio" id="k2" name="art"><label for="k2">Außerordentliche Kündigung</label></div></fieldset>'
         '<label for="name">Vor- und Nachname</label><input type="text" id="name" name="name" autocomplete="name" required>'
         '<label for="mail">E-Mail-Adresse für die Bestätigung</label><input type="email" id="mail" name="mail" autocomplete="email" required>'
         '<label for="knr">Kundennummer oder Telefonnummer</label><input type="text" id="knr" name="knr" required>'
         '<fieldset><legend>Kündigungszeitpunkt</legend>'
         '<div class="choice"><input type="radio" id="z1" name="zeit" checked><label for="z1">Zum nächstmöglichen Zeitpunkt</label></div>'
         '<div class="choice"><input type="radio" id="z2" name="zeit"><label for="z2">Zu einem späteren Wunschtermin</label></div></fieldset>'
         '<label for="grund">Kündigungsgrund (freiwillig)</label><textarea id="grund" name="grund" rows="3"></textarea>'
         '<p class="steps">Übrigens: Im Winter können Sie Ihren Pass in der App auch bis zu 3 Monate ruhen lassen.</p>'
         '<div class="btn-row"><button type="submit" class="btn">jetzt kündigen</button></div></form>')
    page(s, "bestaetigung.html", "Kündigung eingegangen",
         "<h1>Ihre Kündigung ist bei uns eingegangen</h1>"
         '<table class="receipt"><caption class="sr-only">Ihre Kündigung</caption><tbody>'
         '<tr><th scope="row">Eingegangen am</th><td>02.12.2026</td></tr>'
         '<tr><th scope="row">Uhrzeit</th><td>05:42 Uhr</td></tr>'
         '<tr><th scope="row">Referenznummer</th><td>RF-K-2026-118204</td></tr>'
         '<tr><th scope="row">Vertrag</th><td>Monatspass Berlin</td></tr>'
         '<tr><th scope="row">Vertragsende</th><td>31.12.2026</td></tr></tbody></table>'
         "<p>Eine Kopie dieser Bestätigung haben wir an die angegebene E-Mail-Adresse gesendet.</p>"
         '<p><a href="bestaetigung.html">Bestätigung als PDF herunterladen</a> · '
         '<button type="button" class="btn-outline" data-print="1">Seite drucken</button></p>')


def wildhaven():
    s = "wildhaven"
    home(s, "Making space for nature", "We care for 38 nature reserves across East Anglia.",
         [("Volunteer", "Join a work party near you."), ("Visit", "Reserves open every day.")])
    page(s, "my-giving.html", "My giving",
         "<h1>My giving</h1>"
         '<div class="card"><h2>Monthly gift</h2><p>£8 by Direct Debit on the 1st of each month, since March 2021. Gift Aid: yes.</p>'
         '<ul><li><a href="my-giving.html">Change amount</a></li><li><a href="my-giving.html">Update bank details</a></li>'
         '<li><a href="stop.html">Stop my monthly gift</a></li></ul></div>'
         + tiles([("Adopt a hedgehog", "A gift for someone who loves wildlife."),
                  ("Gift Aid", "Add 25% to your gifts at no extra cost to you.")])
         + video("Play", "A year on Halvergate marshes"),
         promo="Winter appeal: help us restore 40 more hectares of wetland.")
    page(s, "stop.html", "Stop my monthly gift",
         "<h1>Stop your monthly gift</h1>"
         "<p>We're sorry to see you go. Your £8 Direct Debit will be cancelled and no further payments will be taken.</p>"
         '<form data-next="stopped.html" class="card">'
         '<label for="why">Would you like to tell us why? (optional)</label><select id="why" name="why">'
         "<option value=\"\">Choose a reason</option><option>I can no longer afford it</option><option>I support other causes</option>"
         "<option>I'd rather give in another way</option></select>"
         '<div class="btn-row"><button type="submit" class="btn">Stop my monthly gift</button>'
         '<a class="btn-outline" href="my-giving.html">Go back</a></div></form>')
    page(s, "stopped.html", "Monthly gift stopped",
         "<h1>Your monthly gift has been stopped</h1>"
         "<p>We cancelled your Direct Debit on 2 December 2026, reference WH-DD-55120. No more payments will be taken; "
         "your last gift was collected on 1 November 2026.</p>"
         "<p>We've emailed this confirmation to tom.ashworth@example.co.uk.</p>"
         '<p><a href="stopped.html">Download this confirmation (PDF)</a></p>'
         "<p>Thank you for everything you've given.</p>")


if __name__ == "__main__":
    for build in (kaskoflink, lingolune, fibrewave, photoharbor, teamloop, virenwacht, rollflott, wildhaven):
        build()
