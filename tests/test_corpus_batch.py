"""eval/corpus_batch.py: one writing batch's figures from corpus_run's JSON (no browser)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_batch_counts_only_its_own_entries_and_the_misses_it_is_given(tmp_path):
    missed = "en-decline-241"  # corpus4's first English decline, a positive
    entry = json.loads(next(line for line in (ROOT / "eval/corpus/en/decline.jsonl").open()
                            if line.startswith('{"id": "' + missed + '"')))
    assert entry["label"] == "positive"
    split = __import__("runpy").run_path(str(ROOT / "eval/corpus_run.py"), run_name="x")["split_of"](missed)
    figures = {c: {"en": {s: {"missed": [missed] if (c, s) == ("confirmshaming", split) else [], "false": []}
                          for s in ("dev", "test")}} for c in ("confirmshaming", "retention_offer")}
    results = tmp_path / "r.json"
    results.write_text(json.dumps({"figures": figures}), encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "eval/corpus_batch.py"), str(results)], capture_output=True,
                         text=True, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("confirmshaming") and f" {split} " in x)
    hits, total = line.split("recall ")[1].split(" ")[0].split("/")
    assert int(hits) == int(total) - 1 and "false alarms 0/" in line
    other = next(x for x in out.splitlines() if x.startswith("retention_offer") and f" {split} " in x)
    assert other.split("recall ")[1].split(" ")[0].split("/")[0] == other.split("recall ")[1].split(" ")[0].split("/")[1]
