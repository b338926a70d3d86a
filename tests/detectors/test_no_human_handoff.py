"""CX402 no_human_handoff on hand-built transcripts, in English and German."""

from __future__ import annotations

from .chats import DISTINCT_EN, LOOP_EN, chat_journey, run


def test_asked_for_a_person_and_no_handoff_fails():
    turns = LOOP_EN + [("Can I speak to someone from your team please", "Your order shipped on 3 March.")]
    d = run("no_human_handoff", chat_journey(turns))
    assert d.score == 0.0
    ev = d.evidence[0]
    assert ev.data["asked_turn"] == 4 and "asked for a person in turn 4" in ev.note.text() and ev.words.startswith("Your order shipped")


def test_handoff_wordings_pass_in_both_languages():
    cases = [
        ("en", "I need a real person", "Sure – transferring you to a colleague now."),
        ("en", "get me a live agent", "You're number 3 in the queue, an advisor will be with you shortly."),
        ("en", "human please", "Our team can help: write to help@parcel.example or use the contact form."),
        ("de", "Ich will einen Menschen sprechen", "Einen Moment, ich leite Sie an eine Kollegin weiter."),
        ("de", "Bitte einen Kundenberater", "Sie sind in der Warteschlange auf Platz 2."),
        ("de", "Mitarbeiterin bitte", "Rufen Sie uns unter 0800 123 4567 an."),
    ]
    for lang, ask, reply in cases:
        d = run("no_human_handoff", chat_journey([("hello", "Hi."), (ask, reply)], language=lang))
        assert d.score == 1.0, (ask, reply)
        assert d.details["handoffs"][0]["handoff_turn"] == 2


def test_handoff_offered_before_the_request_does_not_count_and_silence_fails():
    turns = [("hi", "Would you like to speak with an agent? an agent will join if you ask"),
             ("yes, an agent please", "")]
    d = run("no_human_handoff", chat_journey(turns))
    assert d.score == 0.0 and d.evidence[0].data["timed_out"] == 1


def test_never_asked_is_not_applicable():
    assert run("no_human_handoff", chat_journey(DISTINCT_EN)).score is None
