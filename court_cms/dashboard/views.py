"""Thin view: the Court case tracker home page."""

from flask import render_template

from common.persons.services import system_summary


def home():
    """What this system holds today."""
    return render_template("court_cms/home.html", summary=system_summary("court"))
