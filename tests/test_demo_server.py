"""The embedded demo sites, without a browser: urllib against DemoServer on a free port."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import yaml

from cxaudit.demo import DemoServer
from cxaudit.demo.core import variant_flags
from cxaudit.demo.sites import SITES

JOURNEYS = Path(__file__).resolve().parent.parent / "journeys" / "demo"
VARIANTS = ("hostile", "clean")

# Pages every variant serves on a plain GET with a fresh session.
PAGES = {
    "streamline": ["/", "/plans", "/signup", "/account", "/account/billing", "/account/devices", "/account/cancel",
                   "/account/cancelled"],
    "funknetz": ["/", "/tarife", "/bestellen", "/login", "/mein-funknetz/kuendigung", "/kuendigen"],
    "kontofix": ["/", "/deinstallieren"],
    "parcelpal": ["/", "/contact", "/chat-frame", "/track?nr=PP1"],
    "paketblitz": ["/", "/contact", "/chat-frame", "/track?nr=PB1"],
    "tagesblatt": ["/", "/abo", "/abo/kuendigen"],
}
HOSTILE_ONLY = {
    "streamline": ["/account/cancel/pause", "/account/cancel/survey", "/account/cancel/confirm"],
}


@pytest.fixture(scope="module")
def server():
    with DemoServer() as srv:
        yield srv


class Browser:
    """A urllib opener with its own cookie jar: one 'browser session'."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None, method: str | None = None, as_json: bool = False):
        body, headers = None, {}
        if data is not None:
            if as_json:
                body, headers["Content-Type"] = json.dumps(data).encode(), "application/json"
            else:
                body = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(self.base + path, data=body, headers=headers, method=method)
        try:
            with self.opener.open(req, timeout=10) as resp:
                return resp.status, resp.geturl(), resp.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.geturl(), e.read().decode("utf-8")

    def get(self, path: str):
        return self.request(path)

    def post(self, path: str, data: dict, as_json: bool = False):
        return self.request(path, data, "POST", as_json)


@pytest.fixture
def browser(server):
    return Browser(server.base_url)


def test_binds_to_loopback_on_a_free_port(server):
    assert server.base_url.startswith("http://127.0.0.1:")
    assert server.port > 0
    assert DemoServer().host == "127.0.0.1"


def test_two_servers_and_stop():
    with DemoServer() as a, DemoServer() as b:
        assert a.base_url != b.base_url
        assert Browser(a.base_url).get("/")[0] == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(a.base_url + "/", timeout=2)


def test_index_lists_every_site_and_variant(browser):
    status, _, html = browser.get("/")
    assert status == 200
    for name in SITES:
        for v in VARIANTS:
            assert f'href="/{name}/{v}/"' in html


def test_sites_have_pages_listed():
    assert set(PAGES) == set(SITES)


