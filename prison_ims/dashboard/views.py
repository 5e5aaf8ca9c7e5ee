"""Thin view: the Prison IMS home page."""

from flask import render_template

from common.persons.services import system_summary
from prison_ims.dashboard.services import home_figures


def home():
    """Today's figures: custody, remand, admissions this month."""
    return render_template(
        "prison_ims/home.html", figures=home_figures(), summary=system_summary("prison")
    )
