"""CX502 missing_confirmation_details on hand-built confirmation pages: what each jurisdiction requires
(§ 312k BGB R9 in Germany), structured receipts (table rows, dl pairs, "Label:" blocks), German
receipt-number words, and an e-mail address the recorder masked."""

from __future__ import annotations

import pytest
from factories import observation, text_block

from cxaudit.journey import SECRET_MASK

from .pages import el, journey, page, run, step


def _judge(final, jurisdiction="none", lang="en"):
    return run("missing_confirmation_details", journey("cancel", [step(0, page("x", lang=lang), "goto"), step(1, final)]),
               jurisdiction)


def _receipt(rows, *, lang="en", label_tag="th", value_tag="td", above=(), below=(), masked=None):
    """A receipt page: heading and paragraphs above, label/value rows (two blocks on one line), text below."""
    blocks, y = [], 100
    for text in above:
        blocks.append(text_block(text, box={"x": 150, "y": y, "width": 600, "height": 24}))
        y += 40
    for label_text, value in rows:
        blocks.append(text_block(label_text, tag=label_tag, box={"x": 150, "y": y, "width": 200, "height": 20}))
        blocks.append(text_block(value, tag=value_tag, box={"x": 360, "y": y + 1, "width": 300, "height": 20}))
        y += 40
    for text in below:
        blocks.append(text_block(text, box={"x": 150, "y": y, "width": 600, "height": 24}))
        y += 40
    extra = {"masked": masked} if masked else {}
    return observation(text_blocks=blocks, lang=lang, view_key="/done|Done", **extra)


def test_confirmation_complete_german():
    final = page("Kündigung bestätigt", "Eingang am 03.04.2027 um 08:15 Uhr, Vorgangsnummer AB-99123.",
                 "Als PDF speichern", lang="de", headings=["Kündigung bestätigt"])
    d = _judge(final, "de", "de")
    assert d.score == 1 and d.details["missing"] == []


def test_confirmation_bare_page_fails_and_names_what_312k_requires():
    final = page("Vielen Dank", "Wir melden uns.", lang="de", headings=["Vielen Dank"])
    d = _judge(final, "de", "de")
    assert d.score == 0 and d.details["missing"] == ["date", "time", "save", "receipt"]
    assert d.evidence[0].step == 1 and d.evidence[0].words == "Vielen Dank"


def test_what_is_required_depends_on_the_jurisdiction():
    final = page("Cancelled", "Your plan ends on April 30, 2027.", "Request ID 7781-22")
    d = _judge(final, "us-ca")
    assert d.score == pytest.approx(2 / 3) and d.details["missing"] == ["save"] and d.details["required"] == [
        "date", "reference", "save"]
    # the same page judged in Germany: no time, nothing to save, no words that it was received; a reference is not what § 312k asks for
    d = _judge(final, "de")
    assert d.details["missing"] == ["time", "save", "receipt"] and "reference" not in d.details["required"]


def test_confirmation_download_link_counts_and_not_applicable_when_blocked():
    final = page("Done", "Ended 2027-04-30, ref. ZZ-12345", elements=[el("Get it", "link", href="/files/c.pdf")])
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")])).score == 1
    assert run("missing_confirmation_details", journey("cancel", [step(0, final, "goto")], outcome="blocked")).score is None


def test_a_reference_in_a_table_row_counts():
    """The eval's clean receipts, rebuilt: the number's label and value sit in two cells of one row."""
    final = _receipt([("Order reference", "SX-2027-0091"), ("Ended on", "March 3, 2027 at 9:10 AM"),
                      ("Plan", "Weekly box")], above=["Your plan is cancelled"], below=["Save this page as PDF"])
    d = _judge(final)
    assert d.score == 1 and d.details["present"]["reference"].endswith("reference: SX-2027-0091")
    # two cells of different rows are not a pair
    apart = observation(text_blocks=[
        text_block("Ticket", tag="th", box={"x": 150, "y": 100, "width": 200, "height": 20}),
        text_block("Status", tag="th", box={"x": 150, "y": 140, "width": 200, "height": 20}),
        text_block("K-55120", tag="td", box={"x": 360, "y": 180, "width": 200, "height": 20})], view_key="/d|D")
    assert "reference" not in _judge(apart).details["present"]


