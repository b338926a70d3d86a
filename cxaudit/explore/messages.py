"""What explore writes to a chat: the goal's standard messages, the problem first, then a request for a person."""

from __future__ import annotations

# the standard messages: the problem, then a request for a person, insisted on as a customer would (a bot
# may hand over only when asked again)
CHAT_MESSAGES = {
    ("contact_support", "en"): ["I have a problem with my order and I need help, please.",
                                "I would like to talk to a person, please.", "Please connect me to a human agent.",
                                "Yes, I still want to talk to a person.", "I need to speak to a person, please."],
    ("contact_support", "de"): ["Ich habe ein Problem mit meiner Bestellung und brauche bitte Hilfe.",
                                "Ich möchte bitte mit einem Mitarbeiter sprechen.",
                                "Bitte verbinden Sie mich mit einem Menschen.",
                                "Ja, ich möchte weiterhin mit einem Mitarbeiter sprechen.",
                                "Ich muss bitte mit einem Menschen sprechen."],
    ("contact_support", "fr"): ["J'ai un problème avec ma commande et j'ai besoin d'aide, s'il vous plaît.",
                                "Je voudrais parler à un conseiller, s'il vous plaît.",
                                "Merci de me mettre en relation avec une personne.",
                                "Oui, je veux toujours parler à un conseiller.",
                                "J'ai besoin de parler à une personne, s'il vous plaît."],
    ("cancel", "en"): ["I want to cancel my subscription, please.", "Please cancel it now. I do not want an offer.",
                       "I would like to talk to a person, please.", "Yes, I still want to cancel today."],
    ("cancel", "de"): ["Ich möchte bitte meinen Vertrag kündigen.",
                       "Bitte kündigen Sie jetzt. Ich möchte kein Angebot.",
                       "Ich möchte bitte mit einem Mitarbeiter sprechen.", "Ja, ich möchte weiterhin heute kündigen."],
    ("cancel", "fr"): ["Je voudrais résilier mon abonnement, s'il vous plaît.",
                       "Merci de le résilier maintenant. Je ne veux pas d'offre.",
                       "Je voudrais parler à un conseiller, s'il vous plaît.",
                       "Oui, je veux toujours résilier aujourd'hui."],
}


def chat_messages(goal: str, lang: str | None) -> list[str]:
    return CHAT_MESSAGES[(goal, lang if lang in ("en", "de", "fr") else "en")]
