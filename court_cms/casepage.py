"""Everything the case page shows, gathered in one place for the views of several packages."""

from sqlalchemy import select

from common.extensions import db
from common.iccs.choices import offence_choices
from common.links.forms import LinkForm
from common.links.services import lab_requests_for_court_case, waits_of_court_case
from common.timefmt import belize_today
from court_cms.appeals.forms import AppealForm, AppealOutcomeForm
from court_cms.appeals.services import appeal_deadline
from court_cms.cases.forms import ChargeForm, OutcomeForm, StatusForm
from court_cms.cases.models import CASE_STATUSES
from court_cms.custody.forms import AttendanceForm
from court_cms.custody.listings import custody_context
from court_cms.hearings.forms import OutcomeForm as HearingOutcomeForm
from court_cms.hearings.forms import ScheduleForm, VacateForm
from court_cms.hearings.services import hearings_of
from court_cms.orders.forms import EndOrderForm, OrderForm
from court_cms.orders.models import APPEAL_OUTCOMES, Appeal, CourtOrder
from court_cms.reference.models import AdjournmentReason
from court_cms.sentences.forms import SentenceForm
from court_cms.sentences.services import sentences_of


def reason_choices():
    """(id, label) of the active adjournment reasons, after a blank choice."""
    reasons = db.session.scalars(
        select(AdjournmentReason)
        .where(AdjournmentReason.active.is_(True))
        .order_by(AdjournmentReason.label)
    )
    return [(0, "Choose…"), *((r.id, r.label) for r in reasons)]


def lab_request_choices(lab_requests):
    """(id, label) of the open linked lab requests an adjournment may be waiting for."""
    open_requests = [r for r in lab_requests if r.is_open]
    return [(0, "The only open request" if len(open_requests) == 1 else "Choose…")] + [
        (r.id, f"{r.lab_number} {r.discipline} (request {r.id})") for r in open_requests
    ]


def case_page_context(case, forms):
    """Template context of the case page; `forms` holds a refused form to show again."""
    defendants = [(p.id, p.name) for p in case.defendants]
    rooms = [(r.id, r.name) for r in case.court.courtrooms]
    charge_form = forms.get("charge_form") or ChargeForm()
    charge_form.offence.choices = [("", "Choose…"), *offence_choices()]
    schedule_form = forms.get("schedule_form") or ScheduleForm()
    schedule_form.courtroom_id.choices = [(0, "Choose…"), *rooms]
    hearing_form = forms.get("hearing_form") or HearingOutcomeForm()
    hearing_form.reason_id.choices = reason_choices()
    lab_requests = lab_requests_for_court_case(case.id)
    hearing_form.lab_request_id.choices = lab_request_choices(lab_requests)
    order_form = forms.get("order_form") or OrderForm()
    order_form.party_id.choices = [(0, "Choose…"), *defendants]
    appeal_form = forms.get("appeal_form") or AppealForm()
    appeal_form.party_id.choices = [(0, "Choose…"), *defendants]
    sentences = {p.id: sentences_of(p) for p in case.defendants}
    sentence_form = forms.get("sentence_form") or SentenceForm()
    sentence_form.consecutive_to_id.choices = [(0, "Concurrent")] + [
        (s.id, f"Count {s.charge.count_number}: {s.term_label}")
        for ss in sentences.values()
        for s in ss
        if s.kind == "CUSTODIAL"
    ]
    orders = db.session.scalars(
        select(CourtOrder)
        .where(CourtOrder.case_id == case.id)
        .order_by(CourtOrder.made_on, CourtOrder.id)
    ).all()
    appeals = db.session.scalars(select(Appeal).where(Appeal.case_id == case.id)).all()
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
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
        "outcome_charge": forms.get("outcome_charge"),
        "status_form": forms.get("status_form") or StatusForm(version=case.version),
        "schedule_form": schedule_form,
        "hearing_form": hearing_form,
        "hearing_id": forms.get("hearing_id"),
        "vacate_form": forms.get("vacate_form") or VacateForm(),
        "vacate_blank": VacateForm(formdata=None),
        "vacate_hearing_id": forms.get("vacate_hearing_id"),
        "order_form": order_form,
        "sentence_form": sentence_form,
        "appeal_form": appeal_form,
        "end_form": forms.get("end_form") or EndOrderForm(),
        "end_order_id": forms.get("end_order_id"),
        "decide_form": forms.get("decide_form") or AppealOutcomeForm(),
        "decide_appeal_id": forms.get("decide_appeal_id"),
        "attendance_form": forms.get("attendance_form") or AttendanceForm(),
        "attendance_hearing": forms.get("attendance_hearing"),
        **custody_context(case),
        "lab_requests": lab_requests,
        "lab_waits": waits_of_court_case(case.id),
        "link_form": forms.get("link_form") or LinkForm(),
    }
