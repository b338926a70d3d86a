"""The README cannot go stale: its examples validate, its commands and options exist, and every step type,
command, exit status and check is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from cli_run import cx

from cxaudit.errors import ExitStatus
from cxaudit.journey import STEP_MODELS, parse_journey

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(\w*)\n(.*?)```", README, flags=re.S)


def help_text(*command: str) -> str:
    proc = cx(*command, "--help", env={"COLUMNS": "200"})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def shell_commands() -> list[list[str]]:
    out = []
    for lang, body in BLOCKS:
        if lang != "sh":
            continue
        for line in body.splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("cxaudit "):
                out.append(line.split()[1:])
    return out


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def set_env(monkeypatch, text: str) -> None:
    for name in re.findall(r"\$\{([A-Z_][A-Z0-9_]*)\}", text):
        monkeypatch.setenv(name, "example-value")


@pytest.mark.parametrize("yaml_text", [b for lang, b in BLOCKS if lang == "yaml" and "goal:" in b])
def test_journey_examples_in_readme_validate(yaml_text, monkeypatch):
    set_env(monkeypatch, yaml_text)
    parse_journey(yaml_text, "README.md")


@pytest.mark.parametrize("yaml_text", [b for lang, b in BLOCKS if lang == "yaml" and "goal:" not in b])
def test_step_examples_in_readme_validate(yaml_text, monkeypatch):
    set_env(monkeypatch, yaml_text)
    steps = yaml.safe_load(yaml_text)
    doc = {"name": "x", "goal": "custom", "start": "/", "steps": steps, "success": "done"}
    parse_journey(yaml.safe_dump(doc, allow_unicode=True), "README.md")


@pytest.mark.parametrize("argv", shell_commands(), ids=lambda a: " ".join(a))
def test_readme_commands_exist_with_their_options(argv):
    command = argv[0]
    text = help_text(command)
    for option in [a.split("=")[0] for a in argv[1:] if a.startswith("--")]:
        assert option in text, f"`cxaudit {command}` has no {option}"


def test_every_command_is_documented():
    text = help_text()
    commands = re.findall(r"^│ (\w[\w-]*) ", text, flags=re.M)
    assert commands
    for command in commands:
        assert f"cxaudit {command}" in README, command


def test_every_run_option_is_documented():
    for option in set(re.findall(r"(--[a-z][a-z-]+)", help_text("run"))) - {"--help"}:
        assert f"`{option}" in README, option


def test_every_step_type_is_documented_with_an_example():
    table = README.split("## Steps", 1)[1].split("###", 1)[0]
    for step in STEP_MODELS:
        assert re.search(rf"^\| `{step}` \|.*\| `?{step}:", table, flags=re.M) or f"#### {step}" in README, step


def test_every_exit_status_is_documented():
    section = README.split("### Exit statuses", 1)[1].split("###", 1)[0]
    for status in ExitStatus:
        assert f"| {int(status)} |" in section, status


def test_library_example_names_exist():
    code = next(b for lang, b in BLOCKS if lang == "python")
    imports = "\n".join(line for line in code.splitlines() if line.startswith("from "))
    exec(compile(imports, "README.md", "exec"), {})  # noqa: S102 - our own README


def test_step_table_examples_validate(monkeypatch):
    table = README.split("## Steps", 1)[1].split("###", 1)[0]
    examples = [ex for row in table.splitlines() if row.startswith("| `")
                for ex in re.findall(r"`(\w+: [^`]+)`", row.rsplit("|", 2)[-2])]
    assert len(examples) >= 10
    for example in examples:
        doc = f"name: x\ngoal: custom\nstart: /\nsteps:\n  - {example}\nsuccess: done\n"
        parse_journey(doc, f"README.md ({example})")
