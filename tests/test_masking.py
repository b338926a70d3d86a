"""The one secret masker (cxaudit/record/masking.py), without a browser: every encoding, the letter case, short
secrets, the kinds, the in-page patterns, and the paths of the recorder that use it."""

from __future__ import annotations

import base64
import html
import json
import os
import re
from urllib.parse import quote, quote_plus

import pytest
from factories import element_info
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cxaudit.record.masking import MASK, MIN_ANYWHERE, Masker, base64_runs, kind_of, redact

SECRET = "Tr0ub4dor&3-Zebra/ü"
UTF8 = SECRET.encode()


def masked(text: str, *secrets: str) -> str:
    return Masker(secrets or [SECRET]).text(text)


def b64_forms(data: bytes) -> list[str]:
    std, url = base64.b64encode(data).decode(), base64.urlsafe_b64encode(data).decode()
    return [std, std.rstrip("="), url, url.rstrip("=")]


def every_form(secret: str) -> list[str]:
    """What no output may hold: the secret and its encodings, as a page or a browser may write them."""
    data = secret.encode()
    # letter case: one-to-one mappings (ß is not SS, as in the browser's case-blind RegExp)
    cases = [c for c in (secret.upper(), secret.lower()) if len(c) == len(secret)]
    forms = [secret, *cases, quote(secret, safe=""), quote_plus(secret),
             quote(secret, safe="-_.!~*'()"), html.escape(secret), json.dumps(secret)[1:-1],
             data.hex(), data.hex().upper(), *b64_forms(data)]
    try:
        forms += b64_forms(secret.encode("latin-1"))  # btoa()
    except UnicodeError:
        pass
    return forms


@pytest.mark.parametrize("form", every_form(SECRET))
def test_each_form_is_masked_in_running_text(form):
    out = masked(f"Your token: {form} (keep it)")
    assert form not in out and out == f"Your token: {MASK} (keep it)"


@pytest.mark.parametrize("form", every_form(SECRET))
def test_each_long_form_is_masked_inside_a_longer_string_too(form):
    out = masked(f"token=abc{form}xyz&next=1")
    assert form not in out and MASK in out


