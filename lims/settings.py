"""Laboratory rules the lab manager could change, with documented defaults.

Each value is read from the app configuration (environment or test config) and falls back
to the default below. Change them through configuration, never in code.

LIMS_CASE_NUMBER_FORMAT: how a lab case number is written; `{year}` is the year of receipt
    (Belize time) and `{seq}` the running number in that year.
    Default "NFSS-{year}-{seq:05d}" (NFSS-2026-00042); the counter restarts each year.
LIMS_RECEIPT_NUMBER_FORMAT: the number of a disposition receipt (return or destruction).
    Default "NFSS-DR-{year}-{seq:05d}".
LIMS_BACKLOG_DAYS: a request not completed (report released) within this many days of the
    case's receipt is backlog (NIJ definition). Default 30.
LIMS_BACKLOG_MONTHS: how many months back the backlog chart goes. Default 24.
LIMS_PAGE_SIZE: rows per page in lists. Default 25.
LIMS_FUTURE_TOLERANCE_MINUTES: how far in the future a recorded time may be (clock
    differences between devices). Default 10.
LIMS_TECHNICAL_REVIEWER_QUALIFIED: when true, the technical reviewer must hold a current
    qualification in the request's discipline (a second qualified scientist). Default True.
"""

from flask import current_app

DEFAULTS = {
    "LIMS_CASE_NUMBER_FORMAT": "NFSS-{year}-{seq:05d}",
    "LIMS_RECEIPT_NUMBER_FORMAT": "NFSS-DR-{year}-{seq:05d}",
    "LIMS_BACKLOG_DAYS": 30,
    "LIMS_BACKLOG_MONTHS": 24,
    "LIMS_PAGE_SIZE": 25,
    "LIMS_FUTURE_TOLERANCE_MINUTES": 10,
    "LIMS_TECHNICAL_REVIEWER_QUALIFIED": True,
}


def setting(name):
    """The configured value of a laboratory setting, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown lims setting {name!r}")
    return current_app.config.get(name, DEFAULTS[name])
