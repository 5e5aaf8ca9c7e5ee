"""Thin view: the Prison IMS home page."""

from flask import render_template

from common.persons.services import system_summary


def home():
    """What this system holds today."""
    return render_template("prison_ims/home.html", summary=system_summary("prison"))
