"""Thin view: the Forensic LIMS home page."""

from flask import render_template

from common.persons.services import system_summary


def home():
    """What this system holds today."""
    return render_template("lims/home.html", summary=system_summary("lims"))
