"""The release certificate as a printed document."""

from reportlab.graphics.barcode import createBarcodeDrawing

from common.pdf import PrintedDocument
from common.timefmt import belize_time, long_date

AGENCY = "Belize Central Prison"


def certificate_document(release, printed_by=""):
    """The PDF bytes of a release certificate: who, when, on what authority, checklist."""
    admission = release.admission
    record = admission.person_record
    doc = PrintedDocument(
        "Release certificate",
        agency=AGENCY,
        subtitle=f"Certificate {release.certificate_number}",
        printed_by=printed_by,
    )
    doc.paragraph(
        f"This certifies that {record.full_name}, booking number {admission.booking_number}, "
        f"was released from the custody of the Belize Central Prison on "
        f"{belize_time(release.released_at)} (Belize time)."
    )
    doc.spacer()
    calc = release.calculation
    doc.fields(
        [
            ("Name", record.full_name),
            ("Date of birth", long_date(record.date_of_birth)),
            ("Booking number", admission.booking_number),
            ("Admitted", belize_time(admission.admitted_at)),
            ("Committed on", f"{admission.authority_label} {admission.authority_reference}"),
            ("Grounds for release", release.grounds_label),
            ("Authority for release", release.authority_reference),
            ("Sentence expiry date", long_date(calc.sed) if calc and calc.sed else "—"),
            ("Earliest release date", long_date(calc.erd) if calc and calc.erd else "—"),
            ("Released before the confirmed date", release.early_release_reason or "No"),
            ("Released to", release.destination or "—"),
        ]
    )
    doc.heading("Checklist")
    doc.table(
        ["Check", "Done"],
        [
            ["Authority for release checked", "Yes" if release.authority_checked else "No"],
            ["Property returned", "Yes" if release.property_returned else "No"],
            ["Release date verified", "Yes" if release.release_date_verified else "No"],
        ],
        col_widths=[120, 30],
    )
    doc.heading("Property returned")
    doc.table(
        ["Quantity", "Item"],
        [[p.get("quantity"), p.get("description")] for p in admission.property_items or []],
        col_widths=[25, 125],
    )
    doc.spacer()
    doc.flowable(
        createBarcodeDrawing(
            "Code128", value=release.certificate_number, barHeight=28, humanReadable=True
        )
    )
    doc.signatures(["Releasing officer", "Person released"])
    return doc.build()
