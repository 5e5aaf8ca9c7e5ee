"""HTTP helpers for the Court case tracker tests: a case on file, its form token, its page."""

import re
from html import unescape

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


FOLDED = re.compile(r'<div data-case-form="([^"]+)">.*?</div>', re.S)


def folded_form_urls(html):
    """The URLs the case page's script fetches its folded forms from."""
    return [unescape(url) for url in FOLDED.findall(html)]


def unfolded(client, html):
    """The case page as the clerk sees it with every folded form opened (as the script does)."""

    def fetched(match):
        url = unescape(match.group(1))
        response = client.get(url, headers={"X-Requested-With": "case-form"})
        assert response.status_code == 200, (url, response.status_code)
        return f'<div data-case-form="{match.group(1)}">{response.get_data(as_text=True)}</div>'

    return FOLDED.sub(fetched, html)
