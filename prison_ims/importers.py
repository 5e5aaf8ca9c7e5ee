"""Import of the paper-era inmates register: admissions with offences and legal status."""

from common.extensions import db
from common.imports.mapping import normalise
from common.imports.persons import placement
from common.imports.registry import Field, Importer, register
from common.imports.settings import setting
from common.imports.values import (
    ValueProblem,
    belize_noon,
    lookup,
    to_date,
    to_district,
    to_offence,
    to_sex,
)
from prison_ims.admissions.models import Admission
from prison_ims.admissions.services import change_legal_status, create_admission
from prison_ims.movements.services import current_state, in_custody, record_movement

STATUS_SPELLINGS = {
    "REMAND": ("remand", "on remand", "remanded", "awaiting trial", "prision preventiva"),
    "CONVICTED_UNSENTENCED": (
        "convicted", "convicted unsentenced", "awaiting sentence", "convicto",
    ),
    "SENTENCED": ("sentenced", "serving sentence", "sentenciado", "condenado"),
    "CIVIL": ("civil", "civil prisoner", "debtor", "civil debtor"),
}  # fmt: skip
AUTHORITY_FOR_STATUS = {
    "REMAND": "REMAND_WARRANT",
    "CONVICTED_UNSENTENCED": "COMMITTAL_ORDER",
    "SENTENCED": "SENTENCE_WARRANT",
    "CIVIL": "COMMITTAL_ORDER",
}
NOT_RECORDED = "Not recorded in the paper register"


def to_status(value, ctx):
    """A legal status code from the register's wording."""
    return lookup(STATUS_SPELLINGS, value, "legal status (remand, convicted, sentenced, civil)")


def to_register_no(value, ctx):
    """A register number as text (Excel may give 123.0)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@register
class InmatesRegister(Importer):
    """Inmates register: one row per admission (current or past)."""

    app, kind = "prison", "inmates"
    title = "Inmates register (admissions)"
    permission = "prison.import.run"
    fields = (
        Field("register_no", "Register number", to_register_no,
              synonyms=("reg no", "register no", "no", "booking no", "numero", "no de registro")),
        Field("surname", "Surname", required=True,
              synonyms=("apellido", "apellidos", "last name", "family name")),
        Field("given_name", "Given name", required=True,
              synonyms=("nombre", "first name", "given names", "forename", "nombres")),
        Field("middle_name", "Middle name", synonyms=("segundo nombre",)),
        Field("date_of_birth", "Date of birth", to_date,
              synonyms=("dob", "d o b", "fecha de nacimiento", "birth date", "born")),
        Field("sex", "Sex", to_sex, synonyms=("sexo", "gender", "m f")),
        Field("district", "District", to_district, synonyms=("distrito", "home district")),
        Field("national_id", "National ID", synonyms=("id no", "ssn", "cedula", "social security")),
        Field("admitted_on", "Date admitted", to_date, required=True,
              synonyms=("admitted", "admission date", "date of admission", "fecha de ingreso",
                        "date in", "ingreso")),
        Field("offence", "Offence", to_offence,
              synonyms=("offense", "charge", "delito", "offence code", "crime")),
        Field("particulars", "Particulars", synonyms=("details", "particulares", "remarks")),
        Field("legal_status", "Legal status", to_status, required=True,
              synonyms=("status", "estado", "estatus", "situacion legal")),
        Field("authority_court", "Committing court",
              synonyms=("court", "tribunal", "corte", "committed by")),
        Field("authority_reference", "Warrant number",
              synonyms=("warrant no", "warrant", "order no", "orden")),
        Field("released_on", "Date released", to_date,
              synonyms=("released", "release date", "date of release", "fecha de salida",
                        "date out", "salida")),
    )  # fmt: skip

    def source_ref(self, values):
        """The register number, else the person and admission date."""
        if values.get("register_no"):
            return f"reg:{normalise(values['register_no'])}"
        parts = (values["surname"], values["given_name"], values.get("date_of_birth"))
        return "row:" + "|".join(normalise(p) for p in parts) + f"|{values['admitted_on']}"

    def check(self, values):
        """Offence needed unless civil; release not before admission; birth before admission."""
        problems = []
        if not values.get("offence") and values.get("legal_status") != "CIVIL":
            problems.append(("offence", "An offence is required unless the prisoner is civil."))
        released, admitted = values.get("released_on"), values.get("admitted_on")
        if released and admitted and released < admitted:
            problems.append(("released_on", "The release date is before the admission date."))
        born = values.get("date_of_birth")
        if born and admitted and born >= admitted:
            problems.append(("date_of_birth", "The date of birth is not before the admission."))
        return problems

    def create(self, values, user_id=None):
        """Admit through the admissions service, then release if the register says so."""
        identity = {
            k: values.get(k)
            for k in ("given_name", "middle_name", "surname", "date_of_birth", "sex", "district")
        }
        identity["national_id"] = values.get("national_id")
        public_id, outcome = placement(identity)
        admitted_at = belize_noon(values["admitted_on"])
        status = values["legal_status"]
        reference = values.get("authority_reference") or (
            f"Register {values['register_no']}" if values.get("register_no") else NOT_RECORDED
        )
        data = {
            **{k: v or "" for k, v in identity.items() if k != "date_of_birth"},
            "date_of_birth": identity["date_of_birth"],
            "sex": identity["sex"] or "U",
            "authority_type": AUTHORITY_FOR_STATUS[status],
            "authority_court": values.get("authority_court") or NOT_RECORDED,
            "authority_reference": reference[:60],
            "authority_date": values["admitted_on"],
            "reason": "Imported from the paper register",
            "legal_status": status,
            "admitted_at": admitted_at,
            "offences": [(values["offence"], values.get("particulars") or "")]
            if values.get("offence")
            else [],
        }
        admission = create_admission(
            data, public_id, user_id=user_id, backdate_days=setting("IMPORT_PRISON_BACKDATE_DAYS")
        )
        if values.get("released_on"):
            self.release(admission, values["released_on"], user_id)
        return "Admission", admission.id, outcome

    def release(self, admission, day, user_id):
        """Record the release the register shows."""
        record_movement(
            admission,
            "REL",
            belize_noon(day),
            reason="Released (paper register)",
            user_id=user_id,
        )

    def update(self, values, target_id, user_id=None):
        """A changed row: new legal status, or a release added since the last import."""
        admission = db.session.get(Admission, target_id)
        if admission is None:
            raise ValueProblem("The admission imported from this row no longer exists.")
        changed = False
        held = in_custody(current_state(admission.id))
        if held and values["legal_status"] != admission.legal_status:
            change_legal_status(
                admission,
                values["legal_status"],
                "Register import: status in the paper register",
                admission.version,
                user_id=user_id,
            )
            changed = True
        if held and values.get("released_on"):
            self.release(admission, values["released_on"], user_id)
            changed = True
        return changed
