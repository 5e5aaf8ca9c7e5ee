"""Thin views: dispose of an item, print its receipt."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from common.extensions import db
from common.formerrors import attach_error
from common.pdf import pdf_response
from lims.disposition.forms import DispositionForm
from lims.disposition.models import Disposition
from lims.disposition.services import dispose, receipt_pdf
from lims.errors import LimsError
from lims.items.models import Item


def new(item_id):
    """Return or destroy an item on the lab manager's authority."""
    item = db.session.get(Item, item_id) or abort(404)
    form = DispositionForm()
    if form.validate_on_submit():
        try:
            record = dispose(item, current_user, form.disposition_data())
        except LimsError as exc:
            db.session.rollback()
            attach_error(form, exc)
        else:
            db.session.commit()
            flash(f"{record.kind_label}: receipt {record.receipt_number}.", "success")
            return redirect(url_for("items.detail", item_id=item.id))
    return render_template("lims/disposition_form.html", item=item, form=form)


def receipt(disposition_id):
    """The disposition receipt (PDF)."""
    record = db.session.get(Disposition, disposition_id) or abort(404)
    return pdf_response(receipt_pdf(record, current_user.email), f"{record.receipt_number}.pdf")
