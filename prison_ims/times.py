"""Time helpers: officers enter Belize local times; the database keeps UTC."""

from datetime import UTC, date, datetime

from common.timefmt import (
    BELIZE,
    as_utc,
    belize_date,
    belize_local,
    belize_time,
    now_utc,
    to_belize,
)
from common.timefmt import belize_wall_to_utc as belize_to_utc

__all__ = [
    "age_on",
    "as_utc",
    "belize_date",
    "belize_local",
    "belize_time_text",
    "belize_to_utc",
    "month_start_utc",
    "moment_or_now",
    "now_utc",
]


def moment_or_now(at):
    """(the moment asked for as UTC, or None for now; the time to compute with)."""
    moment = as_utc(at) if at else None
    return moment, moment or now_utc()


def age_on(date_of_birth, day):
    """Age in whole years on `day`, or None when the date of birth is unknown."""
    if date_of_birth is None:
        return None
    if isinstance(day, datetime):
        day = belize_date(day)
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - int(before_birthday)


def month_start_utc(value):
    """The start of the Belize calendar month containing `value`, as UTC."""
    local = to_belize(value)
    start = datetime.combine(date(local.year, local.month, 1), datetime.min.time(), BELIZE)
    return start.astimezone(UTC)


def belize_time_text(value):
    """A stored time as '22 Nov 2026 14:05' Belize time, for messages."""
    return belize_time(value)
