"""Upload and column-mapping forms."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, StringField
from wtforms.validators import Length, Optional

from common.formfields import SelectField


class UploadForm(FlaskForm):
    """Choose the register file (.xlsx or .csv)."""

    file = FileField(
        "Register file (.xlsx or .csv)",
        validators=[FileRequired("Choose the register file to upload.")],
    )


def mapping_form(importer, headers, proposal):
    """A form with one column chooser per field, preset to the proposed mapping."""
    choices = [("", "— not in this file —")] + [(h, h) for h in headers if h]

    class MappingForm(FlaskForm):
        file_name = HiddenField()
        save_as = StringField(
            "Save this mapping as (optional)", validators=[Optional(), Length(max=80)]
        )

    for f in importer.fields:
        label = f.label + (" (required)" if f.required else "")
        setattr(
            MappingForm,
            f"col_{f.name}",
            SelectField(label, choices=choices, default=proposal.get(f.name, ""),
                        validate_choice=False),
        )  # fmt: skip
    return MappingForm()


def chosen_mapping(form, importer):
    """{field: header} from a submitted mapping form."""
    return {f.name: getattr(form, f"col_{f.name}").data for f in importer.fields}
