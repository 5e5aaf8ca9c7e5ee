"""Forms of requests, assignment, results, reviews and qualifications."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from common.formfields import SelectField
from lims.analysis.models import DISCIPLINES, PRIORITIES, REVIEW_KINDS
from lims.forms import choices, clean


class RequestForm(FlaskForm):
    """An analysis request on some items of a case."""

    discipline = SelectField(
        "Discipline",
        choices=choices(DISCIPLINES),
        validators=[DataRequired("Choose the discipline.")],
    )
    priority = SelectField(
        "Priority",
        choices=list(PRIORITIES.items()),
        validators=[DataRequired("Choose the priority.")],
    )
    due_date = DateField("Due date", validators=[Optional()])
    item_ids = SelectMultipleField("Items to examine", choices=[], validate_choice=False)
    questions = TextAreaField("Questions to answer", validators=[Length(max=2000)])

    def request_data(self):
        """What the request service needs."""
        return {
            "discipline": self.discipline.data,
            "priority": self.priority.data,
            "due_date": self.due_date.data,
            "item_ids": [i for i in self.item_ids.data or [] if str(i).isdigit()],
            "questions": clean(self.questions.data),
        }


class AssignForm(FlaskForm):
    """Assign the request to a qualified analyst."""

    version = HiddenField()
    analyst_id = SelectField("Analyst", choices=[], validate_choice=False)


class ResultForm(FlaskForm):
    """The analyst's result."""

    method = StringField("Method / procedure", validators=[Length(max=160)])
    findings = TextAreaField(
        "Findings", validators=[DataRequired("Describe the findings."), Length(max=8000)]
    )
    conclusion = TextAreaField(
        "Conclusion",
        validators=[DataRequired("Give the conclusion for the report."), Length(max=4000)],
    )


class ReviewForm(FlaskForm):
    """A technical or administrative review decision."""

    kind = SelectField(
        "Review", choices=choices(REVIEW_KINDS), validators=[DataRequired("Choose the review.")]
    )
    decision = RadioField(
        "Decision",
        choices=[("approve", "Approve"), ("reject", "Reject and return to the analyst")],
        validators=[DataRequired("Choose approve or reject.")],
    )
    reason = StringField("Reason (required to reject)", validators=[Length(max=255)])


class QualificationForm(FlaskForm):
    """Qualify an analyst in a discipline."""

    user_id = SelectField("Analyst", choices=[], validate_choice=False)
    discipline = SelectField(
        "Discipline",
        choices=choices(DISCIPLINES),
        validators=[DataRequired("Choose the discipline.")],
    )
    qualified_on = DateField("Qualified on", validators=[Optional()])