@pytest.mark.parametrize("word", ["Referenznummer", "Kündigungsnummer", "Bestätigungsnummer", "Auftragsnummer",
                                  "Ticketnummer", "Aktenzeichen", "Bearbeitungs-Nr.", "Vorgangskennung"])
def test_german_receipt_number_words_in_a_dl(word):
    final = _receipt([("Eingegangen am", "14.05.2027"), ("Uhrzeit", "16:41 Uhr"), (word, "QX-41-7730")],
                     lang="de", label_tag="dt", value_tag="dd", above=["Wir haben Ihre Kündigung erhalten."],
                     below=["Bestätigung ausdrucken"])
    d = _judge(final, "eu", "de")
    assert d.details["present"]["reference"].startswith(word) and d.score == 1


@pytest.mark.parametrize("word", ["Kundennummer", "Vertragsnummer", "Mitgliedsnummer", "Rufnummer"])
def test_numbers_of_the_customer_or_contract_are_not_a_reference(word):
    final = _receipt([(word, "55-310092")], lang="de", label_tag="dt", value_tag="dd")
    assert "reference" not in _judge(final, "eu", "de").details["present"]


def test_label_colon_blocks_pair_with_the_next_block():
    final = observation(texts=["Cancellation confirmed", "Case number:", "C-2027-55812", "Date: 2027-05-14",
                               "Download the receipt"], view_key="/d|D")
    assert _judge(final).details["missing"] == []


def test_a_masked_email_address_still_counts_as_a_copy_by_email():
    """The site echoed the customer's e-mail address, a secret: the observation's masked kinds say so."""
    rows = [("Eingang", "14.05.2027, 16:41 Uhr"), ("Bestätigung gesendet an", SECRET_MASK)]
    above = ["Ihre Kündigung ist eingegangen"]
    unknown = _judge(_receipt(rows, lang="de", above=above), "de", "de")
    assert unknown.details["missing"] == ["save"]  # no kind recorded: the mask could be anything
    d = _judge(_receipt(rows, lang="de", above=above, masked=["email"]), "de", "de")
    assert d.score == 1 and SECRET_MASK in d.details["present"]["save"]
    assert "example.invalid" not in repr(d)  # the stand-in is for the lexicon only, never written
    en = _judge(observation(texts=["Cancelled on 2027-05-14, ref. MM-20331", f"A copy was sent to {SECRET_MASK}."],
                            masked=["email", "password"], view_key="/d|D"))
    assert en.score == 1 and en.details["present"]["save"] == f"sent to {SECRET_MASK}."
    # another kind masked: the mask stays a mask
    other = observation(texts=["Cancelled on 2027-05-14, ref. MM-20331", f"A copy was sent to {SECRET_MASK}."],
                        masked=["phone"], view_key="/d|D")
    assert _judge(other).details["missing"] == ["save"]


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


def test_the_sites_furniture_is_not_the_receipt():
    """A trailer's running time on every page is not the time of the declaration."""
    furniture = "Trailer 2:14"
    start = page("Ihr Konto", furniture, lang="de")
    final = page("Ihre Kündigung ist bei uns eingegangen.", furniture, lang="de")
    j = journey("cancel", [step(0, start, "goto"), step(1, final)])
    d = run("missing_confirmation_details", j, jurisdiction="de")
    assert "time" not in d.details["present"] and d.score == 0.25
    j.steps[1].observation.text_blocks[0].text += " Eingang: 14:32 Uhr"
    assert "time" in run("missing_confirmation_details", j, jurisdiction="de").details["present"]


def test_a_copy_emailed_to_an_address_with_dots_and_a_print_button_are_ways_to_keep_it():
    final = page("Your plan is cancelled", "Cancellation date: March 3, 2027", "Confirmation number: QX-1183",
                 "We've emailed a copy of this confirmation to first.last@example.com.")
    assert _judge(final).details["missing"] == []
    final = page("Your plan is cancelled", "Cancellation date: March 3, 2027", "Confirmation number: QX-1183",
                 elements=[el("Print confirmation")])
    assert _judge(final).details["missing"] == []
