"""Reading forms off pages: every POST form of a page filled with bad input, one form's version."""

import re
from html.parser import HTMLParser

SCRIPT = '<script>alert("hostile")</script>'
SQL = "O'Brien\"; DROP TABLE court_case; --"
HOSTILE = f"{SCRIPT} {SQL}"
LONG = "W" * 5000

# name -> value per kind of field, for each way a user (or an attacker) can get input wrong
VARIANTS = {
    "hostile": {"text": HOSTILE, "number": "1", "date": None, "datetime-local": None},
    "long": {"text": LONG, "number": "9" * 30, "date": None, "datetime-local": None},
    "wrong-types": {
        "text": "[]{}",
        "number": "twelve",
        "date": "yesterday",
        "datetime-local": "soon",
    },  # fmt: skip
    "dates-year-1": {
        "text": None,
        "number": "-1",
        "date": "0001-01-01",
        "datetime-local": "0001-01-01T00:00",
    },  # fmt: skip
    "dates-year-9999": {
        "text": None,
        "number": "0",
        "date": "9999-12-31",
        "datetime-local": "9999-12-31T23:59",
    },  # fmt: skip
}


class FormParser(HTMLParser):
    """Collects each <form method="post">: its action, enctype and fields."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": [],
                          "multipart": "multipart" in (attrs.get("enctype") or "")}  # fmt: skip
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            self._form["fields"].append((attrs["name"], attrs.get("type") or "text", attrs))
        elif tag == "textarea" and attrs.get("name"):
            self._form["fields"].append((attrs["name"], "text", attrs))
        elif tag == "select" and attrs.get("name"):
            self._select = [attrs["name"], None]
            self._form["fields"].append((attrs["name"], "select", self._select))
        elif tag == "option" and self._select is not None and self._select[1] is None:
            if attrs.get("value"):
                self._select[1] = attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def post_forms(html):
    """The POST forms of a page."""
    parser = FormParser()
    parser.feed(html)
    return parser.forms


def field_kind(name, kind):
    """text, number, date or datetime-local (by input type, else by the field's name)."""
    if kind in ("number", "date", "datetime-local"):
        return kind
    if name.endswith("_at"):
        return "datetime-local"
    if name.endswith(("_on", "_date", "date_of_birth")):
        return "date"
    return "text"


def filled(form, variant):
    """Form data: hidden fields kept, visible ones filled with the variant's values."""
    values = VARIANTS[variant]
    data = {}
    for name, kind, attrs in form["fields"]:
        if kind == "select":
            data[name] = attrs[1] or ""
        elif kind in ("hidden", "submit"):
            data[name] = attrs.get("value") or ""
        elif kind == "checkbox":
            data[name] = attrs.get("value") or "y"
        elif kind == "radio":
            data.setdefault(name, attrs.get("value") or "")
        elif kind in ("file", "password"):
            continue
        else:
            value = values[field_kind(name, kind)]
            data[name] = value if value is not None else (attrs.get("value") or "")
    return data


def form_fields(html, action):
    """The CSRF token and record version of the form posting to `action` on a page."""
    from tests.conftest import csrf_from

    form = re.search(rf'action="{re.escape(action)}".*?</form>', html, re.S).group(0)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    return {"csrf_token": csrf_from(html), "version": version}
