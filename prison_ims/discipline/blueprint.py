"""Routes of the incident, discipline and complaint screens."""

from flask import Blueprint

from common.identity.access import requires
from prison_ims.discipline import views

bp = Blueprint("discipline", __name__, url_prefix="/conduct")
bp.add_url_rule("/admission/<int:admission_id>", "conduct", requires("prison.view")(views.conduct))
bp.add_url_rule("/incidents", "incidents", requires("prison.view")(views.incidents))
bp.add_url_rule(
    "/incidents/new",
    "new_incident",
    requires("prison.incident.record")(views.new_incident),
    methods=["GET", "POST"],
)
bp.add_url_rule("/charges", "charges", requires("prison.view")(views.charges))
bp.add_url_rule(
    "/admission/<int:admission_id>/charge",
    "lay_charge",
    requires("prison.incident.record")(views.lay_charge),
    methods=["POST"],
)
bp.add_url_rule(
    "/charges/<int:charge_id>/adjudicate",
    "adjudicate",
    requires("prison.discipline.award")(views.adjudicate),
    methods=["POST"],
)
bp.add_url_rule("/complaints", "complaints", requires("prison.view")(views.complaints))
bp.add_url_rule(
    "/admission/<int:admission_id>/complaint",
    "receive_complaint",
    requires("prison.complaint.record")(views.receive_complaint),
    methods=["POST"],
)
bp.add_url_rule(
    "/complaints/<int:complaint_id>/step",
    "complaint_step",
    requires("prison.complaint.record")(views.complaint_step),
    methods=["POST"],
)