@pytest.mark.parametrize("site", sorted(PAGES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_answers_200(server, site, variant):
    b = Browser(server.base_url)
    paths = PAGES[site] + (HOSTILE_ONLY.get(site, []) if variant == "hostile" else [])
    for path in paths:
        status, _, html = b.get(f"/{site}/{variant}{path}")
        assert status == 200, path
        assert "<html lang=" in html
        # no external resources: everything is served from this server
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), path


@pytest.mark.parametrize("path", ["/account/cancel/pause", "/account/cancel/survey", "/account/cancel/confirm"])
def test_clean_streamline_has_no_retention_screens(browser, path):
    assert browser.get(f"/streamline/clean{path}")[0] == 404


@pytest.mark.parametrize("path", ["/nope", "/streamline/nope/", "/streamline/hostile/nope", "/static/nope.css",
                                  "/static/..%2Fserver.py", "/nosuchsite/hostile/", "/tagesblatt/hostile/abo/x"])
def test_unknown_paths_are_404(browser, path):
    assert browser.get(path)[0] == 404


def test_site_root_without_slash_redirects(browser):
    status, url, _ = browser.get("/kontofix/clean")
    assert status == 200 and url.endswith("/kontofix/clean/")


def test_head_and_static(server):
    req = urllib.request.Request(server.base_url + "/streamline/clean/", method="HEAD")
    with urllib.request.urlopen(req) as resp:
        assert resp.status == 200 and resp.read() == b""
    for name in ("streamline.css", "streamline.js", "common.js", "chat.js"):
        with urllib.request.urlopen(f"{server.base_url}/static/{name}") as resp:
            assert resp.status == 200
            assert resp.headers["Content-Type"].split(";")[0] in ("text/css", "text/javascript",
                                                                  "application/javascript")


def test_sid_cookie_and_separate_sessions(server):
    a, b = Browser(server.base_url), Browser(server.base_url)
    a.post("/streamline/clean/plans", {"plan": "premium"})
    status, url, html = a.post("/streamline/clean/signup", {"email": "a@example.com", "password": "secret1"})
    assert url.endswith("/streamline/clean/welcome") and "Welcome to Streamline" in html and "Premium" in html
    assert any(c.name == "sid" for c in a.jar)
    # b has its own session: no membership there
    status, url, html = b.get("/streamline/clean/welcome")
    assert url.endswith("/streamline/clean/plans")
    # state is kept per variant too
    assert a.get("/streamline/hostile/welcome")[1].endswith("/streamline/hostile/plans")


def test_streamline_cancel_keeps_state(browser):
    assert "Cancel membership" in browser.get("/streamline/clean/account")[2]
    assert browser.post("/streamline/clean/api/survey", {"comment": "fine"}, as_json=True)[0] == 200
    status, _, body = browser.post("/streamline/clean/api/cancel", {}, as_json=True)
    data = json.loads(body)
    assert data["reference"].startswith("SL-") and data["ends"]
    html = browser.get("/streamline/clean/account")[2]
    assert "Cancelled" in html and data["reference"] in html
    status, _, text = browser.get("/streamline/clean/account/confirmation.txt")
    assert status == 200 and data["reference"] in text


def test_streamline_hostile_survey_is_mandatory(browser):
    status, _, body = browser.post("/streamline/hostile/api/survey", {"comment": ""}, as_json=True)
    assert status == 400 and "Please tell us why you are leaving" in body
    html = browser.get("/streamline/hostile/account/cancel/survey")[2]
    assert 'type="radio" name="reason"' in html and "required" in html
    assert json.loads(browser.post("/streamline/hostile/api/cancel", {}, as_json=True)[2]) == {"ok": True}
    assert browser.get("/streamline/hostile/account/confirmation.txt")[0] == 404


def test_funknetz_hostile_flow(browser):
    base = "/funknetz/hostile"
    status, url, html = browser.get(base + "/mein-funknetz/kuendigung")
    assert "/login?next=" in url and "Kundennummer" in html
    status, url, html = browser.post(base + "/login", {"kundennummer": "K-100200", "passwort": "wrong",
                                                       "next": "/mein-funknetz/kuendigung"})
    assert status == 401
    status, url, html = browser.post(base + "/login", {"kundennummer": "K-100200", "passwort": "demo1234",
                                                       "next": "/mein-funknetz/kuendigung"})
    assert url.endswith("/mein-funknetz/kuendigung") and "Kündigungsgrund" in html
    form = {"rufnummer": "0171 2345678", "art": "ordentlich", "pin": "4711", "sicherheitsantwort": "Bello"}
    status, _, html = browser.post(base + "/mein-funknetz/kuendigung", {**form, "grund": ""})
    assert status == 400 and "Bitte wählen Sie einen Kündigungsgrund." in html
    status, url, html = browser.post(base + "/mein-funknetz/kuendigung", {**form, "grund": "Preis zu hoch"})
    assert url.endswith("/bestaetigen") and "Bitte bestätigen Sie Ihre Rufnummer" in html
    assert browser.post(base + "/mein-funknetz/kuendigung/bestaetigen", {"rufnummer": "0999"})[0] == 400
    status, url, html = browser.post(base + "/mein-funknetz/kuendigung/bestaetigen", {"rufnummer": "01712345678"})
    assert url.endswith("/angebot") and "20 % Rabatt" in html and "Nein danke, ich zahle lieber mehr" in html
    html = browser.get(base + "/mein-funknetz/kuendigung/abschluss")[2]
    assert "Kündigungsabsicht abschicken" in html and "Preis zu hoch" in html
    status, url, html = browser.post(base + "/mein-funknetz/kuendigung/abschluss", {})
    assert "Ihre Kündigungsabsicht ist bei uns eingegangen" in html
    assert not re.search(r"FN-\d|\d{2}\.\d{2}\.\d{4}|Uhr", html.split("<main")[1].split("</main>")[0])


def test_funknetz_clean_flow(browser):
    base = "/funknetz/clean"
    html = browser.get(base + "/")[2]
    assert "Verträge hier kündigen" in html and "Vertragsservice" not in html
    assert browser.get(base + "/mein-funknetz/kuendigung")[1].endswith(base + "/kuendigen")
    form = {"art": "ordentlich", "name": "Erika Mustermann", "vertrag": "0171 2345678", "zeitpunkt": "naechst",
            "email": "erika@example.de"}
    assert browser.post(base + "/kuendigen", {**form, "art": "ausserordentlich"})[0] == 400  # reason needed
    status, url, html = browser.post(base + "/kuendigen", form)
    assert url.endswith("/kuendigen/bestaetigung")
    m = re.search(r"Ihre Kündigung ist am (\d\d\.\d\d\.\d{4}) um (\d\d:\d\d) Uhr eingegangen\. Referenz: (FN-\d+)\."
                  r" Eine Bestätigung wurde an erika@example\.de gesendet\.", html)
    assert m, html
    status, _, text = browser.get(base + "/kuendigen/bestaetigung.txt")
    assert status == 200 and m.group(3) in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_funknetz_signup(server, variant):
    b = Browser(server.base_url)
    status, url, html = b.post(f"/funknetz/{variant}/tarife", {"tarif": "l"})
    assert url.endswith("/bestellen") and "FunkNetz L" in html
    status, url, html = b.post(f"/funknetz/{variant}/bestellen", {"name": "E M", "email": "e@example.de"})
    assert "Vielen Dank für Ihre Bestellung" in html


def test_kontofix(browser):
    html = browser.get("/kontofix/hostile/deinstallieren")[2]
    assert re.search(r"<button[^>]*type=\"submit\" disabled>Jetzt deinstallieren", html)
    assert browser.post("/kontofix/hostile/deinstallieren", {"grund": "Zu teuer", "kommentar": "kurz"})[0] == 400
    status, url, html = browser.post("/kontofix/hostile/deinstallieren",
                                     {"grund": "Zu teuer", "kommentar": "Das ist mir auf Dauer zu teuer."})
    assert "KontoFix wurde deinstalliert." in html
    html = browser.get("/kontofix/clean/deinstallieren")[2]
    assert "disabled" not in html and "(optional)" in html
    assert "KontoFix wurde deinstalliert." in browser.post("/kontofix/clean/deinstallieren", {})[2]


@pytest.mark.parametrize("site,human,joined", [("parcelpal", "I want to talk to a human", "Anna has joined"),
                                               ("paketblitz", "Ich möchte einen Mitarbeiter", "Anna ist dem Chat")])
def test_chat_bot(server, site, human, joined):
    b = Browser(server.base_url)

    def say(variant, text):
        return json.loads(b.post(f"/{site}/{variant}/api/chat", {"message": text}, as_json=True)[2])

    hostile = [say("hostile", m)["messages"][0] for m in ("where is it", "not here", human)]
    assert all("12. November" in r["text"] or "12 November" in r["text"] for r in hostile)
    assert all(r.get("helpful") for r in hostile)
    assert len({r["text"] for r in hostile}) == 3          # near-duplicates, not identical
    assert not any(joined in r["text"] for r in hostile)
    clean = [say("clean", m) for m in ("where is it", "not here", "open an investigation / Nachforschung", human)]
    texts = [c["messages"][0]["text"] for c in clean]
    assert len(set(texts)) == 4 and re.search(r"P[PB]-\d{7}", texts[2])
    assert joined in texts[3] and clean[3]["status"]


def test_helpcentre_contact(browser):
    html = browser.get("/parcelpal/hostile/contact")[2]
    assert "Estimated wait time: about 90 minutes" in html and "mailto:" not in html and "<form" not in html
    assert browser.post("/parcelpal/hostile/contact", {"name": "x"})[0] == 404
    html = browser.get("/paketblitz/clean/contact")[2]
    assert "mailto:" in html and "<form" in html and "Wartezeit" not in html
    assert browser.post("/paketblitz/clean/contact", {"name": "", "email": "x", "message": ""})[0] == 400
    status, url, html = browser.post("/paketblitz/clean/contact",
                                     {"name": "Sam", "email": "sam@example.de", "message": "Paket fehlt"})
    assert url.endswith("/contact/sent") and re.search(r"Vorgangsnummer PB-\d{7}", html)
    html = browser.get("/parcelpal/hostile/")[2]
    assert "How would you rate our service?" in html
    assert "How would you rate our service?" not in browser.get("/parcelpal/clean/")[2]


def test_tagesblatt(browser):
    html = browser.get("/tagesblatt/hostile/abo/kuendigen")[2]
    assert "Kündigung nur schriftlich per Post" in html and "<form" not in html
    assert browser.post("/tagesblatt/hostile/abo/kuendigen", {"name": "x"})[0] == 404
    status, url, html = browser.post("/tagesblatt/clean/abo/kuendigen",
                                     {"name": "Marie Schneider", "nummer": "TB-4410723", "email": "m@example.de"})
    assert re.search(r"Ihre Kündigung ist am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr eingegangen\. Referenz: TB-K-\d{6}", html)
    assert "Gekündigt zum" in browser.get("/tagesblatt/clean/abo")[2]


def test_variants_are_flag_sets():
    for site in SITES.values():
        assert variant_flags(site, "hostile") == frozenset(site.frictions)
        assert variant_flags(site, "clean") == frozenset()
        assert variant_flags(site, "custom") is None


def _journeys():
    return sorted(JOURNEYS.glob("*.yaml"))


def test_every_journey_is_documented_and_starts_on_a_page(server):
    readme = (JOURNEYS / "README.md").read_text(encoding="utf-8")
    assert len(_journeys()) >= 18
    for path in _journeys():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {"name", "goal", "site", "language", "start", "steps"} <= set(data), path.name
        site, variant = data["site"].split("/")
        assert data["start"].startswith(f"/{site}/{variant}/")
        assert data.get("success") or data.get("blocked")
        assert f"`{path.name}`" in readme, path.name
        assert Browser(server.base_url).get(data["start"])[0] == 200, path.name
