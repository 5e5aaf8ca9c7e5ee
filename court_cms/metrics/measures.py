"""Court performance measures (NCSC CourTools M2-M5, CEPEJ) as pure functions over plain data.

Every result carries the counts it was computed from, so a statistics page can show
"42 of 57" next to "73.7 %". Nothing here touches Flask or the database: services load
`CaseFacts` and `HearingFacts` rows and pass them in, together with the configured
time standards and age bands (the defaults below are documented, not fixed).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

DEFAULT_TIME_STANDARDS = (90, 180, 365)
"""M3: days from filing to disposition a case should be disposed within."""

DEFAULT_AGE_BANDS = (90, 180, 365, 730)
"""M4: inclusive upper bounds of the age bands; one open band (>730) follows the last."""

TRIAL_SETTING_BUCKETS = 4
"""M5: trial settings are counted 1, 2, 3 and 4+ (the last bucket is open)."""

CERTAIN_SETTINGS = 2
"""M5: a trial held on its first or second setting counts as date-certain."""

DAYS_PER_YEAR = 365
"""CEPEJ: the disposition time is expressed in days of a 365-day year."""

HELD = "held"
ADJOURNED = "adjourned"
UNRECORDED = "UNRECORDED"
"""Key used for adjournments whose reason or responsible side was not recorded."""

NO_INCOMING = "no cases were filed in the period"
NO_DISPOSED = "no cases were disposed in the period"
NO_PENDING = "no cases were pending on the measurement date"
NO_TRIALS = "no cases were disposed by trial in the period"
NO_RESOLVED = "no cases were resolved in the period"
NO_HEARINGS = "no hearings took place in the period"


@dataclass(frozen=True)
class Period:
    """An inclusive range of dates: start and end both belong to the period."""

    start: dt.date
    end: dt.date

    def __post_init__(self):
        """Refuse a period that ends before it starts."""
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    def __contains__(self, day: dt.date | None) -> bool:
        """Whether a date (None is never inside) falls within the period."""
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class CaseFacts:
    """What the measures need to know about one case."""

    case_id: str
    court: str
    filed_on: dt.date
    disposed_on: dt.date | None = None
    disposed_by_trial: bool = False
    trial_settings: int = 0

    def __post_init__(self):
        """Refuse facts no register could hold."""
        if self.disposed_on is not None and self.disposed_on < self.filed_on:
            raise ValueError(f"case {self.case_id} is disposed before it was filed")
        if self.trial_settings < 0:
            raise ValueError(f"case {self.case_id} has a negative number of trial settings")

    def disposed_within(self, period: Period) -> bool:
        """Whether the case was disposed during the period."""
        return self.disposed_on in period

    def pending_on(self, day: dt.date) -> bool:
        """Whether the case was open at the end of the given day."""
        return self.filed_on <= day and (self.disposed_on is None or self.disposed_on > day)

    def days_to_disposition(self) -> int | None:
        """Calendar days from filing to disposition (None while the case is open)."""
        return None if self.disposed_on is None else (self.disposed_on - self.filed_on).days


@dataclass(frozen=True)
class HearingFacts:
    """What the measures need to know about one listed hearing."""

    case_id: str
    court: str
    date: dt.date
    outcome: str
    reason_code: str | None = None
    responsible_side: str | None = None

    def __post_init__(self):
        """Refuse an outcome other than held or adjourned."""
        if self.outcome not in (HELD, ADJOURNED):
            raise ValueError(f"hearing outcome must be {HELD!r} or {ADJOURNED!r}")


@dataclass(frozen=True)
class Share:
    """A count out of a total, with its percentage (None when the total is 0)."""

    count: int
    total: int
    percent: float | None

    def __str__(self) -> str:
        """The share as a page would show it, e.g. "42 of 57"."""
        return f"{self.count} of {self.total}"


def share(count: int, total: int) -> Share:
    """Build a Share, leaving the percentage empty when there is nothing to divide by."""
    return Share(count, total, None if total == 0 else 100.0 * count / total)


@dataclass(frozen=True)
class ClearanceRate:
    """CourTools M2: outgoing cases as a percentage of incoming cases."""

    period: Period
    court: str | None
    incoming: int
    outgoing: int
    rate: float | None
    reason: str | None = None


@dataclass(frozen=True)
class StandardResult:
    """M3: how many disposed cases met one time standard."""

    days: int
    within: Share


@dataclass(frozen=True)
class TimeToDisposition:
    """CourTools M3: shares of disposed cases within each time standard, and the median."""

    period: Period
    court: str | None
    disposed: int
    standards: tuple[StandardResult, ...]
    median_days: float | None
    reason: str | None = None


@dataclass(frozen=True)
class AgeBand:
    """M4: one age band (upper bound None means open-ended) and the cases in it."""

    label: str
    low: int
    high: int | None
    cases: Share


@dataclass(frozen=True)
class PendingAge:
    """CourTools M4: the age of the active pending caseload on a measurement date."""

    as_of: dt.date
    court: str | None
    pending: int
    bands: tuple[AgeBand, ...]
    reason: str | None = None


@dataclass(frozen=True)
class TrialDateCertainty:
    """CourTools M5: how often trials were scheduled before they were held."""

    period: Period
    court: str | None
    tried: int
    distribution: dict[str, Share]
    certain: Share
    mean_settings: float | None
    unrecorded: int = 0
    reason: str | None = None


@dataclass(frozen=True)
class DispositionTime:
    """CEPEJ disposition time: days needed to resolve the cases pending at period end."""

    period: Period
    court: str | None
    pending_at_end: int
    resolved: int
    days: float | None
    reason: str | None = None


@dataclass(frozen=True)
class Adjournments:
    """Adjournments in a period: the rate, and their split by reason and responsible side."""

    period: Period
    court: str | None
    hearings: int
    adjourned: int
    rate: Share
    by_reason: dict[str, Share]
    by_side: dict[str, Share]
    reason: str | None = None


def _in_court(rows: Iterable, court: str | None) -> list:
    """The rows of one court, or all rows when no court is given."""
    return [row for row in rows if court is None or row.court == court]


def _check_bounds(bounds: Iterable[int], what: str) -> tuple[int, ...]:
    """Bounds as a tuple, refused unless they are positive and strictly increasing."""
    bounds = tuple(bounds)
    if not bounds or bounds[0] < 1 or any(b <= a for a, b in pairwise(bounds)):
        raise ValueError(f"{what} must be positive whole days in increasing order")
    return bounds


def clearance_rate(
    cases: Iterable[CaseFacts], period: Period, court: str | None = None
) -> ClearanceRate:
    """M2: cases disposed in the period ÷ cases filed in the period × 100."""
    rows = _in_court(cases, court)
    incoming = sum(1 for c in rows if c.filed_on in period)
    outgoing = sum(1 for c in rows if c.disposed_within(period))
    if incoming == 0:
        return ClearanceRate(period, court, 0, outgoing, None, NO_INCOMING)
    return ClearanceRate(period, court, incoming, outgoing, 100.0 * outgoing / incoming)


def time_to_disposition(
    cases: Iterable[CaseFacts],
    period: Period,
    standards: Iterable[int] = DEFAULT_TIME_STANDARDS,
    court: str | None = None,
) -> TimeToDisposition:
    """M3: share of cases disposed in the period within each standard, and the median days."""
    standards = _check_bounds(standards, "time standards")
    days = [c.days_to_disposition() for c in _in_court(cases, court) if c.disposed_within(period)]
    results = tuple(
        StandardResult(limit, share(sum(1 for d in days if d <= limit), len(days)))
        for limit in standards
    )
    if not days:
        return TimeToDisposition(period, court, 0, results, None, NO_DISPOSED)
    return TimeToDisposition(period, court, len(days), results, float(statistics.median(days)))


def _band_edges(bounds: tuple[int, ...]) -> list[tuple[int, int | None]]:
    """(low, high) day ranges for the bands, ending with one open-ended band."""
    lows = (0,) + tuple(b + 1 for b in bounds)
    return list(zip(lows, bounds + (None,), strict=True))


def _band_label(low: int, high: int | None) -> str:
    """A band's label, e.g. "0-90", "91-180" or ">730"."""
    return f">{low - 1}" if high is None else f"{low}-{high}"


