"""Release-date engine: sentence expiry (SED) and earliest release (ERD) dates, with working.

Pure Python: no Flask, no database. The rules, where the law and policy are silent:
- Sentences linked by consecutive_to form chains. Each path from a concurrent sentence
  (consecutive_to null) through the sentences that follow it is one chain; when two
  sentences follow the same one, each makes its own chain.
- A consecutive sentence starts the day after the SED of the sentence it follows; its own
  start date is ignored (the working says so).
- Each chain is calculated separately: term, remission, remand credit, forfeited remission.
  Remand credit is deducted once from each chain's SED and ERD.
- The reported SED is the latest chain SED. The controlling chain is the one with the latest
  ERD (ties: the later SED, then the first listed); its term and remission are reported.
- Remission is the policy fraction of the chain's term (see settings.SentencingPolicy); it
  never reduces the days served below remission_floor_days, so a longer term is never
  released earlier than a shorter one.
- Forfeited remission is capped at the chain's remission; the working says when it is.
- When remand credit exceeds the term, the SED falls before the chain start and the ERD is
  the chain start date (release is due at once).
- A chain with a life sentence has no SED or ERD; if any chain is life, the case is.
"""

import math
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from common.timefmt import long_date
from prison_ims.sentencing.parsing import Case, Sentence, SentencingError, parse_case
from prison_ims.sentencing.settings import DEFAULT_POLICY, SentencingPolicy

__all__ = [
    "Case",
    "ChainResult",
    "Sentence",
    "SentencingError",
    "add_term",
    "calculate",
    "parse_case",
]


@dataclass(frozen=True)
class SentenceDates:
    """When one sentence starts and expires (both None after a life sentence)."""

    start: date | None
    expiry: date | None


@dataclass(frozen=True)
class ChainResult:
    """The dates of one chain of consecutive sentences, remand credit included."""

    ids: tuple[str, ...]
    start: date
    life: bool
    expiry: date | None = None
    sed: date | None = None
    erd: date | None = None
    term_days: int | None = None
    remission_days: int = 0
    forfeited_days: int = 0

    @property
    def name(self) -> str:
        """'A → B' for the working."""
        return " → ".join(self.ids)

    def as_dict(self, controlling: bool) -> dict[str, Any]:
        """JSON-ready summary of the chain."""
        return {
            "sentences": list(self.ids),
            "start": self.start.isoformat(),
            "life": self.life,
            "sentence_expiry_date": _iso(self.sed),
            "earliest_release_date": _iso(self.erd),
            "term_days": self.term_days,
            "remission_days": self.remission_days,
            "forfeited_remission_days": self.forfeited_days,
            "controlling": controlling,
        }


def calculate(case: dict | Case, policy: SentencingPolicy | None = None) -> dict[str, Any]:
    """SED, ERD and working for a case dict (see parse_case); raises SentencingError."""
    policy = policy or DEFAULT_POLICY
    parsed = case if isinstance(case, Case) else parse_case(case)
    working = [policy.describe()]
    dates = _sentence_dates(parsed, working)
    chains = [
        _chain(path, dates, parsed, policy, working) for path in _chain_paths(parsed.sentences)
    ]
    return _summarise(chains, parsed, working)


