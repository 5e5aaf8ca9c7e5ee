"""The case page's forms: every element id is unique and every label names its own control."""

from collections import Counter
from html.parser import HTMLParser

from common.audit.services import acting_as
from common.extensions import db
from court_cms.appeals.services import lodge_appeal
from court_cms.orders.services import make_order
from court_cms.sentences.services import record_sentence
from tests.court_cms.helpers import charge, convict, days_ago, defendant, file, hearing
from tests.court_cms.http import page, unfolded


class _Ids(HTMLParser):
    """Collects id attributes, label targets and the label text of each."""

    def __init__(self):
        super().__init__()
        self.ids, self.labels, self.tags = [], [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
            self.tags[attrs["id"]] = tag
        if tag == "label" and attrs.get("for"):
            self.labels.append(attrs["for"])


def _parsed(html):
    parser = _Ids()
    parser.feed(html)
    return parser


def _busy_case(app):
    """A case with two defendants, counts, hearings, open orders, a sentence and an appeal."""
    with app.app_context():
        case = file()
        first, second = defendant(case), defendant(case, given_name="Shane", surname="Young")
        counts = [charge(first), charge(first, 1), charge(second)]
        convict(counts[0], days_ago(5))
        hearing(case, days_ago(3))
        hearing(case, days_ago(-7))
        with acting_as("test"):
            for party in (first, second):
                make_order(
                    case,
                    party,
                    {"kind": "REMAND", "made_on": days_ago(3), "expires_on": days_ago(-7)},
                )
            record_sentence(
                counts[0],
                {
                    "kind": "CUSTODIAL",
                    "imposed_on": days_ago(4),
                    "years": 1,
                    "months": 0,
                    "days": 0,
                },
            )
            lodge_appeal(case, first, days_ago(2), "Sentence manifestly excessive")
        db.session.commit()
        return case.id


def _page(client, login_as, url):
    """The page with every folded form opened, as the clerk sees it after opening them all."""
    login_as("court_clerk")
    return unfolded(client, page(client, url))


def test_the_case_page_has_no_duplicate_ids(app, client, login_as):
    case_id = _busy_case(app)
    parsed = _parsed(_page(client, login_as, f"/court/cases/{case_id}"))
    duplicates = sorted(i for i, n in Counter(parsed.ids).items() if n > 1)
    assert duplicates == []


def test_every_label_points_at_a_control_of_its_own(app, client, login_as):
    case_id = _busy_case(app)
    parsed = _parsed(_page(client, login_as, f"/court/cases/{case_id}"))
    assert parsed.labels, "the case page has labelled fields"
    missing = [x for x in parsed.labels if x not in parsed.tags]
    assert missing == []
    not_controls = [
        x for x in parsed.labels if parsed.tags[x] not in ("input", "select", "textarea")
    ]
    assert not_controls == []
    shared = sorted(x for x, n in Counter(parsed.labels).items() if n > 1)
    assert shared == []


def test_the_order_form_defendant_label_points_at_the_order_form_select(app, client, login_as):
    case_id = _busy_case(app)
    html = _page(client, login_as, f"/court/cases/{case_id}")
    order_form = html[html.index(f'action="/court/cases/{case_id}/orders"') :]
    order_form = order_form[: order_form.index("</form>")]
    label_for = order_form.split('<label class="form-label" for="', 1)[1].split('"', 1)[0]
    assert f'<select class="form-select" id="{label_for}" name="party_id"' in order_form
    assert html.count(f'id="{label_for}"') == 1  # not shared with the charge form's select
