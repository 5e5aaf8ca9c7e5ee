"""Court rules a registrar could change, with documented defaults (read from app config).

COURT_CASE_NUMBER_FORMAT: how a case number is written; `{court}` is the court code,
    `{type}` the case type, `{year}` the filing year and `{seq}` the running number of that
    court, type and year. Default "{court}-{type}-{year}-{seq:04d}" (SC-CR-2025-0142).
COURT_APPEAL_DAYS: days from sentence (or conviction) within which an appeal must be
    lodged. Default 21.
COURT_TIME_STANDARDS: CourTools M3 time standards in days. Default (90, 180, 365).
COURT_AGE_BANDS: CourTools M4 age bands (upper bounds in days). Default (90, 180, 365, 730).
COURT_REMAND_WARNING_DAYS: a remand order expiring within this many days is shown as
    due. Default 3.
COURT_PAGE_SIZE: rows per page in lists. Default 25.
COURT_NOT_PRODUCED_REASON: the adjournment reason code meaning the accused was not
    produced from prison; the adjournment is attributed to the prison. Default "NOT_PRODUCED".
"""

from flask import current_app

DEFAULTS = {
    "COURT_CASE_NUMBER_FORMAT": "{court}-{type}-{year}-{seq:04d}",
    "COURT_APPEAL_DAYS": 21,
    "COURT_TIME_STANDARDS": (90, 180, 365),
    "COURT_AGE_BANDS": (90, 180, 365, 730),
    "COURT_REMAND_WARNING_DAYS": 3,
    "COURT_PAGE_SIZE": 25,
    "COURT_NOT_PRODUCED_REASON": "NOT_PRODUCED",
}


def setting(name):
    """The configured value of a court setting, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown court setting {name!r}")
    return current_app.config.get(name, DEFAULTS[name])
