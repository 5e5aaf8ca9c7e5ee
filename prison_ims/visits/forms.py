"""Forms of the visit and property screens."""

from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, IntegerField, StringField
from wtforms.validators import Length, NumberRange, Optional

from common.formfields import SelectField
from prison_ims.times import belize_to_utc
from prison_ims.visits.models import PROPERTY_DIRECTIONS, VISIT_KINDS

DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


class VisitForm(FlaskForm):
    """One visit: who came, their relationship, when."""

    visited_at = DateTimeLocalField(
        "Date and time (Belize)", format=DT_FORMAT, validators=[Optional()]
    )
    visitor_name = StringField("Visitor's name", validators=[Length(max=160)])
    relationship = StringField("Relationship", validators=[Length(max=60)])
    kind = SelectField("Kind of visit", choices=list(VISIT_KINDS.items()), validate_choice=False)
    visitor_identifier = StringField("Visitor's ID document", validators=[Length(max=60)])
    notes = StringField("Notes", validators=[Length(max=255)])

    def visit_data(self):
        """The entries as the service takes them."""
        data = {k: getattr(self, k).data for k in ("visitor_name", "relationship", "kind")}
        data["visitor_identifier"] = self.visitor_identifier.data
        data["notes"] = self.notes.data
        data["visited_at"] = belize_to_utc(self.visited_at.data)
        return data


class PropertyForm(FlaskForm):
    """Property received into store or handed out."""

    direction = SelectField("In or out", choices=[("", "Choose…"), *PROPERTY_DIRECTIONS.items()])
    description = StringField("Item", validators=[Length(max=120)])
    quantity = IntegerField("Quantity", validators=[Optional(), NumberRange(min=1, max=9999)])
    occurred_at = DateTimeLocalField(
        "Date and time (Belize)", format=DT_FORMAT, validators=[Optional()]
    )
    counterpart = StringField("Received from / handed to", validators=[Length(max=160)])
    reason = StringField("Reason", validators=[Length(max=255)])

    def property_data(self):
        """The entries as the service takes them."""
        data = {k: getattr(self, k).data for k in ("direction", "description", "quantity")}
        data.update(counterpart=self.counterpart.data, reason=self.reason.data)
        data["occurred_at"] = belize_to_utc(self.occurred_at.data)
        return data
