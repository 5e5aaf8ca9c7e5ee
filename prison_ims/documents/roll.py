"""The daily roll as a printed document: the count by unit and everyone in custody."""

from common.pdf import PrintedDocument
from common.timefmt import belize_time
from prison_ims.admissions.models import LEGAL_STATUSES
from prison_ims.documents.sections import AGENCY
from prison_ims.movements.models import STATES
from prison_ims.movements.services import count_by_unit, roll


def roll_document(at, printed_by=""):
    """The PDF bytes of the roll at `at` (UTC), rebuilt from the movements."""
    entries = roll(at)
    counts = count_by_unit(at, entries)
    doc = PrintedDocument(
        "Daily roll",
        agency=AGENCY,
        subtitle=f"At {belize_time(at)} (Belize time)",
        printed_by=printed_by,
        landscape_pages=True,
    )
    doc.heading("Count by unit")
    rows = [
        [r["unit"].name if r["unit"] else "No cell allocated", r["custody"], r["present"], r["out"]]
        for r in counts["rows"]
    ]
    rows.append(
        ["Total", counts["custody"], counts["present"], counts["custody"] - counts["present"]]
    )
    doc.table(["Unit", "In custody", "Inside", "Out (escorted, temporary)"], rows)
    agrees = (counts["movement_custody"], counts["movement_present"]) == (
        counts["custody"],
        counts["present"],
    )
    doc.paragraph(
        f"Sum of all movements up to this time: {counts['movement_custody']} in custody, "
        f"{counts['movement_present']} inside. "
        + ("The count agrees." if agrees else "THE COUNT DOES NOT AGREE WITH THE MOVEMENTS.")
    )
    doc.heading(f"Persons in custody ({len(entries)})")
    doc.table(
        ["Booking", "Name", "Legal status then", "Cell", "Where", "Since"],
        [
            [
                e["admission"].booking_number,
                e["admission"].person_record.full_name,
                LEGAL_STATUSES.get(e["status"], e["status"]),
                e["cell"].label if e["cell"] else "—",
                STATES.get(e["state"], e["state"]),
                belize_time(e["movement"].occurred_at),
            ]
            for e in entries
        ],
        col_widths=[30, 60, 45, 25, 40, 30],
        empty="No one was in custody at this time.",
    )
    doc.signatures(["Counted by (officer on duty)", "Checked by (supervisor)"])
    return doc.build()
