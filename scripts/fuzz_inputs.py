"""Fuzz cxaudit's inputs: generated journey files through ``validate`` and generated or tampered results files
through ``report`` and ``rescore``, all in this process through the CLI's error boundary (tests/cli_run.py).

    .venv/bin/python scripts/fuzz_inputs.py                       # 10,000 journeys, 1,000 results files
    .venv/bin/python scripts/fuzz_inputs.py --seed 7 --journeys 500 --results 50

A benchmark-style script, not a test: it prints how many inputs ended with each exit status and lists every
internal error (or hang: over 10 s of CPU time) with the input that caused it, which it copies into ``--failures``. It exits 1 when
there was one. Deterministic for a given --seed. Journeys are mutations of the shipped journeys/demo/*.yaml
and random YAML (wrong types, missing and extra keys, unicode, huge values, aliases, deep nesting, binary
junk); results files are mutations of tests/fixtures/demo_run/results.json.gz (type swaps, NaN and Infinity,
huge numbers, truncation, deleted keys, a top-level list, deep nesting, invalid UTF-8).
"""

from __future__ import annotations

import argparse
import copy
import gzip
import json
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from cli_run import cx  # noqa: E402 - tests/ is put on the path just above

HANG_S = 10  # seconds of CPU time (the process's, not the clock's: a busy machine is no hang)
WEIRD = ["", " ", "é€😀", "\u202e\u0000x", "${CX_FUZZ_UNSET}", "${HOME}", "[", "{{", "*", "&a", "!!python/object:os.system",
         "http://[::1", "http://a:99999/", "javascript:alert(1)", "/" * 300, "x" * 70_000, "2001-13-45", "0x" + "f" * 200]
KEYS = ["name", "goal", "start", "steps", "success", "blocked", "device", "timeouts", "language", "mask", "site", "role",
        "label", "text", "css", "value", "option", "proceed", "answer", "messages", "replies", "input", "optional",
        "timeout", "fallbacks", "frame", "nth", "exact", "key", "target", "click", "fill", "gate", "chat", "sucess", "stpes"]


class Hang(BaseException):
    """Raised by the alarm in an input that takes over HANG_S of CPU time; the error boundary does not catch it."""


def _alarm(*_):
    raise Hang


