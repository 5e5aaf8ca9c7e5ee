"""The shapes apps exchange through providers: plain frozen values, never models."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CourtCaseRef:
    """A court case as other systems may see it: number, court and status only."""

    id: int
    number: str
    court_id: int
    court: str
    status: str
    filed_on: date


@dataclass(frozen=True)
class LabCaseRef:
    """A lab case as other systems may see it."""

    id: int
    number: str
    received_on: date


@dataclass(frozen=True)
class LabRequestRef:
    """A lab request's discipline, state and dates: never its results."""

    id: int
    lab_case_id: int
    lab_number: str
    discipline: str
    state: str
    received_on: date
    completed_on: date | None

    @property
    def is_open(self):
        """Not completed (no report released yet)."""
        return self.completed_on is None

    def age_days(self, today):
        """Days at the lab: from receipt to completion, or to `today` while open."""
        return ((self.completed_on or today) - self.received_on).days


@dataclass(frozen=True)
class HearingStep:
    """One hearing of a defendant's case: the day, the court, what happened and why."""

    day: date
    case_id: int
    court_id: int
    court: str
    outcome: str  # SCHEDULED, HELD, ADJOURNED, VACATED
    reason: str | None = None
    side: str | None = None
    case_filed_on: date | None = None
    case_disposed_on: date | None = None

    def case_open_during(self, first_day, last_day):
        """True when the step's case was filed by `last_day` and not disposed before `first_day`."""
        filed = self.case_filed_on is None or last_day is None or self.case_filed_on <= last_day
        return filed and (self.case_disposed_on is None or self.case_disposed_on >= first_day)


@dataclass(frozen=True)
class RemandEpisode:
    """A continuous period on remand in custody: first and last Belize day (None = ongoing)."""

    person_id: int
    name: str
    booking_number: str
    first_day: date
    last_day: date | None
