"""Forms of the incident, charge, adjudication and complaint screens."""

from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from common.formfields import SelectField
from prison_ims.conduct_settings import conduct_setting
from prison_ims.discipline.models import COMPLAINT_STATUSES, PARTY_ROLES
from prison_ims.times import belize_to_utc

DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


def choices(mapping):
    """Select choices with a leading 'Choose…'."""
    return [("", "Choose…"), *mapping.items()]


class PartyLine(Form):
    """One person involved: a prisoner's booking number, or a name for anyone else."""

    booking = StringField("Booking number", validators=[Length(max=32)])
    name = StringField("Name (if not a prisoner)", validators=[Length(max=160)])
    role = SelectField("Part played", choices=choices(PARTY_ROLES), validate_choice=False)


class IncidentForm(FlaskForm):
    """A new incident with up to four people involved."""

    kind = SelectField("Type of incident", choices=[], validators=[DataRequired("Choose a type.")])
    occurred_at = DateTimeLocalField(
        "Date and time (Belize)", format=DT_FORMAT, validators=[DataRequired("Give the time.")]
    )
    location = StringField("Location", validators=[Length(max=160)])
    description = TextAreaField("What happened and what was done")
    parties = FieldList(FormField(PartyLine), min_entries=4, max_entries=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = choices(conduct_setting("PRISON_INCIDENT_TYPES"))

    def incident_data(self):
        """The entries as the service takes them (time in UTC)."""
        return {
            "kind": self.kind.data,
            "occurred_at": belize_to_utc(self.occurred_at.data),
            "location": self.location.data,
            "description": self.description.data,
        }

    def party_lines(self):
        """[(booking, name, role)] as typed."""
        return [(p.form.booking.data, p.form.name.data, p.form.role.data) for p in self.parties]


class ChargeForm(FlaskForm):
    """Lay a disciplinary charge against the prisoner."""

    offence = SelectField("Disciplinary offence", choices=[])
    charged_at = DateTimeLocalField(
        "Charged at (Belize)", format=DT_FORMAT, validators=[Optional()]
    )
    incident_id = IntegerField("Incident number (if any)", validators=[Optional()])
    particulars = StringField("Particulars", validators=[Length(max=2000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offence.choices = choices(conduct_setting("PRISON_DISCIPLINARY_OFFENCES"))

    def charge_data(self):
        """The entries as the service takes them."""
        return {
            "offence": self.offence.data,
            "charged_at": belize_to_utc(self.charged_at.data),
            "incident_id": self.incident_id.data,
            "particulars": self.particulars.data,
        }


class AdjudicationForm(FlaskForm):
    """The supervisor's finding on a charge, and the award when proven."""

    version = HiddenField()
    finding = SelectField(
        "Finding", choices=[("", "Choose…"), ("PROVEN", "Proven"), ("DISMISSED", "Dismissed")]
    )
    reason = StringField("Reasons", validators=[Length(max=2000)])
    award = SelectField("Award (when proven)", choices=[])
    days = IntegerField("Days (separation, privileges)", validators=[Optional(), NumberRange(0)])
    forfeited_days = IntegerField(
        "Remission days forfeited", validators=[Optional(), NumberRange(0)]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.award.choices = choices(conduct_setting("PRISON_AWARD_TYPES"))


class ComplaintForm(FlaskForm):
    """A complaint or an allegation of ill-treatment, as received."""

    category = SelectField("Category", choices=[])
    received_at = DateTimeLocalField(
        "Received at (Belize)", format=DT_FORMAT, validators=[Optional()]
    )
    against = StringField("Against (person or service)", validators=[Length(max=160)])
    description = TextAreaField("The complaint", validators=[Length(max=5000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = choices(conduct_setting("PRISON_COMPLAINT_CATEGORIES"))

    def complaint_data(self):
        """The entries as the service takes them."""
        return {
            "category": self.category.data,
            "received_at": belize_to_utc(self.received_at.data),
            "against": self.against.data,
            "description": self.description.data,
        }


class ComplaintStepForm(FlaskForm):
    """The next handling step of a complaint."""

    version = HiddenField()
    status = SelectField(
        "New status",
        choices=choices({k: v for k, v in COMPLAINT_STATUSES.items() if k != "RECEIVED"}),
    )
    note = StringField("What was done or decided", validators=[Length(max=2000)])
    referred_to = StringField("Referred to (authority)", validators=[Length(max=160)])
