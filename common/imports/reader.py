"""Read an .xlsx or .csv register into a header and data rows, refusing what is not one."""

import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
CSV_DELIMITERS = ",;\t|"


class ImportRefused(ValueError):
    """The file cannot be imported at all; the message says why and how to fix it."""


@dataclass
class Table:
    """A sheet read into memory-light form: header cells and an iterator of data rows."""

    headers: list
    header_row: int
    rows: object  # iterator of (sheet row number, [cell values])
    sheet: str = ""
    notes: list = field(default_factory=list)


def refuse_size(size, limit):
    """Refuse a file larger than the configured limit."""
    if size == 0:
        raise ImportRefused("The file is empty: choose the register file itself.")
    if size > limit:
        raise ImportRefused(
            f"The file is {size / 1_000_000:.1f} MB; the largest accepted is "
            f"{limit / 1_000_000:.0f} MB. Split the register into several files (by year, say)."
        )


def sniff_kind(data, file_name):
    """'xlsx' or 'csv' from the content (not only the name), or a refusal saying what it is."""
    name = (file_name or "").lower()
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in data:
            raise ImportRefused(
                "The workbook is password-protected (encrypted): open it in Excel, remove the "
                "password (File > Info > Protect Workbook), save and upload it again."
            )
        raise ImportRefused(
            "This is an old-format Excel (.xls) or Word (.doc) file: open it and save it as "
            ".xlsx (Excel Workbook) or .csv, then upload that."
        )
    if data.startswith(b"PK"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile as exc:
            raise ImportRefused("The file is damaged (not a readable .xlsx workbook).") from exc
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            raise ImportRefused(
                "This is a Word document, not a spreadsheet: copy its table into Excel, save it "
                "as .xlsx and upload that."
            )
        raise ImportRefused("This is not a spreadsheet: upload an .xlsx or .csv register.")
    if data.startswith(b"%PDF") or b"\x00" in data[:4096]:
        raise ImportRefused("This is not a spreadsheet: upload an .xlsx or .csv register.")
    if name.endswith((".xlsx", ".xlsm")):
        raise ImportRefused("The file is named .xlsx but is not an Excel workbook.")
    return "csv"


def decode_text(data):
    """CSV bytes as text: UTF-8 (with or without BOM), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def clean(value):
    """A cell value trimmed: strings stripped (empty -> None), datetimes at midnight -> date."""
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value.replace("\xa0", " ")).strip()
        return value or None
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def blank(cells):
    """True when a row holds nothing."""
    return all(c is None for c in cells)


def sniff_delimiter(sample):
    """The delimiter giving most rows the same, largest number of columns (title rows aside)."""
    lines = sample.splitlines()[:-1] or sample.splitlines()

    def score(delimiter):
        widths = Counter(len(r) for r in csv.reader(lines, delimiter=delimiter) if any(r))
        width, rows = max(widths.items(), key=lambda wr: (wr[1] * (wr[0] > 1), wr[0]))
        return (rows * (width > 1), width)

    return max(CSV_DELIMITERS, key=score) if any(lines) else ","


def csv_rows(data):
    """(row number, cleaned cells) of a CSV file, delimiter sniffed."""
    text = decode_text(data)
    delimiter = sniff_delimiter(text[:16384])
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        yield number, [clean(c) for c in cells]


def xlsx_rows(data):
    """(sheet name, iterator of (row number, cleaned cells)) of the first sheet."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged package
        raise ImportRefused(
            f"The workbook cannot be read ({exc}): save it again in Excel."
        ) from exc
    sheet = book.worksheets[0]
    uncached = uncached_formulas(data, book.sheetnames[0]) if has_formulas(data) else []
    if uncached:
        where = ", ".join(uncached[:5])
        raise ImportRefused(
            f"Cells {where} hold formulas without a saved result: open the workbook in Excel, "
            "let it calculate and save it (or paste the values), then upload it again."
        )

    def rows():
        for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [clean(c) for c in cells]
        book.close()

    return sheet.title, rows()


def has_formulas(data):
    """Whether any worksheet XML holds a formula element (cheap check before the slow one)."""
    package = zipfile.ZipFile(io.BytesIO(data))
    for name in package.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            with package.open(name) as part:
                while chunk := part.read(1 << 20):
                    if b"<f>" in chunk or b"<f " in chunk:
                        return True
    return False


def uncached_formulas(data, sheet_name):
    """Coordinates of formula cells whose cached value is missing."""
    import openpyxl

    formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    values = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    found = []
    pairs = zip(formulas[sheet_name].iter_rows(), values[sheet_name].iter_rows(), strict=False)
    for f_row, v_row in pairs:
        for f_cell, v_cell in zip(f_row, v_row, strict=False):
            if getattr(f_cell, "data_type", "") == "f" and v_cell.value is None:
                found.append(f_cell.coordinate)
    return found


def header_score(cells, known):
    """How many cells of a row are known column names."""
    return sum(1 for c in cells if isinstance(c, str) and known(c))


def find_header(head_rows, known):
    """Index of the header row among the first rows: the one with most known column names."""
    best, best_score = None, 1
    for index, (_number, cells) in enumerate(head_rows):
        score = header_score(cells, known)
        if score > best_score:
            best, best_score = index, score
    return best


def header_cells(head_rows, index):
    """Header texts, an empty cell taking the text of the cell above (vertically merged)."""
    cells = list(head_rows[index][1])
    above = head_rows[index - 1][1] if index > 0 else []
    for col, value in enumerate(cells):
        if value is None and col < len(above) and isinstance(above[col], str):
            cells[col] = above[col]
    texts = [str(c) if c is not None else "" for c in cells]
    return name_repeated_headers(texts, above)


def group_label(above, col):
    """The heading over a column: the nearest text at or left of it in the row above (a
    heading merged across several columns holds its text in the first cell only)."""
    for left in range(min(col, len(above) - 1), -1, -1):
        if isinstance(above[left], str):
            return above[left]
    return ""


def name_repeated_headers(texts, above):
    """A header repeated under different group headings (Suspect: Surname, Victim: Surname)
    is named by both ("Suspect Surname"), so each column can be told apart."""
    seen = Counter(" ".join(t.lower().split()) for t in texts if t)
    named = []
    for col, text in enumerate(texts):
        group = group_label(above, col) if seen[" ".join(text.lower().split())] > 1 else ""
        named.append(f"{group.strip()} {text.strip()}" if text and group else text)
    return named


def read_table(data, file_name, known, scan_rows, max_bytes):
    """Header and data rows of a register; `known(text)` tells a recognised column name."""
    refuse_size(len(data), max_bytes)
    kind = sniff_kind(data, file_name)
    if kind == "xlsx":
        sheet, rows = xlsx_rows(data)
    else:
        sheet, rows = "", csv_rows(data)
    head_rows = []
    for number, cells in rows:
        if not blank(cells):
            head_rows.append((number, cells))
        if len(head_rows) >= scan_rows:
            break
    if not head_rows:
        raise ImportRefused("The file holds no data: it is empty or every row is blank.")
    index = find_header(head_rows, known)
    if index is None:
        raise ImportRefused(
            "No header row found: the first rows must include column names such as Surname, "
            "Given name, Date of birth. Add a header row above the data and upload again."
        )
    headers = header_cells(head_rows, index)

    def data_rows():
        for number, cells in head_rows[index + 1 :]:
            yield number, cells
        for number, cells in rows:
            if not blank(cells):
                yield number, cells

    return Table(headers, head_rows[index][0], data_rows(), sheet)


def cell_text(value):
    """A cell value as text for reports."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)
