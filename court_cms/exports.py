"""The court's BCO datasets: cases, charges, hearings, sentences (no names, no free text)."""

from sqlalchemy import select

from common.exports.columns import with_offence, with_person
from common.exports.datasets import Dataset, register
from common.exports.datasets import schema_field as f
from court_cms.cases.models import Case, Charge, Party
from court_cms.hearings.models import Hearing
from court_cms.orders.models import Sentence
from court_cms.reference.models import AdjournmentReason, Court, Courtroom

COURT_FIELDS = [
    f("court_code", "string", "Court identifier (e.g. SC-BZ)", required=True),
    f("court_level", "string", "SC Supreme Court, MC Magistrates' Court", required=True),
]


def _court_columns(query, court_id):
    return query.join(Court, Court.id == court_id).add_columns(
        Court.code.label("court_code"), Court.level.label("court_level")
    )


def _cases_query():
    query = select(
        Case.id.label("record_id"),
        Case.case_number,
        Case.case_type,
        Case.filed_on,
        Case.status,
        Case.disposed_on,
    )
    return _court_columns(query, Case.court_id)


def _charge_ids_of_party(session, party):
    return session.scalars(select(Charge.id).where(Charge.party_id == party.id)).all()


def _charge_ids_of_case(session, case):
    query = select(Charge.id).join(Party, Party.id == Charge.party_id)
    return session.scalars(query.where(Party.case_id == case.id)).all()


def _charges_query():
    query = (
        select(
            Charge.id.label("record_id"),
            Case.id.label("case_id"),
            Case.case_number,
            Charge.count_number,
            Charge.plea,
            Charge.plea_on,
            Charge.verdict,
            Charge.disposition,
            Charge.disposition_on,
            Case.filed_on,
        )
        .join(Party, Party.id == Charge.party_id)
        .join(Case, Case.id == Party.case_id)
    )
    query = _court_columns(query, Case.court_id)
    query = with_offence(query, Charge.national_offence_id)
    return with_person(query, Party.person_id, Party.person_record_id, Case.filed_on)


def _charges_by_person(person_ids):
    query = select(Charge.id).join(Party, Party.id == Charge.party_id)
    return query.where(Party.person_id.in_(person_ids))


def _hearings_query():
    query = (
        select(
            Hearing.id.label("record_id"),
            Case.id.label("case_id"),
            Case.case_number,
            Hearing.hearing_type,
            Hearing.scheduled_on,
            Hearing.outcome,
            AdjournmentReason.code.label("adjournment_reason"),
            Hearing.responsible_side,
        )
        .join(Case, Case.id == Hearing.case_id)
        .join(Courtroom, Courtroom.id == Hearing.courtroom_id)
        .outerjoin(AdjournmentReason, AdjournmentReason.id == Hearing.adjournment_reason_id)
    )
    return _court_columns(query, Courtroom.court_id)


def _sentences_query():
    query = (
        select(
            Sentence.id.label("record_id"),
            Charge.id.label("charge_id"),
            Case.id.label("case_id"),
            Sentence.kind,
            Sentence.imposed_on,
            Sentence.start_on,
            Sentence.years,
            Sentence.months,
            Sentence.days,
            Sentence.life,
            Sentence.consecutive_to_id.label("consecutive_to"),
            Sentence.fine_amount,
        )
        .join(Charge, Charge.id == Sentence.charge_id)
        .join(Party, Party.id == Charge.party_id)
        .join(Case, Case.id == Party.case_id)
    )
    query = _court_columns(query, Case.court_id)
    query = with_offence(query, Charge.national_offence_id)
    return with_person(query, Party.person_id, Party.person_record_id, Sentence.imposed_on)


def _sentences_of_party(session, party):
    query = select(Sentence.id).join(Charge, Charge.id == Sentence.charge_id)
    return session.scalars(query.where(Charge.party_id == party.id)).all()


def _sentences_by_person(person_ids):
    query = select(Sentence.id).join(Charge, Charge.id == Sentence.charge_id)
    query = query.join(Party, Party.id == Charge.party_id)
    return query.where(Party.person_id.in_(person_ids))


CASE_STATUS = ["PENDING", "DISPOSED", "TRANSFERRED", "REOPENED"]
register(
    Dataset(
        app="court",
        name="cases",
        title="Court cases",
        description="One row per case: court, type, filing date, status and disposal date.",
        fields=[
            f("case_number", "string", required=True),
            *COURT_FIELDS,
            f("case_type", "string", required=True),
            f("filed_on", "date", required=True),
            f("status", "string", required=True, enum=CASE_STATUS),
            f("disposed_on", "date"),
        ],
        query=_cases_query,
        id_column=Case.id,
        watch={Case: lambda s, o: [o.id]},
    )
)
register(
    Dataset(
        app="court",
        name="charges",
        title="Charges against defendants",
        description="One row per count: offence (ICCS), plea, verdict and disposition.",
        fields=[
            f("case_id", "integer", required=True),
            f("case_number", "string", required=True),
            *COURT_FIELDS,
            f("count_number", "integer", required=True),
            f("plea", "string"),
            f("plea_on", "date"),
            f("verdict", "string"),
            f("disposition", "string"),
            f("disposition_on", "date"),
            f("filed_on", "date", required=True),
        ],
        query=_charges_query,
        id_column=Charge.id,
        watch={
            Charge: lambda s, o: [o.id],
            Party: _charge_ids_of_party,
            Case: _charge_ids_of_case,
        },
        by_person=_charges_by_person,
        person=True,
        offence=True,
    )
)
register(
    Dataset(
        app="court",
        name="hearings",
        title="Hearings",
        description="One row per listing: type, date, held or adjourned, reason and side.",
        fields=[
            f("case_id", "integer", required=True),
            f("case_number", "string", required=True),
            *COURT_FIELDS,
            f("hearing_type", "string", required=True),
            f("scheduled_on", "date", required=True),
            f("outcome", "string", required=True),
            f("adjournment_reason", "string", "Code from the court's adjournment reason list"),
            f("responsible_side", "string"),
        ],
        query=_hearings_query,
        id_column=Hearing.id,
        watch={Hearing: lambda s, o: [o.id]},
    )
)
register(
    Dataset(
        app="court",
        name="sentences",
        title="Sentences",
        description="One row per sentence passed on a convicted charge.",
        fields=[
            f("charge_id", "integer", required=True),
            f("case_id", "integer", required=True),
            *COURT_FIELDS,
            f("kind", "string", required=True),
            f("imposed_on", "date", required=True),
            f("start_on", "date"),
            f("years", "integer"),
            f("months", "integer"),
            f("days", "integer"),
            f("life", "boolean"),
            f("consecutive_to", "integer", "record_id of the sentence this one follows"),
            f("fine_amount", "number"),
        ],
        query=_sentences_query,
        id_column=Sentence.id,
        watch={
            Sentence: lambda s, o: [o.id],
            Party: _sentences_of_party,
        },
        by_person=_sentences_by_person,
        person=True,
        offence=True,
    )
)
