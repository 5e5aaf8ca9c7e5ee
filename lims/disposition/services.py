"""Disposition: return or destruction, authorised by the lab manager, with a receipt."""

from common.counters import take_next
from common.extensions import db
from common.pdf import PrintedDocument
from common.timefmt import belize_time
from lims.custody.services import append_entry, check_movable, person_label
from lims.disposition.models import DISPOSITION_KINDS, Disposition
from lims.errors import LimsError
from lims.settings import setting
from lims.times import belize_date, now_utc


def next_receipt_number(at):
    """Issue the next disposition receipt number of the year (gap-free)."""
    year = belize_date(at).year
    seq = take_next(f"lims:receipt:{year}")
    return setting("LIMS_RECEIPT_NUMBER_FORMAT").format(year=year, seq=seq)


def _check_data(kind, data):
    if kind not in DISPOSITION_KINDS:
        raise LimsError("Choose return to the agency or destruction.", "kind")
    if not (data.get("authority_reference") or "").strip():
        raise LimsError(
            "Give the authority for the disposition (court order, agency request).",
            "authority_reference",
        )
    if kind == "RETURN" and not (data.get("recipient") or "").strip():
        raise LimsError("Give the name and agency of the person receiving the item.", "recipient")
    if kind == "DESTRUCTION":
        for name, message in (
            ("method", "Give the method of destruction."),
            ("witness", "Give the witness to the destruction."),
        ):
            if not (data.get(name) or "").strip():
                raise LimsError(message, name)


def dispose(item, manager, data, at=None):
    """Return or destroy an item: authorised, receipted and the custody chain closed."""
    if not manager.has_permission("lims.disposition.authorise"):
        raise LimsError("Only the lab manager authorises a disposition.")
    check_movable(item)
    kind = data.get("kind")
    _check_data(kind, data)
    if item.custodian is None:
        raise LimsError(
            f"Item {item.number} is in {item.location.path}: take it into someone's custody "
            "before it leaves the laboratory."
        )
    at = at or now_utc()
    recipient = (data.get("recipient") or "").strip()
    record = Disposition(
        item=item,
        kind=kind,
        receipt_number=next_receipt_number(at),
        authorised_by_id=manager.id,
        authority_reference=data["authority_reference"].strip(),
        recipient=recipient,
        method=(data.get("method") or "").strip(),
        witness=(data.get("witness") or "").strip(),
        disposed_at=at,
    )
    db.session.add(record)
    append_entry(
        item,
        occurred_at=at,
        from_kind="PERSON",
        from_user_id=item.custodian_id,
        from_label=person_label(item.custodian),
        to_kind="AGENCY" if kind == "RETURN" else "DESTROYED",
        to_label=recipient if kind == "RETURN" else f"Destroyed: {record.method}",
        purpose=kind,
        seal_intact=bool(data.get("seal_intact", True)),
        notes=f"Receipt {record.receipt_number}; authorised by {person_label(manager)}",
        recorded_by_id=manager.id,
    )
    item.state = "DISPOSED"
    db.session.flush()
    return record


def receipt_pdf(record, printed_by=""):
    """The disposition receipt as PDF bytes, with signature lines."""
    item = record.item
    doc = PrintedDocument(
        f"Disposition receipt {record.receipt_number}",
        agency="National Forensic Science Service",
        subtitle=record.kind_label,
        printed_by=printed_by,
    )
    doc.fields(
        [
            ("Lab case number", item.case.lab_number),
            ("Item", f"{item.number} — {item.type_label}: {item.description}"),
            ("Seals", item.seal_text),
            ("Disposition", record.kind_label),
            ("Date and time", belize_time(record.disposed_at)),
            ("Authority", record.authority_reference),
            ("Authorised by", person_label(record.authorised_by)),
            (
                "Received by" if record.kind == "RETURN" else "Method",
                record.recipient or record.method,
            ),
            ("Witness", record.witness),
        ]
    )
    roles = ["Lab manager", "Released by"]
    roles.append("Received by" if record.kind == "RETURN" else "Witness")
    doc.signatures(roles)
    return doc.build()
