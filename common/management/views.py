"""Thin view: the management dashboard."""

from flask import render_template

from common.management.services import dashboard as figures


def dashboard():
    """The justice chain on one page."""
    return render_template("common/management.html", **figures())
