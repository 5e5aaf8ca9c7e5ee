"""The case page's action forms, built when a clerk opens one rather than with every page.

A case page carries up to a dozen forms (an outcome per count, a sentence per conviction, an
outcome and a vacate form per hearing, an end per order, …), and most views of a case act on
none of them. Each folded form is written as a link that static/js/case-forms.js follows
when the clerk unfolds it (without JavaScript the link opens the form on a page of its own);
a refused form comes back inline, open, with its errors, as before.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, render_template, request, url_for
from markupsafe import Markup
from sqlalchemy import select

from common.extensions import db
from common.links.services import lab_requests_for_court_case
from court_cms.appeals.forms import AppealForm, AppealOutcomeForm
from court_cms.cases.forms import OutcomeForm, StatusForm
from court_cms.cases.models import Case, Charge
from court_cms.hearings.forms import OutcomeForm as HearingOutcomeForm
from court_cms.hearings.forms import VacateForm
from court_cms.hearings.models import Hearing
from court_cms.orders.forms import EndOrderForm, OrderForm
from court_cms.orders.models import Appeal, CourtOrder
from court_cms.reference.models import AdjournmentReason
from court_cms.sentences.forms import SentenceForm
from court_cms.sentences.services import sentences_of

# One route per permission, so the authorization matrix states who may open which forms.
FORM_ROUTES = {
    "court.hearing.record": "hearing",
    "court.order.record": "order",
    "court.case.edit": "case",
}


@dataclass(frozen=True)
class CaseForm:
    """A form of the case page: who may use it, the row it acts on and how it is built."""

    title: str
    permission: str
    template: str
    target: type | None
    build: Callable  # (case, form or None, target) -> the form with its choices


@dataclass(frozen=True)
class Refused:
    """A form the clerk sent that was refused, shown again open with its errors."""

    name: str
    form: object
    target_id: int | None = None


def _defendant_choices(case):
    return [(0, "Choose…"), *((p.id, p.name) for p in case.defendants)]


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


def with_outcome_choices(form, case_id):
    """A hearing outcome form with the adjournment reasons and the case's open lab requests."""
    form.reason_id.choices = reason_choices()
    form.lab_request_id.choices = lab_request_choices(lab_requests_for_court_case(case_id))
    return form


def _hearing_outcome(case, form, _hearing):
    return with_outcome_choices(form or HearingOutcomeForm(), case.id)


def _sentence(case, form, charge):
    form = form or SentenceForm()
    form.consecutive_to_id.choices = [(0, "Concurrent")] + [
        (s.id, f"Count {s.charge.count_number}: {s.term_label}")
        for party in case.defendants
        for s in sentences_of(party)
        if s.kind == "CUSTODIAL"
    ]
    return form


def _with_defendants(form_class):
    def build(case, form, _target):
        form = form or form_class()
        form.party_id.choices = _defendant_choices(case)
        return form

    return build


def _plain(form_class):
    return lambda case, form, _target: form or form_class()


CASE_FORMS = {
    "count-outcome": CaseForm(
        "Outcome of a count", "court.hearing.record", "count_outcome.html", Charge,
        _plain(OutcomeForm),
    ),
    "hearing-outcome": CaseForm(
        "Outcome of a hearing", "court.hearing.record", "hearing_outcome.html", Hearing,
        _hearing_outcome,
    ),
    "vacate": CaseForm(
        "Vacate a hearing", "court.hearing.record", "vacate.html", Hearing, _plain(VacateForm)
    ),
    "sentence": CaseForm("Sentence", "court.order.record", "sentence.html", Charge, _sentence),
    "new-order": CaseForm(
        "Record an order", "court.order.record", "new_order.html", None,
        _with_defendants(OrderForm),
    ),
    "end-order": CaseForm(
        "End an order", "court.order.record", "end_order.html", CourtOrder,
        _plain(EndOrderForm),
    ),
    "new-appeal": CaseForm(
        "Record an appeal", "court.case.edit", "new_appeal.html", None,
        _with_defendants(AppealForm),
    ),
    "decide-appeal": CaseForm(
        "Outcome of an appeal", "court.case.edit", "decide_appeal.html", Appeal,
        _plain(AppealOutcomeForm),
    ),
    "status": CaseForm(
        "Change the status", "court.case.edit", "status.html", None,
        lambda case, form, _target: form or StatusForm(version=case.version),
    ),
}  # fmt: skip


def case_of(target):
    """The id of the case a form's row belongs to."""
    return target.party.case_id if isinstance(target, Charge) else target.case_id


def form_url(case, name, target=None):
    """Where the case page fetches the folded form `name` (for the row `target`)."""
    spec = CASE_FORMS[name]
    endpoint = f"cases.form_{FORM_ROUTES[spec.permission]}"
    return url_for(endpoint, case_id=case.id, form=name, of=target.id if target else None)


def rendered(case, name, form=None, target=None):
    """The form's markup, built with its choices (`form`: a refused one, kept as sent)."""
    spec = CASE_FORMS[name]
    form = spec.build(case, form, target)
    html = render_template(f"court_cms/forms/{spec.template}", case=case, f=form, of=target)
    return Markup(html)  # noqa: S704 - a template's output, escaped as it was rendered


def form_page(case_id, permission):
    """GET a folded form of the case page: the bare form for the page's script, or a page
    of its own. Unknown forms, forms of another permission and rows of another case: 404."""
    spec = CASE_FORMS.get(request.args.get("form", ""))
    if spec is None or spec.permission != permission:
        abort(404)
    name = request.args["form"]
    case = db.session.get(Case, case_id) or abort(404)
    target = None
    if spec.target is not None:
        target = db.session.get(spec.target, request.args.get("of", type=int) or 0)
        if target is None or case_of(target) != case.id:
            abort(404)
    markup = rendered(case, name, target=target)
    if request.headers.get("X-Requested-With") == "case-form":
        return markup
    return render_template("court_cms/case_form_page.html", case=case, spec=spec, markup=markup)


def form_view(permission):
    """The view serving the folded forms that need `permission`."""

    def view(case_id):
        return form_page(case_id, permission)

    view.__name__ = f"form_{FORM_ROUTES[permission]}"
    view.__doc__ = f"A folded form of the case page needing {permission}."
    return view
