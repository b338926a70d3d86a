"""CX202 premature_rating_prompt on hand-built journeys (no browser)."""

from __future__ import annotations

from factories import dialog

from cxaudit.results.model import ChatTranscript, ChatTurn

from .pages import journey, page, run, step


def test_rating_popup_before_goal():
    rate = dialog(name="Rate your visit", text="Rate your visit ☆☆☆☆☆ Later", box={"x": 1, "y": 2, "width": 3, "height": 4})
    j = journey("contact_support", [step(0, page("Help"), "goto"), step(1, page("Help", dialogs=[rate]), "wait_for")],
                outcome="blocked")
    d = run("premature_rating_prompt", j)
    assert d.score == 0 and d.details["steps"] == [1]
    assert d.evidence[0].words == "Rate your visit" and d.evidence[0].box == rate.box


def test_rating_in_chat_reply():
    chat = ChatTranscript(greeting=["Hi"], turns=[ChatTurn(sent="help", replies=["Done. Hat Ihnen das geholfen?"],
                                                             wait_s=1)])
    j = journey("contact_support", [step(0, page("Hilfe", lang="de"), "goto"),
                                    step(1, page("Hilfe", lang="de"), "chat", chat=chat)], outcome="blocked")
    d = run("premature_rating_prompt", j)
    assert d.score == 0 and d.evidence[0].step == 1 and d.evidence[0].data["source"] == "chat"


def test_rating_on_final_success_page_is_fine():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Message sent", "How satisfied are you with our help?"))])
    assert run("premature_rating_prompt", j).score == 1


def test_rating_on_last_page_of_a_blocked_journey_counts():
    j = journey("contact_support", [step(0, page("Contact"), "goto"),
                                    step(1, page("Sorry", "How satisfied are you with our help?"))], outcome="blocked")
    assert run("premature_rating_prompt", j).score == 0


def test_rating_social_proof_is_not_a_prompt():
    j = journey("signup", [step(0, page("Rated 4.7 by 20,000 customers", "Recommended plans"), "goto")], outcome="blocked")
    assert run("premature_rating_prompt", j).score == 1


def _handoff_chat(replies: list[str], turns_to_success: int) -> ChatTranscript:
    return ChatTranscript(greeting=["Bonjour"], success=True, turns_to_success=turns_to_success,
                          turns=[ChatTurn(sent=f"m{i}", replies=[r], wait_s=1) for i, r in enumerate(replies)])


def test_rating_in_a_chat_reply_before_the_person_joined_counts_on_the_success_step():
    chat = _handoff_chat(["Votre numéro ?", "Remboursé sous 10 jours. Cette réponse vous a-t-elle été utile ?",
                          "Claire a rejoint la conversation."], turns_to_success=3)
    j = journey("contact_support", [step(0, page("Aide", lang="fr"), "goto"),
                                    step(1, page("Contact", lang="fr"), "chat", chat=chat)])
    d = run("premature_rating_prompt", j)
    assert d.score == 0 and d.details["steps"] == [1] and d.evidence[0].data["source"] == "chat"


def test_rating_in_the_reply_that_reached_the_goal_is_fine():
    chat = _handoff_chat(["Votre numéro ?", "Claire a rejoint la conversation. Cette réponse vous a-t-elle été utile ?"],
                         turns_to_success=2)
    j = journey("contact_support", [step(0, page("Aide", lang="fr"), "goto"),
                                    step(1, page("Contact", "Cette page vous a-t-elle été utile ?", lang="fr"),
                                         "chat", chat=chat)])
    assert run("premature_rating_prompt", j).score == 1


def test_french_ways_of_asking_whether_an_answer_helped():
    # cielmer (eval/unseen13): "Cette réponse vous a-t-elle aidé ? Oui Non" under the bot's answer, before a person
    for asked in ("Déclarez-le en ligne. Cette réponse vous a-t-elle aidé ? Oui Non",
                  "Avez-vous trouvé cette réponse utile ?", "Êtes-vous satisfait de notre assistant ?"):
        chat = ChatTranscript(turns=[ChatTurn(sent="valise", replies=[asked], wait_s=1)])
        j = journey("contact_support", [step(0, page("Aide", lang="fr"), "goto"),
                                        step(1, page("Aide", lang="fr"), "chat", chat=chat)], outcome="blocked")
        assert run("premature_rating_prompt", j).score == 0, asked


def test_rating_an_article_on_a_dead_end_counts_in_each_language():
    # hearthguard (eval/unseen15), rebuilt: "Rate this article" above five star buttons on the dead end
    for text, lang in (("Rate this article", "en"), ("Bewerten Sie diesen Hilfeartikel", "de"), ("Notez cet article", "fr")):
        j = journey("cancel", [step(0, page("Help", lang=lang), "goto"), step(1, page("Cancelling", text, lang=lang))],
                    outcome="blocked")
        assert run("premature_rating_prompt", j).details["steps"] == [1], text


def test_noting_a_reference_or_reviewing_a_product_is_no_rating_of_the_help():
    for text, lang in (("Notez ce numéro de dossier : 55-120", "fr"), ("Bewerten Sie dieses Produkt", "de")):
        j = journey("cancel", [step(0, page("Aide", lang=lang), "goto"), step(1, page("Résiliation", text, lang=lang))],
                    outcome="blocked")
        assert run("premature_rating_prompt", j).details["steps"] == [], text


def test_asking_to_be_given_a_mark_counts():
    # photalie (eval/unseen17), rebuilt: "Vous aimez Photalie ? Donnez-nous une note" above five stars
    j = journey("cancel", [step(0, page("Accueil", lang="fr"), "goto"),
                           step(1, page("Vous aimez Photalie ? Donnez-nous une note", lang="fr"))], outcome="blocked")
    assert run("premature_rating_prompt", j).details["steps"] == [1]


def test_rating_a_past_trip_on_the_way_counts():
    # rydeclub (eval/unseen18), rebuilt: the account page the log-in led to asks "Rate your trip"
    j = journey("cancel", [step(0, page("Ryde"), "goto"), step(1, page("Your account", "Rate your trip")),
                           step(2, page("Your membership has ended"))])
    assert run("premature_rating_prompt", j).details["steps"] == [1]
