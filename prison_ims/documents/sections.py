"""Sections of a prisoner's file shared by the record sheet and the file summary."""

from reportlab.graphics.barcode import createBarcodeDrawing

from common.timefmt import belize_time, long_date
from prison_ims.housing.services import allocations_of
from prison_ims.movements.services import movements_of
from prison_ims.releases.services import release_of
from prison_ims.sentences.services import current_calculation, sentences_of

AGENCY = "Belize Central Prison"


def booking_barcode(doc, admission):
    """The booking number as a Code 128 barcode."""
    doc.flowable(
        createBarcodeDrawing(
            "Code128", value=admission.booking_number, barHeight=24, humanReadable=True
        )
    )


def identity(doc, admission):
    """Names, date of birth, sex and self-perceived gender, address, identifier."""
    rec = admission.person_record
    doc.heading("Identity")
    doc.fields(
        [
            ("Names", rec.full_name),
            ("Date of birth", long_date(rec.date_of_birth)),
            ("Sex", rec.sex),
            ("Self-perceived gender", rec.gender_identity),
            ("District · address", f"{rec.district or ''} {rec.address or ''}".strip()),
            ("Identifier", rec.national_id),
        ]
    )


def authority(doc, admission):
    """The commitment authority, arrest and admission (Mandela Rule 7(b)(c))."""
    doc.heading("Commitment authority and admission")
    doc.fields(
        [
            ("Authority", f"{admission.authority_label}, {admission.authority_reference}"),
            (
                "Issuing court · date",
                f"{admission.authority_court} · {long_date(admission.authority_date)}",
            ),
            ("Reason", admission.reason),
            ("Arrest", f"{belize_time(admission.arrested_at)} {admission.arrest_place}".strip()),
            ("Admitted", belize_time(admission.admitted_at)),
            ("Legal status now", admission.status_label),
        ]
    )


def rule_seven(doc, admission):
    """Injuries, claims of ill-treatment, property, children, next of kin (Rule 7(d)(e))."""
    doc.heading("Recorded at admission")
    kin = admission.next_of_kin_relationship
    doc.fields(
        [
            ("Visible injuries", admission.visible_injuries or "—"),
            ("Claims of prior ill-treatment", admission.ill_treatment_claims or "—"),
            (
                "Next of kin",
                f"{admission.next_of_kin_name} {f'({kin})' if kin else ''} "
                f"{admission.next_of_kin_contact}".strip()
                or "—",
            ),
        ]
    )
    doc.heading("Property held")
    doc.table(
        ["Quantity", "Item"],
        [[p.get("quantity"), p.get("description")] for p in admission.property_items or []],
        col_widths=[25, 125],
    )
    doc.heading("Children")
    doc.table(
        ["Age", "Where", "In the care of"],
        [[c.get("age"), c.get("location"), c.get("custody")] for c in admission.children or []],
        col_widths=[20, 65, 65],
    )


def offences_and_status(doc, admission):
    """Offences with their ICCS codes and the legal status history."""
    doc.heading("Offences")
    doc.table(
        ["Offence", "ICCS", "Particulars"],
        [[str(o.offence), o.offence.iccs_code, o.particulars] for o in admission.offences],
        col_widths=[80, 20, 60],
    )
    doc.heading("Legal status history")
    doc.table(
        ["From", "Status", "Reason"],
        [[belize_time(s.changed_at), s.to_label, s.reason] for s in admission.status_changes],
        col_widths=[35, 55, 70],
    )


def housing_and_movements(doc, admission, with_overrides=True):
    """Cells held and every movement, oldest first."""
    doc.heading("Cells")
    rows = []
    for a in reversed(allocations_of(admission.id)):
        row = [a.cell.label, belize_time(a.start_at), belize_time(a.end_at) or "now", a.reason]
        rows.append(row + ([a.override_reason] if with_overrides else []))
    headers = ["Cell", "From", "Until", "Reason"] + (["Override"] if with_overrides else [])
    doc.table(headers, rows)
    doc.heading("Movements")
    doc.table(
        ["When", "Movement", "Place", "Reason", "Afterwards"],
        [
            [belize_time(m.occurred_at), m.kind_label, m.place, m.reason, m.state_label]
            for m in movements_of(admission.id)
        ],
        col_widths=[30, 28, 40, 50, 30],
    )


def sentences_and_release(doc, admission):
    """Sentences, the release dates in force (with their state) and the release."""
    doc.heading("Sentences")
    doc.table(
        ["Sentence", "Offence", "Starts", "Term", "Runs"],
        [
            [
                s.label,
                str(s.offence),
                long_date(s.start_date) or f"after {s.consecutive_to.label}",
                s.term_text,
                s.relation_text,
            ]
            for s in sentences_of(admission.id)
        ],
        col_widths=[18, 60, 28, 35, 30],
        empty="No sentence recorded.",
    )
    calc = current_calculation(admission.id)
    if calc is not None:
        state = "CONFIRMED" if calc.state == "CONFIRMED" else "PRELIMINARY (not yet confirmed)"
        doc.fields(
            [
                ("Sentence expiry date", long_date(calc.sed) or "none (life)"),
                ("Earliest release date", long_date(calc.erd) or "none (life)"),
                ("Release dates", state),
            ]
        )
    release = release_of(admission.id)
    if release is not None:
        doc.heading("Release")
        doc.fields(
            [
                ("Released", belize_time(release.released_at)),
                ("Grounds", release.grounds_label),
                ("Authority", release.authority_reference),
                ("Certificate", release.certificate_number),
            ]
        )
