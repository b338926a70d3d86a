"""CX502 missing_confirmation_details (§ 312k BGB R9) on hand-built confirmation pages."""

from __future__ import annotations

import pytest

from .pages import el, journey, page, run, step


def test_confirmation_complete_german():
    final = page("Kündigung bestätigt", "Eingang am 03.04.2027 um 08:15 Uhr, Vorgangsnummer AB-99123.",
                 "Als PDF speichern", lang="de", headings=["Kündigung bestätigt"])
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, final)]))
    assert d.score == 1 and d.details["missing"] == []


def test_confirmation_bare_page_fails_and_names_missing():
    final = page("Vielen Dank", "Wir melden uns.", lang="de", headings=["Vielen Dank"])
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x", lang="de"), "goto"), step(1, final)]))
    assert d.score == 0 and d.details["missing"] == ["date", "time", "reference", "save"]
    assert d.evidence[0].step == 1 and d.evidence[0].words == "Vielen Dank"


def test_confirmation_partial_share_and_time_optional_in_english():
    final = page("Cancelled", "Your plan ends on April 30, 2027.", "Request ID 7781-22")
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x"), "goto"), step(1, final)]))
    assert d.score == pytest.approx(2 / 3) and d.details["missing"] == ["save"]


def test_confirmation_download_link_counts_and_not_applicable_when_blocked():
    final = page("Done", "Ended 2027-04-30, ref. ZZ-12345", elements=[el("Get it", "link", href="/files/c.pdf")])
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")])).score == 1
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")], outcome="blocked")).score is None


def test_a_masked_email_address_still_counts_as_a_copy_by_email():
    """The site echoed the customer's e-mail address, a secret: the mask says an e-mail address was there."""
    from cxaudit.journey import SECRET_MASK

    final = page("Cancelled", "Your plan ends on April 30, 2027. Request ID 7781-22",
                 f"A confirmation has been sent to {SECRET_MASK}.")
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x"), "goto"), step(1, final)]))
    assert d.details["missing"] == ["save"]  # no kind recorded: the mask could be anything
    final = final.model_copy(update={"masked": ["email"]})
    d = run("missing_confirmation_details", journey("cancel", [step(0, page("x"), "goto"), step(1, final)]))
    assert d.score == 1 and d.details["present"]["save"] == f"sent to {SECRET_MASK}."
    assert "example.invalid" not in repr(d)  # the stand-in is for the lexicon only, never written


def test_the_wording_helpers_read_a_mask_as_the_kind_masked_on_the_page():
    from cxaudit.journey import SECRET_MASK
    from cxaudit.judge.detectors._wording import STAND_INS, read_masks, snippets, unread

    text = f"A confirmation was sent to {SECRET_MASK}."
    obs = page(text).model_copy(update={"masked": ["email"]})
    shown = step(3, obs)
    read = read_masks(snippets(shown), shown)
    assert STAND_INS["email"] in read[0].text and unread(read[0].text) == text
    # another kind (or none) masked on the page: the mask stays a mask
    other = step(3, obs.model_copy(update={"masked": ["password"]}))
    assert read_masks(snippets(other), other)[0].text == text
