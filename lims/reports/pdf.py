"""The lab report PDF: case, items, request, findings, conclusion and signatures."""

from common.pdf import PrintedDocument
from common.timefmt import belize_time, long_date

AGENCY = "National Forensic Science Service"


def report_pdf(request, result, version, signatures, conclusion, amends=None, reason=""):
    """The PDF bytes of one report version."""
    case = request.case
    doc = PrintedDocument(
        f"Laboratory report {case.lab_number} — version {version}",
        agency=AGENCY,
        subtitle=f"{request.discipline_label} · request {request.id}",
    )
    if amends is not None:
        doc.paragraph(
            f"AMENDED REPORT. This version replaces version {amends.version_number} "
            f"(released {belize_time(amends.released_at)}), which is kept unchanged. "
            f"Reason for the amendment: {reason}"
        )
        doc.spacer()
    doc.fields(
        [
            ("Lab case number", case.lab_number),
            ("Submitting agency", case.agency),
            ("Submitting officer", f"{case.officer_name} {case.officer_number}".strip()),
            ("Agency case number", case.agency_case_number),
            ("Offence", str(case.offence) if case.offence else ""),
            ("Incident date", long_date(case.incident_date)),
            ("Received", belize_time(case.received_at)),
        ]
    )
    doc.heading("Items examined")
    doc.table(
        ["Item", "Type", "Description", "Seals"],
        [[i.number, i.type_label, i.description, i.seal_text] for i in request.items],
        col_widths=[15, 35, 90, 40],
    )
    if request.questions:
        doc.heading("Questions asked")
        doc.paragraph(request.questions)
    doc.heading("Method")
    doc.paragraph(result.method or "As documented in the case notes.")
    doc.heading("Findings")
    doc.paragraph(result.findings)
    doc.heading("Conclusion")
    doc.paragraph(conclusion)
    doc.heading("Signatures")
    doc.table(
        ["Role", "Name", "Signed (Belize time)"],
        [[s["role"], s["name"], s["signed"]] for s in signatures],
        col_widths=[50, 80, 50],
    )
    return doc.build()
