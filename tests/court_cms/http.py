"""HTTP helpers for the Court case tracker tests: a case on file and its form token."""

from common.extensions import db
from tests.conftest import csrf_from
from tests.court_cms.helpers import charge, defendant, file


def case_on_file(app, with_charge=True):
    """(case id, party id, charge id or None) of a committed case with a defendant."""
    with app.app_context():
        case = file()
        party = defendant(case)
        count = charge(party) if with_charge else None
        db.session.commit()
        return case.id, party.id, count.id if count else None


def token(client, url="/court/cases/"):
    """A CSRF token from a page the signed-in user can open (any page with a form)."""
    return csrf_from(client.get(url).get_data(as_text=True))


def page(client, url):
    """The page's HTML (asserting it opened)."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)
