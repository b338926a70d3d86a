"""CX401 chatbot_loop on hand-built transcripts, in English and German."""

from __future__ import annotations

from .chats import DISTINCT_EN, LOOP_EN, chat_journey, run


def test_loop_of_paraphrases_fails_with_turn_evidence():
    d = run("chatbot_loop", chat_journey(LOOP_EN))
    assert d.score == 0.0 and d.value == 1.0
    assert [e.data["turn"] for e in d.evidence] == [2, 3]
    assert d.evidence[0].step == 1 and d.evidence[0].box.width == 370
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


def test_the_turn_a_person_joined_in_is_no_loop_whatever_the_widget_shows_again():
    # stridely (eval/unseen15), as explore drove it: the widget showed the bot's "connecting you" line again in
    # the turn the person joined in
    turns = [("I have a problem with my order", "I can help with billing, your plan and the app. Tell me more."),
             ("I would like to talk to a person", "Sure. I'm connecting you to our support team now."),
             ("Please connect me to a human agent", ["Priya has joined the chat.", "Sure. I'm connecting you to our "
                                                     "support team now.", "Hi, this is Priya. I can see both charges."])]
    j = chat_journey(turns, success=True)
    j.steps[1].chat.turns_to_success = 3
    d = run("chatbot_loop", j)
    assert d.score == 1.0 and d.value == 0.0
    j.steps[1].chat.success, j.steps[1].chat.turns_to_success = False, None  # no person joined: the same line is a loop
    assert run("chatbot_loop", j).score < 1
