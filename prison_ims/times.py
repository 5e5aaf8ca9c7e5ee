"""Time helpers: officers enter Belize local times; the database keeps UTC."""

from datetime import UTC, date, datetime

from common.timefmt import BELIZE, belize_wall_to_utc, to_belize


def now_utc():
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def belize_to_utc(value):
    """A naive Belize wall-clock time from a form, as aware UTC (None stays None)."""
    return belize_wall_to_utc(value)


def as_utc(value):
    """Any stored datetime as aware UTC (SQLite returns naive UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def moment_or_now(at):
    """(the moment asked for as UTC, or None for now; the time to compute with)."""
    moment = as_utc(at) if at else None
    return moment, moment or now_utc()


def belize_local(value):
    """An aware time as the naive Belize wall-clock value a date-time picker shows."""
    return to_belize(value).replace(tzinfo=None, second=0, microsecond=0)


def belize_date(value):
    """The Belize calendar date of an aware time."""
    return to_belize(value).date()


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
    from common.timefmt import belize_time

    return belize_time(value)
