"""Time helpers: staff enter Belize local times; the database keeps UTC (common.timefmt)."""

from common.timefmt import as_utc, belize_date, belize_local, now_utc
from common.timefmt import belize_wall_to_utc as belize_to_utc

__all__ = ["as_utc", "belize_date", "belize_local", "belize_to_utc", "now_utc"]
