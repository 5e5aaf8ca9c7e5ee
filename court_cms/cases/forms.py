"""Forms of the case screens."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from common.persons.forms import PersonFieldsForm
from court_cms.cases.models import (
    CASE_STATUSES,
    CASE_TYPES,
    DISPOSITIONS,
    PARTY_ROLES,
    PLEAS,
    VERDICTS,
)


def _choices(mapping, blank="Choose…"):
    return [("", blank), *mapping.items()]


class CaseForm(FlaskForm):
    """Filing of a new case."""

    court_id = SelectField("Court", coerce=int, validators=[DataRequired("Choose the court.")])
    case_type = SelectField(
        "Case type", choices=list(CASE_TYPES.items()), validators=[DataRequired()]
    )
    case_number = StringField(
        "Case number",
        validators=[Length(max=32)],
        description="Leave empty: the next number of the court and year is issued.",
    )
    filed_on = DateField("Filing date", validators=[DataRequired("Give the filing date.")])
    prosecuting_agency = StringField(
        "Prosecuting agency",
        default="Office of the Director of Public Prosecutions",
        validators=[DataRequired("Give the prosecuting agency."), Length(max=120)],
    )
    police_case_number = StringField("Police case number", validators=[Length(max=40)])
    prosecutor = StringField(
        "Prosecuting counsel",
        validators=[Length(max=160)],
        description="Crown counsel or police prosecutor conducting the case.",
    )
    judicial_officer = StringField("Judicial officer assigned", validators=[Length(max=120)])

    def data_dict(self):
        """The filing as plain data for the service."""
        return {
            k: getattr(self, k).data
            for k in (
                "court_id",
                "case_type",
                "case_number",
                "filed_on",
                "prosecuting_agency",
                "police_case_number",
                "prosecutor",
                "judicial_officer",
            )
        }


class PartyForm(PersonFieldsForm):
    """A party to the case: the person (through the index), role and counsel."""

    role = SelectField(
        "Role", choices=_choices(PARTY_ROLES), validators=[DataRequired("Choose the role.")]
    )
    counsel = StringField(
        "Counsel",
        validators=[Length(max=160)],
        description="Defence counsel of a defendant; counsel appearing for anyone else.",
    )
    in_custody = BooleanField("In custody")


class ChargeForm(FlaskForm):
    """A new count against a defendant."""

    party_id = HiddenField(validators=[DataRequired()])
    offence = SelectField(
        "Offence",
        choices=[],
        validate_choice=False,
        validators=[DataRequired("Choose the offence from the list.")],
    )
    particulars = StringField("Particulars", validators=[Length(max=500)])


class OutcomeForm(FlaskForm):
    """Plea, verdict and disposition of one charge."""

    version = HiddenField()
    plea = SelectField("Plea", choices=_choices(PLEAS, "—"), validators=[Optional()])
    plea_on = DateField("Plea date", validators=[Optional()])
    verdict = SelectField("Verdict", choices=_choices(VERDICTS, "—"), validators=[Optional()])
    disposition = SelectField(
        "Disposition", choices=_choices(DISPOSITIONS, "—"), validators=[Optional()]
    )
    disposition_on = DateField("Disposition date", validators=[Optional()])

    def outcome(self):
        """The entered outcome fields."""
        return {
            k: getattr(self, k).data or None
            for k in ("plea", "plea_on", "verdict", "disposition", "disposition_on")
        }


class StatusForm(FlaskForm):
    """Reopen or transfer a case."""

    version = HiddenField()
    status = SelectField(
        "New status",
        choices=_choices(CASE_STATUSES),
        validators=[DataRequired("Choose the status.")],
    )
    changed_on = DateField("Date", validators=[DataRequired("Give the date.")])
    reason = TextAreaField("Reason", validators=[DataRequired("Give the reason."), Length(max=255)])
