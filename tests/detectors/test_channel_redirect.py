"""CX105 channel_redirect on hand-built journeys (no browser)."""

from __future__ import annotations

import pytest

from .pages import journey, page, run, step


def test_redirect_blocked_with_phone_and_address():
    j = journey("cancel", [step(0, page("Mein Abo", lang="de"), "goto"),
                           step(1, page("Eine Kündigung ist nur telefonisch möglich: 030 1234567 oder per Brief an "
                                        "Musterweg 4, 12345 Berlin.", lang="de"))], outcome="blocked")
    d = run("channel_redirect", j)
    assert d.score == 0 and d.evidence[0].step == 1
    assert "030 1234567" in d.details["contact_points"]
    assert any("12345 Berlin" in p for p in d.details["contact_points"])


def test_redirect_wording_but_completed_online_is_partial():
    j = journey("cancel", [step(0, page("Account"), "goto"),
                           step(1, page("Subscriptions cannot be cancelled online, please call 0800 555 1234"))])
    assert run("channel_redirect", j).score == 0.5


def test_footer_phone_is_not_a_redirect():
    j = journey("cancel", [step(0, page("Questions? Call 0800 001 0000"), "goto"),
                           step(1, page("Your membership has been cancelled.", "Questions? Call 0800 001 0000"))])
    assert run("channel_redirect", j).score == 1


def _policy(*texts: str, lang: str = "en", outcome: str = "blocked"):
    j = journey("cancel", [step(0, page("Help", lang=lang), "goto"),
                           step(1, page("Cancel your subscription", *texts, lang=lang))], outcome=outcome)
    return run("channel_redirect", j)


# Strings written for these tests, not taken from the corpus: each channel, and a sentence deep in a paragraph.
@pytest.mark.parametrize(("text", "lang"), [
    ("You may cancel at any time by calling 1-844-555-0111.", "en"),
    ("Members can cancel by e-mailing cancel@gym.example with their member number.", "en"),
    ("Cancellation requests must be made in writing.", "en"),
    ("Want to end your membership? Drop by the front desk of your home club.", "en"),   # carried from a question
    ("Please note that to terminate this agreement you need to send us a signed letter.", "en"),
    ("Eine K\u00fcndigung ist telefonisch unter 0800 111 2222 m\u00f6glich.", "de"),
    ("Bitte k\u00fcndigen Sie schriftlich per Post.", "de"),
    ("Ihre K\u00fcndigung schicken Sie bitte per Fax an 040 123 456.", "de"),
    ("Sie wollen Ihr Abo beenden? Rufen Sie unseren Kundenservice an.", "de"),
    ("Pour r\u00e9silier, envoyez une lettre recommand\u00e9e \u00e0 notre service client.", "fr"),
    ("To stop auto-renewal, text STOP to 80011.", "en"),
    ("Zur K\u00fcndigung wenden Sie sich bitte an unsere Servicehotline.", "de"),
    ("Bitte drucken Sie das K\u00fcndigungsformular aus und senden Sie es unterschrieben zur\u00fcck.", "de"),
    ("Pour mettre un terme \u00e0 votre contrat, rendez-vous en agence.", "fr"),
])
def test_redirect_on_each_channel(text, lang):
    d = _policy(text, lang=lang)
    assert d.score == 0, text


def test_redirect_deep_in_a_long_paragraph_is_judged_by_its_sentence():
    terms = ("Terms. " + "Your plan renews monthly and the price may change with notice. " * 8
             + "Cancellations are only accepted over the telephone on 0161 555 0100. Refunds are not given.")
    assert terms.index("Cancellations") > 300
    d = _policy(terms)
    assert d.score == 0
    assert d.evidence[0].words == "Cancellations are only accepted over the telephone on 0161 555 0100."
    assert "0161 555 0100" in d.details["contact_points"]


@pytest.mark.parametrize(("texts", "lang"), [
    (("You can cancel online at any time in your account.", "If you prefer, you can also call us on 0800 555 0100."), "en"),
    (("Cancel in two clicks: open Settings and tap Cancel subscription.",), "en"),
    (("We'll send you a confirmation by e-mail once your cancellation is processed.",), "en"),
    (("Questions about cancelling? Call us on 0800 555 0111.",), "en"),
    (("Your cancellation takes effect on 02.12.2026.",), "en"),
    (("K\u00fcndigen Sie jetzt online \u00fcber den K\u00fcndigungsbutton. Telefonisch erreichen Sie uns unter 0800 123 456.",), "de"),
    (("Nach der K\u00fcndigung erhalten Sie eine Best\u00e4tigung per E-Mail.",), "de"),
    (("Die K\u00fcndigung wird zum 31.12.2026 wirksam.",), "de"),
    (("Vous pouvez r\u00e9silier en ligne depuis votre espace client.",), "fr"),
    (("Need help cancelling? Visit our Help Centre.",), "en"),
    (("Um Ihr Widerrufsrecht auszu\u00fcben, m\u00fcssen Sie uns mittels einer eindeutigen Erkl\u00e4rung "
      "(z. B. ein mit der Post versandter Brief oder E-Mail) informieren.",), "de"),   # withdrawal, not cancelling
])
def test_online_cancel_and_other_phone_lines_are_not_redirects(texts, lang):
    assert _policy(*texts, lang=lang).score == 1, texts


