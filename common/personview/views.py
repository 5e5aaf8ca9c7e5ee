"""Thin view: one person across the three systems."""

from flask import abort, render_template
from flask_login import current_user

from common.extensions import db
from common.personview.services import find_person, person_view
from common.timefmt import belize_today


def page(public_id):
    """The person's prison episodes, court cases and lab cases, as the viewer may see them."""
    person = find_person(public_id) or abort(404)
    sections = person_view(person, current_user)
    db.session.commit()
    return render_template(
        "common/person_view.html", person=person, sections=sections, today=belize_today()
    )