def pending_age(
    cases: Iterable[CaseFacts],
    as_of: dt.date,
    bands: Iterable[int] = DEFAULT_AGE_BANDS,
    court: str | None = None,
) -> PendingAge:
    """M4: days from filing to `as_of` of the cases pending that day, counted in age bands."""
    edges = _band_edges(_check_bounds(bands, "age bands"))
    ages = [(as_of - c.filed_on).days for c in _in_court(cases, court) if c.pending_on(as_of)]
    result = tuple(
        AgeBand(
            _band_label(low, high),
            low,
            high,
            share(sum(1 for a in ages if a >= low and (high is None or a <= high)), len(ages)),
        )
        for low, high in edges
    )
    return PendingAge(as_of, court, len(ages), result, None if ages else NO_PENDING)


def _settings_label(settings: int) -> str:
    """The M5 bucket a number of trial settings falls in: "1", "2", "3" or "4+"."""
    if settings >= TRIAL_SETTING_BUCKETS:
        return f"{TRIAL_SETTING_BUCKETS}+"
    return str(settings)


def trial_date_certainty(
    cases: Iterable[CaseFacts], period: Period, court: str | None = None
) -> TrialDateCertainty:
    """M5: for trials disposed in the period, the spread, date-certain share and mean settings.

    A tried case with no trial setting recorded is a gap in the register: it is counted
    in `unrecorded` and left out of the figures.
    """
    tried = [
        c for c in _in_court(cases, court) if c.disposed_by_trial and c.disposed_within(period)
    ]
    settings = [c.trial_settings for c in tried if c.trial_settings >= 1]
    counts = Counter(_settings_label(s) for s in settings)
    labels = [_settings_label(n) for n in range(1, TRIAL_SETTING_BUCKETS + 1)]
    return TrialDateCertainty(
        period,
        court,
        len(settings),
        {label: share(counts[label], len(settings)) for label in labels},
        share(sum(1 for s in settings if s <= CERTAIN_SETTINGS), len(settings)),
        statistics.fmean(settings) if settings else None,
        len(tried) - len(settings),
        None if settings else NO_TRIALS,
    )


