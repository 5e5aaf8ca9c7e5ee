"""Forms of the admission screens."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import (
    DateField,
    DateTimeLocalField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from common.formfields import SelectField
from common.iccs.choices import DISTRICT_CHOICES, SEX_CHOICES
from common.persons.forms import PersonFieldsForm
from prison_ims.admissions.models import AUTHORITY_TYPES, LEGAL_STATUSES
from prison_ims.times import belize_to_utc

DISTRICTS = DISTRICT_CHOICES
SEXES = SEX_CHOICES
DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


def _choices(mapping):
    return [("", "Choose…"), *mapping.items()]


class OffenceLine(Form):
    """One offence of the admission."""

    offence = SelectField("Offence", choices=[], validate_choice=False)
    particulars = StringField("Particulars", validators=[Length(max=255)])


class PropertyLine(Form):
    """One line of the property inventory."""

    item = StringField("Item", validators=[Length(max=120)])
    quantity = IntegerField("Quantity", validators=[Optional(), NumberRange(min=1, max=9999)])

    def validate_item(self, field):
        """A quantity without an item is a mistake."""
        if self.quantity.data and not (field.data or "").strip():
            raise ValidationError("Describe the item, or clear the quantity.")


class ChildLine(Form):
    """One child of the person (Rule 7(d)): age, where the child is, who cares for them."""

    age = IntegerField(
        "Age",
        validators=[
            Optional(),
            NumberRange(min=0, max=17, message="Record children under 18 (age 0 to 17)."),
        ],
    )
    location = StringField("Where the child is", validators=[Length(max=120)])
    custody = StringField("Who cares for the child", validators=[Length(max=120)])

    def validate_age(self, field):
        """A child line with details needs an age."""
        if field.data is None and (
            (self.location.data or "").strip() or (self.custody.data or "").strip()
        ):
            raise ValidationError("Give the child's age.")


class AdmissionForm(PersonFieldsForm):
    """Admission on a commitment authority, with what Mandela Rule 7 asks to record."""

    authority_type = SelectField(
        "Commitment authority",
        choices=_choices(AUTHORITY_TYPES),
        validators=[DataRequired("Choose the commitment authority: no admission without one.")],
    )
    authority_court = StringField(
        "Issuing court",
        validators=[
            DataRequired("Give the court that issued the warrant or order."),
            Length(max=120),
        ],
    )
    authority_date = DateField(
        "Date of the warrant or order",
        validators=[DataRequired("Give the date of the warrant or order (day, month, year).")],
    )
    authority_reference = StringField(
        "Warrant or order reference",
        validators=[
            DataRequired("Give the reference written on the warrant or order."),
            Length(max=60),
        ],
    )
    reason = TextAreaField("Reason for commitment", validators=[Length(max=2000)])
    legal_status = SelectField(
        "Legal status",
        choices=_choices(LEGAL_STATUSES),
        validators=[DataRequired("Choose the legal status.")],
    )

    arrested_at = DateTimeLocalField(
        "Arrest date and time", format=DT_FORMAT, validators=[Optional()]
    )
    arrest_place = StringField("Place of arrest", validators=[Length(max=160)])
    admitted_at = DateTimeLocalField(
        "Admission date and time",
        format=DT_FORMAT,
        validators=[DataRequired("Give the admission date and time.")],
    )
    visible_injuries = TextAreaField(
        "Visible injuries",
        validators=[Length(max=4000)],
        description="Describe, or write 'none seen'.",
    )
    ill_treatment_claims = TextAreaField(
        "Claims of prior ill-treatment", validators=[Length(max=4000)]
    )

    offences = FieldList(FormField(OffenceLine), min_entries=3, max_entries=10)
    property_items = FieldList(FormField(PropertyLine), min_entries=6, max_entries=30)
    children = FieldList(FormField(ChildLine), min_entries=3, max_entries=12)

    photo = FileField(
        "Photograph (optional)",
        validators=[Optional(), FileAllowed(["jpg", "jpeg", "png"], "Use a JPEG or PNG picture.")],
    )
    next_of_kin_name = StringField("Next of kin", validators=[Length(max=160)])
    next_of_kin_relationship = StringField("Relationship", validators=[Length(max=60)])
    next_of_kin_contact = StringField("Contact (phone, address)", validators=[Length(max=160)])

    def set_offence_choices(self, choices):
        """Offer the national offence list on every offence line."""
        for line in self.offences:
            line.offence.choices = [("", "—"), *choices]

    def validate_offences(self, field):
        """Only offences from the list."""
        valid = {str(v) for v, _ in self.offences[0].offence.choices if v}
        for line in field:
            if line.offence.data and str(line.offence.data) not in valid:
                raise ValidationError("Choose offences from the list.")

    def admission_data(self):
        """Everything the admission service needs, times converted to UTC."""
        data = self.identity()
        data.update(
            {
                name: getattr(self, name).data
                for name in ("authority_type", "authority_date", "legal_status")
            }
        )
        for name in (
            "authority_court",
            "authority_reference",
            "reason",
            "arrest_place",
            "visible_injuries",
            "ill_treatment_claims",
            "next_of_kin_name",
            "next_of_kin_relationship",
            "next_of_kin_contact",
        ):
            data[name] = (getattr(self, name).data or "").strip()
        data["admitted_at"] = belize_to_utc(self.admitted_at.data)
        data["arrested_at"] = belize_to_utc(self.arrested_at.data)
        data["offences"] = [
            (int(line.offence.data), (line.particulars.data or "").strip())
            for line in self.offences
            if line.offence.data
        ]
        data["property_items"] = [
            {"description": (p.item.data or "").strip(), "quantity": p.quantity.data or 1}
            for p in self.property_items
            if (p.item.data or "").strip()
        ]
        data["children"] = [
            {
                "age": c.age.data,
                "location": (c.location.data or "").strip(),
                "custody": (c.custody.data or "").strip(),
            }
            for c in self.children
            if c.age.data is not None
        ]
        return data


class StatusChangeForm(FlaskForm):
    """Change of legal status, with the version the officer saw."""

    version = HiddenField()
    status = SelectField(
        "New legal status",
        choices=_choices(LEGAL_STATUSES),
        validators=[DataRequired("Choose the new legal status.")],
    )
    reason = StringField(
        "Reason (court order and date)",
        validators=[DataRequired("Give the reason for the change."), Length(max=255)],
    )
