"""Chat detectors on hand-built transcripts, in English and German, with wording the lexicons were not written from."""

from __future__ import annotations

from pathlib import Path

import cxaudit.judge.detectors.chat  # noqa: F401 - registers the detectors
from cxaudit.judge.detectors.base import REGISTRY, DetectorContext
from cxaudit.judge.detectors.chat import similarity
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import ChatTranscript, ChatTurn, JourneyResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])
FRAME = {"iframes": [{"title": "Assistant", "box": {"x": 880, "y": 300, "width": 370, "height": 470}}]}


def chat_journey(turns, greeting=("Hi, I'm the assistant. How can I help?",), language="en", success=False):
    transcript = ChatTranscript(greeting=list(greeting), success=success,
                                turns=[ChatTurn(sent=s, replies=list(r) if isinstance(r, (list, tuple)) else [r], wait_s=0.4,
                                                timed_out=not r) for s, r in turns])
    steps = [StepRecord(index=0, type="goto", description="open"),
             StepRecord(index=1, type="chat", description="chat", chat=transcript, observation=FRAME, actions=1 + len(turns))]
    return JourneyResult(id="c", name="c", goal="contact_support", site="s/x", language=language, device="desktop", file="c.yaml",
                         start_url="http://x/", outcome="completed" if success else "blocked", steps=steps)


def run(name, j, **params):
    return REGISTRY[name](j, DetectorContext(params=params, lexicons=LEX))


LOOP_EN = [
    ("Where is my order?", "Your order shipped on 3 March. Did that answer your question? Yes / No"),
    ("It has not arrived", "We show that your order shipped on 3 March. Did that answer your question? Yes / No"),
    ("Please check again", "Our system says your order was shipped on 3 March. Can I help you with anything else?"),
]
DISTINCT_EN = [
    ("Where is my order?", "Your order shipped on 3 March with courier DX, tracking 88123."),
    ("It has not arrived", "Sorry about that. Deliveries by DX sometimes go to the depot; I have asked them to check."),
    ("Can you refund me?", "Yes. I have started a refund of 49.90 EUR; it reaches your card in 3 to 5 days."),
]


def test_loop_of_paraphrases_fails_with_turn_evidence():
    d = run("chatbot_loop", chat_journey(LOOP_EN))
    assert d.score == 0.0 and d.value == 1.0
    assert [e.data["turn"] for e in d.evidence] == [2, 3]
    assert d.evidence[0].step == 1 and d.evidence[0].box["width"] == 370
    assert "repeats turn 1" in d.evidence[0].note.text()


def test_distinct_answers_with_the_same_feedback_line_pass():
    turns = [(s, r + " Was this helpful? YesNo") for s, r in DISTINCT_EN]
    d = run("chatbot_loop", chat_journey(turns))
    assert d.score == 1.0 and d.value == 0.0


def test_german_loop_and_partial_share():
    turns = [
        ("Wo ist mein Paket?", "Ihr Paket wurde am 4. Mai zugestellt. Hat Ihnen das geholfen?"),
        ("Es ist nicht da", "Wir haben eine Nachforschung eröffnet, Vorgang 55-1."),
        ("Und jetzt?", "Laut System wurde Ihr Paket am 4. Mai zugestellt. Hat Ihnen diese Antwort geholfen?"),
        ("Wann höre ich von Ihnen?", "Innerhalb von zwei Werktagen per E-Mail an die hinterlegte Adresse."),
    ]
    d = run("chatbot_loop", chat_journey(turns, greeting=["Hallo! Wie kann ich helfen?"], language="de"))
    assert d.value == round(1 / 3, 3) and 0 < d.score < 1


def test_repeating_the_greeting_counts_and_threshold_is_a_param():
    greet = "Hello, I am Max, your digital assistant. Ask me anything about your account."
    d = run("chatbot_loop", chat_journey([("hello?", "Hello! I am Max, your digital assistant. Ask me anything about your account.")],
                                         greeting=[greet]))
    assert d.evidence and d.evidence[0].data["repeats"] == "the greeting"
    assert run("chatbot_loop", chat_journey(LOOP_EN), similarity=1.01).score == 1.0


def test_loop_not_applicable_without_chat_or_with_one_answer():
    j = chat_journey([("hi", "Hello, what can I do?")])
    assert run("chatbot_loop", j).score is None
    j.steps[1].chat = None
    assert run("chatbot_loop", j).score is None


def test_similarity_ignores_short_replies_for_overlap():
    assert similarity("OK.", "OK, your parcel was delivered yesterday at noon to the door") < 0.5
    assert similarity("your parcel was delivered on 12 November", "our records show your parcel was delivered on 12 November") >= 0.8


# ------------------------------------------------------------------ no_human_handoff
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
