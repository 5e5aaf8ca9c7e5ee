"""Thin view: the laboratory metrics dashboard."""

from flask import render_template

from lims.metrics.services import dashboard


def page():
    """Turnaround and backlog per discipline, as charts and tables."""
    return render_template("lims/metrics.html", **dashboard())
