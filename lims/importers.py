"""Import of the paper-era lab register: cases, their items and seals, suspects and victims
(or the deceased).

One row per item; the rows of a case repeat its agency reference and receipt date. Each item
gets its first custody entry through the items service, as at intake: received from the
submitting officer by the person importing the register.
"""

from sqlalchemy import func, select

from common.extensions import db
from common.identity.models import User
from common.imports.mapping import normalise
from common.imports.persons import placement
from common.imports.reader import ImportRefused
from common.imports.registry import Field, Importer, register
from common.imports.values import (
    ValueProblem,
    belize_noon,
    lookup,
    to_count,
    to_date,
    to_district,
    to_offence,
    to_sex,
    to_text,
)
from lims.intake.models import LabCase
from lims.intake.services import add_person, create_case
from lims.items.models import CONDITIONS, ITEM_TYPES, Item
from lims.items.services import create_item
from lims.times import belize_date

TYPE_SPELLINGS = {
    "FIREARM": ("firearm", "gun", "pistol", "rifle", "arma", "arma de fuego", "pistola"),
    "AMMUNITION": ("ammunition", "cartridge", "cartridge case", "casing", "municion",
                   "casquillo", "casquillos", "bala", "balas"),
    "DRUGS": ("drugs", "drug", "suspected drugs", "narcotics", "droga", "drogas"),
    "BIOLOGICAL": ("biological", "blood", "swab", "biologico", "sangre", "hisopo"),
    "CLOTHING": ("clothing", "clothes", "textile", "ropa", "prenda"),
    "DEVICE": ("device", "digital device", "phone", "cell phone", "dispositivo", "telefono",
               "celular"),
    "DOCUMENT": ("document", "documento"),
    "TOXICOLOGY": ("toxicology", "toxicologia"),
    "TOOL": ("tool", "weapon", "knife", "machete", "herramienta", "cuchillo"),
    "LATENT": ("latent", "latent print", "print lift", "huella", "huella latente"),
    "CONTAINER": ("container", "box", "bag", "envelope", "caja", "bolsa", "sobre"),
    "OTHER": ("other", "otro"),
}  # fmt: skip
CONDITION_SPELLINGS = {
    "SEALED": ("sealed", "intact", "sealed and intact", "sellado", "intacto"),
    "SEAL_BROKEN": ("seal broken", "broken", "tampered", "sello roto", "roto"),
    "DAMAGED": ("damaged", "packaging damaged", "danado", "embalaje danado"),
    "UNSEALED": ("unsealed", "not sealed", "sin sello", "no sellado"),
    "WET": ("wet", "leaking", "mojado", "humedo"),
}
ROLES = (("SUSPECT", "suspect", "sospechoso"), ("VICTIM", "victim", "victima"))
PERSON_PARTS = (
    ("surname", "surname", to_text, ("apellido", "last name", "apellidos")),
    ("given_name", "given name", to_text, ("nombre", "first name", "nombres")),
    ("date_of_birth", "date of birth", to_date, ("fecha de nacimiento", "dob", "d o b")),
    ("sex", "sex", to_sex, ("sexo",)),
)
YES_NO = {
    "YES": ("yes", "y", "si", "s", "x", "true", "1", "deceased", "fallecido", "fallecida"),
    "NO": ("no", "n", "false", "0", "alive", "vivo", "viva"),
}
NOT_RECORDED = "Not recorded in the paper register"


def to_yes_no(value, ctx):
    """True or False from yes/no wording (sí, x, 1 ...)."""
    return lookup(YES_NO, value, "yes or no") == "YES"


def to_item_type(value, ctx):
    """An item type code from the register's wording."""
    spellings = {k: v + (normalise(ITEM_TYPES[k]),) for k, v in TYPE_SPELLINGS.items()}
    return lookup(spellings, value, "item type (firearm, ammunition, drugs, device, ...)")


def to_condition(value, ctx):
    """A condition-on-receipt code from the register's wording."""
    return lookup(CONDITION_SPELLINGS, value, "condition (sealed, seal broken, damaged, ...)")


def to_item_number(value, ctx):
    """(top, sub) of an item number written 3 or 3.1 (Excel may give 3.0)."""
    text = str(value).strip().rstrip(".")
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    top, _, sub = text.partition(".")
    if not top.isdigit() or (sub and not sub.isdigit()) or int(top) < 1:
        raise ValueProblem(f"'{value}' is not an item number: write 3, or 3.1 for a sub-item.")
    return int(top), int(sub or 0)


