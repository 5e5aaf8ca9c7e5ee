"""Form of the release screen."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateTimeLocalField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from common.formfields import SelectField
from prison_ims.releases.models import RELEASE_GROUNDS

DT_FORMAT = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"]


class ReleaseForm(FlaskForm):
    """The release checklist and the authority for release."""

    released_at = DateTimeLocalField(
        "Released at", format=DT_FORMAT, validators=[DataRequired("Give the date and time.")]
    )
    grounds = SelectField(
        "Grounds for release", choices=[("", "Choose…"), *RELEASE_GROUNDS.items()]
    )
    authority_reference = StringField(
        "Warrant, order or calculation reference", validators=[Length(max=120)]
    )
    destination = StringField(
        "Released to (address or person collecting)", validators=[Length(max=160)]
    )
    authority_checked = BooleanField("Authority for release checked")
    property_returned = BooleanField("Property returned")
    release_date_verified = BooleanField("Release date verified")
    early_release_reason = TextAreaField(
        "Reason for release before the confirmed date",
        validators=[Length(max=1000)],
        description="Only when releasing before the confirmed earliest release date, or "
        "without one: the lawful authority (court order, pardon).",
    )

    def release_data(self):
        """The entries as the service expects them (time still in Belize wall-clock)."""
        return {name: field.data for name, field in self._fields.items() if name != "csrf_token"}
