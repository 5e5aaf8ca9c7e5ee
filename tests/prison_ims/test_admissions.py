"""Admission rules: commitment authority, person index, booking numbers, status history."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from common.audit.models import AuditEntry
from common.audit.services import acting_as
from common.extensions import db
from common.locking import ConflictError
from common.persons.merge import merge_persons
from common.persons.models import MatchReview, Person, PersonRecord
from common.persons.services import register_record
from prison_ims.admissions.models import Admission, LegalStatusChange
from prison_ims.admissions.services import AdmissionError, change_legal_status, create_admission
from prison_ims.movements.models import Movement
from prison_ims.times import belize_date, now_utc
from tests.prison_ims.helpers import admission_data, admit


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


def test_admission_issues_booking_numbers_and_records_rule_7(app):
    with app.app_context():
        first = admit()
        second = admit(given_name="Dwayne", surname="Flowers", date_of_birth=date(1985, 1, 2))
        year = belize_date(first.admitted_at).year
        assert first.booking_number == f"BCP-{year}-00001"
        assert second.booking_number == f"BCP-{year}-00002"
        assert first.person_record.system == "prison"
        assert first.person_record.source_ref == first.booking_number
        assert first.children == [{"age": 4, "location": "Belize City", "custody": "mother"}]
        assert [o.offence.iccs_code for o in first.offences]
        assert [s.to_status for s in first.status_changes] == ["REMAND"]
        kinds = db.session.scalars(select(Movement.kind).where(Movement.admission_id == first.id))
        assert list(kinds) == ["ADM"]
        db.session.commit()
        audited = db.session.scalar(
            select(func.count()).where(AuditEntry.entity_type == "Admission")
        )
        assert audited == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"authority_type": ""}, "authority_type"),
        ({"authority_reference": ""}, "authority_reference"),
        ({"authority_court": ""}, "authority_court"),
        ({"authority_date": None}, "authority_date"),
        ({"legal_status": "SENTENCED"}, "legal_status"),
        ({"offences": []}, "offences"),
    ],
)
def test_no_admission_without_a_complete_authority(app, overrides, field):
    with app.app_context():
        with pytest.raises(AdmissionError) as refused:
            admit(**overrides)
        assert refused.value.field == field
        db.session.rollback()
        assert _count(Admission) == 0
        assert _count(PersonRecord) == 0


def test_warrant_dated_after_admission_and_future_admission_are_refused(app):
    with app.app_context():
        admitted = now_utc() - timedelta(days=2)
        with pytest.raises(AdmissionError, match="dated after the admission"):
            admit(admitted_at=admitted, authority_date=admitted.date() + timedelta(days=1))
        with pytest.raises(AdmissionError, match="in the future"):
            admit(admitted_at=now_utc() + timedelta(hours=3))
        with pytest.raises(AdmissionError, match="more than 30 days ago"):
            admit(admitted_at=now_utc() - timedelta(days=45))


def test_officer_picks_an_existing_person_from_the_index(app):
    with app.app_context(), acting_as("test"):
        court = register_record(
            "court",
            "C-1",
            given_name="Marvin",
            surname="Castillo",
            sex="M",
            date_of_birth=date(1990, 3, 14),
        )
        admission = admit(court.person.public_id)
        assert admission.person_id == court.person_id
        assert _count(Person) == 1
        with pytest.raises(AdmissionError, match="already in custody"):
            admit(court.person.public_id)
        with pytest.raises(AdmissionError, match="no longer in the index"):
            admit("0" * 32)


def test_a_new_person_resembling_an_indexed_one_goes_to_review(app):
    with app.app_context(), acting_as("test"):
        register_record(
            "court",
            "C-2",
            given_name="Marvin",
            surname="Castillo",
            sex="M",
            date_of_birth=date(1990, 3, 14),
            district="BZ",
        )
        admission = admit()
        assert admission.person_record.person_id != db.session.scalar(
            select(PersonRecord.person_id).where(PersonRecord.source_ref == "C-2")
        )
        assert _count(MatchReview) == 1


def test_booking_number_format_is_a_setting(app_config, request):
    app_config["PRISON_BOOKING_NUMBER_FORMAT"] = "HATT/{seq}/{year}"
    app = request.getfixturevalue("app")
    with app.app_context():
        admission = admit()
        assert admission.booking_number == f"HATT/1/{belize_date(admission.admitted_at).year}"


def test_status_changes_are_kept_and_a_stale_version_is_refused(app):
    with app.app_context():
        admission = admit()
        db.session.commit()
        seen = admission.version
        with acting_as("test"):
            change_legal_status(admission, "CONVICTED_UNSENTENCED", "Convicted 20 Nov", seen)
            db.session.commit()
            with pytest.raises(ConflictError, match="changed by someone else"):
                change_legal_status(admission, "SENTENCED", "Sentenced", seen)
            with pytest.raises(AdmissionError, match="already"):
                change_legal_status(admission, "CONVICTED_UNSENTENCED", "x", admission.version)
        statuses = db.session.scalars(
            select(LegalStatusChange.to_status).order_by(LegalStatusChange.id)
        ).all()
        assert statuses == ["REMAND", "CONVICTED_UNSENTENCED"]
        assert admission.legal_status == "CONVICTED_UNSENTENCED"


def test_merging_persons_moves_their_admissions(app):
    with app.app_context(), acting_as("test"):
        admission = admit()
        other = register_record("court", "C-3", given_name="Marvin", surname="Castilo")
        merge_persons(other.person, admission.person)
        db.session.flush()
        db.session.expire_all()
        assert db.session.get(Admission, admission.id).person_id == other.person_id


def test_civil_prisoner_may_be_admitted_without_an_offence(app):
    with app.app_context():
        admission = admit(authority_type="COMMITTAL_ORDER", legal_status="CIVIL", offences=[])
        assert admission.offences == []
        with pytest.raises(AdmissionError):
            create_admission(admission_data(authority_type="NOTE"), None)


def test_search_by_part_of_a_name_booking_number_or_warrant_reference(app):
    from prison_ims.admissions.services import search_admissions

    with app.app_context():
        castillo = admit(authority_reference="RW-77/2026")
        bol = admit(given_name="Omar", surname="Bol", authority_reference="RW-90/2026")
        db.session.commit()

        def found(text):
            return [a.id for a in search_admissions(text).items]

        assert found("astil") == [castillo.id]
        assert found("OMAR") == [bol.id]
        assert found(bol.booking_number.lower()) == [bol.id]
        assert found("rw-77") == [castillo.id]
        assert found("castillo rw-90") == []  # every word must match
        assert found("nobody-by-this-name") == []
        assert sorted(found("")) == sorted([castillo.id, bol.id])
