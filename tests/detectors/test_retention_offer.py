"""CX201 retention_offer on hand-built journeys (no browser)."""

from __future__ import annotations

import pytest

from .judged import judged
from .pages import ACCOUNT, DONE_EN, el, journey, page, run, step


def test_retention_two_offer_screens_fail_and_count_screens():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), element=el("Cancel")),
        step(2, page("Stay a little longer: 3 months at 30% off", view="/c/offer|Offer"), "screenshot"),
        step(3, page("Freeze your subscription for a while?", view="/c/freeze|Freeze"), element=el("No")),
        step(4, DONE_EN, element=el("Cancel")),
    ])
    d = run("retention_offer", j)
    assert d.score == 0 and d.value == 2
    assert [e.step for e in d.evidence] == [1, 3]
    assert "30% off" in d.evidence[0].words and d.evidence[0].screenshot_step == 1


def test_retention_one_screen_is_partial_in_german():
    j = journey("cancel", [step(0, page("Mein Vertrag", lang="de", view="/v|V"), "goto"),
                           step(1, page("Ehe Sie gehen: 6 Monate kostenlos weiter surfen", lang="de", view="/o|O")),
                           step(2, page("Kündigung eingegangen", lang="de", view="/d|D"))])
    d = run("retention_offer", j)
    assert d.score == 0.5 and d.value == 1


def test_retention_ignores_start_page_price_and_success_page():
    j = journey("cancel", [
        step(0, ACCOUNT, "goto"),
        step(1, ACCOUNT, "dismiss", element=el("Accept all")),  # same view as the start
        step(2, page("Cancel your membership?", "It ends on 2 December 2026.", view="/c|Cancel")),
        step(3, page("Cancelled. Come back any time and get 50% off your first month", view="/done|Done")),
    ])
    d = run("retention_offer", j)
    assert d.score == 1 and d.value == 0


def test_retention_not_applicable_to_contact():
    assert judged("retention_offer", journey("contact_support", [step(0, ACCOUNT, "goto")])).status == "not_applicable"


def _one_screen(*texts: str, lang: str = "en", elements=()) -> float:
    j = journey("cancel", [step(0, ACCOUNT, "goto"), step(1, page(*texts, lang=lang, elements=elements, view="/c/s|S")),
                           step(2, DONE_EN, element=el("Cancel"))])
    return run("retention_offer", j).value


def test_an_opener_that_offers_nothing_is_not_an_offer():
    """The eval's uninstall survey, rebuilt: "Before you go" heads a question and an optional reason form."""
    assert _one_screen("Before you go, help us improve Sketchly", "Why are you removing the app? (optional)",
                       elements=[el("Skip"), el("Send and uninstall")]) == 0
    assert _one_screen("Bevor Sie gehen: Ihre Meinung zählt", "Was hat Ihnen gefehlt? Die Angabe ist freiwillig.",
                       lang="de") == 0
    assert _one_screen("Ehe Sie kündigen", "Laden Sie Ihre Rechnungen herunter.", lang="de") == 0


def test_an_amount_is_an_offer_only_with_what_makes_it_one():
    assert _one_screen("Your plan", "Premium, $14.99 per month, renews on 3 May.") == 0
    assert _one_screen("Your refund", "We will pay back the unused €3.20 within a week.") == 0
    # the cue in the heading, the amount in the paragraph below
    assert _one_screen("Rather keep the weekend edition?", "Saturday and Sunday for $7 a month.") == 1
    assert _one_screen("Lieber nur digital lesen?", "Das E-Paper kostet 8,90 € im Monat.", lang="de") == 1


def test_a_negated_offer_is_not_one_and_typographic_apostrophes_are_read():
    assert _one_screen("Pausing your plan", "Pausing your subscription is not available on annual plans.") == 0
    assert _one_screen("Ihr Tarif", "Leider können Sie Ihren Vertrag nicht pausieren.", lang="de") == 0
    assert _one_screen("Wait – here’s a little something to stay", "Two extra weeks, on the house.") == 1
    assert _one_screen("Un petit geste", "Nous vous offrons deux semaines gratuites.", lang="fr") == 1


