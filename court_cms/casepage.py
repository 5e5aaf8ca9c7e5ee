"""Everything the case page shows, gathered in one place for the views of several packages."""

from sqlalchemy import select

from common.extensions import db
from common.iccs.choices import offence_choices
from common.links.forms import LinkForm
from common.links.services import lab_requests_for_court_case, waits_of_court_case
from common.timefmt import belize_today
from court_cms.appeals.services import appeal_deadline
from court_cms.caseforms import CASE_FORMS, form_url, rendered
from court_cms.cases.forms import ChargeForm
from court_cms.cases.models import CASE_STATUSES
from court_cms.custody.forms import AttendanceForm
from court_cms.custody.listings import custody_context
from court_cms.hearings.forms import ScheduleForm
from court_cms.hearings.services import hearings_of
from court_cms.orders.models import APPEAL_OUTCOMES, Appeal, CourtOrder
from court_cms.sentences.services import sentences_of


def refused_markup(case, refused):
    """The refused form's markup, to show open in its place (None when nothing was refused)."""
    if refused is None:
        return None
    spec = CASE_FORMS[refused.name]
    target = db.session.get(spec.target, refused.target_id) if spec.target else None
    return rendered(case, refused.name, refused.form, target)


def case_page_context(case, forms):
    """Template context of the case page; `forms` holds a refused form to show again."""
    rooms = [(r.id, r.name) for r in case.court.courtrooms]
    charge_form = forms.get("charge_form") or ChargeForm()
    charge_form.offence.choices = [("", "Choose…"), *offence_choices()]
    schedule_form = forms.get("schedule_form") or ScheduleForm()
    schedule_form.courtroom_id.choices = [(0, "Choose…"), *rooms]
    sentences = {p.id: sentences_of(p) for p in case.defendants}
    orders = db.session.scalars(
        select(CourtOrder)
        .where(CourtOrder.case_id == case.id)
        .order_by(CourtOrder.made_on, CourtOrder.id)
    ).all()
    appeals = db.session.scalars(select(Appeal).where(Appeal.case_id == case.id)).all()
    refused = forms.get("refused")
    return {
        "case": case,
        "today": belize_today(),
        "statuses": CASE_STATUSES,
        "appeal_outcomes": APPEAL_OUTCOMES,
        "hearings": hearings_of(case.id),
        "orders": orders,
        "sentences": sentences,
        "appeals": appeals,
        "deadlines": {p.id: appeal_deadline(p, sentences[p.id]) for p in case.defendants},
        "charge_form": charge_form,
        "schedule_form": schedule_form,
        "refused": refused,
        "refused_markup": refused_markup(case, refused),
        "form_url": lambda name, target=None: form_url(case, name, target),
        "attendance_form": forms.get("attendance_form") or AttendanceForm(),
        "attendance_hearing": forms.get("attendance_hearing"),
        **custody_context(case),
        "lab_requests": lab_requests_for_court_case(case.id),
        "lab_waits": waits_of_court_case(case.id),
        "link_form": forms.get("link_form") or LinkForm(),
    }
