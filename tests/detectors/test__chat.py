"""The chat checks' helpers: how much two replies say the same."""

from __future__ import annotations

from cxaudit.judge.detectors._chat import similarity


def test_similarity_ignores_short_replies_for_overlap():
    assert similarity("OK.", "OK, your parcel was delivered yesterday at noon to the door") < 0.5
    assert similarity("your parcel was delivered on 12 November", "our records show your parcel was delivered on 12 November") >= 0.8
