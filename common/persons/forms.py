"""Forms of the person index screens."""

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, RadioField, StringField
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from common.iccs.choices import DISTRICT_CHOICES, SEX_CHOICES


class ReviewDecisionForm(FlaskForm):
    """A clerk's decision on one pair."""

    version = HiddenField()
    decision = RadioField(
        "Decision",
        choices=[
            ("link", "The same person: link the records"),
            ("distinct", "Not the same person: keep apart"),
            ("later", "Decide later"),
        ],
        validators=[DataRequired(message="Choose a decision.")],
    )


class UnmergeForm(FlaskForm):
    """Confirm undoing a merge."""

    reason = StringField(
        "Why is this merge wrong?",
        validators=[DataRequired(message="Give a reason for the record."), Length(max=255)],
    )


class PersonFieldsForm(FlaskForm):
    """The identity fields every app asks when it enters a person (base of their forms)."""

    given_name = StringField(
        "Given name", validators=[DataRequired("Give the given name."), Length(max=80)]
    )
    middle_name = StringField("Middle name", validators=[Length(max=80)])
    surname = StringField(
        "Surname(s)", validators=[DataRequired("Give the surname."), Length(max=120)]
    )
    date_of_birth = DateField("Date of birth", validators=[Optional()])
    sex = SelectField("Sex", choices=SEX_CHOICES, validators=[DataRequired("Choose the sex.")])
    gender_identity = StringField(
        "Self-perceived gender",
        validators=[Length(max=40)],
        description="As the person states it; recorded and respected.",
    )
    district = SelectField("District", choices=DISTRICT_CHOICES, validators=[Optional()])
    address = StringField("Address", validators=[Length(max=255)])
    national_id = StringField("Social security or ID number", validators=[Length(max=32)])

    def identity(self):
        """The identity fields for the person index."""
        return {
            "given_name": (self.given_name.data or "").strip(),
            "middle_name": (self.middle_name.data or "").strip(),
            "surname": (self.surname.data or "").strip(),
            "date_of_birth": self.date_of_birth.data,
            "sex": self.sex.data,
            "gender_identity": (self.gender_identity.data or "").strip(),
            "district": self.district.data or "",
            "address": (self.address.data or "").strip(),
            "national_id": (self.national_id.data or "").strip(),
        }
