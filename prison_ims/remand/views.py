"""Thin views: the remand register with its alarms; remand of one admission; court dates."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from prison_ims.admissions.models import Admission
from prison_ims.conduct_settings import conduct_setting
from prison_ims.movements.services import current_state, movements_of
from prison_ims.remand import services
from prison_ims.remand.forms import CourtDateForm
from prison_ims.settings import setting

ALARMS = {
    "limit": ("over_limit", "Over the remand limit"),
    "likely": ("over_likely", "Longer than the likely sentence"),
    "nocourt": (None, "No court date recorded"),
}


class ListPage:
    """One page of an already computed list, shaped like a Flask-SQLAlchemy page."""

    def __init__(self, rows, page, per_page):
        self.total = len(rows)
        self.pages = max(1, -(-self.total // per_page))
        self.page = min(max(1, page), self.pages)
        self.items = rows[(self.page - 1) * per_page : self.page * per_page]
        self.has_prev, self.has_next = self.page > 1, self.page < self.pages
        self.prev_num, self.next_num = self.page - 1, self.page + 1


def _matches(row, alarm):
    if alarm == "nocourt":
        return row["next_court"] is None
    return row[ALARMS[alarm][0]] if alarm in ALARMS else True


def index():
    """Everyone on remand now, longest first, filtered by alarm."""
    alarm = request.args.get("alarm", "")
    rows = services.remand_register()
    counts = services.remand_alarms(rows)
    shown = [r for r in rows if _matches(r, alarm)]
    page = ListPage(shown, request.args.get("page", 1, type=int), setting("PRISON_PAGE_SIZE"))
    return render_template(
        "prison_ims/remand.html",
        page=page,
        alarm=alarm,
        alarms=ALARMS,
        counts=counts,
        filters={"alarm": alarm} if alarm else {},
    )


def render_remand(admission, form=None):
    """Remand days, court dates and court trips of one admission."""
    return render_template(
        "prison_ims/remand_detail.html",
        admission=admission,
        state=current_state(admission.id),
        days=services.remand_days_for_admission(admission.id),
        person_days=services.remand_days_for_person(admission.person_id),
        likely_days=services.likely_sentence_days(admission),
        limit_days=conduct_setting("PRISON_REMAND_LIMIT_DAYS"),
        court_dates=services.court_dates_of(admission.id),
        next_court=services.next_court_dates([admission.id]).get(admission.id),
        trips=[m for m in movements_of(admission.id) if m.kind == "CRT"],
        form=form or CourtDateForm(),
    )


def detail(admission_id):
    """Remand of one admission and of the person across admissions."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    return render_remand(admission)


def add_court_date(admission_id):
    """Record the next court date."""
    admission = db.session.get(Admission, admission_id) or abort(404)
    form = CourtDateForm()
    if form.validate_on_submit():
        try:
            services.schedule_court_date(
                admission, form.due_on.data, form.court.data, form.purpose.data, current_user.id
            )
        except services.RemandError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash("Court date recorded.", "success")
            return redirect(url_for("remand.detail", admission_id=admission_id))
    return render_remand(db.session.get(Admission, admission_id), form)
