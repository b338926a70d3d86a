"""The wording corpus (eval/corpus/) and its harness (eval/corpus_run.py): format, size, split, placement.

No browser. The corpus is measurement material, not test data of a detector: these tests check that the
files are well formed and that the harness puts a string where its check reads, nothing about recall.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "eval" / "corpus"
FIELDS = {"id", "text", "label", "kind", "check", "lang", "source"}
OPTIONAL = {"basis", "tags"}
TAGS = {"decline": {"typographic_apostrophe", "determiner", "number", "not_money"}, "policy": {"deep_in_paragraph"}}
CHECKS = {"decline": "confirmshaming", "offer": "retention_offer", "policy": "channel_redirect", "ordinary": "all"}
SOURCES = {"regulator", "court", "consumer_org", "news", "statute", "paraphrase", "own"}
LANGS = {"en", "de", "fr"}


def _harness():
    spec = importlib.util.spec_from_file_location("corpus_run", ROOT / "eval" / "corpus_run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_run", module)
    spec.loader.exec_module(module)
    return module


harness = _harness()


def _rows() -> list[tuple[Path, int, dict]]:
    rows = []
    for file in sorted(CORPUS.glob("*/*.jsonl")):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            rows.append((file, n, json.loads(line)))
    return rows


ROWS = _rows()
ENTRIES = [e for _, _, e in ROWS]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def test_files_are_one_per_language_and_kind():
    files = sorted(str(f.relative_to(CORPUS)) for f in CORPUS.glob("*/*.jsonl"))
    for lang in ("en", "de", "fr"):
        for kind in ("decline", "offer", "policy"):
            assert f"{lang}/{kind}.jsonl" in files
    for lang in ("en", "de"):
        assert f"{lang}/ordinary.jsonl" in files
    assert all(Path(f).parent.name in LANGS and Path(f).stem in CHECKS for f in files), files


def test_every_entry_has_the_fields_and_agrees_with_its_file():
    problems = []
    for file, n, e in ROWS:
        where = f"{file.relative_to(CORPUS)}:{n}"
        if not FIELDS <= e.keys() or e.keys() - FIELDS - OPTIONAL:
            problems.append(f"{where}: keys {sorted(e)}")
            continue
        if e["lang"] != file.parent.name or e["kind"] != file.stem:
            problems.append(f"{where}: lang/kind {e['lang']}/{e['kind']} in the wrong file")
        if e["check"] != CHECKS[e["kind"]]:
            problems.append(f"{where}: check {e['check']} for kind {e['kind']}")
        if e["label"] not in ("positive", "negative") or (e["kind"] == "ordinary" and e["label"] != "negative"):
            problems.append(f"{where}: label {e['label']}")
        if e["source"] not in SOURCES:
            problems.append(f"{where}: source {e['source']!r}")
        if not isinstance(e["text"], str) or not e["text"].strip() or e["text"] != e["text"].strip():
            problems.append(f"{where}: text {e['text']!r}")
        prefix = f"{e['lang']}-{'ui' if e['kind'] == 'ordinary' else e['kind']}-"
        if not e["id"].startswith(prefix):
            problems.append(f"{where}: id {e['id']} should start with {prefix}")
    assert not problems, "\n".join(problems)


def test_shape_tags_are_known_and_agree_with_the_text():
    """The shapes of issue 12's class 7 that eval/corpus_run.py --by-shape reports recall on."""
    problems = []
    for e in ENTRIES:
        tags = e.get("tags", [])
        if tags and (e["label"] != "positive" or not set(tags) <= TAGS.get(e["kind"], set()) or len(set(tags)) != len(tags)):
            problems.append(f"{e['id']}: tags {tags}")
        if e["label"] != "positive":
            continue
        if e["kind"] == "decline":
            if ("typographic_apostrophe" in tags) != any(c in e["text"] for c in "’´"):
                problems.append(f"{e['id']}: typographic_apostrophe")
            if ("number" in tags) != bool(re.search(r"\d", e["text"])):
                problems.append(f"{e['id']}: number")
        if e["kind"] == "policy" and ("deep_in_paragraph" in tags) != (len(e["text"]) > 300):
            problems.append(f"{e['id']}: deep_in_paragraph")
    assert not problems, "\n".join(problems)


def test_ids_are_unique():
    dupes = [i for i, n in Counter(e["id"] for e in ENTRIES).items() if n > 1]
    assert not dupes


