"""The summary on stderr prints page words as text, never as rich markup."""

from __future__ import annotations

from cxaudit.progress import print_summary
from cxaudit.results.model import CheckResult, Finding, JourneyError, JourneyResult, RunResult


def test_page_words_with_markup_brackets_print_as_text(tmp_path, capsys):
    words = "[/] [bold]50% off[/bold] [link=javascript:alert(1)]x"
    check = CheckResult(id="retention_offer", code="CX201", kind="blocker", category="nagging", severity="medium",
                        weight=3, status="fail", score=0,
                        findings=[Finding(check="retention_offer", code="CX201", severity="medium", step=2, words=words)])
    j = JourneyResult(id="j[/]", name="j", goal="cancel", site="s", language="en", device="desktop", file="f",
                      start_url="http://x", outcome="error", checks=[check],
                      error=JourneyError(step=1, step_description="click [/]", url="http://x/[b]", reason="[/] no"))
    print_summary(RunResult(run_id="r", started_at="now", journeys=[j]), tmp_path)
    err = capsys.readouterr().err
    assert "[bold]50% off[/bold]" in err and "j[/]" in err and "[/] no" in err
