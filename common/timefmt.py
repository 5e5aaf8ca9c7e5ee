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
