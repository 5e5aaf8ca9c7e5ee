"""Forms of the inbox: accept into an existing file or a new admission, or reject."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField
from prison_ims.admissions.forms import AdmissionForm

AUTHORITY_OF = {"remand_order": "REMAND_WARRANT", "custodial_sentence": "SENTENCE_WARRANT"}
STATUS_OF = {"remand_order": "REMAND", "custodial_sentence": "SENTENCED"}


class AcceptExistingForm(FlaskForm):
    """Accept into the file of an inmate in custody (the same master person)."""

    version = HiddenField()
    admission_id = SelectField(
        "Admission", coerce=int, validators=[DataRequired("Choose the admission.")]
    )


class AcceptNewForm(AdmissionForm):
    """Admit the person on the court's order: the admission form, pre-filled by the court."""

    version = HiddenField()


class RejectForm(FlaskForm):
    """Reject the item with a reason the court reads."""

    version = HiddenField()
    reason = TextAreaField(
        "Reason for rejecting",
        validators=[DataRequired("Give the reason for rejecting the item."), Length(max=500)],
    )


def _identity(form, identity):
    for name in (
        "given_name",
        "middle_name",
        "surname",
        "gender_identity",
        "address",
        "national_id",
    ):
        getattr(form, name).data = identity.get(name) or ""
    born = identity.get("date_of_birth")
    form.date_of_birth.data = date.fromisoformat(born) if born else None
    form.sex.data = identity.get("sex") or ""
    form.district.data = identity.get("district") or ""


def prefill_new_admission(form, item):
    """Fill the admission form from what the court sent (the officer completes Rule 7)."""
    details = item.details
    _identity(form, details.get("identity", {}))
    form.authority_type.data = AUTHORITY_OF.get(item.kind, "")
    form.legal_status.data = STATUS_OF.get(item.kind, "")
    form.authority_court.data = details.get("court", "")
    form.authority_date.data = item.ordered_on
    form.authority_reference.data = item.case_reference[:60]
    what = (details.get("sentence") or {}).get("summary") or item.kind_label
    form.reason.data = f"{what}, {item.case_reference} ({item.ordered_on:%d %b %Y})"
    offences = details.get("offences", [])
    if item.kind == "custodial_sentence":
        chosen = details["sentence"]["national_offence_id"]
        offences = [o for o in offences if o["national_offence_id"] == chosen] or offences
    for line, offence in zip(form.offences, offences, strict=False):
        line.offence.data = str(offence["national_offence_id"])
        line.particulars.data = (offence.get("particulars") or "")[:255]
