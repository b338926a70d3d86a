"""cxaudit's benchmark (issue 7): the cost of auditing, measured against raw Playwright. Not a test.

    .venv/bin/python bench/run.py              # everything, 3 repetitions, writes bench/last.json
    .venv/bin/python bench/run.py --repeat 1   # a quicker, noisier look

In one run it times, against the embedded demo site (``DemoServer``):

1. the floor: a plain Playwright script doing exactly the actions of every demo journey, nothing recorded
   (targets resolved with ``cxaudit.record.locate`` so the same elements are clicked; gate answers given
   directly, without the probe; chat messages sent directly, each waiting for the bot to finish typing);
2. ``cxaudit run`` of the same journeys as a library call: ``run_journeys`` + ``judge_run`` + the HTML report,
   with every check, screenshots and axe-core;

and prints the ratio of 2 to 1, the recorder's overhead per step (from each step's ``timings``), the time of 8
journeys with 1, 2 and 4 workers, the start-up time of ``cxaudit --help``, the peak memory (RSS of this
process and the browser's, sampled from /proc) and the rendering of a large synthetic run (500 journeys of 10
steps). Every figure is the median of ``--repeat`` runs; the load average is recorded beside them, because a
busy machine slows everything.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cxaudit.demo.server import DemoServer  # noqa: E402
from cxaudit.journey import load_journeys  # noqa: E402

DEMO = ROOT / "journeys" / "demo"
SCALING_JOURNEYS = [  # 8 journeys: cancel flows with gates and logins, a sign-up, a contact form, a chat
    "streamline-cancel-hostile", "streamline-cancel-clean", "funknetz-cancel-hostile", "funknetz-signup-clean",
    "kontofix-uninstall-hostile", "tagesblatt-cancel-clean", "parcelpal-contact-clean", "parcelpal-chat-clean",
]
TARGETS = {"ratio": 1.25, "workers4_vs_1": 0.6, "help_s": 0.3, "large_render_s": 10.0, "html_kb_per_step": 80.0}
HEAVY = ("pydantic", "yaml", "playwright", "jinja2", "pandas", "langdetect")


# ------------------------------------------------------------------ the machine
def machine() -> dict:
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = int(next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")).split()[1])
    return {"cores": os.cpu_count(), "ram_gb": round(mem_kb / 1024 / 1024, 1), "cpu": model,
            "python": platform.python_version(), "system": platform.platform()}


class Sampler(threading.Thread):
    """Samples the summed RSS of this process and all its descendants (the browser), and the load average."""

    def __init__(self, interval: float = 0.25):
        super().__init__(daemon=True)
        self.interval = interval
        self.stop_event = threading.Event()
        self.peak_rss = 0
        self.loads: list[float] = []
        self._mark = 0

    @staticmethod
    def tree_rss() -> int:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        todo, total = [os.getpid()], 0
        while todo:
            pid = todo.pop()
            todo += children.get(pid, [])
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            except OSError:
                continue
        return total

    def run(self) -> None:
        n = 0
        while not self.stop_event.wait(self.interval):
            self.peak_rss = max(self.peak_rss, self.tree_rss())
            n += 1
            if n % 8 == 0:
                self.loads.append(os.getloadavg()[0])

    def reset_peak(self) -> None:
        self.peak_rss = 0


# ------------------------------------------------------------------ 1. the floor: plain Playwright
async def _floor_step(page, step, base: str) -> None:
    from cxaudit.record.locate import NotFound, resolve, scope_for

    kind, p = step.type, step.params
    timeout = step.option("timeout") or 10.0
    if kind == "goto":
        await page.goto(p.url if not p.url.startswith("/") else base + p.url, wait_until="domcontentloaded")
    elif kind in ("click", "dismiss"):
        try:
            await (await resolve(page, p, 5.0 if kind == "dismiss" else timeout)).click()
        except NotFound:
            if not (kind == "dismiss" or step.option("optional")):
                raise
    elif kind == "fill":
        await (await resolve(page, p, timeout)).fill(p.value)
    elif kind == "select":
        loc = await resolve(page, p, timeout)
        try:
            await loc.select_option(label=p.option)
        except Exception:  # noqa: BLE001
            await loc.select_option(value=p.option)
    elif kind == "check":
        await (await resolve(page, p, timeout)).set_checked(p.checked)
    elif kind == "press":
        if p.target is not None:
            await (await resolve(page, p.target, timeout)).press(p.key)
        else:
            await page.keyboard.press(p.key)
    elif kind == "wait_for":
        await resolve(page, p, timeout)
    elif kind == "login":
        await (await resolve(page, p.username, timeout)).fill(p.username.value)
        await (await resolve(page, p.password, timeout)).fill(p.password.value)
        await (await resolve(page, p.submit, timeout)).click()
    elif kind == "gate":  # the answer directly, no probe
        for sub in p.answer:
            await _floor_step(page, sub, base)
        await (await resolve(page, p.proceed, timeout)).click()
    elif kind == "chat":
        if p.open is not None:
            await (await resolve(page, p.open, timeout)).click()
        scope = scope_for(page, p.frames)
        replies, typing = scope.locator(p.replies), scope.locator(".typing-indicator")
        for message in p.messages[: p.max_turns or len(p.messages)]:
            seen = await replies.count()
            await (await resolve(page, p.input, timeout, p.frames)).fill(message)
            if p.send is not None:
                await (await resolve(page, p.send, timeout, p.frames)).click()
            else:
                await page.keyboard.press("Enter")
            await replies.nth(seen).wait_for(state="attached", timeout=p.reply_timeout * 1000)
            await typing.first.wait_for(state="detached", timeout=p.reply_timeout * 1000)
            if p.success is not None and p.success.text:
                said = " ".join(await replies.all_inner_texts()).casefold()
                if any(t.casefold() in said for t in p.success.text):
                    break
    # expect and screenshot steps record or assert; the floor does neither


async def _holds(page, cond) -> bool:
    from cxaudit.record.locate import NotFound, resolve

    if cond is None:
        return False
    if cond.text is not None:
        words = (await page.locator("body").inner_text()).casefold()
        if not any(t.casefold() in words for t in cond.text):
            return False
    if cond.url is not None and cond.url not in page.url:
        return False
    if cond.element is not None:
        try:
            await resolve(page, cond.element, 0.2)
        except NotFound:
            return False
    return True


async def floor_journey(browser, journey, base_url: str) -> str:
    from cxaudit.record.browser import context_options

    context = await browser.new_context(**context_options(journey.device, None, None, journey.language))
    try:
        page = await context.new_page()
        page.set_default_timeout(journey.timeouts.step * 1000)
        await page.goto(journey.start_url(base_url), wait_until="domcontentloaded")
        for step in journey.steps:
            await _floor_step(page, step, base_url.rstrip("/"))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:  # the outcome a plain script would assert
            if await _holds(page, journey.success):
                return "completed"
            if await _holds(page, journey.blocked):
                return "blocked"
            await asyncio.sleep(0.1)
        return "error"
    finally:
        await context.close()


async def floor_run(journeys, base_url: str, workers: int) -> tuple[float, dict[str, str]]:
    from playwright.async_api import async_playwright

    from cxaudit.record.browser import find_browser, launch

    t0 = time.monotonic()
    outcomes: dict[str, str] = {}
    async with async_playwright() as pw:
        browser = await launch(pw, find_browser(None, playwright_path=pw.chromium.executable_path))
        gate = asyncio.Semaphore(workers)

        async def one(j) -> None:
            async with gate:
                try:
                    outcomes[j.id] = await floor_journey(browser, j, base_url)
                except Exception as exc:  # noqa: BLE001
                    outcomes[j.id] = f"error: {str(exc).splitlines()[0][:120]}"

        await asyncio.gather(*(one(j) for j in journeys))
        await browser.close()
    return time.monotonic() - t0, outcomes


# ------------------------------------------------------------------ 2. cxaudit run
def cxaudit_run(journeys, base_url: str, out: Path, workers: int, report: bool = True) -> dict:
    from cxaudit.judge.engine import judge_run
    from cxaudit.record.runner import RunOptions, run_journeys

    t0 = time.monotonic()
    run, folder = run_journeys(journeys, RunOptions(base_url=base_url, out=out, workers=workers))
    t1 = time.monotonic()
    judge_run(run)
    run.write(folder)
    t2 = time.monotonic()
    report_s, report_error = None, None
    if report:
        try:
            from cxaudit.report import render

            render(run, folder, ["html"], "en")
            report_s = time.monotonic() - t2
        except Exception as exc:  # noqa: BLE001 - the report module may be missing or half-written
            report_error = f"{type(exc).__name__}: {exc}"[:300]
    total = time.monotonic() - t0
    return {"run": run, "folder": folder, "record_s": t1 - t0, "checks_s": t2 - t1, "report_s": report_s,
            "report_error": report_error, "total_s": total}


def step_split(run) -> dict:
    keys = ("action", "settle", "snapshot", "screenshot", "axe")
    sums = dict.fromkeys(keys, 0.0)
    steps = 0
    for j in run.journeys:
        for s in j.steps:
            steps += 1
            for k in keys:
                sums[k] += s.timings.get(k, 0.0)
    return {"steps": steps, **{k: v / max(1, steps) for k, v in sums.items()}}


# ------------------------------------------------------------------ start-up
def startup(repeat: int) -> dict:
    script = Path(sys.executable).with_name("cxaudit")
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "cxaudit.cli", "--help"]

    def timed(c: list[str]) -> float:
        t = time.monotonic()
        subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return time.monotonic() - t

    times = [timed(cmd) for _ in range(max(5, repeat * 3))]
    bare = [timed([sys.executable, "-c", "pass"]) for _ in range(max(5, repeat * 3))]
    trace = subprocess.run([sys.executable, "-X", "importtime", "-m", "cxaudit.cli", "--help"],
                           capture_output=True, text=True).stderr
    imported = {line.split("|")[-1].strip().split(".")[0] for line in trace.splitlines() if line.startswith("import time:")}
    return {"command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)),
            "help_s": statistics.median(times), "python_bare_s": statistics.median(bare),
            "heavy_imports": sorted(m for m in HEAVY if m in imported)}


# ------------------------------------------------------------------ large synthetic run
def synthetic(template_run, template_folder: Path, out: Path, journeys: int = 500, steps: int = 10) -> dict:
    import shutil

    from cxaudit.judge.engine import judge_run

    source = max((j for j in template_run.journeys if len(j.steps) >= steps and j.steps[0].screenshot),
                 key=lambda j: len(j.steps))
    out.mkdir(parents=True, exist_ok=True)
    shot = "screens/synthetic/00.jpg"
    (out / "screens" / "synthetic").mkdir(parents=True, exist_ok=True)
    shutil.copy(template_folder / source.steps[0].screenshot, out / shot)
    run = template_run.model_copy(deep=True)
    run.run_id = "synthetic"
    run.journeys = []
    for n in range(journeys):
        j = source.model_copy(deep=True)
        j.id, j.name, j.site = f"{source.id}-{n:03d}", f"{source.name} #{n}", f"site-{n // 10:02d}"
        j.steps = j.steps[:steps]
        for s in j.steps:
            s.screenshot = shot
        j.checks, j.score = [], None
        run.journeys.append(j)
    t0 = time.monotonic()
    judge_run(run)
    judge_s = time.monotonic() - t0
    result = {"journeys": journeys, "steps": journeys * steps, "source": source.id, "checks_s": judge_s}
    try:
        from cxaudit.report import render

        t0 = time.monotonic()
        files = render(run, out, ["html"], "en")
        result["render_s"] = time.monotonic() - t0
        size = sum(Path(f).stat().st_size for f in files)
        result["html_bytes"] = size
        result["html_kb_per_step"] = size / 1024 / (journeys * steps)
    except Exception as exc:  # noqa: BLE001
        result["error"] = f"{type(exc).__name__}: {exc}"[:300]
    return result


# ------------------------------------------------------------------ main
def med(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.median(vals) if vals else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measurement (the median is reported)")
    ap.add_argument("--workers", type=int, default=1, help="workers for the floor-vs-cxaudit comparison")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "last.json")
    args = ap.parse_args(argv)

    sampler = Sampler()
    sampler.start()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    journeys = load_journeys([DEMO])
    eight = [j for j in journeys if j.id in SCALING_JOURNEYS]
    res: dict = {"date": started, "machine": machine(), "load_before": os.getloadavg(),
                 "command": f"{Path(sys.executable).name} bench/run.py --repeat {args.repeat}"}
    print(f"cxaudit benchmark: {len(journeys)} demo journeys, repeat {args.repeat}, load {os.getloadavg()[0]:.1f}",
          file=sys.stderr)
    res["startup"] = startup(args.repeat)
    floors, fulls = [], []
    with tempfile.TemporaryDirectory(prefix="cxaudit-bench-") as tmp, DemoServer() as server:
        for r in range(args.repeat):
            sampler.reset_peak()
            wall, outcomes = asyncio.run(floor_run(journeys, server.base_url, args.workers))
            floors.append({"wall_s": wall, "outcomes": outcomes, "peak_rss": sampler.peak_rss})
            sampler.reset_peak()
            full = cxaudit_run(journeys, server.base_url, Path(tmp) / "full", args.workers)
            full["peak_rss"] = sampler.peak_rss
            fulls.append(full)
            print(f"  round {r + 1}: floor {wall:.1f} s, cxaudit {full['total_s']:.1f} s", file=sys.stderr)
        last = fulls[-1]
        got = {j.id: j.outcome for j in last["run"].journeys}
        res["floor"] = {"wall_s": med([f["wall_s"] for f in floors]), "outcomes_match":
                        all(floors[-1]["outcomes"].get(k) == v for k, v in got.items()),
                        "outcomes": floors[-1]["outcomes"], "peak_rss_mb": max(f["peak_rss"] for f in floors) / 2**20}
        split = [step_split(f["run"]) for f in fulls]
        steps = split[0]["steps"]
        res["cxaudit"] = {
            "total_s": med([f["total_s"] for f in fulls]), "record_s": med([f["record_s"] for f in fulls]),
            "checks_s": med([f["checks_s"] for f in fulls]), "report_s": med([f["report_s"] for f in fulls]),
            "report_error": last["report_error"], "outcomes": got, "steps": steps,
            "peak_rss_mb": max(f["peak_rss"] for f in fulls) / 2**20,
            "per_step_ms": {k: 1000 * med([s[k] for s in split]) for k in ("action", "settle", "snapshot", "screenshot", "axe")},
        }
        c = res["cxaudit"]
        c["per_step_ms"]["checks"] = 1000 * c["checks_s"] / steps
        c["per_step_ms"]["report"] = 1000 * (c["report_s"] or 0) / steps
        res["ratio"] = c["total_s"] / res["floor"]["wall_s"]
        res["workers"] = {}
        for w in (1, 2, 4):
            times = [cxaudit_run(eight, server.base_url, Path(tmp) / f"w{w}", w, report=False)["total_s"]
                     for _ in range(args.repeat)]
            res["workers"][str(w)] = med(times)
            print(f"  8 journeys, --workers {w}: {res['workers'][str(w)]:.1f} s", file=sys.stderr)
        res["workers4_vs_1"] = res["workers"]["4"] / res["workers"]["1"]
        res["large"] = synthetic(last["run"], last["folder"], Path(tmp) / "large")
    sampler.stop_event.set()
    res["load_during"] = {"mean": statistics.mean(sampler.loads) if sampler.loads else os.getloadavg()[0],
                          "max": max(sampler.loads, default=os.getloadavg()[0])}
    res["targets"] = met(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1, default=str) + "\n", encoding="utf-8")
    print_table(res)
    print(f"written: {args.out}", file=sys.stderr)
    return 0


def met(res: dict) -> dict:
    large = res["large"]
    return {
        "ratio": res["ratio"] <= TARGETS["ratio"],
        "workers4_vs_1": res["workers4_vs_1"] <= TARGETS["workers4_vs_1"],
        "help_s": res["startup"]["help_s"] <= TARGETS["help_s"],
        "large_render_s": large.get("render_s") is not None and large["render_s"] <= TARGETS["large_render_s"],
        "html_kb_per_step": large.get("html_kb_per_step") is not None
        and large["html_kb_per_step"] <= TARGETS["html_kb_per_step"],
    }


def print_table(res: dict) -> None:
    c, f, m, large, t = res["cxaudit"], res["floor"], res["machine"], res["large"], res["targets"]

    def ok(key: str) -> str:
        return "met" if t[key] else "NOT met"

    def num(v: float | None, fmt: str = ".2f") -> str:
        return "–" if v is None else format(v, fmt)

    rows = [
        ("machine", f"{m['cores']} cores, {m['ram_gb']} GB, {m['cpu']}"),
        ("load average during the run", f"{res['load_during']['mean']:.1f} (max {res['load_during']['max']:.1f})"),
        ("floor: plain Playwright, 18 demo journeys", f"{f['wall_s']:.2f} s (outcomes match: {f['outcomes_match']})"),
        ("cxaudit: record + checks + HTML report", f"{c['total_s']:.2f} s (record {c['record_s']:.2f}, checks "
         f"{c['checks_s']:.2f}, report {num(c['report_s'])}{' ' + c['report_error'] if c['report_error'] else ''})"),
        ("ratio cxaudit / floor", f"{res['ratio']:.2f} (target ≤ {TARGETS['ratio']}: {ok('ratio')})"),
        ("per step (ms), " + str(c["steps"]) + " steps", ", ".join(f"{k} {v:.0f}" for k, v in c["per_step_ms"].items())),
        ("8 journeys, --workers 1 / 2 / 4", " / ".join(f"{res['workers'][w]:.2f} s" for w in ("1", "2", "4"))),
        ("--workers 4 vs 1", f"{res['workers4_vs_1']:.2f} (target ≤ {TARGETS['workers4_vs_1']}: {ok('workers4_vs_1')})"),
        ("cxaudit --help", f"{res['startup']['help_s']:.3f} s (bare python {res['startup']['python_bare_s']:.3f} s; "
         f"heavy imports: {', '.join(res['startup']['heavy_imports']) or 'none'}; target ≤ {TARGETS['help_s']}: {ok('help_s')})"),
        ("peak memory (RSS, Python + browser)", f"cxaudit {c['peak_rss_mb']:.0f} MB, floor {f['peak_rss_mb']:.0f} MB"),
        ("large run: 500 journeys x 10 steps", f"checks {large['checks_s']:.2f} s, render {num(large.get('render_s'))} s "
         f"({ok('large_render_s')}), {num(large.get('html_kb_per_step'), '.1f')} KB HTML per step "
         f"({ok('html_kb_per_step')}){' ' + large['error'] if large.get('error') else ''}"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    sys.exit(main())