def add_term(start: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """start + years and months as calendar months (day clamped to month end), then + days."""
    year, month = divmod(start.month - 1 + 12 * years + months, 12)
    year += start.year
    if year > date.max.year:
        raise SentencingError(f"A term of {years} years runs past the year 9999; check it")
    day = min(start.day, monthrange(year, month + 1)[1])
    return _shift(date(year, month + 1, day), days)


def _shift(value: date, days: int) -> date:
    """value moved by a number of days, with a clear error outside the calendar."""
    try:
        return value + timedelta(days=days)
    except OverflowError as exc:
        raise SentencingError(
            f"Moving {long_date(value)} by {days} days leaves the calendar; check the numbers"
        ) from exc


def _sentence_dates(case: Case, working: list[str]) -> dict[str, SentenceDates]:
    """Start and expiry of every sentence, each sentence after the one it follows."""
    by_id = {s.id: s for s in case.sentences}
    dates: dict[str, SentenceDates] = {}
    for sentence in case.sentences:
        pending = [sentence]
        while pending[-1].consecutive_to and pending[-1].consecutive_to not in dates:
            pending.append(by_id[pending[-1].consecutive_to])
        for item in reversed(pending):
            if item.id not in dates:
                dates[item.id] = _dates_of(item, dates, working)
    return dates


def _dates_of(
    sentence: Sentence, dates: dict[str, SentenceDates], working: list[str]
) -> SentenceDates:
    """One sentence's dates, with a line of working."""
    label = f"Sentence {sentence.id}"
    start = sentence.start
    if sentence.consecutive_to is not None:
        before = dates[sentence.consecutive_to]
        if before.expiry is None:
            working.append(
                f"{label}: consecutive to {sentence.consecutive_to}, which has no expiry "
                "date (life), so it has no start or expiry date either."
            )
            return SentenceDates(None, None)
        start = _shift(before.expiry, 1)
        ignored = f" (its own start date {long_date(sentence.start)} is ignored)"
        label += (
            f": consecutive to {sentence.consecutive_to}, so it starts the day after "
            f"{sentence.consecutive_to}'s SED, on {long_date(start)}"
            f"{ignored if sentence.start else ''}"
        )
    else:
        label += f": starts {long_date(start)}"
    if sentence.life:
        working.append(f"{label}; life sentence: no expiry date.")
        return SentenceDates(start, None)
    expiry, sums = _expiry_working(start, sentence)
    working.append(f"{label}; term {_term_text(sentence)}; {sums}")
    return SentenceDates(start, expiry)


def _expiry_working(start: date, sentence: Sentence) -> tuple[date, str]:
    """The expiry date (start + term − 1 day) and the sums that give it."""
    steps = []
    moved = add_term(start, sentence.years, sentence.months)
    if sentence.years or sentence.months:
        clamped = (
            f" (day {start.day} does not exist in that month, so its last day is used)"
            if moved.day != start.day
            else ""
        )
        steps.append(
            f"{long_date(start)} + {sentence.years} years {sentence.months} months = "
            f"{long_date(moved)}{clamped}"
        )
    if sentence.days:
        end = _shift(moved, sentence.days)
        steps.append(f"{long_date(moved)} + {sentence.days} days = {long_date(end)}")
        moved = end
    expiry = _shift(moved, -1)
    steps.append(f"minus 1 day: SED {long_date(expiry)}.")
    return expiry, ", ".join(steps)


def _term_text(sentence: Sentence) -> str:
    """'2 years 6 months 0 days'."""
    return f"{sentence.years} years {sentence.months} months {sentence.days} days"


def _chain_paths(sentences: tuple[Sentence, ...]) -> list[tuple[str, ...]]:
    """Every path from a concurrent sentence to a sentence that nothing follows."""
    by_id = {s.id: s for s in sentences}
    followed = {s.consecutive_to for s in sentences if s.consecutive_to}
    paths = []
    for sentence in sentences:
        if sentence.id in followed:
            continue
        path = [sentence.id]
        while by_id[path[-1]].consecutive_to:
            path.append(by_id[path[-1]].consecutive_to)
        paths.append(tuple(reversed(path)))
    return sorted(paths, key=lambda p: [list(by_id).index(i) for i in p])


def _chain(
    ids: tuple[str, ...],
    dates: dict[str, SentenceDates],
    case: Case,
    policy: SentencingPolicy,
    working: list[str],
) -> ChainResult:
    """Term, remission, remand credit and release dates of one chain."""
    start = dates[ids[0]].start
    expiry = dates[ids[-1]].expiry
    name = " → ".join(ids)
    if expiry is None:
        working.append(f"Chain {name}: includes a life sentence, so it has no SED or ERD.")
        return ChainResult(ids, start, life=True)
    term = (expiry - start).days + 1
    working.append(
        f"Chain {name}: starts {long_date(start)}, expires {long_date(expiry)}; "
        f"term {term} days (SED − start + 1)."
    )
    remission = _remission(term, policy, working)
    forfeited = _forfeited(case.forfeited_remission_days, remission, working)
    return _release(
        ChainResult(ids, start, False, expiry, None, None, term, remission, forfeited),
        case.remand_days,
        working,
    )


def _remission(term: int, policy: SentencingPolicy, working: list[str]) -> int:
    """Remission earned on a chain's term under the policy."""
    if term <= policy.remission_min_term_days:
        working.append(
            f"  Remission: none, the term is not more than {policy.remission_min_term_days} days."
        )
        return 0
    full = math.floor(term * policy.remission_fraction)
    limit = max(0, term - policy.remission_floor_days)
    line = f"  Remission: {policy.remission_fraction} of {term} days = {full} days (rounded down)"
    if full > limit:
        working.append(
            f"{line}, limited to {limit} days so that at least "
            f"{policy.remission_floor_days} days are served."
        )
        return limit
    working.append(f"{line}.")
    return full


def _forfeited(requested: int, remission: int, working: list[str]) -> int:
    """Forfeited remission applied to a chain: never more than its remission."""
    if requested > remission:
        working.append(
            f"  Forfeited remission: {requested} days recorded, capped at this chain's "
            f"remission of {remission} days."
        )
        return remission
    working.append(f"  Forfeited remission: {requested} days.")
    return requested


def _release(chain: ChainResult, remand: int, working: list[str]) -> ChainResult:
    """Apply remand credit to SED and ERD, then keep ERD between chain start and SED."""
    expiry, remission, forfeited = chain.expiry, chain.remission_days, chain.forfeited_days
    sed = _shift(expiry, -remand)
    over = (
        " (before the chain start: the remand credit exceeds the term)" if sed < chain.start else ""
    )
    working.append(
        f"  Remand credit: {remand} days; SED {long_date(expiry)} − {remand} = "
        f"{long_date(sed)}{over}."
    )
    erd = _shift(expiry, forfeited - remission - remand)
    working.append(
        f"  ERD: {long_date(expiry)} − {remission} remission − {remand} remand + {forfeited} "
        f"forfeited = {long_date(erd)}."
    )
    if erd > sed:
        erd = sed
        working.append(f"  ERD cannot be later than the SED after remand: {long_date(erd)}.")
    if erd < chain.start:
        working.append(
            f"  ERD cannot be earlier than the chain start: {long_date(chain.start)} "
            "(the remand credit covers the time to be served; release is due at once)."
        )
        erd = chain.start
    return ChainResult(
        chain.ids, chain.start, False, expiry, sed, erd, chain.term_days, remission, forfeited
    )


def _summarise(chains: list[ChainResult], case: Case, working: list[str]) -> dict[str, Any]:
    """The case result: the controlling chain's figures and the latest dates."""
    life = [c for c in chains if c.life]
    if life:
        if case.forfeited_remission_days:
            working.append(
                f"Forfeited remission: {case.forfeited_remission_days} days recorded, but a life "
                "sentence earns no remission, so none is applied."
            )
        working.append(
            f"Result: chain {life[0].name} includes a life sentence, so no sentence expiry "
            "date or earliest release date can be calculated; release depends on a decision "
            "outside this calculation."
        )
        return _result(None, None, life[0], chains, case, working)
    controlling = max(chains, key=lambda c: (c.erd, c.sed))
    latest = max(chains, key=lambda c: c.sed)
    if len(chains) > 1:
        working.append(_controlling_text(chains, controlling, latest))
    working.append(f"Result: SED {long_date(latest.sed)}, ERD {long_date(controlling.erd)}.")
    return _result(latest.sed, controlling.erd, controlling, chains, case, working)


def _controlling_text(
    chains: list[ChainResult], controlling: ChainResult, latest: ChainResult
) -> str:
    """Which chain controls release and which gives the latest SED."""
    tied = [c.name for c in chains if c is not controlling and c.erd == controlling.erd]
    tie = f" (the same as chain {', '.join(tied)}; the first listed is used)" if tied else ""
    sed = (
        "it also has the latest SED"
        if latest.sed == controlling.sed
        else f"the latest SED, {long_date(latest.sed)}, is chain {latest.name}'s"
    )
    return (
        f"The chains run concurrently and the latest date controls. Chain {controlling.name} "
        f"has the latest ERD, {long_date(controlling.erd)}{tie}, and controls release; {sed}."
    )


def _result(
    sed: date | None,
    erd: date | None,
    controlling: ChainResult,
    chains: list[ChainResult],
    case: Case,
    working: list[str],
) -> dict[str, Any]:
    """The JSON-ready result dict."""
    return {
        "sentence_expiry_date": _iso(sed),
        "earliest_release_date": _iso(erd),
        "term_days": controlling.term_days,
        "remission_days": controlling.remission_days,
        "remand_days": case.remand_days,
        "forfeited_remission_days": controlling.forfeited_days,
        "chains": [c.as_dict(c is controlling) for c in chains],
        "working": working,
    }


def _iso(value: date | None) -> str | None:
    """ISO date text, or None."""
    return value.isoformat() if value else None
