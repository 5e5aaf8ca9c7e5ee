"""Thin view: the Forensic LIMS home page."""

from flask import render_template

from common.links.services import holding_up_court_cases
from common.persons.services import system_summary


def home():
    """What this system holds today, and the requests court cases are adjourned for."""
    return render_template(
        "lims/home.html", summary=system_summary("lims"), holding=holding_up_court_cases()
    )
