"""cxaudit.yaml: loading, errors with file and line, command-line overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxaudit.ci.config import Assertion, Config, ConfigError, load_config, merge_overrides, parse_config
from cxaudit.errors import ExitStatus

DOCS = Path(__file__).parent.parent / "docs" / "ci"

GOOD = """\
base_url: https://staging.example.com
journeys: [journeys/*.yaml, extra/one.yaml]
workers: 3
out: out/ci
runs: 3
baseline: base
checks: [my-checks]
tolerances: {score: 5, actions: 1}
fail_under: 60
assertions:
  - match: "*-cancel-*"
    max_actions: 6
    max_pages: 4
    forbid: [mandatory_exit_survey]
  - category: obstruction
    min_score: 70
    level: warn
  - check: too_many_actions
    min_score: 0.9
report: {formats: [html, json], lang: de}
"""


def write(tmp_path: Path, text: str, name: str = "cxaudit.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as info:
        parse_config(text, "cx.yaml")
    assert info.value.status == ExitStatus.USAGE
    return info.value.problems


def test_good_config_resolves_paths_relative_to_the_file(tmp_path):
    (tmp_path / "journeys").mkdir()
    for name in ("b-cancel.yaml", "a-signup.yaml"):
        (tmp_path / "journeys" / name).write_text("x")
    cfg = load_config(write(tmp_path, GOOD))
    assert cfg is not None and cfg.file == tmp_path / "cxaudit.yaml"
    assert cfg.base_url == "https://staging.example.com" and cfg.workers == 3 and cfg.runs == 3
    assert cfg.out == tmp_path / "out/ci" and cfg.baseline == tmp_path / "base" and cfg.checks == [tmp_path / "my-checks"]
    assert cfg.tolerances.score == 5 and cfg.tolerances.actions == 1 and cfg.tolerances.pages == 0
    assert cfg.report.formats == ["html", "json"] and cfg.report.lang == "de"
    assert [a.level for a in cfg.assertions] == ["error", "warn", "error"]
    assert cfg.assertions[0].match == ["*-cancel-*"] and cfg.assertions[2].check == "too_many_actions"
    paths = cfg.journey_paths()  # globs expanded and sorted, plain paths kept for the loader
    assert paths == [str(tmp_path / "journeys/a-signup.yaml"), str(tmp_path / "journeys/b-cancel.yaml"),
                     str(tmp_path / "extra/one.yaml")]
    assert cfg.has_gate()


def test_found_in_the_working_directory_or_none(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_config(None) is None
    write(tmp_path, "workers: 4\n")
    cfg = load_config(None)
    assert cfg is not None and cfg.workers == 4 and not cfg.has_gate()


def test_empty_file_is_the_defaults(tmp_path):
    cfg = load_config(write(tmp_path, "# nothing yet\n"))
    assert cfg is not None and cfg.workers == 2 and cfg.journeys == [] and cfg.tolerances.score == 2


def test_missing_file_is_a_usage_error(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "no such config file" in info.value.message and info.value.status == 2


def test_unknown_keys_name_line_and_suggest():
    text = "base_url: x\nworkrs: 2\nassertions:\n  - match: '*'\n    max_action: 3\nreport: {lang: de, formt: [html]}\n"
    found = problems(text)
    assert "cx.yaml:2: unknown key 'workrs'; did you mean 'workers'?" in found
    assert "cx.yaml:5 assertions[0]: unknown key 'max_action'; did you mean 'max_actions'?" in found
    assert any(p.startswith("cx.yaml:6 report: unknown key 'formt'") for p in found)


def test_bad_values_name_line_and_path():
    text = "workers: 0\nassertions:\n  - check: too_many_actions\n    min_score: 50\n  - level: fatal\n    min_score: 50\n"
    found = problems(text)
    assert any(p.startswith("cx.yaml:1 workers: ") and "greater than or equal to 1" in p for p in found)
    assert "cx.yaml:3 assertions[0]: a check's min_score is 0 to 1 (a check scores 0..1), got 50" in found
    assert any(p.startswith("cx.yaml:5 assertions[1].level: must be 'off', 'warn' or 'error'") for p in found)


def test_rule_that_asserts_nothing_or_mixes_targets():
    assert "asserts nothing" in problems("assertions:\n  - match: '*cancel*'\n")[0]
    assert "not both" in problems("assertions:\n  - {check: a, category: b}\n")[0]
    assert "judge a journey" in problems("assertions:\n  - {category: effort, max_actions: 3}\n")[0]
    assert "0 to 100" in problems("fail_under: 10\nassertions:\n  - {min_score: 101}\n")[0]


def test_yaml_syntax_and_shape_errors():
    assert problems("workers: [1,\n")[0].startswith("cx.yaml:2: YAML syntax error")
    assert problems("- a\n- b\n") == ["cx.yaml:1: the config is a mapping (base_url:, journeys:, ...), got a list"]
    assert "duplicate key 'workers'" in problems("workers: 1\nworkers: 2\n")[0]


def test_glob_matching_nothing_is_an_error(tmp_path):
    cfg = load_config(write(tmp_path, "journeys: ['nothing/*.yaml']\n"))
    with pytest.raises(ConfigError, match="matches no file"):
        cfg.journey_paths()


def test_command_line_overrides_the_file(tmp_path):
    cfg = load_config(write(tmp_path, GOOD))
    merged = merge_overrides(cfg, base_url="http://127.0.0.1:9", workers=None, out=Path("cli-out"), journeys=["a.yaml"],
                             fail_under=80, tolerance_score=0, tolerance_pages=None, shard="2/3", checks=[])
    assert merged.base_url == "http://127.0.0.1:9" and merged.out == Path("cli-out") and merged.journeys == ["a.yaml"]
    assert merged.workers == 3 and merged.runs == 3  # not given: the file's
    assert merged.fail_under == 80 and merged.tolerances.score == 0 and merged.tolerances.actions == 1
    assert merged.checks == [tmp_path / "my-checks"]  # an empty list means not given
    assert merged.shard == "2/3" and merged.file == cfg.file and merged.assertions == cfg.assertions


def test_overrides_without_a_file_and_bad_values():
    merged = merge_overrides(None, base_url="http://x", workers=4)
    assert isinstance(merged, Config) and merged.workers == 4 and merged.out == Path("reports") and merged.file is None
    with pytest.raises(ConfigError, match="shard"):
        merge_overrides(None, shard="three")
    with pytest.raises(TypeError):
        merge_overrides(None, colour="red")


def test_match_accepts_one_glob_or_many():
    assert Assertion(match="*x*", min_score=1).match == ["*x*"]
    assert Assertion(match=["a", "b"], max_pages=1).match == ["a", "b"]


def test_the_documented_example_config_is_valid():
    cfg = load_config(DOCS / "cxaudit.yaml")
    assert cfg is not None and cfg.has_gate() and cfg.baseline == DOCS / ".cxaudit/baseline"
    assert any("mandatory_exit_survey" in a.forbid for a in cfg.assertions)


def test_config_yaml_errors_are_one_line(tmp_path):
    from cxaudit.ci.config import ConfigError, parse_config

    for text in ("\x1f", "journeys: [a\nworkers: 2\n", "a: 1\na: 2\n"):
        with pytest.raises(ConfigError) as info:
            parse_config(text, "cxaudit.yaml")
        (line,) = info.value.problems
        assert line.startswith("cxaudit.yaml:") and "\n" not in line
