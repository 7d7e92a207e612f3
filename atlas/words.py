"""The words the dashboard shows for codes in the data: kinds, stances, figures, precisions.

One table each; every view takes its words from here (no snake_case on screen).
"""

from __future__ import annotations

from claims.model import KINDS, Claim

KIND_LABELS: dict[str, str] = {
    "casualties": "casualties",
    "captured_people": "people captured",
    "territorial_control": "control of territory",
    "clashes": "clashes",
    "equipment": "equipment",
    "negotiation": "talks",
    "infrastructure": "infrastructure",
    "other": "other",
}
assert set(KIND_LABELS) == set(KINDS), "every kind needs a label"

STANCE_LABELS: dict[str, str] = {"asserts": "asserts", "denies": "denies"}
DENIAL_MARK = "DENIAL"
"""The badge a denial carries wherever it is listed."""

PRECISION_LABELS: dict[str, str] = {
    "point": "town or spot",
    "area": "area (province, district or valley)",
}


def kind_label(kind: str) -> str:
    """``territorial_control`` → ``control of territory`` (unknown codes: underscores → spaces)."""
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def figure_text(claim: Claim) -> str | None:
    """The figure as the source states it, qualifier and scope kept: ``about 600``,
    ``more than 1,000``, ``1,600 dead or captured``, ``thousands (coded 1,000)``; None when the
    claim has no figure."""
    if claim.figure is None:
        return None
    number = f"{claim.figure:,}"
    qualifier = " ".join((claim.figure_qualifier or "").split())
    vague = qualifier.split()[-1] if qualifier else ""
    if vague in {"dozens", "scores", "hundreds", "thousands", "millions"}:
        text = f"{qualifier} (coded {number})"
    else:
        text = f"{qualifier} {number}".strip()
    scope = " ".join((claim.figure_scope or "").split())
    return f"{text} {scope}" if scope else text


def place_precision_text(claim: Claim) -> str:
    """``town or spot``, ``area (…), radius 35 km``, or ``not on the map``."""
    if not claim.located:
        return "not on the map (place not found)" if claim.unresolved_place else "no place named"
    text = PRECISION_LABELS.get(claim.place_precision or "", claim.place_precision or "")
    if claim.place_precision == "area" and claim.radius_km:
        text += f", radius {claim.radius_km:.0f} km"
    return text


def rule_text(claim: Claim) -> str:
    """Why the claim was made (its rule ids), or a note that the extractor gave none."""
    return " · ".join(claim.rule.split()) if claim.rule.strip() else "no rule ids recorded"
