"""JUnit XML for CI: a testsuite per journey, a testcase per check (failure / skipped / error), and one
testcase for the journey's outcome. Built with ElementTree, so page text is always escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from cxaudit.atomic import atomic_path
from cxaudit.report import content
from cxaudit.results.model import RunResult
from cxaudit.words.i18n import label, t


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20 and c not in "\ufffe\uffff")


def junit_tree(run: RunResult, lang: str = "en") -> ET.ElementTree:
    specs = content.load_specs(run)
    root = ET.Element("testsuites", name=f"cxaudit {run.run_id}")
    totals = dict(tests=0, failures=0, errors=0, skipped=0)
    for j in run.journeys:
        suite = ET.SubElement(root, "testsuite", name=_clean(j.id), timestamp=j.started_at or run.started_at,
                              time=f"{j.metrics.duration_s:.3f}")
        props = ET.SubElement(suite, "properties")
        for key, value in (("site", j.site), ("goal", j.goal), ("outcome", j.outcome),
                           ("score", "" if not j.score or j.score.score is None else f"{j.score.score:g}"),
                           ("grade", (j.score.grade if j.score else None) or ""), ("actions", str(j.metrics.actions)),
                           ("pages", str(j.metrics.pages))):
            ET.SubElement(props, "property", name=key, value=_clean(value))
        counts = dict(tests=0, failures=0, errors=0, skipped=0)
        case = ET.SubElement(suite, "testcase", classname=_clean(j.id), name=t("outcome_check", lang), time="0")
        counts["tests"] += 1
        sentence = content.sentence(j, run, lang)
        if j.outcome == "error":
            why = content.worded(j.error.reason_parts, j.error.reason, lang) if j.error else sentence
            ET.SubElement(case, "error", message=_clean(why), type="journey_error")
            counts["errors"] += 1
        elif j.outcome != "completed":
            el = ET.SubElement(case, "failure", message=_clean(sentence), type=j.outcome)
            el.text = _clean(t("blocked_reason", lang) if j.outcome == "blocked" else (j.outcome_reason or sentence))
            counts["failures"] += 1
        for c in j.checks:
            text = content.check_text(specs, c, lang)
            case = ET.SubElement(suite, "testcase", classname=_clean(j.id), name=_clean(f"{c.code} {text.title}"), time="0")
            counts["tests"] += 1
            if c.status == "fail":
                el = ET.SubElement(case, "failure", message=_clean(text.failure_title), type=c.severity)
                lines = [content.evidence_text(f, lang) for f in c.findings]
                if text.fix:
                    lines.append(f"{t('how_to_fix', lang)}: {text.fix}")
                el.text = _clean("\n".join(lines))
                counts["failures"] += 1
            elif c.status == "error":
                ET.SubElement(case, "error", message=_clean(c.error or "error"), type="check_error")
                counts["errors"] += 1
            elif c.status == "not_applicable":
                ET.SubElement(case, "skipped", message=label("status", "not_applicable", lang))
                counts["skipped"] += 1
            elif c.status == "warn":
                out = ET.SubElement(case, "system-out")
                out.text = _clean(f"{label('status', 'warn', lang)}: {t('value', lang)} {c.value}")
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return ET.ElementTree(root)


def write_junit(run: RunResult, path: Path, lang: str = "en") -> Path:
    tree = junit_tree(run, lang)
    with atomic_path(path) as tmp:
        tree.write(tmp, encoding="utf-8", xml_declaration=True)
    return path
