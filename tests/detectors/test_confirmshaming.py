"""CX301 confirmshaming on hand-built journeys (no browser)."""

from __future__ import annotations

import pytest

from .pages import ACCOUNT, DONE_EN, el, journey, page, run, step


def test_confirmshaming_on_clicked_control_points_at_previous_screenshot():
    decline = el("No, I'd rather keep paying full price", role="link")
    j = journey("cancel", [step(0, ACCOUNT, "goto"),
                           step(1, page("Offer", elements=[decline], view="/o|O")),
                           step(2, DONE_EN, element=decline)])
    d = run("confirmshaming", j)
    assert d.score == 0
    [ev] = d.evidence
    assert ev.step == 2 and ev.screenshot_step == 1 and ev.box == decline.box
    assert ev.words == "No, I'd rather keep paying full price"


def test_confirmshaming_on_decline_shown_but_not_clicked():
    j = journey("signup", [step(0, page("Join", elements=[el("Join now"), el("Nein, ich verzichte auf Vorteile", "link")],
                                         lang="de"), "goto")])
    d = run("confirmshaming", j)
    assert d.score == 0 and d.evidence[0].step == 0 and d.evidence[0].data["clicked"] is False


@pytest.mark.parametrize("label", ["No thanks", "Continue to cancel", "Nein danke", "Weiter zur Kündigung", "Keep membership"])
def test_confirmshaming_neutral_declines_pass(label):
    j = journey("cancel", [step(0, page("x", elements=[el(label)]), "goto"), step(1, DONE_EN, element=el(label))])
    assert run("confirmshaming", j).score == 1


def test_confirmshaming_ignores_hidden_controls():
    hidden = el("No, I don't want to save money", hidden=True)
    assert run("confirmshaming", journey("cancel", [step(0, page("x", elements=[hidden]), "goto")])).score == 1


def _declined(label: str, lang: str = "en"):
    decline = el(label, role="button")
    j = journey("cancel", [step(0, ACCOUNT, "goto"),
                           step(1, page("Offer", elements=[el("Accept offer"), decline], view="/o|O", lang=lang)),
                           step(2, DONE_EN, element=decline)])
    return run("confirmshaming", j)


# Strings written for these tests, not taken from the corpus: each shape issue 12 class 7 names.
@pytest.mark.parametrize(("label", "lang"), [
    ("No thanks, I\u2019d rather keep paying the regular price", "en"),   # typographic apostrophe
    ("Nah, I don\u00b4t care about getting 30% off", "en"),               # acute accent as apostrophe, number
    ("I don't need great deals, thanks", "en"),                        # adjective before the object
    ("No thanks, I'll give up my loyalty rewards", "en"),              # forgoing, possessive and adjective
    ("No, I'll skip the free upgrade and stay slow", "en"),
    ("No, I'd rather stay unprotected online", "en"),                  # not money: safety
    ("No thanks, I don\u2019t like winning", "en"),                        # not money: winning
    ("Skip \u2013 I don't care about my security", "en"),                 # dash, not money
    ("Nein danke, ich verzichte auf 3 Gratismonate", "de"),            # number before the object
    ("Nein, ich zahle lieber den vollen Preis von 12,99\u00a0\u20ac", "de"),   # non-breaking space
    ("Nein danke, ich m\u00f6chte keine 20\u00a0% Rabatt", "de"),
    ("Nein danke, mir ist meine Sicherheit egal", "de"),                # not money, object before the verb
    ("Nein, ich will nicht gewinnen", "de"),
    ("Nein danke, ich bleibe lieber uninformiert", "de"),              # not money: being informed
    ("Non merci, je ne veux pas d\u2019une r\u00e9duction de 10 %", "fr"),
    ("Non merci, je pr\u00e9f\u00e8re payer le prix fort", "fr"),
    ("Non, je renonce \u00e0 ma remise exclusive", "fr"),
    ("No, protecting my family isn't important to me", "en"),          # the verb after its object
    ("No thanks, I dont want to save money", "en"),                    # no apostrophe at all
    ("Nein danke, ich bin nicht an Rabatten interessiert", "de"),
    ("Nein danke, ich lasse mir die Pr\u00e4mie entgehen", "de"),          # verb-final
    ("Non merci, les bons plans ne m'int\u00e9ressent pas", "fr"),
])
def test_confirmshaming_structure_fires_on_each_shape(label, lang):
    d = _declined(label, lang)
    assert d.score == 0, label
    assert d.evidence[0].words == " ".join(label.split())  # the label, whitespace folded


@pytest.mark.parametrize(("label", "lang"), [
    ("No thanks, I'm good", "en"), ("No, don't save my card", "en"), ("I don't want to pause my plan", "en"),
    ("No, I don't want to pay more", "en"),              # a reason, not shame: refusing the bad thing
    ("No, I don't want to give up my benefits", "en"),   # refusing to forgo is keeping: two negations
    ("No, I don't want to waste money", "en"), ("Nein, ich will kein Geld verschwenden", "de"),
    ("I'd rather not say", "en"), ("Yes, I want to cancel", "en"), ("Ich bin nicht sicher", "de"),
    ("Continue without the discount", "en"), ("Cancel and lose access at period end", "en"),
    ("I don't want this offer", "en"), ("Not now", "en"),
    ("Nein, ich m\u00f6chte das Angebot nicht", "de"), ("Ich m\u00f6chte keine Benachrichtigungen", "de"),
    ("Nein, ich m\u00f6chte nicht mehr bezahlen", "de"), ("Weiter ohne Rabatt", "de"), ("Trotzdem k\u00fcndigen", "de"),
    ("Non merci", "fr"), ("Continuer sans la remise", "fr"), ("Garder mes avantages", "fr"),
])
def test_confirmshaming_structure_leaves_plain_declines_alone(label, lang):
    assert _declined(label, lang).score == 1, label


