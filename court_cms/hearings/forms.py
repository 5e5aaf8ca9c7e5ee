"""Forms of the hearing screens."""

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, StringField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from court_cms.hearings.models import HEARING_TYPES
from court_cms.reference.models import SIDES


class ScheduleForm(FlaskForm):
    """List a case for a hearing."""

    hearing_type = SelectField(
        "Hearing",
        choices=[("", "Choose…"), *HEARING_TYPES.items()],
        validators=[DataRequired("Choose the type of hearing.")],
    )
    scheduled_on = DateField("Date", validators=[DataRequired("Give the date of the hearing.")])
    scheduled_time = TimeField("Time", validators=[Optional()])
    courtroom_id = SelectField(
        "Courtroom", coerce=int, validators=[DataRequired("Choose the courtroom.")]
    )


class VacateForm(FlaskForm):
    """Take a hearing still to come off the list, with the reason."""

    version = HiddenField()
    reason = StringField(
        "Reason",
        validators=[DataRequired("Give the reason the hearing is vacated."), Length(max=400)],
    )


class OutcomeForm(FlaskForm):
    """What happened at a hearing: held, or adjourned with a reason, side and new date."""

    version = HiddenField()
    outcome = SelectField(
        "Outcome",
        choices=[("", "Choose…"), ("HELD", "Held"), ("ADJOURNED", "Adjourned")],
        validators=[DataRequired("Choose whether the hearing was held or adjourned.")],
    )
    reason_id = SelectField("Adjournment reason", coerce=int, validators=[Optional()])
    responsible_side = SelectField(
        "Side responsible",
        choices=[("", "As the reason says"), *SIDES.items()],
        validators=[Optional()],
    )
    lab_request_id = SelectField(
        "Lab request awaited",
        coerce=int,
        validate_choice=False,
        validators=[Optional()],
        description="Only for an adjournment awaiting a forensic report.",
    )
    next_on = DateField("Adjourned to", validators=[Optional()])
    next_type = SelectField(
        "Next hearing", choices=[("", "Same type"), *HEARING_TYPES.items()], validators=[Optional()]
    )
    note = TextAreaField("Note", validators=[Length(max=500)])
