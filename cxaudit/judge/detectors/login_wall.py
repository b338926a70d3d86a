"""CX102 login_wall: a login step, or a page with a login form, met before the cancellation was confirmed."""

from __future__ import annotations

from cxaudit.judge.detectors.base import Detection, DetectorContext, Evidence, box_of, clip, detector, param
from cxaudit.results.model import JourneyResult
from cxaudit.words.notes import note


def login_forms(observation: dict | None, max_fields: int = 3) -> list[tuple[dict, dict]]:
    """(form, password field) for each visible login form: a password field marked ``current-password``, or
    one in a small form (user name + password, perhaps "remember me"). A PIN among many fields of a
    cancellation form is a verification question (excessive_verification), not a login."""
    out = []
    for form in (observation or {}).get("forms") or []:
        visible = [f for f in form.get("fields") or [] if not f.get("hidden") and (f.get("type") or "") != "hidden"]
        for f in visible:
            if (f.get("type") or "").lower() != "password" or f.get("disabled"):
                continue
            if (f.get("autocomplete") or "").lower() == "current-password" or len(visible) <= max_fields:
                out.append((form, f))
                break
    return out


def first_heading(observation: dict | None) -> str:
    for h in (observation or {}).get("headings") or []:
        if h.get("text"):
            return h["text"]
    return ""


@detector("login_wall")
def login_wall(journey: JourneyResult, ctx: DetectorContext) -> Detection:
    steps = journey.steps
    if journey.outcome == "completed" and len(steps) > 1:
        steps = steps[:-1]  # the success page itself is not on the way
    evidence: list[Evidence] = []
    seen_urls: set[str] = set()
    for s in steps:
        if s.type == "login":
            evidence.append(Evidence(
                step=s.index, words=clip(" / ".join(f.label or f.name or "" for f in s.filled) or (s.element or {}).get("name")),
                element=s.element, box=box_of(s.element),
                screenshot_step=max(s.index - 1, 0), note=note("login_step"),
                data={"login_step": True},
            ))
            continue
        forms = login_forms(s.observation, int(param(ctx, "max_login_fields", 3)))
        url = (s.url_after or "").split("?")[0]
        if forms and url not in seen_urls:
            seen_urls.add(url)
            form, f = forms[0]
            labels = [x.get("label") or x.get("name") or "" for x in form.get("fields") or [] if not x.get("hidden")]
            words = clip(" / ".join(p for p in [first_heading(s.observation), *labels] if p))
            evidence.append(Evidence(
                step=s.index, words=words, element=f, box=box_of(f), screenshot_step=s.index,
                note=note("login_form", field=clip(f.get("label") or f.get("name"), 40) or None, url=s.url_after) if s.url_after
                else note("login_form_here", field=clip(f.get("label") or f.get("name"), 40) or None),
                data={"url": s.url_after, "fields": len(labels)},
            ))
    if not evidence:
        return Detection(score=1.0, details={"login": False})
    evidence.sort(key=lambda e: e.step)
    return Detection(score=0.0, evidence=evidence, details={"login": True, "first_step": evidence[0].step})
