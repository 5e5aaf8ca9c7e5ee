"""Time helpers: staff enter Belize local times; the database keeps UTC."""

from datetime import UTC, datetime

from common.timefmt import belize_wall_to_utc, to_belize


def now_utc():
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def belize_to_utc(value):
    """A naive Belize wall-clock time from a form, as aware UTC (None stays None)."""
    return belize_wall_to_utc(value)


def as_utc(value):
    """Any stored datetime as aware UTC (SQLite returns naive UTC)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def belize_local(value):
    """An aware time as the naive Belize wall-clock value a date-time picker shows."""
    return to_belize(value).replace(tzinfo=None, second=0, microsecond=0)


def belize_date(value):
    """The Belize calendar date of an aware time."""
    return to_belize(value).date()
