"""Figures of one writing batch of the corpus: `eval/corpus_run.py --split all --json` restricted to the ids
from a batch's first id on (default: corpus4, written on 2 December 2026, branch corpus4).

    PYTHONPATH=. .venv/bin/python eval/corpus_run.py --split all --json > /tmp/corpus.json
    .venv/bin/python eval/corpus_batch.py /tmp/corpus.json

It prints recall and false alarms on the batch's dev and test entries only; it reads no misses."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_run import load_corpus, split_of  # noqa: E402

CORPUS4 = {"en-decline": 241, "de-decline": 250, "fr-decline": 103, "en-offer": 208, "de-offer": 208, "fr-offer": 81}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("results", help="the JSON printed by eval/corpus_run.py --split all --json")
    args = ap.parse_args()
    figures = json.loads(Path(args.results).read_text(encoding="utf-8"))["figures"]

    def in_batch(entry_id: str) -> bool:
        kind, number = entry_id.rsplit("-", 1)
        return kind in CORPUS4 and int(number) >= CORPUS4[kind]

    entries = load_corpus()
    for check in ("confirmshaming", "retention_offer"):
        for split in ("dev", "test"):
            batch = [e for e in entries if e["check"] == check and in_batch(e["id"]) and split_of(e["id"]) == split]
            missed = {i for lang in figures[check].values() for i in lang.get(split, {}).get("missed", [])}
            false = {i for lang in figures[check].values() for i in lang.get(split, {}).get("false", [])}
            pos = [e for e in batch if e["label"] == "positive"]
            neg = [e for e in batch if e["label"] == "negative"]
            hits = sum(e["id"] not in missed for e in pos)
            alarms = sum(e["id"] in false for e in neg)
            print(f"{check:16} {split:4} corpus4: recall {hits}/{len(pos)} ({hits / max(1, len(pos)):.1%}), "
                  f"false alarms {alarms}/{len(neg)} ({alarms / max(1, len(neg)):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
