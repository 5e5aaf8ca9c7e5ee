"""The shared SelectField writes exactly what wtforms writes, escaping included."""

from wtforms import Form
from wtforms import SelectField as WtformsSelectField

from common.formfields import SelectField

HOSTILE = [
    (0, "Choose…"),
    (1, 'A & "B" <script>alert(1)</script>'),
    ("x'y\"><b>", "value with quotes"),
    (True, "yes"),
    ("", "empty"),
]


def _rendered(field_class, chosen, **kwargs):
    class TheForm(Form):
        choice = field_class(choices=HOSTILE, coerce=str, **kwargs)

    return TheForm(data={"choice": chosen}).choice()


def test_options_render_as_wtforms_renders_them_and_stay_escaped():
    ours = _rendered(SelectField, "1")
    assert ours == _rendered(WtformsSelectField, "1")
    assert "<script>" not in ours and "&lt;script&gt;" in ours
    assert '<option selected value="1">' in ours
    assert 'value="x&#39;y&#34;&gt;&lt;b&gt;"' in ours


def test_an_option_with_its_own_attributes_falls_back_to_wtforms():
    choices = [("a", "A", {"disabled": True}), ("b", "B", {})]

    class TheForm(Form):
        choice = SelectField(choices=choices)

    class Theirs(Form):
        choice = WtformsSelectField(choices=choices)

    assert TheForm().choice() == Theirs().choice()
    assert "disabled" in TheForm().choice()