@pytest.mark.parametrize("prefix", [b"", b"a", b"ab", b"abc", b"abcd", b"{\"pw\": \""])
@pytest.mark.parametrize("urlsafe", [False, True])
def test_base64_of_a_longer_value_holding_the_secret_at_any_alignment(prefix, urlsafe):
    blob = prefix + UTF8 + b"\", \"user\": 42}"
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    text = encode(blob).decode()
    out = masked(f"data={text}")
    for run, _, _ in base64_runs(SECRET):
        assert run not in out and run.translate(str.maketrans("+/", "-_")) not in out
    # the characters before and after, which carry only the prefix's and suffix's bits, stay
    assert out.startswith("data=" + text[: len(prefix) * 4 // 3]) and MASK in out


def test_hex_and_text_in_any_case_base64_only_in_its_own_case():
    assert masked("TR0UB4DOR&3-ZEBRA/Ü") == MASK  # text-transform: uppercase reads as capitals
    assert masked(UTF8.hex().upper()) == MASK and masked("".join(
        c.upper() if i % 2 else c for i, c in enumerate(UTF8.hex()))) == MASK  # any mix of cases
    b64 = base64.b64encode(UTF8).decode()
    assert masked(b64) == MASK
    swapped = b64.swapcase()  # another value's base64, not this one's
    assert masked(swapped) == swapped


def test_short_secrets_mask_their_encodings_only_as_words_of_their_own():
    pin = "4711"  # hex 34373131, base64 NDcxMQ
    m = Masker([pin])
    assert m.text("PIN 4711, again 04711x") == f"PIN {MASK}, again 0{MASK}x"  # the secret itself: everywhere
    assert m.text("hex 34373131 and b64 NDcxMQ== / NDcxMQ") == f"hex {MASK} and b64 {MASK} / {MASK}"
    # inside a longer number or word its short encodings are left: they are something else there
    for text in ("order 1234373131995", "ref XNDcxMQz", "id=a34373131"):
        assert m.text(text) == text
    assert len("34373131") < MIN_ANYWHERE


def test_a_short_secret_is_never_found_inside_longer_base64():
    m = Masker(["ab"])  # its aligned base64 runs are 1-2 characters: masking them would eat any base64
    blob = base64.b64encode(b"xx-ab-yy-ab-zz").decode()
    assert m.text(blob) == blob


def test_the_two_maskers_are_one_masker_case_blind_and_trimmed():
    # snapshot.py used to match case-blind and trimmed, the session exactly: now both do both
    assert redact({"a": ["Mail KIM@example.org", 3, None]}, [" kim@example.org "]) == {"a": [f"Mail {MASK}", 3, None]}
    assert redact("nothing", []) == "nothing" and redact("x", None) == "x"
    assert Masker.of(m := Masker(["a1b2c3"])) is m


def test_the_longer_of_two_secrets_is_masked_whole():
    m = Masker(["K-4711", "K-4711-extra"])
    assert m.text("id K-4711-extra and K-4711") == f"id {MASK} and {MASK}"


def test_secrets_of_nothing_but_space_or_dots_are_ignored():
    m = Masker(["", "   ", MASK, "\u2022"])
    assert not m and m.text(f"a {MASK} b") == f"a {MASK} b"


def test_kinds_are_recorded_but_never_the_values():
    assert [kind_of(v) for v in ("kim@example.org", "+49 171 2345678", "100200", "K-100200", "hunter two")] == [
        "email", "phone", "number", "text", "text"]
    m = Masker(["kim@example.org", "K-100200"])
    m.add("pw-typed-1", "password")
    found: set[str] = set()
    out = m.data({"t": "sent to kim@example.org", "u": ["/x?pw=pw-typed-1"], "n": 3}, found)
    assert found == {"email", "password"} and "kim" not in json.dumps(out) and "pw-typed" not in json.dumps(out)
    assert {kind for _, _, kind in m.script_masks()} == {"email", "text", "password"}
    with pytest.raises(ValueError, match="unknown kind"):
        m.add("x-1", "iban")
    m.add("K-100200", "password")  # typed into a password field later: the kind says so
    assert {kind for _, _, kind in m.script_masks()} == {"email", "password"}


def test_the_page_gets_the_same_patterns_as_javascript_can_read_them():
    m = Masker([SECRET, "kim@example.org"])
    masks = m.script_masks()
    assert masks and all(isinstance(src, str) and flags in ("", "i") and kind in ("text", "email")
                         for src, flags, kind in masks)
    for src, _, _ in masks:
        # no Python-only syntax: named groups, inline flags, \A \Z, possessive or atomic groups
        assert not re.search(r"\(\?P|\(\?[aiLmsux]|\\[AZ]|\(\?>|[*+?]\+", src), src


# ----------------------------------------------------------------------------- the recorder's paths


def test_the_session_masks_name_site_start_url_and_typed_passwords(tmp_path):
    from cxaudit.journey import parse_journey
    from cxaudit.record.runner import _empty
    from cxaudit.record.session import JourneySession, RecorderOptions
    from cxaudit.record.steps.basic import filled_value

    os.environ["CX_MASK_TOKEN"] = "tok-9f8e7d6c5b"
    try:
        journey = parse_journey("name: cancel\ngoal: cancel\nstart: /a?t=${CX_MASK_TOKEN}\nsteps: [{click: Go}]\n"
                                "success: {text: done}\n", "j.yaml")
    finally:
        del os.environ["CX_MASK_TOKEN"]
    start = journey.start_url("http://127.0.0.1:1")
    session = JourneySession(None, journey, start, RecorderOptions(run_folder=tmp_path))
    empty = _empty(journey, start)
    for result in (session.result, empty):
        # the whole expanded value is the secret
        assert "tok-9f8e7d6c5b" not in result.model_dump_json() and result.start_url == "http://127.0.0.1:1" + MASK
    value = filled_value(session, element_info(type="password", name="Password"), "typed-in-clear-77")
    assert value.secret and value.value == MASK
    plain = filled_value(session, element_info(type="text"), "my link /a?t=tok-9f8e7d6c5b")  # holds a secret in it
    assert not plain.secret and plain.value == f"my link {MASK}"
    echoed = base64.b64encode(b"typed-in-clear-77").decode()
    assert session.redact(f"welcome typed-in-clear-77 {echoed}") == f"welcome {MASK} {MASK}"


def test_the_snapshot_reports_the_kinds_the_page_and_python_masked():
    from cxaudit.record.snapshot import _masked

    obs = {"viewport": {}, "title": "Sent to kim@example.org", "masked": ["text"]}
    out = _masked(obs, Masker(["kim@example.org", "K-1"]))
    assert out["title"] == f"Sent to {MASK}" and out["masked"] == ["email", "text"]
    assert "masked" not in _masked({"viewport": {}, "title": "nothing"}, Masker(["kim@example.org"]))


# ----------------------------------------------------------------------------- properties

EXAMPLES = 100 if os.environ.get("CXAUDIT_FAST") == "1" else 300
secrets_st = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\u2022"), min_size=1,
                     max_size=24).filter(lambda s: s.strip())
filler = st.text(st.characters(codec="ascii", blacklist_categories=("Cc",)), max_size=20)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(secret=secrets_st, before=filler, after=filler)
def test_no_form_of_any_secret_survives(secret, before, after):
    m = Masker([secret])
    for form in every_form(secret):
        out = m.text(f"{before} {form} {after}")
        for other in every_form(secret):
            if len(other) >= MIN_ANYWHERE or other.casefold() == secret.casefold():
                assert other not in out, (form, other, out)
            else:  # short encodings: never as a word of their own
                assert not re.search(r"(?<![A-Za-z0-9])" + re.escape(other) + r"(?![A-Za-z0-9])", out), (form, other)


@settings(max_examples=EXAMPLES, deadline=None)
@given(secret=secrets_st.filter(lambda s: len(s.encode()) >= 10), prefix=st.binary(max_size=7),
       suffix=st.binary(max_size=7), urlsafe=st.booleans())
def test_no_secret_of_ten_bytes_survives_inside_longer_base64(secret, prefix, suffix, urlsafe):
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    out = Masker([secret]).text("x " + encode(prefix + secret.encode() + suffix).decode() + " y")
    for run, _, _ in base64_runs(secret):
        if len(run) >= MIN_ANYWHERE:
            assert run not in out and run.translate(str.maketrans("+/", "-_")) not in out


@settings(max_examples=EXAMPLES, deadline=None)
@given(secret=st.text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8),
       words=st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789 .,-", max_size=12), max_size=6),
       glue=st.sampled_from(["q", "7", "Z"]))
def test_a_short_secret_masks_nothing_but_itself_and_its_encodings_as_words(secret, words, glue):
    """Its short hex and base64 inside a longer word or number, and text without it, stay as they were."""
    data = secret.encode()
    short = [f for f in [data.hex(), data.hex().upper(), *b64_forms(data)] if len(f) < MIN_ANYWHERE]
    text = " ".join(words + [glue + f + glue for f in short])
    assume(secret.casefold() not in text.casefold())
    assert Masker([secret]).text(text) == text