def test_an_untagged_pattern_of_a_user_lexicon_counts_as_an_offer():
    import re

    from cxaudit.judge.detectors._offers import offers
    from cxaudit.judge.lexicon import Lexicon

    from .pages import LEXICONS

    mine = Lexicon("retention_offer", patterns={k: list(v) for k, v in LEXICONS["retention_offer"].patterns.items()})
    mine.patterns["en"].append(re.compile(r"\bcomplimentary\s+\w+", re.IGNORECASE))
    shown = step(1, page("A complimentary tote bag is yours", view="/o|O"))
    assert offers(mine, shown, "en") and not offers(LEXICONS["retention_offer"], shown, "en")


def test_more_forms_of_an_offer_and_a_balance_that_is_none():
    # written for this test, not taken from the corpus
    assert _one_screen("Need a breather?", "Freeze billing for up to 8 weeks and come back when you like.") == 1
    assert _one_screen("Stay at today's rate", "Lock in your current price for another year.") == 1
    assert _one_screen("Noch nicht überzeugt?", "Wir verlängern Ihre Testphase um 14 Tage.", lang="de") == 1
    assert _one_screen("Kleiner statt weg", "Herabstufen auf Basis: 2 GB bleiben kostenlos.", lang="de") == 1
    assert _one_screen("Un geste pour vous", "10 € crédités sur votre prochaine facture.", lang="fr") == 1
    assert _one_screen("Your miles", "You have 12,400 miles. They expire a year after your account closes.") == 0


def test_the_sites_furniture_offers_nothing_on_the_way_out():
    """A "Rewards" link in the navigation and a promo banner the start page showed too are not this screen's."""
    banner = "Subscribe for a year and get 2 months free"
    nav = el("Rewards", role="link", landmark="nav")
    j = journey("cancel", [step(0, page(banner, elements=[nav]), "goto"),
                           step(1, page("Cancel your plan", banner, elements=[nav, el("Bonus points", role="link", in_footer=True)],
                                        view="/c|C")),
                           step(2, DONE_EN, element=el("Cancel"))])
    assert run("retention_offer", j).value == 0
    j.steps[1].observation.text_blocks[0].text = "Stay and get 2 months free"  # said on this screen: an offer
    assert run("retention_offer", j).value == 1


def test_an_offer_conditional_on_staying_and_cancelling_at_no_cost_is_none():
    assert _one_screen("One more thing", "If you stay through March, your April box is free.") == 1
    assert _one_screen("Letzte Frage", "Wenn Sie noch drei Monate bleiben, senken wir Ihren Beitrag um 5 €.", lang="de") == 1
    assert _one_screen("Un dernier mot", "Si vous restez, la livraison est sans supplément.", lang="fr") == 1
    assert _one_screen("Price change", "From May the plan costs $9.99. You can cancel before then at no cost.") == 0


def test_answers_the_customer_picks_and_the_final_page_offer_nothing():
    reasons = [el("I'm taking a break from the gym", role="radio"), el("Too expensive", role="radio")]
    assert _one_screen("Why are you leaving?", "I'm taking a break from the gym", elements=reasons) == 0
    # an option the company words as its offer is one
    assert _one_screen("What would you like to do?", elements=[el("Pause my membership for 3 months", role="radio")]) == 1
    # the final page first shown by a click, then an accepted dialog: its win-back line is not counted
    done = page("Your plan has been cancelled", "Come back anytime and get 30% off", view="/done|Done")
    j = journey("cancel", [step(0, ACCOUNT, "goto"), step(1, done, element=el("Confirm")),
                           step(2, done, "dialog")])
    assert run("retention_offer", j).value == 0


def test_an_alternative_to_cancelling_is_an_offer():
    assert _one_screen("Keep your notes", "Move to our free Basic plan instead of cancelling.") == 1
    assert _one_screen("Une autre option", "Passez à la formule Essentiel au lieu de résilier.", lang="fr") == 1
    assert _one_screen("Your plan", "You are on the free plan. Nothing will be charged.") == 0


