"""Times are stored in UTC and shown in Belize time (UTC-6, no daylight saving)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

BELIZE = ZoneInfo("America/Belize")


def now_utc():
    """The current time, timezone-aware UTC (the one clock the court and the inbox read)."""
    return datetime.now(UTC)


def belize_today():
    """Today's calendar date in Belize: what 'today' means for every date a user enters."""
    return to_belize(now_utc()).date()


def to_belize(value):
    """Convert an aware or naive-UTC datetime to Belize time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(BELIZE)


def belize_wall_to_utc(value):
    """A naive Belize wall-clock time as aware UTC; None stays None.

    A time too close to the end of year 9999 to convert (typed by mistake or on purpose)
    becomes the last representable instant: every rule then refuses it as in the future.
    """
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=BELIZE)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def as_utc(value):
    """Any stored datetime as aware UTC (SQLite returns naive UTC); None stays None."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def belize_local(value):
    """An aware time as the naive Belize wall-clock value a date-time picker shows."""
    return to_belize(value).replace(tzinfo=None, second=0, microsecond=0)


def belize_date(value):
    """The Belize calendar date of an aware time."""
    return to_belize(value).date()


def belize_time(value):
    """'22 Nov 2026 14:05' in Belize time, or '' for None."""
    if value is None:
        return ""
    return to_belize(value).strftime("%d %b %Y %H:%M")


def long_date(value):
    """Unambiguous date: '22 Nov 2026'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_belize(value).date()
    if isinstance(value, date):
        return value.strftime("%d %b %Y")
    return str(value)
