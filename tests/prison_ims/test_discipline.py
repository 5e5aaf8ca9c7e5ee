"""Discipline services: incidents, charges adjudicated by a second person, awards, complaints."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.identity.models import User
from common.locking import ConflictError
from prison_ims.admissions.services import change_legal_status
from prison_ims.discipline.models import Complaint, DisciplinaryAward, Incident, IncidentParty
from prison_ims.discipline.services import (
    ConductError,
    adjudicate,
    forfeited_days_for_admission,
    lay_charge,
    move_complaint,
    receive_complaint,
    record_incident,
    search_complaints,
    search_incidents,
)
from prison_ims.movements.services import record_movement
from prison_ims.times import now_utc
from tests.prison_ims.helpers import admit


def _ids(app, make_user):
    officer, supervisor = make_user("prison_officer"), make_user("prison_records_supervisor")
    with app.app_context():
        return [
            db.session.scalar(select(User.id).where(User.email == e)) for e in (officer, supervisor)
        ]


def _sentenced():
    admission = admit()
    change_legal_status(admission, "SENTENCED", "Sentenced, Supreme Court", admission.version)
    return admission


def _charge(admission, user_id=None):
    data = {"offence": "FIGHTING", "charged_at": now_utc(), "particulars": "fought in the yard"}
    return lay_charge(admission, data, user_id)


def test_an_incident_names_prisoners_by_booking_and_others_by_name(app):
    with app.app_context(), acting_as("test"):
        a = admit()
        b = admit(given_name="Omar", surname="Bol")
        incident = record_incident(
            {
                "kind": "FIGHT",
                "occurred_at": now_utc() - timedelta(minutes=30),
                "location": "Remand A yard",
                "description": "Fight over a phone; separated by two officers.",
            },
            [
                (a.booking_number, "", "ALLEGED"),
                (b.booking_number.lower(), "", "VICTIM"),
                ("", "Officer J. Pech", "STAFF"),
                ("", "", ""),
            ],
        )
        parties = {p.name: (p.admission_id, p.role) for p in incident.parties}
        assert parties == {
            "Marvin Castillo": (a.id, "ALLEGED"),
            "Omar Bol": (b.id, "VICTIM"),
            "Officer J. Pech": (None, "STAFF"),
        }
        assert search_incidents("FIGHT").total == 1 and search_incidents("SELF_HARM").total == 0


def test_incident_refusals_save_nothing(app):
    with app.app_context(), acting_as("test"):
        a = admit()
        good = {
            "kind": "FIGHT",
            "occurred_at": now_utc(),
            "location": "yard",
            "description": "fight",
        }
        cases = [
            ({**good, "kind": "RIOT"}, [(a.booking_number, "", "ALLEGED")], "type of incident"),
            ({**good, "location": " "}, [(a.booking_number, "", "ALLEGED")], "where it happened"),
            (good, [], "at least one person"),
            (good, [("BCP-1999-00001", "", "ALLEGED")], "No admission has booking number"),
            (
                {**good, "occurred_at": now_utc() - timedelta(days=3)},
                [(a.booking_number, "", "ALLEGED")],
                "was not in custody at that time",
            ),
            (
                {**good, "occurred_at": now_utc() + timedelta(hours=3)},
                [(a.booking_number, "", "ALLEGED")],
                "in the future",
            ),
        ]
        for data, parties, message in cases:
            with pytest.raises(ConductError, match=message):
                record_incident(data, parties)
        assert db.session.scalar(select(func.count(Incident.id))) == 0
        assert db.session.scalar(select(func.count(IncidentParty.id))) == 0


def test_a_proven_charge_forfeits_remission_for_the_release_date(app, make_user):
    officer, supervisor = _ids(app, make_user)
    with app.app_context(), acting_as("test"):
        admission = _sentenced()
        first, second = _charge(admission, officer), _charge(admission, officer)
        assert forfeited_days_for_admission(admission.id) == 0
        adjudicate(
            first, "PROVEN", "admitted", ("FORFEIT_REMISSION", 0, 14), first.version, supervisor
        )
        adjudicate(
            second, "PROVEN", "seen by two officers", ("FORFEIT_REMISSION", 0, 7), 1, supervisor
        )
        assert forfeited_days_for_admission(admission.id) == 21
        assert first.status == "PROVEN" and first.decided_by_id == supervisor
        other = admit(given_name="Omar", surname="Bol")
        assert forfeited_days_for_admission(other.id) == 0
        audited = db.session.scalar(
            select(func.count(AuditEntry.id)).where(AuditEntry.entity_type == "DisciplinaryAward")
        )
        assert audited == 2


def test_adjudication_refusals(app, make_user):
    officer, supervisor = _ids(app, make_user)
    with app.app_context(), acting_as("test"):
        remand = admit()
        charge = _charge(remand, officer)
        with pytest.raises(ConductError, match="who laid the charge cannot adjudicate"):
            adjudicate(charge, "PROVEN", "x", ("CAUTION", 0, 0), 1, officer)
        with pytest.raises(ConductError, match="Only a sentenced prisoner earns remission"):
            adjudicate(charge, "PROVEN", "x", ("FORFEIT_REMISSION", 0, 5), 1, supervisor)
        with pytest.raises(ConductError, match="needs an award"):
            adjudicate(charge, "PROVEN", "x", None, 1, supervisor)
        with pytest.raises(ConductError, match="Separation is for 1 to 15 days"):
            adjudicate(charge, "PROVEN", "x", ("SEPARATION", 20, 0), 1, supervisor)
        with pytest.raises(ConductError, match="only by an award of forfeiture"):
            adjudicate(charge, "PROVEN", "x", ("CAUTION", 0, 3), 1, supervisor)
        with pytest.raises(ConductError, match="reasons for the finding"):
            adjudicate(charge, "DISMISSED", "", None, 1, supervisor)
        with pytest.raises(ConflictError):
            adjudicate(charge, "DISMISSED", "no evidence", None, 0, supervisor)
        assert db.session.scalar(select(func.count(DisciplinaryAward.id))) == 0
        assert charge.status == "PENDING"
        adjudicate(charge, "DISMISSED", "no evidence", None, 1, supervisor)
        with pytest.raises(ConductError, match="already decided"):
            adjudicate(charge, "PROVEN", "x", ("CAUTION", 0, 0), charge.version, supervisor)
        sentenced = _sentenced()
        big = _charge(sentenced, officer)
        with pytest.raises(ConductError, match="1 to 30 for one award"):
            adjudicate(big, "PROVEN", "x", ("FORFEIT_REMISSION", 0, 31), 1, supervisor)


def test_a_charge_needs_an_offence_and_custody(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        with pytest.raises(ConductError, match="Choose the disciplinary offence"):
            lay_charge(admission, {"offence": "", "charged_at": now_utc(), "particulars": "x"})
        with pytest.raises(ConductError, match="no incident number 99"):
            lay_charge(
                admission,
                {
                    "offence": "DAMAGE",
                    "charged_at": now_utc(),
                    "particulars": "x",
                    "incident_id": 99,
                },
            )
        record_movement(admission, "REL", reason="bail")
        with pytest.raises(ConductError, match="not in custody"):
            _charge(admission)


def test_an_ill_treatment_allegation_is_closed_only_after_referral(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        complaint = receive_complaint(
            admission,
            {
                "category": "ILL_TREATMENT",
                "received_at": now_utc(),
                "against": "night shift, Remand A",
                "description": "Says he was beaten during the cell search.",
            },
        )
        assert [s.status for s in complaint.steps] == ["RECEIVED"]
        with pytest.raises(ConductError, match="only after referral to an independent"):
            move_complaint(complaint, "NOT_UPHELD", "no injuries seen", "", complaint.version)
        with pytest.raises(ConductError, match="Name the independent authority"):
            move_complaint(complaint, "REFERRED", "sent on", " ", complaint.version)
        assert complaint.status == "RECEIVED"
        move_complaint(complaint, "REFERRED", "file sent", "Ombudsman", complaint.version)
        move_complaint(complaint, "UPHELD", "Ombudsman found it proven", "", complaint.version)
        assert [s.status for s in complaint.steps] == ["RECEIVED", "REFERRED", "UPHELD"]
        with pytest.raises(ConductError, match="closed"):
            move_complaint(complaint, "INVESTIGATING", "again", "", complaint.version)
        assert search_complaints("ILL_TREATMENT", "OPEN").total == 0
        assert search_complaints("", "UPHELD").total == 1


def test_an_ordinary_complaint_may_be_closed_directly(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        with pytest.raises(ConductError, match="prisoner's words"):
            receive_complaint(admission, {"category": "HEALTH", "received_at": now_utc()})
        complaint = receive_complaint(
            admission,
            {"category": "HEALTH", "received_at": now_utc(), "description": "No doctor for 3 days"},
        )
        move_complaint(complaint, "UPHELD", "seen by the doctor", "", complaint.version)
        assert db.session.scalar(select(func.count(Complaint.id))) == 1


def test_forfeited_days_flow_into_the_release_date_engine(app, make_user):
    from prison_ims.sentences.services import engine_inputs

    officer, supervisor = _ids(app, make_user)
    with app.app_context(), acting_as("test"):
        admission = _sentenced()
        charge = _charge(admission, officer)
        assert engine_inputs(admission)["forfeited_remission_days"] == 0
        adjudicate(charge, "PROVEN", "admitted", ("FORFEIT_REMISSION", 0, 10), 1, supervisor)
        assert engine_inputs(admission)["forfeited_remission_days"] == 10
