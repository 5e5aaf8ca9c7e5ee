"""Conduct, remand and dashboard rules a lawyer or the Prisons Department could change.

Read like prison_ims.settings: the app configuration wins, else the documented default.
All defaults are configurable policy, to be confirmed by the Belize Prisons Department.

PRISON_INCIDENT_TYPES: the kinds of incident officers record (code: label).
PRISON_DISCIPLINARY_OFFENCES: the disciplinary offences a prisoner may be charged with.
PRISON_AWARD_TYPES: the awards (punishments) a supervisor may make on a proven charge;
    FORFEIT_REMISSION takes days off the remission the release-date engine allows.
PRISON_MAX_FORFEIT_DAYS_PER_AWARD: most remission days one award may forfeit. Default 30.
PRISON_MAX_SEPARATION_DAYS: longest separation (cellular confinement) one award may impose.
    Default 15: Mandela Rules 43(1)(b) and 44 prohibit solitary confinement beyond 15
    consecutive days.
PRISON_COMPLAINT_CATEGORIES: complaint categories; ILL_TREATMENT is an allegation of
    torture or ill-treatment (Mandela Rules 8, 57(3)) and must be referred to an
    independent authority before it may be closed.
PRISON_REMAND_STATUSES: the legal statuses counted as remand for remand days and alarms.
    Default ("REMAND",): untried prisoners only; add "CONVICTED_UNSENTENCED" to count the
    time between conviction and sentence as well.
PRISON_REMAND_LIMIT_DAYS: days on remand after which the dashboard raises an alarm.
    Default 730 (2 years, the Chief Justice's target).
PRISON_LIKELY_SENTENCE_DAYS: a rough estimate of the sentence likely for an offence, by ICCS
    section (first two digits of the code), in days. Used only for the "remand longer than
    the likely sentence" alarm; the longest estimate over the admission's offences counts.
PRISON_LIKELY_SENTENCE_DEFAULT_DAYS: the estimate for an offence without a section above.
    Default 365.
PRISON_AGE_BANDS: lower bounds of the age bands on the dashboard. Default (18, 21, 25, 35, 50):
    under 18, 18-20, 21-24, 25-34, 35-49, 50 and over.
PRISON_DASHBOARD_MONTHS: months of admissions and releases on the dashboard. Default 12.
"""

from flask import current_app

DEFAULTS = {
    "PRISON_INCIDENT_TYPES": {
        "ASSAULT_PRISONER": "Assault on a prisoner",
        "ASSAULT_STAFF": "Assault on staff",
        "FIGHT": "Fight",
        "CONTRABAND": "Contraband found",
        "SELF_HARM": "Self-harm",
        "DISTURBANCE": "Disturbance",
        "ESCAPE_ATTEMPT": "Escape attempt",
        "DAMAGE": "Damage to property",
        "USE_OF_FORCE": "Use of force by staff",
        "OTHER": "Other",
    },
    "PRISON_DISCIPLINARY_OFFENCES": {
        "ASSAULT": "Assault",
        "FIGHTING": "Fighting",
        "UNAUTHORISED_ARTICLE": "Possession of an unauthorised article",
        "DISOBEYING_ORDER": "Disobeying a lawful order",
        "DAMAGE": "Damaging property",
        "THREATS": "Threatening or abusive behaviour",
        "ESCAPE": "Escaping or attempting to escape",
        "OTHER": "Other offence against discipline",
    },
    "PRISON_AWARD_TYPES": {
        "CAUTION": "Caution",
        "LOSS_OF_PRIVILEGES": "Loss of privileges",
        "EXTRA_WORK": "Extra work",
        "SEPARATION": "Separation (cellular confinement)",
        "FORFEIT_REMISSION": "Forfeiture of remission",
    },
    "PRISON_MAX_FORFEIT_DAYS_PER_AWARD": 30,
    "PRISON_MAX_SEPARATION_DAYS": 15,
    "PRISON_COMPLAINT_CATEGORIES": {
        "ILL_TREATMENT": "Allegation of torture or ill-treatment",
        "CONDITIONS": "Living conditions",
        "HEALTH": "Health care",
        "PROPERTY": "Property",
        "VISITS": "Visits and contact",
        "STAFF_CONDUCT": "Staff conduct",
        "OTHER": "Other",
    },
    "PRISON_REMAND_STATUSES": ("REMAND",),
    "PRISON_REMAND_LIMIT_DAYS": 730,
    "PRISON_LIKELY_SENTENCE_DAYS": {
        "01": 5475,
        "02": 730,
        "03": 1825,
        "04": 1095,
        "05": 730,
        "06": 1095,
        "07": 365,
        "08": 180,
        "09": 730,
        "10": 180,
        "11": 180,
    },
    "PRISON_LIKELY_SENTENCE_DEFAULT_DAYS": 365,
    "PRISON_AGE_BANDS": (18, 21, 25, 35, 50),
    "PRISON_DASHBOARD_MONTHS": 12,
}


def conduct_setting(name):
    """The configured value of a conduct, remand or dashboard setting, or its default."""
    if name not in DEFAULTS:
        raise KeyError(f"unknown prison setting {name!r}")
    return current_app.config.get(name, DEFAULTS[name])
