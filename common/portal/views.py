"""The start page: the apps this user may open, and what the suite holds."""

from flask import render_template
from flask_login import current_user

from common.persons.services import index_summary

APPS = [
    (
        "prison",
        "Prison IMS",
        "prison.view",
        "Admissions, housing, movements, sentences and release dates at Belize Central Prison.",
    ),
    (
        "lims",
        "Forensic LIMS",
        "lims.view",
        "Evidence intake, chain of custody, analyses and reviewed reports at the NFSS.",
    ),
    (
        "court",
        "Court case tracker",
        "court.view",
        "Filings, hearings, cause lists, outcomes and delay measures.",
    ),
]


def index():
    """List the apps; open ones link, closed ones say why."""
    apps = [
        {"key": key, "title": title, "blurb": blurb, "allowed": current_user.has_permission(p)}
        for key, title, p, blurb in APPS
    ]
    summary = index_summary() if current_user.has_permission("persons.search") else None
    return render_template("common/landing.html", apps=apps, summary=summary)