# ---------------------------------------------------------------- values
def weird_value(rng: random.Random, depth: int = 0):
    pick = rng.randrange(12)
    if pick == 0:
        return rng.choice(WEIRD)
    if pick == 1:
        return rng.choice([None, True, False, 0, -1, 2**63, -(10**30), 0.5, float("inf"), float("-inf"), float("nan")])
    if pick == 2:
        return "".join(chr(c if not 0xD800 <= (c := rng.randrange(1, 0x2FFFF)) < 0xE000 else 0xFFFD)
                       for _ in range(rng.randrange(1, 30)))  # no lone surrogates: they cannot be written
    if pick == 3 and depth < 4:
        return [weird_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if pick == 4 and depth < 4:
        return {rng.choice(KEYS): weird_value(rng, depth + 1) for _ in range(rng.randrange(4))}
    if pick == 5:
        value = None
        for _ in range(rng.choice([10, 49, 51, 80, 120])):  # deeper: as text (the YAML dumper recurses)
            value = [value]
        return value
    if pick == 6:
        return rng.randrange(-10**6, 10**6)
    if pick == 7:
        return rng.uniform(-1e6, 1e6)
    return rng.choice(["cancel", "signup", "nope", "desktop", "mobile", "/x", "Continue", {"role": "button"}, []])


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from paths(v, (*prefix, i))


def get(data, path):
    for part in path:
        data = data[part]
    return data


def mutate_tree(rng: random.Random, data, huge_int: int):
    """One structural change at a random place: a value replaced, a key deleted or added, a list emptied."""
    places = list(paths(data))
    path = rng.choice(places[1:] or places)
    if not path:
        return weird_value(rng)
    parent, last = get(data, path[:-1]), path[-1]
    op = rng.randrange(6)
    if op == 0 and isinstance(parent, dict):
        del parent[last]
    elif op == 1 and isinstance(parent, dict):
        parent[rng.choice(KEYS)] = weird_value(rng)
    elif op == 2:
        parent[last] = huge_int if rng.random() < 0.5 else rng.choice([10**15, 2**53 + 1, -(2**63), 1e308, -1e-308])
    elif op == 3 and isinstance(parent[last], list | dict):
        parent[last] = type(parent[last])()
    else:
        parent[last] = weird_value(rng)
    return data


def same_type(rng: random.Random, value):
    """A value of the same JSON type that cxaudit may not expect: a load of it passes, the judging and the
    reports meet it (negative counts, 2**53, empty or hostile text, lists emptied or repeated)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return rng.choice([0, -1, -(2**53), 2**53, rng.randrange(-10**9, 10**9), value * 1000])
    if isinstance(value, float):
        return rng.choice([0.0, -0.0, -1.5, 2.0**53, 1e-300, rng.uniform(-1e9, 1e9), value * 1e6])
    if isinstance(value, str):
        return rng.choice([*WEIRD[:14], value * 50, value[::-1], "=cmd|' /C calc'!A0", "<script>x</script>"])
    if isinstance(value, list):
        return rng.choice([[], value * 3, value[::-1]])
    if isinstance(value, dict):
        return rng.choice([{}, {k: value[k] for k in list(value)[: len(value) // 2]}])
    return value


# ---------------------------------------------------------------- journeys
def journey_text(rng: random.Random, shipped: list[str]) -> bytes:
    kind = rng.randrange(10)
    base = rng.choice(shipped)
    if kind <= 3:  # the data of a shipped journey, changed in one to three places
        data = yaml.safe_load(base)
        for _ in range(rng.randrange(1, 4)):
            data = mutate_tree(rng, data, 0)
        return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    if kind == 4:  # random YAML
        return yaml.safe_dump(weird_value(rng), allow_unicode=True).encode("utf-8")
    lines = base.splitlines()
    at = rng.randrange(len(lines) + 1)
    if kind == 5:  # text that YAML reads in a special way, in a shipped journey
        snippet = rng.choice([
            f"timeouts: {{step: {'9' * rng.choice([50, 101, 4301, 9000])}}}",
            "description: 2001-13-45", "description: !!int abc", "description: !!float x", "? [a]\n: b",
            "description: !!binary '***'", "description: !!python/object:os.system x", "description: &r [*r]",
            "tags: " + "[" * rng.choice([49, 51, 400]) + "]" * rng.choice([49, 51, 400]),
            "site: !!timestamp 2001-02-30", "<<: *nope", "name: &n x\nname: *n", "%YAML 1.1\n---", "---\n---",
        ])
        lines.insert(at, snippet)
        return "\n".join(lines).encode("utf-8")
    if kind == 6:  # an alias bomb or a chain of aliases before or inside the journey
        width, height = rng.randrange(2, 12), rng.randrange(2, 12)
        bomb = ["a0: &a0 [x]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, height)]
        return ("\n".join(bomb) + "\n" + base).encode("utf-8")
    if kind == 7:  # binary junk: random bytes in the text, invalid UTF-8, control characters, a BOM
        raw = bytearray(base.encode("utf-8"))
        for _ in range(rng.randrange(1, 8)):
            raw.insert(rng.randrange(len(raw) + 1), rng.randrange(256))
        return (b"\xef\xbb\xbf" if rng.random() < 0.2 else b"") + bytes(raw)
    if kind == 8:  # cut short, or a line repeated
        raw = base.encode("utf-8")
        return raw[: rng.randrange(len(raw))] if rng.random() < 0.5 else (base + "\n" + rng.choice(lines)).encode()
    return base.replace(rng.choice(["cancel", "steps", "success", "click", ":"]), rng.choice(WEIRD[:12]), 1).encode()


# ---------------------------------------------------------------- results
def results_bytes(rng: random.Random, bases: list[dict]) -> bytes:
    data = copy.deepcopy(rng.choice(bases))
    keep = rng.randrange(1, 3)
    data["journeys"] = rng.sample(data["journeys"], keep)
    kind = rng.randrange(14)
    if kind >= 10:  # values of the right type that no recording gives, so that judging and reports meet them
        places = list(paths(data))[1:]
        for path in rng.sample(places, rng.randrange(1, 8)):
            try:
                parent = get(data, path[:-1])
                parent[path[-1]] = same_type(rng, parent[path[-1]])
            except (KeyError, IndexError, TypeError):  # an earlier change removed this place
                continue
        return json.dumps(data, allow_nan=False).encode("utf-8")
    if kind <= 4:  # type swaps, deleted and added keys, NaN, Infinity, huge numbers, anywhere
        for _ in range(rng.randrange(1, 5)):
            data = mutate_tree(rng, data, 10 ** rng.choice([17, 30, 4000]) - 1)  # 5,000 digits: as text below
        return json.dumps(data, allow_nan=True, ensure_ascii=rng.random() < 0.5).encode("utf-8")
    text = json.dumps(data)
    if kind == 5:
        return json.dumps([data] if rng.random() < 0.5 else rng.choice([None, 1, "x", True])).encode()
    if kind == 6:  # deep nesting somewhere
        depth = rng.choice([20, 63, 65, 500, 100_000])
        return text.replace('"options": {', '"options": {"x": ' + "[" * depth + "]" * depth + ",", 1).encode()
    if kind == 7:  # invalid UTF-8
        raw = bytearray(text.encode())
        for _ in range(rng.randrange(1, 5)):
            raw.insert(rng.randrange(len(raw)), rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xED]))
        return bytes(raw)
    if kind == 8:  # truncated
        raw = text.encode()
        return raw[: rng.randrange(len(raw))]
    for name in rng.sample(["NaN", "Infinity", "-Infinity", "1e999", "9" * 5000, "-0", "1e-400", "true", "null"], 2):
        text = text.replace('"duration_s": ', f'"duration_s": {name}, "_": ', 1)
    return text.encode()


# ---------------------------------------------------------------- running
def run_one(args: list[str]) -> tuple[str, float, str]:
    """(outcome, CPU seconds, stderr): the exit status as text, or 'internal error' / 'hang'."""
    started = time.process_time()
    signal.setitimer(signal.ITIMER_PROF, HANG_S)
    try:
        ran = cx(*args)
    except Hang:
        return "hang", time.process_time() - started, f"took over {HANG_S} s of CPU time"
    except Exception as exc:  # noqa: BLE001 - an exception past the error boundary is an internal error too
        return "internal error", time.process_time() - started, f"{type(exc).__name__}: {exc}"
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
    internal = "internal error" in ran.stderr or "Traceback" in ran.stderr
    return ("internal error" if internal else str(ran.returncode)), time.process_time() - started, ran.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--journeys", type=int, default=10_000, help="journey files through validate")
    parser.add_argument("--results", type=int, default=1_000, help="results files through report and rescore")
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"), help="where failing inputs are copied")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPROF, _alarm)
    rng = random.Random(args.seed)
    shipped = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "journeys" / "demo").glob("*.yaml"))]
    counts: dict[str, Counter] = {"validate": Counter(), "report": Counter(), "rescore": Counter()}
    failures: list[tuple[str, Path, str]] = []
    slowest: dict[str, tuple[float, str]] = {}
    work = Path(tempfile.mkdtemp(prefix="cxaudit-fuzz-"))

    def record(command: str, outcome: str, seconds: float, stderr: str, inputs: Path) -> None:
        counts[command][outcome] += 1
        if seconds > slowest.get(command, (0.0, ""))[0]:
            slowest[command] = (seconds, inputs.name)
        if outcome in ("internal error", "hang"):
            kept = args.failures / command / inputs.name
            kept.parent.mkdir(parents=True, exist_ok=True)
            (shutil.copytree if inputs.is_dir() else shutil.copy)(inputs, kept, **({"symlinks": True} if inputs.is_dir() else {}))
            failures.append((command, kept, stderr.strip().splitlines()[0] if stderr.strip() else outcome))

    started = time.monotonic()
    try:
        for i in range(args.journeys):
            file = work / f"journey-{args.seed}-{i:05d}.yaml"
            file.write_bytes(journey_text(rng, shipped))
            record("validate", *run_one(["validate", "--quiet", str(file)]), file)
            file.unlink()
        demo = json.loads(gzip.decompress((ROOT / "tests" / "fixtures" / "demo_run" / "results.json.gz").read_bytes()))
        bases = [demo, _judged(demo, work)] if args.results else []
        for i in range(args.results):
            folder = work / f"results-{args.seed}-{i:04d}"
            folder.mkdir()
            (folder / "screens").symlink_to(ROOT / "tests" / "fixtures" / "demo_run" / "screens")
            raw = results_bytes(rng, bases)
            (folder / "results.json").write_bytes(raw)
            record("report", *run_one(["report", str(folder), "--format", "html,md,csv,json,junit,xlsx",
                                       "--out", str(folder / "out")]), folder)
            shutil.rmtree(folder / "out", ignore_errors=True)
            (folder / "results.json").write_bytes(raw)
            record("rescore", *run_one(["rescore", str(folder), "--quiet"]), folder)
            shutil.rmtree(folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"cxaudit fuzz, seed {args.seed}: {args.journeys:,} journey files, {args.results:,} results files, "
          f"{time.monotonic() - started:.0f} s")
    for command, counter in counts.items():
        by_status = ", ".join(f"exit {k}: {v:,}" if k.isdigit() else f"{k}: {v:,}" for k, v in sorted(counter.items()))
        seconds, name = slowest.get(command, (0.0, "-"))
        print(f"  {command:9} {sum(counter.values()):6,} runs  {by_status or '-'}  (slowest {seconds:.2f} s of CPU: {name})")
    print(f"{len(failures)} internal error(s)" + (f"; inputs copied to {args.failures}/" if failures else ""))
    for command, kept, line in failures:
        print(f"  {command} {kept}: {line}")
    return 1 if failures else 0


def _judged(demo: dict, work: Path) -> dict:
    """The demo run judged and saved as ``cxaudit rescore`` would: reports then use its saved verdicts."""
    from cxaudit.judge.engine import judge_run
    from cxaudit.results.model import RunResult

    run = RunResult.model_validate(demo)
    judge_run(run)
    return json.loads(run.model_dump_json())


if __name__ == "__main__":
    sys.exit(main())
