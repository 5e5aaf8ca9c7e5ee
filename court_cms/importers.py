"""Import of the paper-era case register: cases, defendants, charges and next dates."""

from sqlalchemy import select

from common.extensions import db
from common.imports.mapping import normalise
from common.imports.persons import placement
from common.imports.registry import Field, Importer, register
from common.imports.values import ValueProblem, lookup, to_date, to_district, to_offence, to_sex
from court_cms.cases.models import CASE_TYPES, Case
from court_cms.cases.services import add_charge, add_party, file_case
from court_cms.hearings.models import HEARING_TYPES, Hearing
from court_cms.hearings.services import schedule_hearing
from court_cms.reference.models import Court

NOT_RECORDED = "Not recorded in the paper register"


def to_court(value, ctx):
    """A court id from its code or name."""
    folded = normalise(value)
    for court in db.session.scalars(select(Court).where(Court.active)):
        if folded in (normalise(court.code), normalise(court.name)):
            return court.id
    raise ValueProblem(f"'{value}' is not a court in the list: use its code or its name.")


def to_case_type(value, ctx):
    """A case type code (CR, CRA, MISC) from a code or its name."""
    return lookup({k: (normalise(v),) for k, v in CASE_TYPES.items()}, value, "case type")


def to_hearing_type(value, ctx):
    """A hearing type code from a code or its name."""
    return lookup({k: (normalise(v),) for k, v in HEARING_TYPES.items()}, value, "hearing type")


def to_case_number(value, ctx):
    """A case number as the service stores it (upper case, trimmed)."""
    return str(value).strip().upper()


@register
class CaseRegister(Importer):
    """Case register: one row per charge against a defendant; rows of a case share its number."""

    app, kind = "court", "cases"
    title = "Case register (cases, defendants, charges, next dates)"
    permission = "court.import.run"
    fields = (
        Field("case_number", "Case number", to_case_number, required=True,
              synonyms=("case no", "case", "no de causa", "numero de causa", "expediente")),
        Field("court", "Court", to_court, required=True, synonyms=("tribunal", "corte")),
        Field("case_type", "Case type", to_case_type, synonyms=("type", "tipo")),
        Field("filed_on", "Date filed", to_date, required=True,
              synonyms=("filed", "filing date", "date of filing", "fecha de presentacion")),
        Field("prosecuting_agency", "Prosecutor", synonyms=("prosecution", "fiscal", "informant")),
        Field("police_case_number", "Police case number", synonyms=("police no", "police ref")),
        Field("surname", "Surname", required=True,
              synonyms=("apellido", "apellidos", "defendant surname", "last name")),
        Field("given_name", "Given name", required=True,
              synonyms=("nombre", "first name", "defendant given name", "forename")),
        Field("date_of_birth", "Date of birth", to_date,
              synonyms=("dob", "d o b", "fecha de nacimiento", "birth date")),
        Field("sex", "Sex", to_sex, synonyms=("sexo", "gender")),
        Field("district", "District", to_district, synonyms=("distrito",)),
        Field("offence", "Offence", to_offence, required=True,
              synonyms=("offense", "charge", "delito", "cargo")),
        Field("particulars", "Particulars", synonyms=("details", "particulares")),
        Field("next_date", "Next date", to_date,
              synonyms=("next hearing", "adjourned to", "proxima fecha", "next court date")),
        Field("next_type", "Next hearing type", to_hearing_type,
              synonyms=("hearing type", "for", "purpose")),
    )  # fmt: skip

    def source_ref(self, values):
        """Case number, defendant and offence: one charge of one defendant."""
        parts = (values["surname"], values["given_name"], values.get("date_of_birth"))
        who = "|".join(normalise(p) for p in parts)
        return f"{values['case_number']}|{who}|{values['offence']}"

    def check(self, values):
        """The next date cannot be before the filing date."""
        if values.get("next_date") and values["next_date"] < values["filed_on"]:
            return [("next_date", "The next date is before the case was filed.")]
        return []

    def case_for(self, values, user_id):
        """The case of this number, filed through the cases service if new."""
        case = db.session.scalar(select(Case).where(Case.case_number == values["case_number"]))
        if case is not None:
            if case.court_id != values["court"]:
                raise ValueProblem(
                    f"Case {case.case_number} is already registered in another court."
                )
            return case
        data = {
            "court_id": values["court"],
            "case_type": values.get("case_type") or "CR",
            "filed_on": values["filed_on"],
            "prosecuting_agency": values.get("prosecuting_agency") or NOT_RECORDED,
            "police_case_number": values.get("police_case_number") or "",
            "case_number": values["case_number"],
        }
        return file_case(data, user_id=user_id)

    def defendant_for(self, case, values):
        """The defendant of this name and birth date in the case, added if new."""
        wanted = (normalise(values["surname"]), normalise(values["given_name"]))
        for party in case.defendants:
            record = party.record
            same = (normalise(record.surname), normalise(record.given_name)) == wanted
            if same and record.date_of_birth == values.get("date_of_birth"):
                return party, "same"
        identity = {
            k: values.get(k)
            for k in ("given_name", "surname", "date_of_birth", "sex", "district")
            if values.get(k)
        }
        public_id, outcome = placement(identity)
        return add_party(case, "DEFENDANT", public_id, identity), outcome

    def schedule_next(self, case, values, user_id):
        """List the next date unless the case already has a hearing that day."""
        day = values.get("next_date")
        if not day or case.status == "DISPOSED":
            return False
        if db.session.scalar(
            select(Hearing.id).where(Hearing.case_id == case.id, Hearing.scheduled_on == day)
        ):
            return False
        rooms = case.court.courtrooms
        if not rooms:
            raise ValueProblem(f"{case.court.name} has no courtroom to list the next date in.")
        schedule_hearing(
            case, values.get("next_type") or "MENTION", day, rooms[0].id, user_id=user_id
        )
        return True

    def create(self, values, user_id=None):
        """File the case (once), add the defendant (once) and the charge; list the next date."""
        case = self.case_for(values, user_id)
        party, outcome = self.defendant_for(case, values)
        charge = add_charge(party, values["offence"], values.get("particulars") or "")
        self.schedule_next(case, values, user_id)
        return "Charge", charge.id, outcome

    def update(self, values, target_id, user_id=None):
        """A changed row: a new next date is listed."""
        case = db.session.scalar(select(Case).where(Case.case_number == values["case_number"]))
        return bool(case) and self.schedule_next(case, values, user_id)
