"""Judge every string of the wording corpus (eval/corpus/) the way its check would meet it in a run.

No browser: for each string this builds a small recorded cancel journey in-process, places the string
where the check reads (checks/<check>.yaml), validates the pages and elements through the observation
models (cxaudit/results/observation.py) and judges the journey with cxaudit.judge.engine, with only that
one check in the catalogue. A string "fires" when the check does not pass: ``fail``, or ``warn``, a
blocker's partial finding (one offer screen, a redirect on a journey that still completed online), so what is
measured is whether the wording was recognised.

Placements (the same page around every string of a kind, positive or negative, so only the string differs):

- decline (confirmshaming): "the label of every control the journey clicked to go on, and of the decline
  controls shown". Account page, then an offer page (a half-price offer) whose two buttons are "Accept
  offer" and the string; the journey clicks the string (it is the step's element and target, and one of
  the page's elements), then confirms.
- offer (retention_offer): "screens between the start and the goal", start and final confirmation not
  counted. Account page, then a cancel step whose heading is the string's first line and whose
  paragraphs are the following lines, with a neutral "Continue to cancel" button; then the confirmation.
- policy (channel_redirect): wording on a cancel page. Help page, then a page headed "Cancel your
  subscription" whose paragraphs are the string's lines; then the confirmation (``--policy-outcome
  blocked`` ends the journey on that page instead).
- ordinary UI strings are placed in all three placements, as negatives of each check.

Text blocks are cut where the recorder cuts them (snapshot.js ``maxBlockText``, read from the script;
``--text-limit`` overrides, 0 = no cut), so a sentence deep in a long paragraph is judged as a real run
would record it.

    PYTHONPATH=. .venv/bin/python eval/corpus_run.py [--split dev|test|all] [--json]

Tuning may look at dev only; figures are reported on test (eval/corpus/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(ROOT))

from cxaudit.journey import Journey, Target  # noqa: E402
from cxaudit.judge.engine import catalogue, judge_journey  # noqa: E402
from cxaudit.record.describe import describe, describe_start  # noqa: E402
from cxaudit.results.model import JourneyResult, RunResult, StepRecord  # noqa: E402
from cxaudit.results.observation import parse_element, parse_observation  # noqa: E402

KINDS = {"decline": "confirmshaming", "offer": "retention_offer", "policy": "channel_redirect"}
LANGS = ("en", "de", "fr")
DEV_SHARE = 40  # percent of ids in dev; the rest is test

# The words of the pages around a string, per language. The decline placement's page is an offer (a decline
# control declines something); the rest is navigation and confirmation wording.
_WORDS = {  # key: (en, de, fr)
    "account": ("Your account", "Ihr Konto", "Votre compte"),
    "cancel_link": ("Cancel subscription", "Abo kündigen", "Résilier l'abonnement"),
    "keep": ("Accept offer", "Angebot annehmen", "Accepter l'offre"),
    "continue": ("Continue to cancel", "Weiter zur Kündigung", "Continuer la résiliation"),
    "confirm": ("Confirm cancellation", "Jetzt kündigen", "Confirmer la résiliation"),
    "help": ("Help centre", "Hilfe", "Aide"),
    "cancel_page": ("Cancel your subscription", "Abo kündigen", "Résilier votre abonnement"),
    "done": ("Your subscription has been cancelled.", "Ihr Abo wurde gekündigt.", "Votre abonnement a été résilié."),
    "done_h": ("Cancellation confirmed", "Kündigung bestätigt", "Résiliation confirmée"),
    "plan": ("Plan: Streaming Standard", "Tarif: Streaming Standard", "Formule : Streaming Standard"),
    "offer_h": ("A special offer for you", "Ein Angebot für Sie", "Une offre pour vous"),
    "offer_p": ("Stay and pay half price for 3 months.", "Bleiben Sie und zahlen Sie 3 Monate lang den halben Preis.",
                "Restez et payez moitié prix pendant 3 mois."),
    "confirm_h": ("Confirm your cancellation", "Kündigung bestätigen", "Confirmez votre résiliation"),
    "confirm_p": ("Your subscription ends at the end of the billing period.",
                  "Ihr Abo endet zum Ende des Abrechnungszeitraums.",
                  "Votre abonnement prend fin à la fin de la période de facturation."),
    "home": ("Home", "Startseite", "Accueil"),
}
WORDS = {lang: {key: words[i] for key, words in _WORDS.items()} for i, lang in enumerate(LANGS)}

# Positives written the way the checks' own descriptions (checks/*.yaml) word them: if one of these does
# not fire, the placement is wrong, not the corpus. They are not part of the corpus.
PLACEMENT_PROBES = {
    "decline": ("en", "No thanks, I'd rather pay full price", "Continue to cancel"),
    "offer": ("en", "50% off\nStay with us and get 3 months free.", "Your plan"),
    "policy": ("en", "To cancel, please call us.", "Manage your subscription in your account settings."),
}


# ------------------------------------------------------------------ the corpus
def split_of(entry_id: str) -> str:
    """dev or test, from the id alone: stable across machines, Python versions and file order."""
    return "dev" if int(hashlib.sha256(entry_id.encode("utf-8")).hexdigest()[:8], 16) % 100 < DEV_SHARE else "test"


def load_corpus(folder: Path = CORPUS) -> list[dict[str, Any]]:
    entries = []
    for file in sorted(folder.glob("*/*.jsonl")):
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            entry = json.loads(line)
            entry["_file"], entry["_line"] = f"{file.relative_to(folder)}", n
            entries.append(entry)
    return entries


def text_limit_of_recorder() -> int:
    """maxBlockText of cxaudit/record/snapshot.js (maxText before it had one): where the recorder cuts a text
    block."""
    script = (ROOT / "cxaudit" / "record" / "snapshot.js").read_text(encoding="utf-8")
    m = (re.search(r"maxBlockText:\s*(\d+)", script)
         or re.search(r"maxTextBlocks:\s*\d+,\s*maxText:\s*(\d+)", script))
    if not m:
        raise SystemExit("cannot read maxBlockText from cxaudit/record/snapshot.js; pass --text-limit")
    return int(m.group(1))


# ------------------------------------------------------------------ pages


def _box(y: float, width: float = 600, height: float = 24) -> dict[str, float]:
    return {"x": 320.0, "y": y, "width": width, "height": height}


def _control(name: str, role: str, y: float, primary: bool = False) -> dict[str, Any]:
    """snapshot.js's ELEMENT record of a plain button or link (the same look for every string)."""
    tag = "a" if role == "link" else "button"
    return {
        "role": role, "name": name, "tag": tag, "type": "" if tag == "a" else "submit", "text": name,
        "href": "#" if tag == "a" else "", "box": _box(y, 260, 44), "font_size": 16, "font_weight": 600 if primary else 400,
        "color": "rgb(255, 255, 255)" if primary else "rgb(20, 20, 20)",
        "background": "rgb(0, 90, 200)" if primary else "rgb(235, 235, 235)", "contrast": 6.3 if primary else 15.2,
        "filled": True, "area": 260 * 44, "disabled": False, "required": False, "checked": None, "hidden": False,
        "offscreen": False, "in_first_viewport": True, "in_dialog": False, "in_footer": False, "landmark": "main",
        "sibling_links": 0, "frame": None, "shadow": False,
    }


