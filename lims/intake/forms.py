"""Forms of the case intake screens."""

from flask_wtf import FlaskForm
from wtforms import DateField, DateTimeLocalField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from common.iccs.choices import DISTRICT_CHOICES
from common.persons.forms import PersonFieldsForm
from lims.forms import DT_FORMAT, choices, clean
from lims.intake.models import PERSON_ROLES
from lims.times import belize_to_utc


class CaseForm(FlaskForm):
    """A submission of evidence from an agency."""

    agency = StringField(
        "Submitting agency",
        validators=[DataRequired("Give the submitting agency."), Length(max=160)],
    )
    officer_name = StringField(
        "Submitting officer",
        validators=[DataRequired("Give the name of the submitting officer."), Length(max=160)],
    )
    officer_number = StringField("Officer's regimental number", validators=[Length(max=40)])
    agency_case_number = StringField(
        "Agency case / incident number",
        validators=[DataRequired("Give the agency's case or incident number."), Length(max=60)],
    )
    national_offence_id = SelectField(
        "Offence (ICCS)",
        choices=[],
        validate_choice=False,
        validators=[DataRequired("Choose the offence from the list.")],
    )
    incident_date = DateField("Incident date", validators=[Optional()])
    district = SelectField("District", choices=DISTRICT_CHOICES, validators=[Optional()])
    received_at = DateTimeLocalField(
        "Received by the lab",
        format=DT_FORMAT,
        validators=[DataRequired("Give the date and time the lab received the submission.")],
    )
    notes = TextAreaField("Notes", validators=[Length(max=4000)])

    def case_data(self):
        """What the intake service needs, times in UTC."""
        return {
            "agency": clean(self.agency.data),
            "officer_name": clean(self.officer_name.data),
            "officer_number": clean(self.officer_number.data),
            "agency_case_number": clean(self.agency_case_number.data),
            "national_offence_id": int(self.national_offence_id.data)
            if (self.national_offence_id.data or "").isdigit()
            else None,
            "incident_date": self.incident_date.data,
            "district": self.district.data or "",
            "received_at": belize_to_utc(self.received_at.data),
            "notes": clean(self.notes.data),
        }


class CasePersonForm(PersonFieldsForm):
    """A suspect, victim or deceased person, found in or added to the person index."""

    role = SelectField(
        "Role in the case",
        choices=choices(PERSON_ROLES),
        validators=[DataRequired("Choose the person's role in the case.")],
    )
