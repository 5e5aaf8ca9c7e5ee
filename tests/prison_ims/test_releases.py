"""Releases: the checklist, the confirmed release date, the REL movement and the count."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from common.audit.services import acting_as
from common.extensions import db
from common.timefmt import belize_today
from prison_ims.movements.models import Movement
from prison_ims.movements.services import (
    count_by_unit,
    current_state,
    movement_totals,
    record_movement,
)
from prison_ims.releases.models import Release
from prison_ims.releases.services import ReleaseError, record_release
from prison_ims.sentences.services import confirm_calculation, current_calculation
from prison_ims.times import now_utc
from tests.prison_ims.helpers import admit
from tests.prison_ims.test_sentences import sentenced, user_id


def release_data(**overrides):
    """A complete release checklist, releasing now."""
    data = {
        "released_at": now_utc() - timedelta(minutes=5),
        "grounds": "BAIL",
        "authority_reference": "Bail order SC-12/2026",
        "destination": "Collected by his sister",
        "authority_checked": True,
        "property_returned": True,
        "release_date_verified": True,
        "early_release_reason": "",
    }
    data.update(overrides)
    return data


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def confirmed(make_user, **sentence):
    """A sentenced admission whose calculation a second officer has confirmed."""
    officer = user_id(make_user("prison_officer"))
    supervisor = user_id(make_user("prison_records_supervisor"))
    admission = sentenced(officer, remand=0, **sentence)
    calc = current_calculation(admission.id)
    with acting_as("test"):
        confirm_calculation(calc, calc.version, supervisor)
    db.session.commit()
    return admission


def test_release_records_a_rel_movement_and_the_count_follows(app):
    with app.app_context():
        kept = admit(given_name="Omar", surname="Bol")
        admission = admit()
        with acting_as("test"):
            release = record_release(admission, release_data())
        assert release.certificate_number == f"REL-{belize_today().year}-00001"
        assert release.movement.kind == "REL" and current_state(admission.id) == "OUT"
        assert release.calculation_id is None
        counts = count_by_unit()
        assert counts["custody"] == 1 == movement_totals()[0]
        assert current_state(kept.id) == "IN"
        with acting_as("test"), pytest.raises(ReleaseError, match="not in custody"):
            record_release(admission, release_data())


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"authority_checked": False}, "authority_checked", "Authority for release checked"),
        ({"property_returned": False}, "property_returned", "Property returned"),
        ({"release_date_verified": False}, "release_date_verified", "Release date verified"),
        ({"authority_reference": " "}, "authority_reference", "authorises the release"),
        ({"grounds": ""}, "grounds", "Choose the grounds"),
    ],
)
def test_incomplete_checklist_is_refused_and_nothing_saved(app, overrides, field, message):
    with app.app_context():
        admission = admit()
        db.session.commit()
        with acting_as("test"), pytest.raises(ReleaseError, match=message) as refused:
            record_release(admission, release_data(**overrides))
        assert refused.value.field == field
        db.session.rollback()
        assert _count(Release) == 0
        assert current_state(admission.id) == "IN"


def test_release_before_the_confirmed_date_needs_a_reason(app, make_user):
    with app.app_context():
        start = belize_today() - timedelta(days=30)
        admission = confirmed(make_user, start_date=start, years=2, months=0)
        erd = current_calculation(admission.id).erd
        assert erd > belize_today()
        data = release_data(grounds="COURT_ORDER", authority_reference="CA order 4/2026")
        with acting_as("test"), pytest.raises(ReleaseError, match="is before it") as refused:
            record_release(admission, data)
        assert refused.value.field == "early_release_reason"
        assert erd.strftime("%d %b %Y") in str(refused.value)
        db.session.rollback()
        assert _count(Release) == 0
        assert db.session.scalar(select(func.count()).where(Movement.kind == "REL")) == 0
        with acting_as("test"):
            release = record_release(
                admission, {**data, "early_release_reason": "Court of Appeal quashed conviction"}
            )
        assert release.early_release_reason.startswith("Court of Appeal")
        assert release.calculation_id == current_calculation(admission.id).id


def test_release_on_or_after_the_confirmed_date_needs_no_reason(app, make_user):
    with app.app_context():
        admission = confirmed(make_user, start_date=date(2020, 1, 1), years=1, months=0)
        with acting_as("test"):
            release = record_release(admission, release_data(grounds="SENTENCE_SERVED"))
        assert release.calculation.state == "CONFIRMED"


def test_unconfirmed_release_date_is_refused_without_a_reason(app):
    with app.app_context():
        admission = sentenced(start_date=date(2020, 1, 1), years=1, months=0)
        db.session.commit()
        with acting_as("test"), pytest.raises(ReleaseError, match="not been confirmed"):
            record_release(admission, release_data(grounds="SENTENCE_SERVED"))


def test_life_sentence_release_needs_the_authority(app, make_user):
    with app.app_context():
        admission = confirmed(make_user, years=0, months=0, life=True)
        with acting_as("test"), pytest.raises(ReleaseError, match="life sentence"):
            record_release(admission, release_data(grounds="PARDON"))


def test_release_time_must_follow_the_last_movement(app):
    with app.app_context():
        admission = admit()
        with acting_as("test"):
            record_movement(admission, "CRT", now_utc() - timedelta(minutes=30))
            with pytest.raises(ReleaseError, match="before the last movement") as refused:
                record_release(admission, release_data(released_at=now_utc() - timedelta(hours=1)))
        assert refused.value.field == "released_at"
