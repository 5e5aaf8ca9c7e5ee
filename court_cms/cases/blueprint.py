"""Routes of the case screens, hearings, orders and the cause list."""

from flask import Blueprint

from common.identity.access import requires
from court_cms.appeals import views as appeals
from court_cms.caseforms import FORM_ROUTES, form_view
from court_cms.cases import views
from court_cms.causelist import views as causelist
from court_cms.custody import views as custody
from court_cms.hearings import views as hearings
from court_cms.lablinks import views as lablinks
from court_cms.orders import views as orders
from court_cms.sentences import views as sentences
from court_cms.statistics import views as statistics

bp = Blueprint("cases", __name__, url_prefix="/cases")
POST = {"methods": ["POST"]}
bp.add_url_rule("/", "index", requires("court.view")(views.index))
bp.add_url_rule("/new", "new", requires("court.case.create")(views.new), methods=["GET", "POST"])
bp.add_url_rule("/<int:case_id>", "detail", requires("court.view")(views.detail))
for permission, kind in FORM_ROUTES.items():
    bp.add_url_rule(
        f"/<int:case_id>/forms/{kind}", f"form_{kind}", requires(permission)(form_view(permission))
    )
bp.add_url_rule(
    "/<int:case_id>/parties/new",
    "add_party",
    requires("court.case.edit")(views.add_party),
    methods=["GET", "POST"],
)
bp.add_url_rule(
    "/<int:case_id>/charges", "add_charge", requires("court.case.edit")(views.add_charge), **POST
)
bp.add_url_rule(
    "/<int:case_id>/charges/<int:charge_id>/outcome",
    "charge_outcome",
    requires("court.hearing.record")(views.charge_outcome),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/status",
    "change_status",
    requires("court.case.edit")(views.change_status),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/hearings",
    "schedule",
    requires("court.hearing.record")(hearings.schedule),
    **POST,
)
bp.add_url_rule(
    "/hearings/<int:hearing_id>/outcome",
    "hearing_outcome",
    requires("court.hearing.record")(hearings.outcome),
    **POST,
)
bp.add_url_rule(
    "/hearings/<int:hearing_id>/vacate",
    "vacate_hearing",
    requires("court.hearing.record")(hearings.vacate),
    **POST,
)
bp.add_url_rule(
    "/hearings/<int:hearing_id>/attendance",
    "attendance",
    requires("court.hearing.record")(custody.attendance),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/orders", "new_order", requires("court.order.record")(orders.new_order), **POST
)
bp.add_url_rule(
    "/<int:case_id>/sentences",
    "new_sentence",
    requires("court.order.record")(sentences.new_sentence),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/orders/<int:order_id>/end",
    "end_order",
    requires("court.order.record")(orders.end_order),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/appeals", "new_appeal", requires("court.case.edit")(appeals.new_appeal), **POST
)
bp.add_url_rule(
    "/<int:case_id>/appeals/<int:appeal_id>/outcome",
    "decide_appeal",
    requires("court.case.edit")(appeals.decide_appeal),
    **POST,
)
bp.add_url_rule(
    "/<int:case_id>/lab-links", "link_lab", requires("court.lab_link.create")(lablinks.link), **POST
)

lists = Blueprint("causelist", __name__, url_prefix="/cause-list")
lists.add_url_rule("/", "page", requires("court.view")(causelist.page))
lists.add_url_rule("/pdf", "pdf", requires("court.view")(causelist.pdf))

stats = Blueprint("statistics", __name__, url_prefix="/statistics")
stats.add_url_rule("/", "page", requires("court.metrics.view")(statistics.page))