def test_no_text_twice_in_a_language():
    seen: dict[tuple[str, str], str] = {}
    dupes = []
    for e in ENTRIES:
        key = (e["lang"], _norm(e["text"]))
        if key in seen:
            dupes.append(f"{e['id']} repeats {seen[key]}: {e['text']!r}")
        seen.setdefault(key, e["id"])
    assert not dupes, "\n".join(dupes)


@pytest.mark.parametrize("lang,least", [("en", 300), ("de", 300), ("fr", 100)])
def test_size_per_language(lang, least):
    mine = [e for e in ENTRIES if e["lang"] == lang and e["kind"] != "ordinary"]
    assert len(mine) >= least
    for kind in ("decline", "offer", "policy"):
        labels = Counter(e["label"] for e in mine if e["kind"] == kind)
        assert labels["positive"] >= least // 20 and labels["negative"] >= least // 30, (kind, labels)


def test_at_least_1000_ordinary_strings_in_en_and_de():
    ordinary = Counter(e["lang"] for e in ENTRIES if e["kind"] == "ordinary")
    assert ordinary["en"] + ordinary["de"] >= 1000
    assert min(ordinary["en"], ordinary["de"]) >= 400


def test_the_class_7_shapes_are_in_the_corpus():
    """Issue 12, class 7: the corpus must hold the shapes fixed phrases miss, or it cannot measure them."""
    for lang in ("en", "de"):
        shaming = [e["text"] for e in ENTRIES if e["lang"] == lang and e["kind"] == "decline" and e["label"] == "positive"]
        assert any("’" in t for t in shaming) and any("´" in t for t in shaming), lang
        assert sum(bool(re.search(r"\d", t)) for t in shaming) >= 3, lang
        redirects = [e["text"] for e in ENTRIES if e["lang"] == lang and e["kind"] == "policy" and e["label"] == "positive"]
        assert sum(len(t) > 300 for t in redirects) >= 5, lang  # the sentence deep in a long paragraph
        plain = [e["text"] for e in ENTRIES if e["lang"] == lang and e["kind"] == "decline" and e["label"] == "negative"]
        assert len(plain) >= 30


def test_split_is_a_stable_function_of_the_id():
    # pinned: changing the hash or the share would silently move entries between dev and test
    assert [harness.split_of(i) for i in ("en-decline-001", "de-offer-010", "fr-policy-003", "en-ui-0001")] == \
        ["dev", "dev", "test", "test"]
    assert harness.split_of("en-decline-001") == harness.split_of("en-decline-001")
    share = Counter(harness.split_of(e["id"]) for e in ENTRIES)
    assert 0.33 < share["dev"] / len(ENTRIES) < 0.47, share


def test_the_harness_reads_the_corpus_files():
    loaded = harness.load_corpus()
    assert [e["id"] for e in loaded] == [e["id"] for e in ENTRIES]


@pytest.fixture(scope="module")
def judge():
    return harness.Judge()


def test_a_plain_positive_fires_and_a_plain_negative_does_not(judge):
    assert judge.check_placement() == []
    for kind, (lang, positive, negative) in harness.PLACEMENT_PROBES.items():
        assert judge.fires(kind, lang, positive), kind
        assert not judge.fires(kind, lang, negative), kind


def test_text_blocks_are_cut_where_the_recorder_cuts_them(judge):
    lang, redirect, _ = harness.PLACEMENT_PROBES["policy"]
    deep = "Your plan renews every month. " * 11 + redirect  # the sentence starts past character 300
    assert judge.limit == harness.text_limit_of_recorder() == 4000  # snapshot.js maxBlockText
    assert judge.fires("policy", lang, deep)  # whole blocks are kept, so a deep sentence is judged
    assert not harness.Judge(text_limit=300).fires("policy", lang, deep)  # the old cut at 300 misses it
    assert harness.Judge(text_limit=0).fires("policy", lang, deep)


def test_the_pages_are_valid_observations():
    from cxaudit.results.observation import parse_element, parse_observation

    for kind in ("decline", "offer", "policy"):
        journey = harness._journey(kind, "de", "Zeile eins\nZeile zwei", 300)
        assert journey.outcome == "completed" and journey.steps[0].index == 0
        for step in journey.steps:
            obs = step.observation if isinstance(step.observation, dict) else step.observation.model_dump()
            parse_observation(obs)
            if step.element is not None:
                parse_element(step.element if isinstance(step.element, dict) else step.element.model_dump())
    decline = harness._journey("decline", "en", "No thanks, I'll pass", 300)
    assert decline.steps[2].target == {"role": "button", "name": "No thanks, I'll pass", "exact": True}