def test_typography_is_folded_before_matching():
    from cxaudit.judge.lexicon import fold
    assert fold("No\u00a0thanks,  I\u2019ll \u201epay\u201c \u00abfull\u00bb \u2013 price") == 'No thanks, I\'ll "pay" "full" - price'
    assert len(fold("I\u2019d\u00a0rather")) == len("I'd rather")  # one character for one: offsets stay true


# Written for this test, not taken from the corpus: a decline that makes the customer explain the refusal,
# and a decline that states a loss of the customer's own things.
@pytest.mark.parametrize(("label", "lang"), [
    ("No, my cat will survive without treats", "en"), ("Nope, my garden can stay a jungle", "en"),
    ("No thanks, I'll throw away my 400 saved recipes", "en"), ("Close and lose all progress", "en"),
    ("Nein, mein Balkon bleibt eben kahl", "de"), ("Nein danke, meine Sammlung darf verloren gehen", "de"),
    ("Non, mon jardin peut attendre", "fr"), ("Tant pis pour mes 12 badges", "fr"),
])
def test_an_explained_refusal_or_a_loss_of_ones_own_is_shame(label, lang):
    assert _declined(label, lang).score == 0, label


@pytest.mark.parametrize(("label", "lang"), [
    ("No, thanks", "en"), ("No thanks, some other time", "en"), ("No, go back to my account", "en"),
    ("No, never mind", "en"), ("Nein, danke", "de"), ("Nein, vielleicht ein andermal", "de"),
    ("Nein, zurück zum Konto", "de"), ("Non, merci", "fr"), ("Non, retour à mon compte", "fr"),
    ("Sorry, no", "en"),
])
def test_a_decline_that_explains_nothing_or_names_the_flow_is_plain(label, lang):
    assert _declined(label, lang).score == 1, label


@pytest.mark.parametrize(("label", "lang"), [
    ("No, I don't need lower prices", "en"), ("Nein, ich brauche nichts Günstigeres", "de"),
    ("Non, je ne veux pas payer moins cher", "fr"),
])
def test_refusing_a_cheaper_price_is_shame(label, lang):
    assert _declined(label, lang).score == 0, label


# written for this test: a question answered for the customer, a name for those who leave, guilt about others
@pytest.mark.parametrize(("label", "lang"), [
    ("Free delivery for a year? Who needs it", "en"), ("Spend more? Sure, why not", "en"),
    ("Only losers leave before the final", "en"), ("My book club can read without me", "en"),
    ("Forfeit the badges I collected", "en"), ("Settle for the slow lane", "en"),
    ("50 % Rabatt? Brauch ich nicht", "de"), ("Die Gruppe schafft es auch ohne mich", "de"),
    ("Une remise ? Sans façon", "fr"), ("Mon équipe jouera sans moi", "fr"),
])
def test_asked_and_answered_insults_and_guilt_are_shame(label, lang):
    assert _declined(label, lang).score == 0, label


@pytest.mark.parametrize(("label", "lang"), [
    ("Questions? Contact us", "en"), ("Not sure? Decide later", "en"), ("Noch Fragen? Hilfe", "de"),
    ("Une question ? Aide", "fr"), ("Continue without the others", "en"),
])
def test_a_question_about_nothing_good_or_bad_is_plain(label, lang):
    assert _declined(label, lang).score == 1, label


def test_refusing_free_or_premium_features_is_shame():
    assert _declined("No thanks, I don't want free Pro features").score == 0
    assert _declined("Continue without Pro features").score == 1  # a neutral way on


@pytest.mark.parametrize(("label", "lang"), [
    ("No, I don't want free Gems", "en"),                               # forgeplay (eval/unseen15)
    ("No, I don't want to keep a child warm this winter", "en"),        # hearthlight (eval/unseen16)
    ("Nein, meine Privatsphäre ist mir nicht so wichtig", "de"),        # tarnkappe (eval/unseen16)
    ("No, my safety isn't that important to me", "en"), ("Non, ma vie privée n'est pas si importante pour moi", "fr"),
])
def test_refusing_something_free_a_good_deed_or_what_matters_is_shame(label, lang):
    assert _declined(label, lang).score == 0, label


@pytest.mark.parametrize(("label", "lang"), [
    ("No thanks, continue with the free plan", "en"), ("No, take me to the free plan's end", "en"),
    ("Nein, das ist mir nicht wichtig genug, um zu bleiben", "de"),
])
def test_near_misses_of_free_and_of_importance_are_plain(label, lang):
    assert _declined(label, lang).score == 1, label


@pytest.mark.parametrize("label", ["No thanks, I don't want the free version", "I don't want to switch to the free Basic plan",
                                   "No thanks, I don't need help from someone"])
def test_declining_a_free_plan_or_someones_help_is_plain(label):
    assert _declined(label).score == 1, label


@pytest.mark.parametrize(("label", "lang"), [
    ("No thanks, I don't want half-price football", "en"),  # pitchpass (eval/unseen17)
    ("Nein, ich will nicht den halben Preis", "de"), ("Non, je ne veux pas payer moitié prix", "fr"),
])
def test_refusing_half_price_is_shame(label, lang):
    assert _declined(label, lang).score == 0, label
