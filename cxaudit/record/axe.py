"""axe-core on each distinct page or view the journey meets, summarised compactly into the observation.

The axe-core build comes from the ``axe-playwright-python`` package (it ships ``axe.min.js``). A first, small
evaluate runs axe when the document already has it (a client-side view of a page already scanned); otherwise
one evaluate both loads axe into the page (once per document) and runs it, limited to the WCAG 2 A/AA rules and to
violations (``resultTypes``: passes and incomplete come back as rule lists without node detail, which is
what keeps a run fast). Frames are not entered (``iframes: false``): axe would wait for copies of itself in
every frame. A failure is recorded as ``{"error": ...}`` and never fails the journey.

Summary shape: ``{"violations": [{"id", "impact", "help", "nodes", "targets"}], "passes": n,
"incomplete": n, "ms": n}``, or ``{"skipped": "same page"}``, or ``{"error": "..."}``. ``nodes`` is the
number of elements; ``targets`` the selectors of the first three, worst contrast first where axe measured one.
"""

from __future__ import annotations

import asyncio
import time
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from cxaudit.record.masking import Masker, redact
from cxaudit.record.views import first_heading
from cxaudit.results.observation import AxeError, AxeSkipped, AxeSummary, ObservationError, Observed, parse_axe

AXE_TAGS = ["wcag2a", "wcag2aa"]
AXE_TIMEOUT_S = 20.0
MAX_TARGETS = 3

_RUN_JS = """async (options) => {
  if (!(window.axe && typeof window.axe.run === 'function')) {
    __AXE_LOAD__
  }
  const flat = (t) => Array.isArray(t) ? t.map(flat).join(' >>> ') : String(t);
  // worst first where axe measured a ratio (colour contrast), else document order
  const ratio = (n) => {
    for (const c of [...(n.any || []), ...(n.all || []), ...(n.none || [])]) {
      if (c && c.data && typeof c.data.contrastRatio === 'number' && c.data.contrastRatio > 0) return c.data.contrastRatio;
    }
    return Infinity;
  };
  const r = await window.axe.run(document, options);
  return {
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact || null, help: v.help, nodes: v.nodes.length,
      targets: v.nodes.map((n, i) => [ratio(n), i, n]).sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .slice(0, __MAX_TARGETS__).map(([, , n]) => flat(n.target)),
    })),
    passes: r.passes.length,
    incomplete: r.incomplete.length,
  };
}"""


@lru_cache(maxsize=1)
def axe_script() -> str:
    """The function expression that loads (if needed) and runs axe; raises ImportError without the package."""
    from axe_playwright_python.base import AXE_SCRIPT

    return _RUN_JS.replace("__AXE_LOAD__", AXE_SCRIPT).replace("__MAX_TARGETS__", str(MAX_TARGETS))


# the same function without axe's ~570 KB source: it answers null when the document has no axe yet
AXE_RUN_ONLY = _RUN_JS.replace("__AXE_LOAD__", "return null;").replace("__MAX_TARGETS__", str(MAX_TARGETS))


async def _evaluate(page: Any) -> Any:
    """Run axe, sending its source only to a document that does not have it yet (an SPA view keeps it)."""
    result = await page.evaluate(AXE_RUN_ONLY, axe_options())
    if result is None:
        result = await page.evaluate(axe_script(), axe_options())
    return result


def axe_options() -> dict[str, Any]:
    return {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"], "iframes": False,
            "elementRef": False, "ancestry": False, "xpath": False}


def axe_key(url: str, observation: Observed) -> str:
    """A page or view for axe: the URL without its query, plus the first heading."""
    parts = urlsplit(url or "")
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return f"{parts.scheme}://{parts.netloc}{parts.path}{fragment}|{first_heading(observation)}"


async def run_axe(page: Any, secrets: Masker | list[str] | None = None, timeout: float = AXE_TIMEOUT_S) -> dict[str, Any]:
    """Run axe on the page now; the compact summary, or ``{"error": ...}``."""
    t = time.monotonic()
    try:
        axe_script()  # ImportError before touching the page when the package is missing
        result = await asyncio.wait_for(_evaluate(page), timeout)
    except TimeoutError:
        return {"error": f"axe did not finish within {timeout:g} s", "ms": round((time.monotonic() - t) * 1000)}
    except ImportError:
        return {"error": "axe-playwright-python is not installed (pip install axe-playwright-python)"}
    except Exception as exc:  # noqa: BLE001 - a page that navigated away, a CSP or a broken page: note it, go on
        line = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        return {"error": redact(line, secrets), "ms": round((time.monotonic() - t) * 1000)}
    if not isinstance(result, dict):
        return {"error": "axe returned no result"}
    result = redact(result, secrets)
    result["ms"] = round((time.monotonic() - t) * 1000)
    return result


async def observe_axe(page: Any, secrets: Masker | list[str] | None = None,
                      timeout: float = AXE_TIMEOUT_S) -> AxeSummary | AxeSkipped | AxeError:
    """``run_axe``, typed; a result the model refuses is recorded as an axe error naming the first wrong path."""
    try:
        return parse_axe(await run_axe(page, secrets, timeout))
    except ObservationError as exc:
        return AxeError(error=f"unexpected axe result: {exc.problems[0]}")
