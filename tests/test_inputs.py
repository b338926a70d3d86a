"""Bad input is a usage error in one line that names the file or the option and the fix (exit status 2), never
an internal error: YAML over cxaudit's limits, a missing or fake logo, a URL that is not one, a port out of
range, a language cxaudit does not speak. And one bad file in a multi-file ``validate`` hides no other's result."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from cli_run import cx

from cxaudit.ci.config import ConfigError, parse_config
from cxaudit.errors import ExitStatus
from cxaudit.yamlfile import MAX_BYTES, MAX_DEPTH, MAX_NUMBER, YamlLimitError, load_with_lines

BAD = Path(__file__).parent / "fixtures" / "bad_journeys"
GOOD = Path(__file__).resolve().parent.parent / "journeys" / "demo" / "funknetz-cancel-clean.yaml"
RUN = Path(__file__).parent / "fixtures" / "demo_run"


def usage_error(ran, *fragments: str) -> str:
    """The first ``cxaudit: error:`` line, after checking that the command failed as a usage error."""
    assert ran.returncode == int(ExitStatus.USAGE), (ran.returncode, ran.stderr)
    assert "internal error" not in ran.stderr and "Traceback" not in ran.stderr, ran.stderr
    errors = [line for line in ran.stderr.splitlines() if line.startswith("cxaudit: error: ")]
    assert errors, ran.stderr
    first = errors[0]
    for fragment in fragments:
        assert fragment in first, first
    return first


# ---------------------------------------------------------------- YAML limits
def test_nesting_up_to_the_limit_loads_and_one_more_level_is_refused():
    data, _ = load_with_lines("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1))
    assert isinstance(data["a"], list)
    with pytest.raises(YamlLimitError, match=f"nested deeper than {MAX_DEPTH} levels"):
        load_with_lines("a: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH)


def test_aliases_nesting_past_the_limit_are_refused_although_the_text_is_shallow():
    lines = ["l0: &l0 [x]"] + [f"l{i}: &l{i} [*l{i - 1}]" for i in range(1, MAX_DEPTH + 2)]
    with pytest.raises(YamlLimitError, match="once its aliases are expanded"):
        load_with_lines("\n".join(lines))


def test_a_number_at_the_length_limit_loads_and_a_longer_one_names_its_line():
    data, _ = load_with_lines(f"a: 1\nb: {'9' * MAX_NUMBER}\n")
    assert data["b"] == int("9" * MAX_NUMBER)
    with pytest.raises(YamlLimitError) as err:
        load_with_lines(f"a: 1\nb: {'9' * 4301}\n")
    assert err.value.line == 2 and "a number of 4,301 characters" in err.value.message
    with pytest.raises(YamlLimitError):
        load_with_lines(f"b: {'1' * 200}.5\n")  # floats too


def test_a_file_over_the_size_limit_is_refused_without_being_parsed(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * MAX_BYTES + "\n", encoding="utf-8")
    ran = cx("validate", str(big))
    usage_error(ran, f"{big}:1: the file is larger than 1 MB")


def test_the_config_file_is_bounded_the_same_way():
    with pytest.raises(ConfigError) as err:
        parse_config((BAD / "alias_bomb.yaml").read_text(encoding="utf-8"), "cxaudit.yaml")
    assert err.value.problems == [
        "cxaudit.yaml:7: its aliases expand to more than 100,000 values, the most cxaudit reads (an alias bomb?); "
        "write the values out or use fewer aliases"]
    with pytest.raises(ConfigError, match=r"^cxaudit.yaml:1: a number of 5,000 characters"):
        parse_config(f"workers: {'9' * 5000}\n", "cxaudit.yaml")


@pytest.mark.parametrize("name", ["huge_number", "alias_bomb", "deep_nesting", "recursive_alias", "bad_timestamp",
                                  "unhashable_key", "bad_ipv6_start"])
def test_validate_on_hostile_yaml_is_a_usage_error(name):
    path = BAD / f"{name}.yaml"
    expected = path.read_text(encoding="utf-8").splitlines()[0].split("expect:", 1)[1].strip().split(":", 1)[1].strip()
    usage_error(cx("validate", str(path)), str(path), expected)


def test_one_bad_file_hides_no_other_files_result(tmp_path):
    missing = tmp_path / "missing.yaml"
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    ran = cx("validate", str(BAD / "huge_number.yaml"), str(GOOD), str(missing), str(empty_folder),
             str(BAD / "alias_bomb.yaml"))
    usage_error(ran)
    lines = ran.stderr.strip().splitlines()
    assert lines[0].startswith(f"ok  {GOOD}")
    errors = [line for line in lines if line.startswith("cxaudit: error: ")]
    named = [str(BAD / "huge_number.yaml"), str(missing), str(empty_folder), str(BAD / "alias_bomb.yaml")]
    assert [next(n for n in named if e.removeprefix("cxaudit: error: ").startswith(n + ":")) for e in errors] == named


def test_a_cxaudit_bug_in_one_file_still_reports_the_other_files(monkeypatch):
    import cxaudit.journey.loader as loader

    real = loader.load_journey

    def buggy(path, *args):
        if Path(path).name == "huge_number.yaml":
            raise RuntimeError("a bug")
        return real(path, *args)

    monkeypatch.setattr(loader, "load_journey", buggy)
    ran = cx("validate", str(BAD / "huge_number.yaml"), str(GOOD), str(BAD / "alias_bomb.yaml"))
    assert f"ok  {GOOD}" in ran.stderr
    assert f"cxaudit: error: {BAD / 'alias_bomb.yaml'}:7: " in ran.stderr
    assert "internal error: RuntimeError: a bug" in ran.stderr
    assert ran.returncode not in (0, int(ExitStatus.USAGE))


# ---------------------------------------------------------------- options
@pytest.fixture()
def run_folder(tmp_path) -> Path:
    import gzip

    folder = tmp_path / "run"
    folder.mkdir()
    (folder / "results.json").write_bytes(gzip.decompress((RUN / "results.json.gz").read_bytes()))
    return folder


@pytest.mark.parametrize("logo, fragment", [
    ("missing.png", "cannot be read (No such file or directory)"),
    ("notes.txt", "a logo must be one of .gif, .jpeg, .jpg, .png, .svg, .webp"),
    ("fake.png", "not an image (its first bytes are b'hello')"),
])
@pytest.mark.parametrize("report_format", ["html", "md"])  # md shows no logo: a bad one is refused all the same
def test_report_with_a_bad_logo_names_the_option(run_folder, tmp_path, logo, fragment, report_format):
    for name in ("notes.txt", "fake.png"):
        (tmp_path / name).write_text("hello")
    ran = cx("report", str(run_folder), "--logo", str(tmp_path / logo), "--format", report_format,
             "--out", str(tmp_path / "out"))
    first = usage_error(ran, f"--logo {tmp_path / logo}: {fragment}")
    assert ran.stderr.strip().splitlines()[1:] == ["Tip: give a PNG, JPEG, GIF, WebP or SVG file"], first
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_a_real_logo_of_each_kind_is_embedded_with_its_type(tmp_path):
    from cxaudit.report.images import logo_uri

    for name, head, mime in [("a.png", b"\x89PNG\r\n\x1a\n", "image/png"), ("a.jpg", b"\xff\xd8\xff\xe0", "image/jpeg"),
                             ("a.gif", b"GIF89a", "image/gif"), ("a.webp", b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"),
                             ("a.svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml")]:
        (tmp_path / name).write_bytes(head + b"\0" * 16)
        assert logo_uri(tmp_path / name).startswith(f"data:{mime};base64,")


def test_run_refuses_a_bad_logo_before_it_starts_a_browser(tmp_path):
    (tmp_path / "fake.png").write_text("hello")
    ran = cx("run", str(GOOD), "--base-url", "http://127.0.0.1:9", "--logo", str(tmp_path / "fake.png"),
             "--out", str(tmp_path / "out"), env={"CXAUDIT_BROWSER": "/nonexistent"})
    usage_error(ran, "--logo ", "not an image")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("url, fragment", [
    ("http://[::1", "'http://[::1' is not a valid URL (Invalid IPv6 URL)"),
    ("http://127.0.0.1:99999", "'http://127.0.0.1:99999' is not a valid URL (Port out of range 0-65535)"),
    ("example.com", "'example.com' is not an http:// or https:// URL with a host name"),
])
def test_a_bad_base_url_names_the_option(tmp_path, url, fragment):
    ran = cx("run", str(GOOD), "--base-url", url, "--out", str(tmp_path), env={"CXAUDIT_BROWSER": "/nonexistent"})
    usage_error(ran, f"--base-url: {fragment}", "give the site's root, e.g. https://www.example.com")


def test_a_bad_base_url_in_the_config_names_the_file_and_line(tmp_path):
    (tmp_path / "cxaudit.yaml").write_text('workers: 1\nbase_url: "http://[::1"\n')
    ran = cx("run", str(GOOD), "--config", str(tmp_path / "cxaudit.yaml"), env={"CXAUDIT_BROWSER": "/nonexistent"})
    usage_error(ran, f"{tmp_path / 'cxaudit.yaml'}:2 base_url: 'http://[::1' is not a valid URL")


def test_the_library_refuses_a_bad_base_url_too():
    from cxaudit.errors import JourneyError
    from cxaudit.journey import load_journey

    with pytest.raises(JourneyError, match=r"^base URL 'http://\[::1': not a valid URL"):
        load_journey(GOOD).start_url("http://[::1")


def test_demo_serve_on_a_port_out_of_range_is_a_usage_error():
    ran = cx("demo", "--serve", "--port", "99999")
    assert ran.returncode == int(ExitStatus.USAGE) and "Traceback" not in ran.stderr
    assert "Invalid value for '--port'" in ran.stderr and "65535" in ran.stderr


def test_demo_serve_on_a_taken_port_says_so():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = cx("demo", "--serve", "--port", str(port))
    usage_error(ran, f"--port {port}: cannot serve on 127.0.0.1:{port} (Address already in use)")
    assert "Tip: pick another port, or --port 0 for a free one" in ran.stderr


def test_checks_in_a_language_cxaudit_does_not_speak_is_a_usage_error():
    usage_error(cx("checks", "--lang", "xx"), "--lang xx: the catalogue has no titles in 'xx'")
    assert cx("checks", "--lang", "de").returncode == 0


def test_report_in_an_unknown_language_fails_before_reading_the_run(tmp_path):
    usage_error(cx("report", str(tmp_path / "no-run"), "--lang", "xx"), "report language 'xx' is not available")