def _element_info(control: dict[str, Any]) -> dict[str, Any]:
    """element.js's record of the element a step acted on: the same record, ref None, two more keys."""
    info = {k: v for k, v in control.items() if k != "ref"}
    return {**info, "ref": None, "page_font_median": 16, "scroll_needed": False}


def _page(url: str, lang: str, title: str, heading: str, paragraphs: list[str], controls: list[tuple[str, str, bool]],
          limit: int) -> dict[str, Any]:
    """An observation (snapshot.js page mode) of a page with one h1, its paragraphs and its controls."""
    clip = (lambda s: s[:limit]) if limit else (lambda s: s)
    blocks, y = [], 120.0
    if heading:
        blocks.append({"text": clip(heading), "tag": "h1", "role": "heading", "box": _box(y, 600, 40), "font_size": 32,
                       "font_weight": 700, "color": "rgb(20, 20, 20)", "in_dialog": False, "frame": None})
        y += 60
    for p in paragraphs:
        lines = max(1, len(p) // 80 + 1)
        blocks.append({"text": clip(p), "tag": "p", "role": "paragraph", "box": _box(y, 600, 24 * lines), "font_size": 16,
                       "font_weight": 400, "color": "rgb(20, 20, 20)", "in_dialog": False, "frame": None})
        y += 24 * lines + 16
    elements = []
    for i, (name, role, primary) in enumerate(controls):
        el = {"ref": f"e{i}", **_control(name, role, y, primary)}
        elements.append(el)
        blocks.append({"text": clip(name), "tag": el["tag"], "role": role, "box": el["box"], "font_size": 16,
                       "font_weight": el["font_weight"], "color": el["color"], "in_dialog": False, "frame": None})
        y += 60
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    obs = {
        "url": url, "title": title, "lang": lang, "viewport": {"width": 1280, "height": 800}, "scroll": {"x": 0, "y": 0},
        "document": {"width": 1280, "height": max(800, y + 100)}, "view_key": f"/{path}|{heading[:80]}|",
        "text_blocks": blocks, "headings": [{"level": 1, "text": clip(heading)}] if heading else [],
        "elements": elements, "forms": [], "dialogs": [], "iframes": [], "alerts": [],
        "counts": {"links": sum(r == "link" for _, r, _ in controls), "buttons": sum(r == "button" for _, r, _ in controls),
                   "fields": 0, "elements_total": len(controls)},
        "truncated": False,
    }
    return obs


# ------------------------------------------------------------------ journeys
def _validated(step: dict[str, Any]) -> dict[str, Any]:
    """The one point where hand-made pages meet the models: validate, then keep the model's own dump, so a
    StepRecord whose observation is a dict or a typed model accepts it alike."""
    if step.get("observation") is not None:
        step["observation"] = parse_observation(step["observation"]).model_dump()
    if step.get("element") is not None:
        step["element"] = parse_element(step["element"]).model_dump()
    return step


def _journey(kind: str, lang: str, text: str, limit: int, policy_outcome: str = "completed") -> JourneyResult:
    w = WORDS[lang]
    base = f"https://shop.example/{lang}"
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    pages: list[tuple[str, dict[str, Any]]] = []  # (url, observation) after each step; [0] is the start page
    clicks: list[tuple[str, str, dict[str, Any]]] = []  # (role, name, control) clicked by steps 1..n

    def page(path: str, title: str, heading: str, paras: list[str], controls: list[tuple[str, str, bool]]) -> dict[str, Any]:
        obs = _page(f"{base}/{path}", lang, title, heading, paras, controls, limit)
        pages.append((obs["url"], obs))
        return obs

    def click(obs: dict[str, Any], name: str) -> None:
        el = next(e for e in obs["elements"] if e["name"] == name)
        clicks.append((el["role"], name, el))

    done = ([(w["home"], "link", False)], w["done_h"], [w["done"]])
    if kind == "decline":
        start = page("account", w["account"], w["account"], [w["plan"]], [(w["cancel_link"], "link", False)])
        click(start, w["cancel_link"])
        offer = page("cancel/offer", w["offer_h"], w["offer_h"], [w["offer_p"]], [(w["keep"], "button", True), (text, "button", False)])
        click(offer, text)
        confirm = page("cancel/confirm", w["confirm_h"], w["confirm_h"], [w["confirm_p"]], [(w["confirm"], "button", True)])
        click(confirm, w["confirm"])
        page("cancel/done", w["done_h"], done[1], done[2], done[0])
        outcome = "completed"
    elif kind == "offer":
        start = page("account", w["account"], w["account"], [w["plan"]], [(w["cancel_link"], "link", False)])
        click(start, w["cancel_link"])
        step = page("cancel/step", lines[0][:200], lines[0], lines[1:], [(w["continue"], "button", False)])
        click(step, w["continue"])
        page("cancel/done", w["done_h"], done[1], done[2], done[0])
        outcome = "completed"
    elif kind == "policy":
        start = page("help", w["help"], w["help"], [], [(w["cancel_page"], "link", False)])
        click(start, w["cancel_page"])
        if policy_outcome == "completed":
            step = page("help/cancel", w["cancel_page"], w["cancel_page"], lines, [(w["confirm"], "button", True)])
            click(step, w["confirm"])
            page("help/cancel/done", w["done_h"], done[1], done[2], done[0])
            outcome = "completed"
        else:
            page("help/cancel", w["cancel_page"], w["cancel_page"], lines, [(w["home"], "link", False)])
            outcome = "blocked"
    else:
        raise ValueError(kind)

    journey = Journey.model_validate({
        "name": f"corpus {kind}", "goal": "cancel", "language": lang, "start": pages[0][0],
        "steps": [{"click": {"role": role, "name": name, "exact": True}} for role, name, _ in clicks],
        "success": {"text": w["done"]},
    })
    steps = []
    description, action = describe_start(pages[0][0])
    steps.append(_validated({"index": 0, "type": "goto", "description": description, "action": action,
                             "target": {"url": pages[0][0]}, "url_after": pages[0][0], "title_after": pages[0][1]["title"],
                             "navigated": True, "view_changed": True, "view_key": pages[0][1]["view_key"],
                             "observation": pages[0][1]}))
    for i, (jstep, (_, _, el)) in enumerate(zip(journey.steps, clicks, strict=True), start=1):  # click i led to page i
        description, action = describe(jstep)
        before, after = pages[i - 1], pages[i]
        steps.append(_validated({
            "index": i, "type": jstep.type, "description": description, "action": action,
            "target": jstep.target.model_dump(include=set(Target.model_fields), exclude_defaults=True),
            "actions": 1, "action_kinds": {"click": 1}, "url_before": before[0], "title_before": before[1]["title"],
            "url_after": after[0], "title_after": after[1]["title"], "started_s": 2.0 * i, "duration_s": 1.0,
            "navigated": True, "view_changed": True, "view_key": after[1]["view_key"],
            "element": _element_info(el), "observation": after[1],
        }))
    actions = len(steps) - 1
    return JourneyResult.model_validate({
        "id": f"corpus-{kind}", "name": journey.name, "goal": "cancel", "site": "corpus", "language": lang,
        "device": "desktop", "file": "eval/corpus_run.py", "start_url": pages[0][0], "outcome": outcome,
        "metrics": {"actions": actions, "action_kinds": {"click": actions}, "pages": len(pages),
                    "duration_s": 2.0 * len(steps)},
        "steps": [StepRecord.model_validate(s) for s in steps],
    })


class Judge:
    """One catalogue per check (only that check), reused for every string."""

    def __init__(self, text_limit: int | None = None, policy_outcome: str = "completed"):
        full = catalogue()
        self.cats = {kind: replace(full, specs=[full.spec(check)]) for kind, check in KINDS.items()}
        self.limit = text_limit_of_recorder() if text_limit is None else text_limit
        self.policy_outcome = policy_outcome

    def fires(self, kind: str, lang: str, text: str) -> bool:
        journey = _journey(kind, lang, text, self.limit, self.policy_outcome)
        run = RunResult(run_id="corpus", started_at="2026-01-01T00:00:00+00:00", journeys=[journey])
        judge_journey(journey, self.cats[kind], run)
        result = journey.checks[0]
        if result.status == "error":
            raise RuntimeError(f"{KINDS[kind]} raised on {text!r}: {result.error}")
        if result.status == "not_applicable":
            raise RuntimeError(f"{KINDS[kind]} was not applicable to the {kind} placement: the placement is wrong")
        return result.status in ("fail", "warn")

    def check_placement(self) -> list[str]:
        """A plain positive fires and a plain negative does not, for every kind; the problems, if any."""
        problems = []
        for kind, (lang, positive, negative) in PLACEMENT_PROBES.items():
            if not self.fires(kind, lang, positive):
                problems.append(f"{KINDS[kind]} did not fire on {positive!r}: the {kind} placement is wrong")
            if self.fires(kind, lang, negative):
                problems.append(f"{KINDS[kind]} fired on {negative!r}: the {kind} placement itself fires")
        return problems


# ------------------------------------------------------------------ figures
def evaluate(entries: list[dict[str, Any]], split: str, judge: Judge) -> dict[str, Any]:
    """{check: {lang: {split: {positives, hits, recall, negatives, false_alarms, fa_rate, ordinary, ordinary_fa, ...}}}};
    lang "all" sums the languages judged."""
    cells: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(lambda: {"positives": 0, "hits": 0, "negatives": 0,
                                                                             "false_alarms": 0, "ordinary": 0, "ordinary_fa": 0,
                                                                             "missed": [], "false": [], "ordinary_false": [],
                                                                             "tags": defaultdict(lambda: [0, 0])})
    splits = ("dev", "test") if split == "all" else (split,)
    for e in entries:
        s = split_of(e["id"])
        if s not in splits:
            continue
        if e["kind"] == "ordinary":
            for kind, check in KINDS.items():
                c = cells[(check, e["lang"], s)]
                c["ordinary"] += 1
                if judge.fires(kind, e["lang"], e["text"]):
                    c["ordinary_fa"] += 1
                    c["ordinary_false"].append(e["id"])
            continue
        c = cells[(e["check"], e["lang"], s)]
        fired = judge.fires(e["kind"], e["lang"], e["text"])
        if e["label"] == "positive":
            c["positives"] += 1
            c["hits"] += fired
            for tag in e.get("tags", []):
                c["tags"][tag][0] += fired
                c["tags"][tag][1] += 1
            if not fired:
                c["missed"].append(e["id"])
        else:
            c["negatives"] += 1
            c["false_alarms"] += fired
            if fired:
                c["false"].append(e["id"])
    for (check, _lang, s), c in list(cells.items()):  # every language together, per check and split
        total = cells[(check, "all", s)]
        for key, value in c.items():
            if key == "tags":
                for tag, (hits, n) in value.items():
                    total["tags"][tag][0] += hits
                    total["tags"][tag][1] += n
            else:
                total[key] += value
    out: dict[str, Any] = {}
    for (check, lang, s), c in sorted(cells.items(), key=lambda kv: (kv[0][0], kv[0][1] == "all", kv[0][1], kv[0][2])):
        c["recall"] = round(c["hits"] / c["positives"], 4) if c["positives"] else None
        c["fa_rate"] = round(c["false_alarms"] / c["negatives"], 4) if c["negatives"] else None
        c["ordinary_fa_rate"] = round(c["ordinary_fa"] / c["ordinary"], 4) if c["ordinary"] else None
        c["tags"] = {tag: {"hits": hits, "positives": n, "recall": round(hits / n, 4)} for tag, (hits, n) in sorted(c["tags"].items())}
        out.setdefault(check, {}).setdefault(lang, {})[s] = c
    return out


def _pct(x: float | None) -> str:
    return "   –  " if x is None else f"{100 * x:5.1f}%"


def print_table(figures: dict[str, Any], file: Any = sys.stdout) -> None:
    head = f"{'check':<18} {'lang':<4} {'split':<5} {'recall':>16} {'false alarms':>16} {'ordinary FA':>16}"
    print(head, file=file)
    print("-" * len(head), file=file)
    for check, by_lang in figures.items():
        for lang, by_split in by_lang.items():
            for s, c in by_split.items():
                rec = f"{c['hits']:>3}/{c['positives']:<3} {_pct(c['recall'])}"
                fa = f"{c['false_alarms']:>3}/{c['negatives']:<3} {_pct(c['fa_rate'])}"
                ofa = f"{c['ordinary_fa']:>3}/{c['ordinary']:<3} {_pct(c['ordinary_fa_rate'])}"
                print(f"{check:<18} {lang:<4} {s:<5} {rec:>16} {fa:>16} {ofa:>16}", file=file)


def print_tags(figures: dict[str, Any], file: Any = sys.stdout) -> None:
    """Recall on the positives of each shape (the entries' ``tags``: issue 12's class 7)."""
    print(f"\n{'check':<18} {'lang':<4} {'split':<5} {'shape':<24} {'recall':>16}", file=file)
    for check, by_lang in figures.items():
        for lang, by_split in by_lang.items():
            for s, c in by_split.items():
                for tag, t in c["tags"].items():
                    print(f"{check:<18} {lang:<4} {s:<5} {tag:<24} {t['hits']:>3}/{t['positives']:<3} {_pct(t['recall'])}", file=file)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--json", action="store_true", help="print the figures (with the ids missed and fired) as JSON")
    ap.add_argument("--lang", choices=LANGS, action="append", help="only these languages (repeatable)")
    ap.add_argument("--text-limit", type=int, default=None,
                    help="cut text blocks at this many characters (default: snapshot.js's maxBlockText; 0: no cut)")
    ap.add_argument("--policy-outcome", choices=("completed", "blocked"), default="completed",
                    help="policy placement: the journey confirms after the policy page, or ends on it")
    ap.add_argument("--by-shape", action="store_true", help="also recall per shape of positive (typographic apostrophe, "
                    "determiner or number, not about money, deep in a paragraph)")
    ap.add_argument("--show-misses", action="store_true", help="list the missed positives and the false alarms on stderr")
    args = ap.parse_args(argv)

    judge = Judge(args.text_limit, args.policy_outcome)
    entries = load_corpus()
    if args.lang:
        entries = [e for e in entries if e["lang"] in args.lang]
    try:
        problems = judge.check_placement()
        figures = {} if problems else evaluate(entries, args.split, judge)
    except RuntimeError as exc:  # a check raised or was not applicable: no figure would mean anything
        problems = [str(exc)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    if args.json:
        json.dump({"split": args.split, "text_limit": judge.limit, "policy_outcome": args.policy_outcome,
                   "figures": figures}, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print(f"split {args.split}; text blocks cut at {judge.limit or 'no limit'}; policy outcome {args.policy_outcome}")
        print_table(figures)
        if args.by_shape:
            print_tags(figures)
    if args.show_misses:
        by_id = {e["id"]: e for e in entries}
        for check, by_lang in figures.items():
            for lang, by_split in by_lang.items():
                for s, c in by_split.items():
                    for what, ids in (("missed", c["missed"]), ("false alarm", c["false"]),
                                      ("ordinary false alarm", c["ordinary_false"])):
                        for i in ids:
                            print(f"{check} {lang} {s} {what}: {i}: {by_id[i]['text']!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
