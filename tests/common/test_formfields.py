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


def test_groups_required_and_multiple_selects_render_as_wtforms_renders_them():
    from wtforms import SelectMultipleField
    from wtforms.validators import DataRequired

    from common.formfields import FastSelect

    groups = {"Violent <crimes>": [("1", "Murder"), ("2", "Wounding")], "Property": [("3", "T")]}

    def rendered(field_class, chosen, **kwargs):
        class TheForm(Form):
            choice = field_class(choices=groups, validators=[DataRequired()], **kwargs)

        return TheForm(data={"choice": chosen}).choice(class_="form-select")

    ours = rendered(SelectField, "2")
    assert ours == rendered(WtformsSelectField, "2")
    assert "required" in ours and '<optgroup label="Violent &lt;crimes&gt;">' in ours
    assert '<option selected value="2">Wounding</option>' in ours
    ours = rendered(SelectMultipleField, ["1", "3"], widget=FastSelect(multiple=True))
    assert ours == rendered(SelectMultipleField, ["1", "3"])
    assert "multiple" in ours and ours.count("selected") == 2


def test_input_attributes_are_written_as_wtforms_writes_them():
    from wtforms.widgets.core import html_params

    from common.formfields import attributes

    cases = [
        {"name": "q", "id": "q", "class_": "form-control", "value": 'x" onmouseover="alert(1)'},
        {"checked": True, "readonly": False, "data_user_name": "<b>", "aria_label": "A & B"},
        {"value": 0, "min": -5, "step": 0.5, "required": True, "for_": "f"},
        {"value": "", "placeholder": "dd/mm/yyyy"},
    ]
    for kwargs in cases:
        assert attributes(**kwargs) == html_params(**kwargs)
    assert 'value="x&#34; onmouseover=&#34;alert(1)"' in attributes(**cases[0])  # one value


def test_every_input_of_a_real_form_renders_through_the_shared_attributes():
    from wtforms import BooleanField, DateField, IntegerField, StringField, widgets

    from common.formfields import attributes

    assert widgets.Input.html_params is attributes

    class TheForm(Form):
        name = StringField(render_kw={"placeholder": 'Say "hi" <now>'})
        born = DateField()
        count = IntegerField()
        sure = BooleanField()

    form = TheForm(data={"name": "<script>x</script>", "count": 3, "sure": True})
    html = form.name() + form.born() + form.count() + form.sure()
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert 'placeholder="Say &#34;hi&#34; &lt;now&gt;"' in html
    assert 'checked id="sure"' in html and 'type="number" value="3"' in html
