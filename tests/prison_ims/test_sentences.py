"""Sentences on an admission and release dates that a second officer confirms."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.identity.models import User
from common.locking import ConflictError
from common.timefmt import belize_today
from prison_ims.movements.services import record_movement
from prison_ims.sentences.models import PrisonSentence, ReleaseDateCalculation, RemandCredit
from prison_ims.sentences.services import (
    SentenceError,
    add_sentence,
    calculations_of,
    confirm_calculation,
    confirmed_calculation,
    current_calculation,
    engine_inputs,
    forfeited_remission_days,
    override_dates,
    recalculate,
    record_remand_credit,
)
from tests.prison_ims.helpers import admit


def user_id(email):
    """The id of a test user."""
    return db.session.scalar(select(User.id).where(User.email == email))


def sentence_data(admission, **overrides):
    """A valid 2 years 6 months sentence starting 10 Jan 2024 for the admission's offence."""
    data = {
        "offence_id": admission.offences[0].id,
        "court": "Supreme Court, Belize",
        "imposed_on": date(2024, 1, 10),
        "start_date": date(2024, 1, 10),
        "years": 2,
        "months": 6,
        "days": 0,
        "life": False,
        "consecutive_to_id": None,
    }
    data.update(overrides)
    return data


def sentenced(officer_id=None, remand=120, **overrides):
    """An admission with one sentence and remand credit, calculated by `officer_id`."""
    admission = admit(legal_status="SENTENCED", authority_type="SENTENCE_WARRANT")
    with acting_as("test"):
        add_sentence(admission, sentence_data(admission, **overrides), officer_id)
        if remand:
            record_remand_credit(admission, remand, "remand warrant RW-1", officer_id)
    return admission


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_sentence_is_calculated_by_the_engine_and_preliminary(app):
    with app.app_context():
        admission = sentenced()
        calc = current_calculation(admission.id)
        assert calc.state == "PRELIMINARY"
        # 10 Jan 2024 + 2y6m - 1 = 9 Jul 2026; term 912 days, remission 304, remand 120
        assert calc.sed == date(2026, 7, 9) - timedelta(days=120)
        assert calc.erd == date(2026, 7, 9) - timedelta(days=304 + 120)
        assert any("Remission" in line for line in calc.working)
        assert calc.policy["remission_fraction"] == "1/3"
        assert engine_inputs(admission) == calc.inputs
        assert calc.inputs["remand_days"] == 120
        assert len(calculations_of(admission.id)) == 2  # entry, then remand credit


def test_every_recalculation_is_kept(app):
    with app.app_context():
        admission = sentenced()
        first, second = reversed(calculations_of(admission.id))
        assert first.state == "SUPERSEDED" and second.state == "PRELIMINARY"
        assert first.sed == date(2026, 7, 9) and first.inputs["remand_days"] == 0
        with acting_as("test"), pytest.raises(SentenceError, match="Nothing has changed"):
            recalculate(admission)


def test_consecutive_sentence_starts_after_the_first(app):
    with app.app_context():
        admission = sentenced(remand=0)
        first = db.session.scalar(select(PrisonSentence))
        with acting_as("test"):
            second = add_sentence(
                admission,
                sentence_data(
                    admission, start_date=None, years=0, months=6, consecutive_to_id=first.id
                ),
            )
        assert second.label == "S2" and second.start_date is None
        calc = current_calculation(admission.id)
        assert calc.inputs["sentences"][1]["consecutive_to"] == "S1"
        assert calc.sed == date(2027, 1, 9)


def test_life_sentence_has_no_dates(app):
    with app.app_context():
        admission = sentenced(remand=0, years=0, months=0, life=True)
        calc = current_calculation(admission.id)
        assert calc.life and calc.sed is None and calc.erd is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"years": 0, "months": 0, "days": 0}, "years", "has no term"),
        ({"life": True}, "life", "A life sentence has no term"),
        ({"offence_id": None}, "offence", "Choose the offence"),
        ({"start_date": None}, "start_date", "Give the date the sentence starts"),
        ({"start_date": belize_today() + timedelta(days=30)}, "start_date", "future"),
    ],
)
def test_bad_sentence_is_refused_and_nothing_is_saved(app, overrides, field, message):
    with app.app_context():
        admission = admit(legal_status="SENTENCED", authority_type="SENTENCE_WARRANT")
        db.session.commit()
        with acting_as("test"), pytest.raises(SentenceError, match=message) as refused:
            add_sentence(admission, sentence_data(admission, **overrides))
        assert refused.value.field == field
        db.session.rollback()
        assert _count(PrisonSentence) == 0 and _count(ReleaseDateCalculation) == 0


