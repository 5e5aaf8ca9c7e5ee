"""Chain-of-custody form PDF, per item or for every item of a case."""

from common.pdf import PrintedDocument
from common.timefmt import belize_time
from lims.custody.services import chain_problem, entries_of

HEADERS = ["#", "When (Belize time)", "From", "To", "Purpose", "Seal intact", "Receiver signed in"]
WIDTHS = [8, 28, 50, 50, 30, 15, 18]


def _item_section(doc, item):
    doc.heading(f"Item {item.number} — {item.type_label}: {item.description[:120]}")
    problem = chain_problem(item)
    doc.paragraph(
        f"Barcode {item.barcode} · seals {item.seal_text or 'none'} · now: {item.holder_label} · "
        + ("chain verified intact" if not problem else f"CHAIN BROKEN: {problem}")
    )
    rows = [
        [
            e.seq,
            belize_time(e.occurred_at),
            e.from_label,
            e.to_label,
            e.purpose_label + (f" — {e.notes}" if e.notes else ""),
            "yes" if e.seal_intact else "NO",
            "yes" if e.receiver_authenticated else "—",
        ]
        for e in entries_of(item)
    ]
    doc.table(HEADERS, rows, col_widths=WIDTHS)


def custody_pdf(case, items, printed_by=""):
    """The chain-of-custody form for `items` of `case`, as PDF bytes."""
    doc = PrintedDocument(
        f"Chain of custody — {case.lab_number}",
        agency="National Forensic Science Service",
        subtitle=f"{case.agency} · agency case {case.agency_case_number}",
        printed_by=printed_by,
        landscape_pages=True,
    )
    for item in items:
        _item_section(doc, item)
    return doc.build()
