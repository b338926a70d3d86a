"""Inline SVG charts: no script, no external file, readable by screen readers (role="img" + <title>/<desc>).

Every text that goes into a chart is escaped; the charts take plain numbers and labels.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup, escape

from cxaudit.judge.scoring import grade
from cxaudit.report.content import signup_for
from cxaudit.results.model import RunResult
from cxaudit.words.format import number
from cxaudit.words.i18n import label, t

WIDTH = 680
LABEL_W = 250
BAR_H = 16
GAP = 8
GRADE_COLOURS = {"A": "#1a7f37", "B": "#4d8f1f", "C": "#9a6700", "D": "#bc4c00", "F": "#c62828", None: "#6e7781"}
INK, MUTED, GRID, PRIMARY, SECONDARY = "#1f2328", "#59636e", "#d8dee4", "#1f4e79", "#9fb7cf"


def _clip(text: str, n: int = 38) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _frame(chart_id: str, title: str, desc: str, height: float, body: list[str]) -> Markup:
    head = (f'<svg class="chart" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" viewBox="0 0 {WIDTH} {height:.0f}" '
            f'width="{WIDTH}" height="{height:.0f}" font-family="inherit">'
            f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>')
    return Markup(head + "".join(body) + "</svg>")


def _axis(top: float, bottom: float, maximum: float, ticks: list[float], lang: str) -> list[str]:
    span = WIDTH - LABEL_W - 40
    out = []
    for v in ticks:
        x = LABEL_W + span * v / maximum
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" stroke="{GRID}" stroke-width="1" />')
        out.append(f'<text x="{x:.1f}" y="{bottom + 14:.1f}" font-size="11" fill="{MUTED}" text-anchor="middle">'
                   f'{escape(number(v, lang, 0))}</text>')
    return out


def _ticks(maximum: float) -> tuple[float, list[float]]:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if maximum / step <= 6:
            top = step * max(1, -(-maximum // step))
            return top, [step * i for i in range(int(top // step) + 1)]
    return maximum, [0, maximum]


def _bar(y: float, value: float, maximum: float, colour: str, text: str) -> list[str]:
    span = WIDTH - LABEL_W - 40
    w = max(1.5, span * value / maximum) if value else 0
    return [f'<rect x="{LABEL_W}" y="{y:.1f}" width="{w:.1f}" height="{BAR_H}" rx="2" fill="{colour}" />',
            f'<text x="{LABEL_W + w + 5:.1f}" y="{y + BAR_H - 4:.1f}" font-size="11.5" fill="{INK}">{escape(text)}</text>']


def _label(y: float, text: str) -> str:
    return (f'<text x="{LABEL_W - 8}" y="{y + BAR_H - 4:.1f}" font-size="12" fill="{INK}" text-anchor="end">'
            f'{escape(_clip(text))}</text>')


def _empty(chart_id: str, title: str, lang: str) -> Markup:
    return _frame(chart_id, title, t("chart_none", lang), 30,
                  [f'<text x="0" y="20" font-size="12" fill="{MUTED}">{escape(t("chart_none", lang))}</text>'])


def actions_chart(run: RunResult, lang: str) -> Markup:
    rows = sorted(((j.metrics.actions, j.name or j.id, j.goal) for j in run.journeys), key=lambda r: (-r[0], r[1]))
    title = t("chart_actions", lang)
    if not rows:
        return _empty("ch-actions", title, lang)
    maximum, ticks = _ticks(max(r[0] for r in rows) or 1)
    body: list[str] = []
    y = 4.0
    for actions, name, goal in rows:
        body.append(_label(y, name))
        body += _bar(y, actions, maximum, SECONDARY if goal == "signup" else PRIMARY, number(actions, lang, 0))
        y += BAR_H + GAP
    body = _axis(0, y - GAP + 4, maximum, ticks, lang) + body
    return _frame("ch-actions", title, t("chart_actions_desc", lang), y + 16, body)


def category_chart(run: RunResult, lang: str) -> Markup:
    values: dict[str, list[float]] = defaultdict(list)
    judged = [j for j in run.journeys if j.goal != "signup"] or run.journeys
    for j in judged:
        if j.score is not None:
            for cat, v in j.score.by_category.items():
                values[cat].append(v)
    title = t("chart_categories", lang)
    if not values:
        return _empty("ch-cat", title, lang)
    rows = sorted(((sum(v) / len(v), cat) for cat, v in values.items()), key=lambda r: (r[0], r[1]))
    body: list[str] = []
    y = 4.0
    for mean, cat in rows:
        body.append(_label(y, label("cat", cat, lang)))
        body += _bar(y, mean, 100, GRADE_COLOURS[grade(mean)], number(mean, lang, 0))
        y += BAR_H + GAP
    body = _axis(0, y - GAP + 4, 100, [0, 25, 50, 75, 100], lang) + body
    return _frame("ch-cat", title, t("chart_categories_desc", lang), y + 16, body)


def symmetry_chart(run: RunResult, lang: str) -> Markup:
    signups = signup_for(run)
    pairs = []
    for j in sorted(run.journeys, key=lambda j: (j.site, j.id)):
        if j.goal == "cancel" and j.site in signups:
            pairs.append((j.site, j.metrics.actions, signups[j.site].metrics.actions, j.outcome == "blocked"))
    title = t("chart_symmetry", lang)
    if not pairs:
        return _empty("ch-sym", title, lang)
    maximum, ticks = _ticks(max(max(p[1], p[2]) for p in pairs) or 1)
    body: list[str] = []
    y = 24.0
    legend = [(PRIMARY, t("chart_cancel", lang)), (SECONDARY, t("chart_signup", lang))]
    lx = LABEL_W
    for colour, text in legend:
        body.append(f'<rect x="{lx}" y="4" width="12" height="12" rx="2" fill="{colour}" />'
                    f'<text x="{lx + 17}" y="14.5" font-size="12" fill="{INK}">{escape(text)}</text>')
        lx += 140
    for site, cancel, signup, _blocked in pairs:
        body.append(_label(y + (BAR_H + 2) / 2, site))
        body += _bar(y, cancel, maximum, PRIMARY, number(cancel, lang, 0))
        body += _bar(y + BAR_H + 2, signup, maximum, SECONDARY, number(signup, lang, 0))
        y += 2 * BAR_H + 2 + GAP + 4
    body = _axis(22, y - GAP, maximum, ticks, lang) + body
    return _frame("ch-sym", title, t("chart_symmetry_desc", lang), y + 12, body)
