"""Reading and checking a release-date case: every error says what is wrong and how to fix it."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


class SentencingError(ValueError):
    """A case that cannot be calculated; the message tells the user how to correct it."""


@dataclass(frozen=True)
class Sentence:
    """One sentence as written on the warrant: a start and a term, or life."""

    id: str
    start: date | None
    years: int = 0
    months: int = 0
    days: int = 0
    life: bool = False
    consecutive_to: str | None = None


@dataclass(frozen=True)
class Case:
    """The sentences of one prisoner, with remand credit and forfeited remission."""

    sentences: tuple[Sentence, ...]
    remand_days: int = 0
    forfeited_remission_days: int = 0


CASE_FIELDS = ("sentences", "remand_days", "forfeited_remission_days")
SENTENCE_FIELDS = ("id", "start", "years", "months", "days", "life", "consecutive_to")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_case(data: Any) -> Case:
    """Check a case dict (as read from JSON) and return a Case, or raise SentencingError."""
    if not isinstance(data, Mapping):
        raise SentencingError(
            'The case must be a JSON object such as {"sentences": [...], "remand_days": 0}'
        )
    _reject_unknown(data, CASE_FIELDS, "The case")
    sentences = tuple(
        _parse_sentence(item, number) for number, item in enumerate(_sentence_list(data), 1)
    )
    _check_unique_ids(sentences)
    _check_links(sentences)
    return Case(
        sentences=sentences,
        remand_days=_whole(data.get("remand_days"), "The case: remand_days"),
        forfeited_remission_days=_whole(
            data.get("forfeited_remission_days"), "The case: forfeited_remission_days"
        ),
    )


def _sentence_list(data: Mapping) -> list:
    """The raw 'sentences' list, present and not empty."""
    if "sentences" not in data:
        raise SentencingError(
            "The case has no 'sentences' field; add a list with at least one sentence"
        )
    raw = data["sentences"]
    if not isinstance(raw, list):
        raise SentencingError("The case: 'sentences' must be a list of sentences")
    if not raw:
        raise SentencingError("The case has no sentences; add at least one sentence")
    return raw


def _parse_sentence(item: Any, number: int) -> Sentence:
    """One sentence dict checked field by field."""
    if not isinstance(item, Mapping):
        raise SentencingError(
            f"Sentence {number}: must be an object with an id, a start date and a term"
        )
    ident = _ident(item.get("id"), f"Sentence {number}", "id")
    if ident is None:
        raise SentencingError(
            f"Sentence {number}: 'id' is missing; give each sentence a short unique id such as 'A'"
        )
    label = f"Sentence {ident}"
    _reject_unknown(item, SENTENCE_FIELDS, label)
    consecutive_to = _ident(item.get("consecutive_to"), label, "consecutive_to")
    sentence = Sentence(
        id=ident,
        start=_start(item.get("start"), label, consecutive_to),
        years=_whole(item.get("years"), f"{label}: years"),
        months=_whole(item.get("months"), f"{label}: months"),
        days=_whole(item.get("days"), f"{label}: days"),
        life=_flag(item.get("life"), f"{label}: life"),
        consecutive_to=consecutive_to,
    )
    _check_term(sentence, label)
    return sentence


def _reject_unknown(data: Mapping, allowed: tuple[str, ...], label: str) -> None:
    """Refuse misspelt fields, so a typo cannot silently change a release date."""
    unknown = [str(key) for key in data if key not in allowed]
    if unknown:
        raise SentencingError(
            f"{label}: unknown field(s) {', '.join(repr(k) for k in unknown)}; "
            f"the fields allowed are {', '.join(allowed)}"
        )


def _ident(value: Any, label: str, field: str) -> str | None:
    """A sentence id as text; None when absent or blank."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise SentencingError(f"{label}: {field} must be text such as 'A' (got {value!r})")
    text = str(value).strip()
    return text or None


def _start(value: Any, label: str, consecutive_to: str | None) -> date | None:
    """The start date; required unless the sentence is consecutive to another."""
    if value is None:
        if consecutive_to is None:
            raise SentencingError(
                f"{label}: 'start' is missing; give the date the sentence began as YYYY-MM-DD"
            )
        return None
    return parse_date(value, f"{label}: start")


def parse_date(value: Any, label: str) -> date:
    """A date written as YYYY-MM-DD; anything else is refused with an example."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise SentencingError(
        f"{label} {value!r} is not a valid date; write it as YYYY-MM-DD, e.g. 2024-01-10"
    )


def _whole(value: Any, label: str) -> int:
    """A whole number of 0 or more; absent or null means 0."""
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise SentencingError(f"{label} must be a whole number such as 2 (got {value!r})")
    if value < 0:
        raise SentencingError(f"{label} must not be negative (got {value}); use 0 or more")
    return value


def _flag(value: Any, label: str) -> bool:
    """true or false; absent or null means false."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise SentencingError(f"{label} must be true or false (got {value!r})")
    return value


def _check_term(sentence: Sentence, label: str) -> None:
    """A sentence is either life or has a term of at least one day, never both."""
    has_term = sentence.years or sentence.months or sentence.days
    if sentence.life and has_term:
        raise SentencingError(
            f"{label}: a life sentence has no term; set years, months and days to 0 "
            "or set life to false"
        )
    if not sentence.life and not has_term:
        raise SentencingError(
            f"{label}: has no term; give years, months or days, or set life to true"
        )


def _check_unique_ids(sentences: tuple[Sentence, ...]) -> None:
    """Each id names one sentence only."""
    seen: set[str] = set()
    for sentence in sentences:
        if sentence.id in seen:
            raise SentencingError(
                f"Sentence id '{sentence.id}' is used by more than one sentence; "
                "give each sentence a unique id"
            )
        seen.add(sentence.id)


def _check_links(sentences: tuple[Sentence, ...]) -> None:
    """consecutive_to names a sentence of this case, and never leads round in a loop."""
    by_id = {s.id: s for s in sentences}
    for sentence in sentences:
        target = sentence.consecutive_to
        if target == sentence.id:
            raise SentencingError(
                f"Sentence {sentence.id}: consecutive_to names the sentence itself; name the "
                "sentence it follows, or use null for a concurrent sentence"
            )
        if target is not None and target not in by_id:
            raise SentencingError(
                f"Sentence {sentence.id}: consecutive_to '{target}' does not name a sentence "
                f"in this calculation; use one of {', '.join(by_id)} or null for a "
                "concurrent sentence"
            )
    for sentence in sentences:
        _check_no_loop(sentence, by_id)


def _check_no_loop(sentence: Sentence, by_id: dict[str, Sentence]) -> None:
    """Follow consecutive_to from one sentence; coming back to a sentence is a loop."""
    path = [sentence.id]
    current = sentence
    while current.consecutive_to is not None:
        if current.consecutive_to in path:
            loop = path[path.index(current.consecutive_to) :] + [current.consecutive_to]
            raise SentencingError(
                f"Sentences {' → '.join(loop)} are consecutive to each other in a loop; "
                "make one of them concurrent (consecutive_to null) or correct the ids"
            )
        path.append(current.consecutive_to)
        current = by_id[current.consecutive_to]
