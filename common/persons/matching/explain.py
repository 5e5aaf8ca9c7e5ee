"""Human-readable, field-by-field explanation of a pair's score."""

from __future__ import annotations

from dataclasses import dataclass

from .compare import FIELDS, LEVELS

LABELS = {
    "given_name": "given name",
    "surname": "surname",
    "middle_name": "middle name",
    "date_of_birth": "date of birth",
    "sex": "sex",
    "district": "district",
    "address": "address",
    "national_id": "national id",
}
TEXTS = {
    "given_name": {
        "exact": "given names agree",
        "nickname": "same name, nickname or alias",
        "fuzzy": "given names spelt alike",
        "middle": "given name matches middle name",
        "initial": "initial or short form of the given name",
        "different": "given names differ",
    },
    "surname": {
        "all": "surnames agree",
        "dropped": "one surname dropped, the other agrees",
        "one_differs": "one surname agrees, the other differs",
        "fuzzy": "surnames spelt alike",
        "different": "surnames differ",
    },
    "middle_name": {
        "exact": "middle names agree",
        "initial": "middle initial agrees",
        "different": "middle names differ",
    },
    "date_of_birth": {
        "exact": "dates of birth agree",
        "swapped": "day and month swapped",
        "different": "dates of birth differ",
    },
    "sex": {"agree": "sex agrees", "different": "sex differs"},
    "district": {"agree": "same district", "different": "different districts"},
    "address": {
        "high": "addresses agree",
        "partial": "addresses partly agree",
        "different": "addresses differ",
    },
    "national_id": {
        "exact": "identifiers agree",
        "close": "identifiers one character apart",
        "different": "identifiers differ",
    },
}
RARE, COMMON = 0.0005, 0.005


@dataclass(frozen=True)
class ExplanationItem:
    """One line of an explanation: field, text and its weight in bits."""

    field: str
    text: str
    weight: float

    def __str__(self) -> str:
        label = LABELS.get(self.field, self.field)
        if self.field == "rule":
            return f"rule: {self.text}"
        return f"{label}: {self.text} ({self.weight:+.1f})"

    def to_dict(self) -> dict:
        """Item as a JSON-ready dict."""
        return {"field": self.field, "text": self.text, "weight": round(self.weight, 2)}


def _frequency_note(freq: float) -> str:
    if freq <= 0:
        return ""
    if freq < RARE:
        return ", rare"
    if freq > COMMON:
        return ", common"
    return ""


def _dob_part_text(t, i: int, j: int) -> str:
    if t.year[i] != t.year[j]:
        return f"year differs slightly ({t.year[i]} / {t.year[j]})"
    if t.month[i] != t.month[j]:
        return "month differs, day and year agree"
    return "day differs, month and year agree"


def _text(t, pl, name: str, level: str, k: int) -> str:
    i, j = int(pl.left[k]), int(pl.right[k])
    if name == "date_of_birth" and level == "one_part":
        return _dob_part_text(t, i, j)
    text = TEXTS[name][level]
    if name == "given_name" and level in ("nickname", "fuzzy", "different"):
        text += f" ({t.given[i]} / {t.given[j]})"
    if name == "surname":
        if level == "all" and t.sur2_id[i] >= 0 and t.sur2_id[j] >= 0:
            text = "both surnames agree"
        if level in ("all", "dropped", "one_differs") and t.has_tf:
            text += _frequency_note(float(pl.surname_freq[k]))
        if level in ("fuzzy", "different"):
            text += f" ({t.surname[i]} / {t.surname[j]})"
    if name == "given_name" and level == "exact" and t.has_tf:
        text += _frequency_note(float(pl.given_freq[k]))
    return text


def explain_pair(t, pl, weights: dict, k: int, notes: list) -> list[ExplanationItem]:
    """Explanation items of pair k, largest evidence first, conflict notes last."""
    items = []
    for name in FIELDS:
        level = LEVELS[name][int(pl.levels[name][k])]
        if level == "missing":
            continue
        text = _text(t, pl, name, level, k)
        if name == "given_name" and pl.transposed[k]:
            text = "given name and surname transposed, otherwise agree"
        if name == "surname" and pl.name_moved is not None and pl.name_moved[k]:
            alike = " is spelt like" if level == "fuzzy" else " is"
            text = f"the only name, written as a given name,{alike} the surname"
        items.append(ExplanationItem(name, text, float(weights[name][k])))
    items.sort(key=lambda item: -abs(item.weight))
    return items + notes
