"""The house rules of the layout: no import cycle in the package, few modules at its root, short files."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "cxaudit"


def _cycles_script():
    spec = importlib.util.spec_from_file_location("import_cycles", ROOT / "scripts" / "import_cycles.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_import_cycle_counting_function_level_imports():
    script = _cycles_script()
    assert script.cycles(script.graph()) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    script = _cycles_script()
    pkg = tmp_path / "cxaudit"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from cxaudit.sub import b\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("from typing import TYPE_CHECKING\nfrom ..a import f\nif TYPE_CHECKING:\n    from cxaudit import c\n")
    (pkg / "c.py").write_text("import cxaudit.sub.b\n")
    assert script.cycles(script.graph(tmp_path)) == [["cxaudit.a", "cxaudit.sub.b"]]


def test_at_most_eight_modules_at_the_package_root():
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules


def test_no_python_file_much_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py") if (n := len(p.read_text().splitlines())) > 420}
    assert long == {}
