"""Finds and launches a browser. The only module that knows browser paths and flags.

Order: an explicit path (``--browser-path``), the ``CXAUDIT_BROWSER`` environment variable, Playwright's
own Chromium, the system Chromium, then Google Chrome.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxaudit.errors import BrowserFailed, BrowserNotFound

ENV_VAR = "CXAUDIT_BROWSER"
SYSTEM_CANDIDATES = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/opt/google/chrome/chrome",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# A closed network otherwise sees a flood of connection attempts from Chromium's background services.
QUIET_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
    "--metrics-recording-only",
)
INSTALL_TIP = (
    "install one: `python -m playwright install chromium` (needs the internet), or on Debian/Ubuntu "
    "`apt-get install -y chromium`, or `cxaudit install-browser` which tries both; "
    f"or point --browser-path / {ENV_VAR} at a Chromium or Chrome executable"
)
DEVICES: dict[str, dict[str, Any]] = {
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
    "mobile": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
        "user_agent": (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/126.0.0.0 Mobile Safari/537.36"
        ),
    },
}


@dataclass(frozen=True)
class FoundBrowser:
    executable: str
    source: str  # option | environment | playwright | system


def _usable(path: str | os.PathLike | None) -> bool:
    return bool(path) and Path(path).is_file() and os.access(path, os.X_OK)


def playwright_chromium_path() -> str | None:
    """Where Playwright's managed Chromium would be, if it was downloaded."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dependency
        return None
    try:
        with sync_playwright() as pw:
            path = pw.chromium.executable_path
    except Exception:  # noqa: BLE001 - no driver, broken install: just not available
        return None
    return path if _usable(path) else None


def find_browser(explicit: str | None = None, *, playwright_path: str | None | bool = True) -> FoundBrowser:
    """Find a browser executable or raise BrowserNotFound saying how to install one.

    ``playwright_path``: True looks Playwright's Chromium up; a string is its known path; None/False skips it.
    """
    if explicit:
        if _usable(explicit):
            return FoundBrowser(str(explicit), "option")
        raise BrowserNotFound(f"--browser-path {explicit}: no executable file there", tip=INSTALL_TIP)
    env = os.environ.get(ENV_VAR)
    if env:
        if _usable(env):
            return FoundBrowser(env, "environment")
        raise BrowserNotFound(f"{ENV_VAR}={env}: no executable file there", tip=INSTALL_TIP)
    pw = playwright_chromium_path() if playwright_path is True else (playwright_path or None)
    if pw and _usable(pw):
        return FoundBrowser(pw, "playwright")
    for candidate in SYSTEM_CANDIDATES:
        if _usable(candidate):
            return FoundBrowser(candidate, "system")
    for name in PATH_NAMES:
        found = shutil.which(name)
        if found:
            return FoundBrowser(found, "system")
    raise BrowserNotFound("no Chromium or Chrome found", tip=INSTALL_TIP)


ARGS_ENV_VAR = "CXAUDIT_BROWSER_ARGS"  # extra Chromium flags, e.g. --proxy-server=... or --host-resolver-rules=...


def launch_args() -> list[str]:
    args = list(QUIET_FLAGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to start as root with its sandbox
    import shlex

    args += shlex.split(os.environ.get(ARGS_ENV_VAR, ""))
    return args


# Chromium's own texts (the validation bubbles a form shows: "Please fill out this field.") follow the UI
# language of the browser process, which Chromium on Linux takes from LANGUAGE; --lang is not honoured headless.
UI_LANGUAGES = ("de", "fr")


def ui_language(journey_language: str) -> str | None:
    """The browser UI language for a journey's language; None keeps the browser's default (English)."""
    return journey_language if journey_language in UI_LANGUAGES else None


async def launch(pw: Any, found: FoundBrowser, *, headed: bool = False, language: str | None = None) -> Any:
    """Launch Chromium through an async Playwright instance, its own texts in ``language`` (None: English)."""
    try:
        return await pw.chromium.launch(
            executable_path=found.executable,
            headless=not headed,
            args=launch_args(),
            env={**os.environ, "LANGUAGE": language or "en"},  # English unless asked: not the shell's language
            handle_sigint=False,
            handle_sigterm=False,
        )
    except Exception as exc:  # noqa: BLE001 - Playwright raises its own Error type with a long log
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BrowserFailed(
            f"the browser at {found.executable} ({found.source}) did not start: {first}",
            tip="try another with --browser-path, or reinstall it; " + INSTALL_TIP,
        ) from None


LOCALES = {"en": "en-US", "de": "de-DE", "fr": "fr-FR"}


def context_options(device: str, user_agent_suffix: str | None = None, default_ua: str | None = None,
                    language: str = "auto") -> dict[str, Any]:
    """Browser context settings: the device preset, the User-Agent suffix, and a locale matching the journey's
    language (navigator.language, Accept-Language and number/date formats a local customer's browser sends).
    Chromium's own validation bubbles follow the browser's UI language instead (see ui_language)."""
    options = dict(DEVICES[device])
    ua = options.get("user_agent") or default_ua
    if user_agent_suffix and ua:
        options["user_agent"] = f"{ua} {user_agent_suffix}"
    options["locale"] = LOCALES.get(language, "en-US")
    return options


def install_browser(out: Any = sys.stderr) -> FoundBrowser:
    """Get a Chromium: Playwright's own download first, then the system package manager."""
    print("cxaudit: trying Playwright's own Chromium (python -m playwright install chromium) ...", file=out)
    proc = subprocess.run(
        [sys.executable, "-m", "playwright", "install", "chromium"],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode == 0 and playwright_chromium_path():
        found = find_browser()
        print(f"cxaudit: using {found.executable} ({found.source})", file=out)
        return found
    print("cxaudit: Playwright's download is not available here; trying the system's Chromium", file=out)
    try:
        found = find_browser(playwright_path=None)
    except BrowserNotFound:
        _apt_install(["chromium"], ["chromium-l10n"], out=out)  # l10n apart: where it is missing, chromium still comes
        found = find_browser(playwright_path=None)
    if lacks_translations(found.executable):  # Debian's chromium without chromium-l10n: its own texts only in English
        _apt_install(["chromium-l10n"], out=out)
    print(f"cxaudit: using {found.executable} ({found.source})", file=out)
    return found


DEBIAN_LIB = Path("/usr/lib/chromium")


def lacks_translations(executable: str) -> bool:
    """Debian's Chromium keeps its translations in chromium-l10n; without them its texts are English only."""
    exe = Path(executable).resolve()
    # /usr/bin/chromium is Debian's wrapper script for /usr/lib/chromium/chromium
    locales = (DEBIAN_LIB if exe == Path("/usr/bin/chromium") else exe.parent) / "locales"
    return (locales / "en-US.pak").is_file() and not (locales / "de.pak").is_file()


def _apt_install(*groups: list[str], out: Any) -> None:
    """apt-get update, then one install per group (a group that fails does not stop the next)."""
    apt = shutil.which("apt-get")
    packages = " ".join(p for g in groups for p in g)
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        for cmd in ([apt, "update", "-qq"], *([apt, "install", "-y", "-qq", *g] for g in groups)):
            print(f"cxaudit: {' '.join(cmd)}", file=out)
            subprocess.run(cmd, env=env, check=False, timeout=1800, stdout=subprocess.DEVNULL)
    elif apt:
        print(f"cxaudit: not root; run `sudo apt-get install -y {packages}`", file=out)