def test_a_negation_inside_an_offer_is_the_offer():
    # written for this test: "keine Monatsgebühr" is what is offered, "nicht verfügbar" denies the offer
    assert _one_screen("Lieber günstiger?", "Wechseln Sie zu Basis: keine Monatsgebühr, nur 0,30 € je Fahrt.", lang="de") == 1
    assert _one_screen("Switch instead?", "Go Lite: no monthly fee, pay per use.") == 1
    assert _one_screen("Ihr Tarif", "Ein Tarifwechsel ist für Ihren Vertrag nicht verfügbar.", lang="de") == 0


def _screen_of(text: str, lang: str = "en"):
    done = DONE_EN if lang == "en" else page("Fertig" if lang == "de" else "Terminé", lang=lang, view="/d|D")
    j = journey("cancel", [step(0, ACCOUNT, "goto"), step(1, page("Before you finish", text, lang=lang, view="/o|O")),
                           step(2, done)])
    return run("retention_offer", j)


# Written for these tests, not taken from the corpus: staying, and what it brings, in one sentence.
@pytest.mark.parametrize(("text", "lang"), [
    ("Stay with us through spring and your router rental is on us.", "en"),
    ("If you keep your line, we'll add the movie bundle at no extra cost.", "en"),
    ("Wenn Sie Ihre Karte behalten, berechnen wir Ihnen die Jahresgebühr nicht.", "de"),
    ("Bleiben Sie dabei und zahlen Sie bis März weniger.", "de"),
    ("Si vous gardez votre ligne, la box vous est offerte.", "fr"),
])
def test_a_condition_of_staying_with_a_benefit_is_an_offer(text, lang):
    assert _screen_of(text, lang).score == 0.5, text


@pytest.mark.parametrize(("text", "lang"), [
    ("If you stay until the end of the month, your data remains in your account.", "en"),  # staying, nothing offered
    ("There is no charge for cancelling.", "en"),                                         # a benefit, no staying
    ("Songs you downloaded for free remain in your library.", "en"),                      # already the customer's
    ("Für die Kündigung fällt keine Gebühr an.", "de"),
    ("Gratis heruntergeladene Titel bleiben in Ihrer Bibliothek.", "de"),
    ("Les titres téléchargés gratuitement restent dans votre bibliothèque.", "fr"),
])
def test_staying_without_a_benefit_a_fee_statement_or_what_one_already_has_is_no_offer(text, lang):
    assert _screen_of(text, lang).score == 1, text


def test_the_plan_page_before_a_marked_entry_offers_nothing():
    # fetchly (eval/unseen12), rebuilt: the membership page lists what the plan includes ("$0 delivery fee" next to
    # "Lower service fees") above "End membership", which the journey file marks entry: true; the offer comes after it
    plan = page("Fetchly Plus", "$9.99 per month", "Included", "$0 delivery fee on orders over $15", "Lower service fees",
                view="/plus|Plus")
    steps = [step(0, ACCOUNT, "goto"), step(1, plan, element=el("Fetchly Plus membership", "link"), navigated=True),
             step(2, page("Need a break? Pause instead", "Pause your membership for up to 3 months.", view="/pause|P"),
                  element=el("End membership", "link"), navigated=True, entry=True),
             step(3, DONE_EN, element=el("Continue to cancel"))]
    d = run("retention_offer", journey("cancel", steps))
    assert d.value == 1 and [e.step for e in d.evidence] == [2]
    steps[2].entry = False  # unmarked, cxaudit's own guess of the entry moves no page out of the count
    assert run("retention_offer", journey("cancel", steps)).value == 2


def test_a_plan_named_free_is_no_offer_but_free_months_are():
    # radinette (eval/unseen16), rebuilt: the account view's "Formule: Gratuite" before the one real offer screen
    compte = page("Compte", "Camille Dubreuil", "Formule", "Gratuite", lang="fr", view="/#/compte|Options")
    offer = page("Attendez ! Trois mois de Premium vous sont offerts", lang="fr", view="/desinstaller|Attendez")
    j = journey("uninstall", [step(0, page("Radinette", lang="fr", view="/|R"), "goto"), step(1, compte), step(2, offer),
                              step(3, page("Radinette a été désinstallée", lang="fr", view="/fin|F"))])
    d = run("retention_offer", j)
    assert d.value == 1 and d.score == 0.5 and [e.step for e in d.evidence] == [2]
