"""One check, one id, one detector module, one test file, named after the check (ruff's habit); applicability
declared once, in the check's YAML."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

from cxaudit.judge.engine import catalogue, load_detectors

ROOT = Path(__file__).resolve().parents[1]
DETECTORS = ROOT / "cxaudit" / "judge" / "detectors"
SPECS = catalogue().specs
IDS = {s.id for s in SPECS}


def test_every_check_has_its_module_registered_under_its_id_and_its_test_file():
    registry = load_detectors()
    for spec in SPECS:
        assert spec.detector == spec.id, spec.id
        assert (DETECTORS / f"{spec.id}.py").is_file(), spec.id
        assert registry[spec.id].__module__ == f"cxaudit.judge.detectors.{spec.id}", spec.id
        assert (ROOT / "tests" / "detectors" / f"test_{spec.id}.py").is_file(), spec.id


def test_every_detector_module_is_a_check_or_a_helper():
    modules = {p.stem for p in DETECTORS.glob("*.py")} - {"__init__", "base"}
    assert {m for m in modules if not m.startswith("_")} == IDS
    tests = {p.stem.removeprefix("test_") for p in (ROOT / "tests" / "detectors").glob("test_*.py")}
    assert {t for t in tests if not t.startswith("_")} - IDS == {"unseen_wording"}  # the lexicons' own test


def test_the_id_names_the_detector_so_no_shipped_check_names_one():
    for path in sorted((ROOT / "checks").glob("*.yaml")):
        assert "detector" not in yaml.safe_load(path.read_text(encoding="utf-8")), path.name


def test_no_detector_tests_the_goal_again():
    """``goals:`` in the YAML is the only place that says which journeys a check applies to; the engine enforces
    it. A detector may use the goal inside its judgement (an expression), never as an early return."""
    guards = []
    for path in sorted(DETECTORS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.If) and any("goal" in (getattr(n, "attr", None) or getattr(n, "id", None) or "")
                                                for n in ast.walk(node.test)):
                guards.append(f"{path.name}:{node.lineno}")
    assert guards == []