def disposition_time(
    cases: Iterable[CaseFacts], period: Period, court: str | None = None
) -> DispositionTime:
    """CEPEJ: 365 × cases pending at period end ÷ cases resolved in the period.

    The formula assumes a one-year period; for a shorter one the figure is not comparable.
    """
    rows = _in_court(cases, court)
    pending = sum(1 for c in rows if c.pending_on(period.end))
    resolved = sum(1 for c in rows if c.disposed_within(period))
    if resolved == 0:
        return DispositionTime(period, court, pending, 0, None, NO_RESOLVED)
    return DispositionTime(period, court, pending, resolved, DAYS_PER_YEAR * pending / resolved)


def _tally(keys: list[str | None]) -> dict[str, Share]:
    """Shares of each key (None counted as UNRECORDED), largest first, then by name."""
    counts = Counter(UNRECORDED if k is None or not k.strip() else k for k in keys)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {key: share(count, len(keys)) for key, count in ordered}


def adjournments(
    hearings: Iterable[HearingFacts], period: Period, court: str | None = None
) -> Adjournments:
    """Adjournment rate of the hearings in the period, and adjournments by reason and side."""
    listed = [h for h in _in_court(hearings, court) if h.date in period]
    adjourned = [h for h in listed if h.outcome == ADJOURNED]
    return Adjournments(
        period,
        court,
        len(listed),
        len(adjourned),
        share(len(adjourned), len(listed)),
        _tally([h.reason_code for h in adjourned]),
        _tally([h.responsible_side for h in adjourned]),
        None if listed else NO_HEARINGS,
    )