def person_fields():
    """The suspect's and the victim's identity columns."""
    fields = []
    for _role, english, spanish in ROLES:
        for name, label, parse, synonyms in PERSON_PARTS:
            words = {f"{english} {s}" for s in (label, *synonyms)}
            words |= {f"{spanish} {s}" for s in synonyms} | {f"{s} del {spanish}" for s in synonyms}
            fields.append(Field(f"{english}_{name}", f"{english.capitalize()}: {label}",
                                parse, synonyms=tuple(sorted(words))))  # fmt: skip
    return tuple(fields)


def identity_of(values, prefix):
    """The identity fields of the suspect or the victim in a row (empty when not given)."""
    return {name: values.get(f"{prefix}_{name}") for name, *_ in PERSON_PARTS
            if values.get(f"{prefix}_{name}")}  # fmt: skip


@register
class LabRegister(Importer):
    """Lab case/item register: one row per item, the case details repeated on each row."""

    app, kind = "lims", "cases"
    title = "Lab case and item register (cases, items, seals, suspects, victims)"
    permission = "lims.import.run"
    fields = (
        Field("register_lab_number", "Lab number in the register",
              synonyms=("lab no", "lab number", "no lab", "numero de laboratorio", "nfss no")),
        Field("agency_case_number", "Agency reference", required=True,
              synonyms=("agency ref", "agency case number", "police ref", "case ref", "referencia",
                        "referencia de la agencia", "incident no", "no de caso")),
        Field("agency", "Submitting agency", required=True,
              synonyms=("agency", "agencia", "agencia remitente", "submitted by")),
        Field("officer_name", "Submitting officer", required=True,
              synonyms=("officer", "oficial", "oficial remitente", "agente")),
        Field("officer_number", "Officer's number",
              synonyms=("officer no", "regimental no", "numero de placa", "placa")),
        Field("offence", "Offence", to_offence, required=True,
              synonyms=("offense", "delito", "crime", "charge")),
        Field("received_on", "Date received", to_date, required=True,
              synonyms=("received", "date received", "fecha de recepcion", "recibido",
                        "fecha recibido")),
        Field("incident_date", "Incident date", to_date,
              synonyms=("date of incident", "fecha del incidente", "fecha del hecho")),
        Field("district", "District", to_district, synonyms=("distrito",)),
        Field("item_number", "Item number", to_item_number, required=True,
              synonyms=("item", "item no", "exhibit", "exhibit no", "no evidencia",
                        "numero de evidencia", "evidencia no")),
        Field("item_type", "Item type", to_item_type, required=True,
              synonyms=("type", "tipo", "tipo de evidencia")),
        Field("description", "Description", required=True,
              synonyms=("item description", "descripcion")),
        Field("seals", "Seal numbers",
              synonyms=("seal", "seals", "seal no", "sello", "sellos", "no de sello", "precinto")),
        Field("condition", "Condition on receipt", to_condition,
              synonyms=("condition", "condicion", "estado del sello")),
        Field("deviations", "Remarks on the condition",
              synonyms=("remarks", "deviation", "observaciones")),
        Field("quantity", "Quantity", to_count, synonyms=("qty", "cantidad")),
        Field("packaging", "Packaging", synonyms=("embalaje",)),
        *person_fields(),
        Field("victim_deceased", "Victim deceased", to_yes_no,
              synonyms=("deceased", "fallecido", "victima fallecido", "victim deceased",
                        "victima fallecida", "murio")),
    )  # fmt: skip

    def source_ref(self, values):
        """Agency reference, receipt date and item number: one item of one submission."""
        top, sub = values["item_number"]
        number = f"{top}.{sub}" if sub else str(top)
        return f"{normalise(values['agency_case_number'])}|{values['received_on']}|{number}"

    def check(self, values):
        """Both names of a person; incident not after receipt; a deviation needs no seal."""
        problems = []
        for _role, prefix, _spanish in ROLES:
            names = [values.get(f"{prefix}_surname"), values.get(f"{prefix}_given_name")]
            if any(names) and not all(names):
                missing = "given_name" if names[0] else "surname"
                text = f"Give both the surname and the given name of the {prefix}."
                problems.append((f"{prefix}_{missing}", text))
        incident, received = values.get("incident_date"), values.get("received_on")
        if incident and received and incident > received:
            problems.append(("incident_date", "The incident date is after the date received."))
        return problems

    def check_user(self, user_id):
        """The importing user receives every item: someone allowed to hold evidence."""
        user = db.session.get(User, user_id) if user_id else None
        if user is None or not user.has_permission("lims.custody.transfer"):
            raise ImportRefused(
                "The lab register is imported by a named member of the laboratory staff, who "
                "receives every item into custody (the first entry of its chain): import it "
                "signed in, or on the command line with --user EMAIL of such a person."
            )

    def case_for(self, values, user_id):
        """The case of this agency reference received that day, opened through intake if new."""
        reference = values["agency_case_number"]
        for case in db.session.scalars(
            select(LabCase).where(func.lower(LabCase.agency_case_number) == reference.lower())
        ):
            if belize_date(case.received_at) == values["received_on"]:
                return case
        note = "Imported from the paper register"
        if values.get("register_lab_number"):
            note += f" (register lab number {values['register_lab_number']})"
        data = {
            "agency": values["agency"],
            "officer_name": values["officer_name"],
            "officer_number": values.get("officer_number") or "",
            "agency_case_number": reference,
            "national_offence_id": values["offence"],
            "incident_date": values.get("incident_date"),
            "district": values.get("district") or "",
            "received_at": belize_noon(values["received_on"]),
            "notes": note,
        }
        return create_case(data, user_id)

    def add_persons(self, case, values):
        """Add the row's suspect and victim (deceased, if so marked) to the case unless already
        there; returns their person outcomes."""
        outcomes = []
        for role, prefix, _spanish in ROLES:
            if role == "VICTIM" and values.get("victim_deceased"):
                role = "DECEASED"
            identity = identity_of(values, prefix)
            if not identity.get("surname") or self.in_case(case, role, identity):
                continue
            public_id, outcome = placement(identity)
            if public_id and any(p.role == role and p.person.public_id == public_id
                                 for p in case.persons):  # fmt: skip
                continue
            add_person(case, role, public_id, identity)
            outcomes.append(outcome)
        return outcomes

    def in_case(self, case, role, identity):
        """Whether the case already has this person (same names and birth date) in this role."""
        wanted = (normalise(identity["surname"]), normalise(identity.get("given_name")))
        return any(
            p.role == role
            and (normalise(p.person_record.surname), normalise(p.person_record.given_name))
            == wanted
            and p.person_record.date_of_birth == identity.get("date_of_birth")
            for p in case.persons
        )

    def item_data(self, values):
        """What the items service needs; an item without a seal is recorded as unsealed."""
        condition = values.get("condition") or ("SEALED" if values.get("seals") else "UNSEALED")
        deviations = values.get("deviations") or ""
        if condition != "SEALED" and not deviations:
            deviations = f"{CONDITIONS[condition]}: {NOT_RECORDED.lower()} beyond this."
        return {
            "item_type": values["item_type"],
            "description": values["description"],
            "packaging": values.get("packaging") or "",
            "quantity": values.get("quantity") or 1,
            "condition": condition,
            "deviations": deviations,
            "seals": values.get("seals") or "",
        }

    def parent_for(self, case, top, sub):
        """The main item a sub-item is divided from; refuses numbers out of sequence."""
        if not sub:
            if top != case.item_count + 1:
                raise ValueProblem(
                    f"Item {top} is out of sequence: {case.lab_number} has {case.item_count} "
                    f"items, so the next is item {case.item_count + 1} (items run 1, 2, 3 ...)."
                )
            return None
        parent = next((i for i in case.items if i.top_number == top and not i.sub_number), None)
        if parent is None or sub != parent.sub_count + 1:
            raise ValueProblem(
                f"Sub-item {top}.{sub} is out of sequence: list item {top} first, then "
                f"{top}.1, {top}.2 ..."
            )
        return parent

    def create(self, values, user_id=None):
        """Open the case (once), add its persons, record the item and its first custody entry."""
        case = self.case_for(values, user_id)
        outcomes = self.add_persons(case, values)
        parent = self.parent_for(case, *values["item_number"])
        receiver = db.session.get(User, user_id)
        item = create_item(case, self.item_data(values), receiver, parent)
        return "Item", item.id, outcomes

    def update(self, values, target_id, user_id=None):
        """A changed row: a suspect or victim added since is linked to the case."""
        item = db.session.get(Item, target_id)
        if item is None:
            raise ValueProblem("The item imported from this row no longer exists.")
        return bool(self.add_persons(item.case, values))