# written for this test: a page that rules the site out and explains the way in another company's app
@pytest.mark.parametrize(("texts", "lang"), [
    (("You subscribed through the app store. Ending your plan isn't possible on this website.",
      "Open Settings on your phone, tap Subscriptions, then tap Cancel."), "en"),
    (("Eine Kündigung ist auf dieser Website nicht möglich.",
      "Öffnen Sie die App Ihres Anbieters und klicken Sie dort auf Abo kündigen."), "de"),
    (("La résiliation n'est pas possible sur ce site.", "Dans votre espace, cliquez sur Résilier."), "fr"),
])
def test_a_page_that_rules_the_site_out_redirects_whatever_else_it_explains(texts, lang):
    d = _policy(*texts, lang=lang)
    assert d.score == 0 and len(d.evidence) == 1
    assert d.evidence[0].words.startswith(("Ending", "Eine", "La"))


def test_a_page_that_offers_the_way_online_is_no_redirect_for_its_other_sentences():
    # the phone line beside an online way stays an aside; only a sentence that rules the site out would count
    d = _policy("You can cancel online in your account at any time.", "To cancel, you can also call 0800 555 1234.")
    assert d.score == 1


def test_french_future_and_modal_forms_rule_the_site_out():
    d = _policy("La résiliation de votre abonnement ne pourra pas être faite en ligne.",
                "Merci de nous écrire à l'adresse ci-dessous.", lang="fr")
    assert d.score == 0


# written for this test: the customer's account named as the place where cancelling is not possible
@pytest.mark.parametrize(("texts", "lang"), [
    (("Your membership can't be cancelled from your account.", "Please write to Member Services, PO Box 12, Leeds."), "en"),
    (("Votre contrat ne peut pas être résilié depuis votre compte client.",
      "Merci d'envoyer un courrier à notre service abonnés."), "fr"),
])
def test_cancelling_ruled_out_in_the_customers_account_is_a_redirect(texts, lang):
    assert _policy(*texts, lang=lang).score == 0


def test_cancelling_from_the_account_offered_is_no_redirect():
    assert _policy("You can end your plan from your account at any time.",
                   "Questions? Call 0800 555 0100.").score == 1
    assert _policy("Vous pouvez résilier depuis votre compte client à tout moment.", lang="fr").score == 1


def test_a_request_sent_only_to_the_phone_is_a_redirect_on_a_contact_journey():
    # funkfuchs (eval/unseen12), rebuilt: the contact page takes requests "ausschließlich telefonisch"; the start
    # page's "monatlich kündbar, Rufnummer einfach mitnehmen" (keep your own number) sends no one anywhere
    start = page("Im besten Netz, monatlich kündbar, Rufnummer einfach mitnehmen.", lang="de", view="/|Start")
    contact = page("Anfragen per E-Mail oder über ein Kontaktformular können wir leider nicht bearbeiten. Ihr Anliegen "
                   "klären Sie bitte ausschließlich telefonisch mit uns.", lang="de", view="/kontakt|Kontakt")
    d = run("channel_redirect", journey("contact_support", [step(0, start, "goto"), step(1, contact)], outcome="blocked"))
    assert d.score == 0 and [e.step for e in d.evidence] == [1]
    for text, lang in (("Für Ihr Anliegen erreichen Sie uns nicht nur telefonisch, sondern auch im Chat.", "de"),
                       ("Vos demandes ne sont pas traitées uniquement par téléphone : écrivez-nous aussi.", "fr")):
        other = page(text, lang=lang, view="/kontakt|Kontakt")
        assert run("channel_redirect", journey("contact_support", [step(0, start, "goto"), step(1, other)])).score == 1
    # the company's number is still a channel: "unter der Rufnummer 0800 …"
    call = page("Kündigungen nehmen wir unter der Rufnummer 0800 123 4567 entgegen.", lang="de", view="/k|K")
    assert run("channel_redirect", journey("cancel", [step(0, start, "goto"), step(1, call)], outcome="blocked")).score == 0


def test_calling_off_a_visit_and_a_word_ending_in_ring_are_no_phone_channel():
    # hearthguard (eval/unseen15), rebuilt: a search result list; "call off" cancels, "monitoring" holds "ring"
    results = page("Cancel a technician appointment Reschedule or call off a visit you booked.",
                   "Cancel or end your monitoring service What you need to end your monitoring agreement.",
                   "Questions about a new system? Call us 24/7 on 1-800-555-0182", view="/help?q=cancel|Results")
    j = journey("cancel", [step(0, page("Help"), "goto"), step(1, results)], outcome="blocked")
    assert run("channel_redirect", j).score == 1


def test_a_gift_that_cannot_be_stopped_online_and_advice_given_only_by_phone_are_redirects():
    # hearthlight and moewenbank (eval/unseen16), rebuilt
    assert _policy("A regular gift by Direct Debit can't be stopped online. To stop it, print the form below, "
                   "sign it and send it by post to: Supporter Care, FREEPOST RTHL-0021").score == 0
    advice = page("Persönliche Beratung erhalten Sie bei der Möwenbank nur telefonisch.", "040 555 0123",
                  lang="de", view="/kontakt|Kontakt")
    d = run("channel_redirect", journey("contact_support", [step(0, page("Hilfe", lang="de"), "goto"), step(1, advice)],
                                        outcome="blocked"))
    assert d.score == 0 and "040 555 0123" in d.details["contact_points"]
    assert _policy("You can stop your gift online in your account at any time.", outcome="completed").score == 1


def test_closed_phone_lines_and_stopped_payments_send_no_one_elsewhere():
    for text in ("Our phone lines will be closed on Monday 25 December.", "If you stop your monthly payments we will write to you."):
        assert _policy(text).score == 1, text
