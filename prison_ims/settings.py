"""Prison rules a lawyer or the Prisons Department could change, with documented defaults.

Each value is read from the app configuration (environment or test config) and falls back
to the default below. Change them through configuration, never in code.

PRISON_BOOKING_NUMBER_FORMAT: how a booking number is written; `{year}` is the year of
    admission (Belize time) and `{seq}` the running number in that year.
    Default "BCP-{year}-{seq:05d}" (BCP-2026-00042); the counter restarts each year.
PRISON_ADULT_AGE: age in whole years from which a person is housed with adults
    (Mandela Rule 11(d)). Default 18.
PRISON_OVERRIDABLE_SEPARATION_RULES: which separation rules a supervisor may override with
    a written reason. Rules are "sex" (men/women, Rule 11(a)), "age" (juveniles/adults,
    Rule 11(d)) and "regime" (untried/convicted and civil/criminal, Rule 11(b)(c)).
    Default ("regime",): sex and age separation are never overridden.
PRISON_ADMISSION_BACKDATE_DAYS: how many days back an admission time may be entered (late
    data entry). Default 30.
PRISON_FUTURE_TOLERANCE_MINUTES: how far in the future a recorded time may be (clock
    differences between devices). Default 10.
PRISON_PAGE_SIZE: rows per page in lists. Default 25.
PRISON_PHOTO_MAX_BYTES: largest admission photograph accepted (JPEG or PNG). Default
    5 MB (5_000_000 bytes).
PRISON_STATUS_AUTHORITIES: for each legal status at admission, the commitment authorities
    that can support it. Default: REMAND by a remand warrant or a committal order (committal
    for trial); CONVICTED_UNSENTENCED by a committal order or a remand warrant (remanded for
    sentence); SENTENCED only by a sentence warrant; CIVIL by a committal order.
"""

from flask import current_app

DEFAULTS = {
    "PRISON_BOOKING_NUMBER_FORMAT": "BCP-{year}-{seq:05d}",
    "PRISON_ADULT_AGE": 18,
    "PRISON_OVERRIDABLE_SEPARATION_RULES": ("regime",),
    "PRISON_ADMISSION_BACKDATE_DAYS": 30,
    "PRISON_FUTURE_TOLERANCE_MINUTES": 10,
    "PRISON_PAGE_SIZE": 25,
    "PRISON_PHOTO_MAX_BYTES": 5_000_000,
    "PRISON_STATUS_AUTHORITIES": {
        "REMAND": ("REMAND_WARRANT", "COMMITTAL_ORDER"),
        "CONVICTED_UNSENTENCED": ("COMMITTAL_ORDER", "REMAND_WARRANT"),
        "SENTENCED": ("SENTENCE_WARRANT",),
        "CIVIL": ("COMMITTAL_ORDER",),
    },
}


def setting(name):
    """The configured value of a prison setting, or its documented default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown prison setting {name!r}")
    return current_app.config.get(name, DEFAULTS[name])
