"""CX403 limited_contact_channels on hand-built contact pages (no browser)."""

from __future__ import annotations

from factories import field, form

from cxaudit.results.model import FilledValue

from .judged import judged
from .pages import el, journey, page, run, step


def _contact(*texts, elements=(), forms=()):
    return page(*texts, elements=elements, forms=forms, view="/contact|Contact us")


def test_channels_phone_only_fails():
    j = journey("contact_support", [step(0, page("Help centre", view="/|Help"), "goto"),
                                    step(1, _contact("Call us", "0800 111 2222"))], outcome="blocked")
    d = run("limited_contact_channels", j)
    assert d.score == 0 and d.details["channels"] == ["phone"]


def test_channels_two_partial_three_pass_with_structure():
    message = form(field(label="Your message", type="textarea"))
    two = journey("contact_support", [step(0, _contact("Ring us: 0800 111 2222", "Write to us at PO Box 12"))])
    three = journey("contact_support", [step(0, _contact("Hotline", elements=[
        el("support@shop.example", "link", href="mailto:support@shop.example"), el("Send")], forms=[message]))])
    assert run("limited_contact_channels", two).details["channels"] == ["phone", "post"]
    assert run("limited_contact_channels", two).score == 0.5
    d = run("limited_contact_channels", three)
    assert d.score == 1 and d.details["channels"] == ["email", "form", "phone"]


def test_channels_customers_own_email_does_not_count():
    s = step(0, _contact("Thanks! We will reply to me@home.example", "Call us"), "fill",
             filled=[FilledValue(label="Email", value="me@home.example")])
    assert run("limited_contact_channels", journey("contact_support", [s])).details["channels"] == ["phone"]


def test_channels_not_applicable_without_contact_page_or_on_other_goals():
    chat_only = journey("contact_support", [step(0, page("Help", view="/|Help"), "goto")])
    assert run("limited_contact_channels", chat_only).score is None
    assert judged("limited_contact_channels", journey("cancel", [step(0, _contact("x"), "goto")])).status == "not_applicable"


def test_a_number_labelled_as_a_registration_or_customer_number_is_no_phone():
    j = journey("contact_support", [step(0, page("Help centre", view="/|Help"), "goto"),
                                    step(1, _contact("Registered in England and Wales, company no. 09127734",
                                                     "Your customer number: 0451 2231", "Write to us: help@example.com"))])
    d = run("limited_contact_channels", j)
    assert "phone" not in d.details["channels"]
    j.steps[1].observation.text_blocks[0].text += ". Our lines: 0800 111 2222"
    assert "phone" in run("limited_contact_channels", j).details["channels"]


def test_a_channel_the_page_says_it_does_not_serve_is_not_offered():
    # funkfuchs (eval/unseen12), rebuilt: e-mail and the contact form are named only to say they go unanswered
    refused = page("Anfragen per E-Mail oder über ein Kontaktformular können wir leider nicht bearbeiten.",
                   "Ihr Anliegen klären Sie bitte ausschließlich telefonisch mit uns.", "Hotline: 0900 1 369 247",
                   lang="de", view="/kontakt|Kontakt")
    d = run("limited_contact_channels", journey("contact_support", [step(0, refused)], outcome="blocked"))
    assert d.details["channels"] == ["phone"] and d.score == 0
    for text in ("Schreiben Sie uns eine E-Mail an hilfe@example.de, wir antworten binnen 24 Stunden.",
                 "E-mail us at help@example.com. We do not answer at weekends.",
                 "Nous ne traitons pas les demandes envoyées à aide@example.fr."):
        lang = {"S": "de", "N": "fr"}.get(text[0], "en")
        here = page(text, "01 23 45 67 89" if lang == "fr" else "0800 111 2222", lang=lang, view="/contact|Contact")
        found = run("limited_contact_channels", journey("contact_support", [step(0, here)]))
        assert len(found.details["channels"]) == (1 if text.startswith("Nous") else 2), text


def test_french_contact_pages_name_phone_post_and_chat_in_words():
    # cielmer (eval/unseen13): "Discuter en ligne", "Par téléphone 0 892 55 01 20", "Par courrier … BP 4120 … Cedex"
    aide = page("Discuter en ligne", "Par téléphone 0 892 55 01 20 (service 0,35 €/min)",
                "Par courrier Ciel Mer, BP 4120, 06201 Nice Cedex 3", lang="fr", view="/aide|Aide et contact")
    d = run("limited_contact_channels", journey("contact_support", [step(0, aide)]))
    assert d.details["channels"] == ["chat", "phone", "post"] and d.score == 1


def test_a_channel_refused_with_the_verb_first_is_not_offered():
    # moewenbank (eval/unseen16), rebuilt: German puts the verb before "nicht"
    kontakt = page("Persönliche Beratung erhalten Sie nur telefonisch.", "040 555 0123",
                   "Anfragen per E-Mail beantworten wir aus Sicherheitsgründen nicht. Einen Chat oder ein "
                   "Kontaktformular bieten wir nicht an.", lang="de", view="/kontakt|Kontakt")
    d = run("limited_contact_channels", journey("contact_support", [step(0, kontakt)], outcome="blocked"))
    assert d.details["channels"] == ["phone"] and d.score == 0
    offered = page("Ein Kontaktformular bieten wir rund um die Uhr an.", "040 555 0123", "Schreiben Sie an hilfe@example.de",
                   lang="de", view="/kontakt|Kontakt")
    assert "form" in run("limited_contact_channels", journey("contact_support", [step(0, offered)])).details["channels"]
    for text, channel in (("We don't offer live chat.", "chat"),
                          ("We no longer provide e-mail support at help@example.com.", "email")):
        here = page(text, "0800 111 2222", lang="en", view="/contact|Contact")
        assert run("limited_contact_channels", journey("contact_support", [step(0, here)])).details["channels"] == ["phone"]
        said = page(text.replace("don't offer", "offer").replace("no longer provide", "provide"), "0800 111 2222",
                    lang="en", view="/contact|Contact")
        assert channel in run("limited_contact_channels", journey("contact_support", [step(0, said)])).details["channels"]


def test_a_sentence_that_refuses_something_else_keeps_its_channels():
    for text, lang in (("We don't have a physical store, but you can call us on 0800 111 2222 or email help@example.com.", "en"),
                       ("E-Mails an hilfe@example.de beantworten wir in der Regel nicht später als 24 Stunden. 040 555 0100", "de"),
                       ("Nous ne proposons pas seulement le téléphone : écrivez à aide@example.fr ou au 01 23 45 67 89.", "fr")):
        here = page(text, lang=lang, view="/contact|Contact")
        assert len(run("limited_contact_channels", journey("contact_support", [step(0, here)])).details["channels"]) == 2, text
