"""Page strings and chatbot lines of the ParcelPal / PaketBlitz help centre, per language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "brand": "ParcelPal", "tagline": "Help centre", "nav_track": "Track", "nav_send": "Send a parcel",
        "nav_business": "Business", "nav_contact": "Contact us", "title_home": "ParcelPal Help Centre",
        "hero": "How can we help?", "search_label": "Search help articles", "search_placeholder": "e.g. missing parcel",
        "track_title": "Track a parcel", "track_label": "Tracking number", "track_button": "Track",
        "topics": "Popular topics",
        "topic_list": "Where is my parcel?|My parcel says delivered but I don't have it|Change a delivery|"
                      "Returns and collections|Customs and duties|Damaged or missing items",
        "chat_launcher": "Chat with us", "chat_title": "ParcelPal Assistant", "chat_sub": "Virtual assistant",
        "chat_close": "Close chat", "chat_frame_title": "Chat with the ParcelPal assistant",
        "rate_title": "How would you rate our service?", "rate_text": "Tell us how we're doing – it takes 5 seconds.",
        "rate_later": "Not now", "star": "star", "stars": "stars",
        "contact_title": "Contact us", "contact_intro": "Choose the way that suits you.",
        "phone_title": "Call us", "phone": "0800 012 3456", "phone_hours": "Monday to Saturday, 8am to 8pm",
        "wait": "Estimated wait time: about 90 minutes",
        "hostile_contact_note": "Please have your tracking number ready when you call.",
        "email_title": "E-mail", "email": "help@parcelpal.example", "email_note": "We reply within 24 hours.",
        "chat_channel_title": "Chat", "chat_channel_note": "Our assistant answers straight away and can hand you to a person.",
        "form_title": "Send us a message", "f_name": "Name", "f_email": "Email address",
        "f_tracking": "Tracking number (optional)", "f_message": "Your message", "f_send": "Send message",
        "form_error_name": "Please enter your name.", "form_error_email": "Please enter a valid e-mail address.",
        "form_error_message": "Please write a message.",
        "sent_title": "Message sent", "sent_text": "Thank you, we have received your message. Case number {case}.",
        "sent_more": "We will reply to {email} within 24 hours.",
        "status_title": "Tracking", "status_delivered": "Delivered", "status_when": "12 November, 14:32 – left at front door",
        "footer": "© 2026 ParcelPal Ltd · Unit 4, Avonmouth Way, Bristol BS11 9YA",
        "privacy": "Privacy", "terms": "Terms", "accessibility": "Accessibility", "cookies": "Cookies",
        "msg_placeholder": "Type your message", "msg_label": "Message", "send": "Send", "yes": "Yes", "no": "No",
        "thanks_feedback": "Thanks for your feedback!", "typing": "Assistant is typing",
        "greeting": "Hi, I'm Pip, ParcelPal's virtual assistant. How can I help you today?",
    },
    "de": {
        "brand": "PaketBlitz", "tagline": "Hilfecenter", "nav_track": "Sendungsverfolgung", "nav_send": "Paket versenden",
        "nav_business": "Geschäftskunden", "nav_contact": "Kontakt", "title_home": "PaketBlitz Hilfecenter",
        "hero": "Wie können wir helfen?", "search_label": "Hilfe durchsuchen", "search_placeholder": "z. B. Paket fehlt",
        "track_title": "Sendung verfolgen", "track_label": "Sendungsnummer", "track_button": "Verfolgen",
        "topics": "Häufige Themen",
        "topic_list": "Wo ist meine Sendung?|Als zugestellt markiert, aber nicht erhalten|Zustellung ändern|"
                      "Retouren und Abholung|Zoll und Gebühren|Beschädigte Sendung",
        "chat_launcher": "Chat starten", "chat_title": "PaketBlitz Assistent", "chat_sub": "Virtueller Assistent",
        "chat_close": "Chat schließen", "chat_frame_title": "Chat mit dem PaketBlitz-Assistenten",
        "rate_title": "Wie viele Sterne würden Sie uns geben?", "rate_text": "Ihre Meinung ist uns wichtig – dauert nur 5 Sekunden.",
        "rate_later": "Später", "star": "Stern", "stars": "Sterne",
        "contact_title": "Kontakt", "contact_intro": "Wählen Sie den Weg, der zu Ihnen passt.",
        "phone_title": "Rufen Sie uns an", "phone": "0800 777 1234", "phone_hours": "Montag bis Samstag, 8 bis 20 Uhr",
        "wait": "Voraussichtliche Wartezeit: ca. 90 Minuten",
        "hostile_contact_note": "Bitte halten Sie Ihre Sendungsnummer bereit.",
        "email_title": "E-Mail", "email": "hilfe@paketblitz.example", "email_note": "Antwort innerhalb von 24 Stunden.",
        "chat_channel_title": "Chat",
        "chat_channel_note": "Unser Assistent antwortet sofort und verbindet Sie auf Wunsch mit einem Menschen.",
        "form_title": "Schreiben Sie uns", "f_name": "Name", "f_email": "E-Mail-Adresse",
        "f_tracking": "Sendungsnummer (optional)", "f_message": "Ihre Nachricht", "f_send": "Nachricht senden",
        "form_error_name": "Bitte geben Sie Ihren Namen ein.", "form_error_email": "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
        "form_error_message": "Bitte schreiben Sie eine Nachricht.",
        "sent_title": "Nachricht gesendet", "sent_text": "Vielen Dank, wir haben Ihre Nachricht erhalten. Vorgangsnummer {case}.",
        "sent_more": "Wir antworten an {email} innerhalb von 24 Stunden.",
        "status_title": "Sendungsstatus", "status_delivered": "Zugestellt",
        "status_when": "12. November, 14:32 Uhr – an der Haustür abgelegt",
        "footer": "© 2026 PaketBlitz GmbH · Logistikring 8 · 04435 Schkeuditz",
        "privacy": "Datenschutz", "terms": "AGB", "accessibility": "Barrierefreiheit", "cookies": "Cookies",
        "msg_placeholder": "Nachricht eingeben", "msg_label": "Nachricht", "send": "Senden", "yes": "Ja", "no": "Nein",
        "thanks_feedback": "Danke für Ihr Feedback!", "typing": "Assistent schreibt",
        "greeting": "Hallo, ich bin Blitzi, der virtuelle Assistent von PaketBlitz. Wie kann ich helfen?",
    },
}

BOT: dict[str, dict] = {
    "en": {
        "helpful": "Was this helpful?",
        "loop": [
            "Your parcel was delivered on 12 November. Is there anything else I can help you with?",
            "According to our records, your parcel was delivered on 12 November. Is there anything else I can help you with?",
            "Your parcel has been delivered on 12 November. Can I help you with anything else?",
            "Our tracking shows that your parcel was delivered on 12 November. Is there anything else I can help with?",
        ],
        "answers": [
            "I'm sorry your parcel hasn't reached you. It was scanned as delivered on 12 November at 14:32 and "
            "left at the front door; the driver's photo shows a blue door with the number 17. Is that your door?",
            "Thanks for checking. When a parcel marked as delivered can't be found, it is usually with a neighbour "
            "or in a safe place. If it isn't, I can open an investigation for you right away.",
            "You can also ask the sender for a replacement: once an investigation is open, they will see it too.",
            "If you'd prefer, I can connect you to a member of our team – just ask for an agent.",
        ],
        "investigation": "I've opened an investigation for your parcel. Your case number is {case}. Our team will "
                         "check the driver's GPS scan and the delivery photo and e-mail you within 2 working days.",
        "handoff": "I'm connecting you to an agent … Anna has joined the chat.",
        "agent_hello": "Hi, this is Anna from ParcelPal customer service. I've read our conversation – let me look "
                       "at the delivery details for you now.",
        "joined": "Anna has joined the chat",
    },
    "de": {
        "helpful": "War das hilfreich?",
        "loop": [
            "Ihre Sendung wurde am 12. November zugestellt. Kann ich Ihnen sonst noch helfen?",
            "Laut unserer Sendungsverfolgung wurde Ihre Sendung am 12. November zugestellt. Kann ich Ihnen sonst noch helfen?",
            "Ihre Sendung ist am 12. November zugestellt worden. Kann ich Ihnen noch bei etwas anderem helfen?",
            "Unsere Daten zeigen, dass Ihre Sendung am 12. November zugestellt wurde. Kann ich sonst noch etwas für Sie tun?",
        ],
        "answers": [
            "Das tut mir leid. Ihre Sendung wurde am 12. November um 14:32 Uhr als zugestellt gescannt und an der "
            "Haustür abgelegt; auf dem Zustellfoto ist eine blaue Tür mit der Nummer 17 zu sehen. Ist das Ihre Tür?",
            "Danke fürs Nachsehen. Meist liegt eine als zugestellt markierte Sendung bei Nachbarn oder an einem "
            "Ablageort. Wenn nicht, kann ich sofort einen Nachforschungsauftrag für Sie starten.",
            "Sie können auch beim Absender Ersatz anfordern: Sobald eine Nachforschung läuft, sieht er das ebenfalls.",
            "Wenn Sie möchten, verbinde ich Sie mit einer Kollegin oder einem Kollegen – fragen Sie einfach nach einem Mitarbeiter.",
        ],
        "investigation": "Ich habe einen Nachforschungsauftrag gestartet. Ihre Vorgangsnummer ist {case}. Wir prüfen "
                         "den GPS-Scan und das Zustellfoto und melden uns innerhalb von 2 Werktagen per E-Mail.",
        "handoff": "Ich verbinde Sie mit einer Mitarbeiterin … Anna ist dem Chat beigetreten.",
        "agent_hello": "Hallo, hier ist Anna vom PaketBlitz-Kundenservice. Ich habe unseren Chat gelesen und sehe mir "
                       "die Zustelldaten jetzt an.",
        "joined": "Anna ist dem Chat beigetreten",
    },
}
