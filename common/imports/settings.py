"""Import rules an administrator could change, with documented defaults (read from app config).

IMPORT_MAX_BYTES: largest file accepted (upload or command line). Default 20 MB (20_000_000).
IMPORT_HEADER_SCAN_ROWS: how many rows at the top of a sheet are searched for the header row
    (title rows above it are skipped). Default 15.
IMPORT_DAY_FIRST: read 12/03/2019 as 12 March (Belize registers write the day first); an
    ambiguous date is still reported as a warning. Default True.
IMPORT_TWO_DIGIT_YEAR_PIVOT: a two-digit year up to this value is 20yy, above it 19yy.
    Default 40 (12-Mar-19 is 2019, 05-Jun-67 is 1967).
IMPORT_PRISON_BACKDATE_DAYS: how far back an imported admission may be dated (the register
    holds past admissions; the admission form's own limit applies to typed entries).
    Default 36500 (100 years).
IMPORT_PROGRESS_EVERY: rows between two progress updates. Default 200.
IMPORT_REPORT_MAX_PROBLEMS: problems kept in a run's downloadable report (the counts are
    always complete). Default 5000.
IMPORT_BATCH_ROWS: rows written and committed together; the run records the position of the
    last committed batch, so a stopped import resumes there. Default 500.
IMPORT_IN_BACKGROUND: run browser imports in a background thread whose progress the page
    polls (False: the request runs the import itself). Default True.
IMPORT_STALE_MINUTES: a running import whose progress has not moved for this long is taken
    as interrupted (server restarted) and may be resumed. Default 10.
"""

from flask import current_app

DEFAULTS = {
    "IMPORT_MAX_BYTES": 20_000_000,
    "IMPORT_HEADER_SCAN_ROWS": 15,
    "IMPORT_DAY_FIRST": True,
    "IMPORT_TWO_DIGIT_YEAR_PIVOT": 40,
    "IMPORT_PRISON_BACKDATE_DAYS": 36500,
    "IMPORT_PROGRESS_EVERY": 200,
    "IMPORT_REPORT_MAX_PROBLEMS": 5000,
    "IMPORT_BATCH_ROWS": 500,
    "IMPORT_IN_BACKGROUND": True,
    "IMPORT_STALE_MINUTES": 10,
}


def setting(name):
    """The configured value of an import setting, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown import setting {name!r}")
    return current_app.config.get(name, DEFAULTS[name])
