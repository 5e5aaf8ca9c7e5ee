"""The row-level problem report, downloadable as CSV or XLSX."""

import csv
import io

COLUMNS = ("row", "column", "value", "problem", "severity")


def problems_csv(problems):
    """The report as CSV bytes (UTF-8 with BOM so Excel shows accents)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for p in problems:
        writer.writerow([p.get(c, "") for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def problems_xlsx(problems):
    """The report as an .xlsx workbook (bytes)."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Problems")
    sheet.append(list(COLUMNS))
    for p in problems:
        sheet.append([p.get(c, "") for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