def test_no_sentence_once_released(app):
    with app.app_context():
        admission = admit()
        with acting_as("test"):
            record_movement(admission, "REL", reason="bail")
            with pytest.raises(SentenceError, match="not in custody"):
                add_sentence(admission, sentence_data(admission))


def test_second_officer_confirms_never_the_one_who_entered(app, make_user):
    with app.app_context():
        officer = user_id(make_user("prison_officer"))
        supervisor = user_id(make_user("prison_records_supervisor"))
        admission = sentenced(officer)
        calc = current_calculation(admission.id)
        with acting_as("test"):
            with pytest.raises(SentenceError, match="a second officer must check"):
                confirm_calculation(calc, calc.version, officer)
            with pytest.raises(ConflictError):
                confirm_calculation(calc, calc.version - 1, supervisor)
            confirm_calculation(calc, calc.version, supervisor)
        assert confirmed_calculation(admission.id) is calc
        assert calc.confirmed_by_id == supervisor
        with acting_as("test"), pytest.raises(SentenceError, match="only the preliminary"):
            confirm_calculation(calc, calc.version, supervisor)
        db.session.commit()
        actions = db.session.scalars(
            select(AuditEntry.action).where(AuditEntry.entity_type == "ReleaseDateCalculation")
        ).all()
        assert "update" in actions


def test_override_needs_a_reason_and_a_new_confirmation(app, make_user):
    with app.app_context():
        supervisor = user_id(make_user("prison_records_supervisor"))
        other = user_id(make_user("prison_records_supervisor"))
        admission = sentenced()
        db.session.commit()
        calc = current_calculation(admission.id)
        sed, erd = date(2026, 1, 1), date(2025, 6, 1)
        with acting_as("test"):
            with pytest.raises(SentenceError, match="Give the reason") as refused:
                override_dates(admission, sed, erd, "  ", calc.version, supervisor)
            assert refused.value.field == "reason"
            with pytest.raises(SentenceError, match="cannot be after"):
                override_dates(admission, erd, sed, "order", calc.version, supervisor)
        db.session.rollback()
        assert len(calculations_of(admission.id)) == 2
        with acting_as("test"):
            new = override_dates(admission, sed, erd, "Court of Appeal order", 1, supervisor)
        assert new.sed == sed and new.engine_sed == calc.sed and new.state == "PRELIMINARY"
        assert calc.state == "SUPERSEDED" and calc.sed != sed
        with acting_as("test"):
            with pytest.raises(SentenceError, match="second officer"):
                confirm_calculation(new, new.version, supervisor)
            confirm_calculation(new, new.version, other)


def test_remand_credit_is_kept_as_history(app):
    with app.app_context():
        admission = sentenced(remand=0)
        with acting_as("test"):
            record_remand_credit(admission, 30, "police cells")
            record_remand_credit(admission, 45, "corrected: also 15 days at Dangriga")
            with pytest.raises(SentenceError, match="already 45 days"):
                record_remand_credit(admission, 45, "again")
            with pytest.raises(SentenceError, match="Say what"):
                record_remand_credit(admission, 50, "")
        assert _count(RemandCredit) == 2
        assert current_calculation(admission.id).inputs["remand_days"] == 45


def test_forfeited_remission_is_zero_until_awards_are_recorded(app):
    with app.app_context():
        admission = sentenced(remand=0)
        assert forfeited_remission_days(admission) == 0
        assert engine_inputs(admission)["forfeited_remission_days"] == 0


def test_policy_is_a_setting(app_config, request):
    app_config["PRISON_SENTENCING_POLICY"] = {"remission_fraction": "1/4"}
    app = request.getfixturevalue("app")
    with app.app_context():
        admission = sentenced(remand=0)
        calc = current_calculation(admission.id)
        assert calc.policy["remission_fraction"] == "1/4"
        assert calc.erd == date(2026, 7, 9) - timedelta(days=912 // 4)
