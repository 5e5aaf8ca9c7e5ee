"""Forms of the person index screens."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, StringField
from wtforms.validators import DataRequired, Length


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
