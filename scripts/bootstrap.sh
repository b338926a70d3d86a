#!/bin/sh
# Set up everything cxaudit needs, then run one job: `demo`, `test` or `test-fast`.
# Fresh Debian with Python 3.11: creates .venv, installs cxaudit, gets a Chromium
# (Playwright's own where it can be downloaded, else Debian's `chromium`), then runs the job.
# `test-fast` sets up the venv only (no browser) and runs the tests that need none (CXAUDIT_FAST=1),
# spread over every core (pytest-xdist).
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=${VENV:-.venv}
job=${1:-}
shift 2>/dev/null || true

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
  echo "bootstrap: need root for: $*" >&2; exit 2; fi; }

if ! "$PY" -c 'import ensurepip, venv' 2>/dev/null; then
  echo "bootstrap: installing python3-venv" >&2
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
fi
stamp="$VENV/.cxaudit-installed"
fresh=no
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
  touch "$stamp"
  fresh=yes
fi
# a browser (not for test-fast, which never starts one): Playwright's own download first, else the system's
# Chromium, else apt-get install chromium (with chromium-l10n: Chromium's own texts, e.g. its validation
# bubbles, in the journey's language)
if [ "$job" != test-fast ]; then
  if [ "$fresh" = yes ] || [ ! -f "$VENV/.cxaudit-browser" ]; then
    "$VENV/bin/cxaudit" install-browser >/dev/null
    touch "$VENV/.cxaudit-browser"
  elif ! "$VENV/bin/python" -c 'from cxaudit.record.browser import find_browser; find_browser()' 2>/dev/null; then
    "$VENV/bin/cxaudit" install-browser >/dev/null
  fi
fi
case "$job" in
  demo) exec "$VENV/bin/cxaudit" demo "$@" ;;
  test) exec "$VENV/bin/python" -m pytest "$@" ;;
  test-fast) export CXAUDIT_FAST=1; exec "$VENV/bin/python" -m pytest -m 'not browser' -n auto "$@" ;;
  install|"") echo "bootstrap: ready ($VENV)" >&2 ;;
  *) echo "usage: scripts/bootstrap.sh [install|demo|test|test-fast] [args...]" >&2; exit 2 ;;
esac
