"""Hand-built chat transcripts for the chat checks' tests, in English and German, with wording the lexicons
were not written from, and a detector run on them."""

from __future__ import annotations

from pathlib import Path

from factories import frame, observation

from cxaudit.judge.detectors.base import DetectorContext
from cxaudit.judge.engine import load_detectors
from cxaudit.judge.lexicon import load_lexicons
from cxaudit.results.model import ChatTranscript, ChatTurn, JourneyResult, StepRecord

CHECKS = Path(__file__).resolve().parents[2] / "checks"
LEX = load_lexicons([CHECKS])
FRAME = observation(iframes=[frame(title="Assistant", box={"x": 880, "y": 300, "width": 370, "height": 470})])
REGISTRY = load_detectors()


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
