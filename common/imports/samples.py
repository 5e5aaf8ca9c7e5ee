"""Messy register files like the agencies keep, generated deterministically (tests, benchmark)."""

import io
import random
import re
import zipfile
from datetime import date, datetime, timedelta

INMATE_HEADER = [
    "Reg No", "Apellido ", "Nombre", "Fecha de Nacimiento", "Sex", "District ",
    "Date Admitted", "Offence", "Status", "Court", "Date released",
]  # fmt: skip
INMATE_ROWS = [
    ["2019/001", "Peña ", "José", date(1988, 5, 2), "M", "Belize", "12/03/2019",
     "Murder", "Remand", "Belize Magistrate's Court", "2019-09-30"],
    ["2019/002", "Castillo", "Marvin ", "14/03/1990", "Male", "Cayo", "2019-04-02",
     "cc117", "Sentenced", "Supreme Court", None],
    None,
    ["2019/003", "Núñez", "María José", "1995-11-23", "F", "Orange Walk", "12-Mar-19",
     "Attempted murder", "remanded", "", None],
    ["2019/004", "Young", "Kareem", 32874, "M", "stann creek", 43560,
     "CC117", "Convicted", "Supreme Court", None],
    [None] * 11,
    ["2020/001", "Peña", "Jose", date(1988, 5, 2), "M", "BZ", datetime(2020, 1, 15),
     "Murder", "Sentenced", "Supreme Court", None],
    ["2020/002", "Bautista ", " Ana", "03-Jun-92", "Female", "Toledo", "5/06/2020",
     "CC-ATTMUR", "REMAND", "Punta Gorda Magistrate's Court", "2020-07-01"],
]  # fmt: skip
ERROR_ROWS = [
    ["2021/001", "Gómez", "Luis", "1980-01-01", "M", "Belize", "2021-02-30", "Murder", "Remand"],
    ["2021/002", "", "Rita", "1981-02-02", "F", "Gotham", "2021-03-01", "Jaywalking", "Remand"],
    ["2021/003", "Flowers", "Dean", "1982-03-03", "X", "Cayo", "2021-03-02", "Murder", "Free"],
]
COURT_HEADER = [
    "Case No", "Court", "Filed", "Prosecutor", "Surname", "Given name", "D.O.B.", "Sexo",
    "Offence", "Particulars", "Next date", "For",
]  # fmt: skip
COURT_ROWS = [
    ["mcbz-cr-2019-0101", "MCBZ", "12/03/2019", "Police", "Peña", "José", "02/05/1988", "M",
     "Murder", "Queen St, 11 Mar 2019", "2026-01-20", "Mention"],
    ["MCBZ-CR-2019-0101", "MCBZ", "12/03/2019", "Police", "Peña", "José", "02/05/1988", "M",
     "CC-ATTMUR", "second victim", "2026-01-20", "Mention"],
    ["MCBZ-CR-2019-0101 ", "MCBZ", "12/03/2019", "Police", "Flores", "Dénnis", "1990-07-07",
     "M", "Murder", "", "2026-01-20", "Mention"],
    [],
    ["SC-CR-2020-0007", "Supreme Court (Belize City)", "2020-02-03", "DPP", "Núñez",
     "María José", "23-Nov-95", "F", "CC117", "", "14-Feb-26", "Trial"],
]  # fmt: skip
LAB_GROUPS = [("Caso", 7), ("Evidencia", 4), ("Sospechoso", 4), ("Víctima", 5)]
LAB_HEADER = [
    "No. Lab", "Referencia ", "Agencia", "Oficial", "Delito", "Fecha de recepción", "Distrito",
    "No. Evidencia", "Tipo", "Descripción", "Sello",
    "Apellido", "Nombre", "Fecha de nacimiento", "Sexo",
    "Apellido", "Nombre", "Fecha de nacimiento", "Sexo", "Fallecido",
]  # fmt: skip
BPD = "Belize Police Department"
LAB_ROWS = [
    ["L-19/045", "CR-BZ-2019-0456", BPD, "PC Andrea Young", "Murder", "12/03/2019", "Belize",
     1, "Arma de fuego", "Pistola 9 mm Taurus, serie TJ1234 ", "S-1001",
     "Peña ", "José", date(1988, 5, 2), "M", "Flowers", "Dean", "1982-03-03", "M", "Sí"],
    ["L-19/045", "CR-BZ-2019-0456 ", BPD + " ", "PC Andrea Young", "Murder", "12/03/2019",
     "Belize", 2, "casquillos", "Tres casquillos 9 mm", "S-1002, S-1003",
     "Peña", "José ", date(1988, 5, 2), "M", "Flowers", "Dean", "1982-03-03", "M", "si"],
    None,
    ["L-19/051", "CY-2019-0078", BPD, "Cpl. Marvin Castillo", "Attempted murder", "2019-04-02",
     "Cayo", 1, "Ropa", "Camisa con manchas rojizas", None,
     "Núñez", "María José", "1995-11-23", "F", None, None, None, None],
    [None] * 19,
    ["L-20/003", "OW-2020-0011", "Customs Department", "Officer Ana Bautista", "CC117", 43905,
     "Orange Walk", 1, "Drogas", "Hierba seca (250 g) en bolsa plástica", "C-77",
     "Young", "Kareem", 32874, "Masculino", None, None, None, None],
    ["L-20/003", "OW-2020-0011", "Customs Department", "Officer Ana Bautista", "CC117", 43905,
     "Orange Walk", 2.0, "Teléfono", "Teléfono Samsung negro", "C-78",
     "Young", "Kareem", 32874, "Masculino", None, None, None, None],
    ["L-20/019", "SC-2020-0100", BPD, "PC Shanice Usher", "Wounding", "5-Jun-20", "Stann Creek",
     1, "Sangre", "Hisopo con sangre de la escena", "S-2001",
     None, None, None, None, "Gómez", "Luis", "01/01/1980", "M", "No"],
]  # fmt: skip
FIRST_NAMES = ["José", "Marvin", "Ana", "Kareem", "María", "Dean", "Rita", "Luis", "Shanice"]
SURNAMES = ["Peña", "Castillo", "Núñez", "Young", "Bautista", "Flowers", "Gómez", "Usher"]
OFFENCES = ["Murder", "CC117", "Attempted murder", "CC-ATTMUR"]
STATUSES = ["Remand", "Sentenced", "Convicted", "remanded"]
DISTRICTS = ["Belize", "Cayo", "Corozal", "Orange Walk", "Stann Creek", "Toledo"]


FIXED_TIME = datetime(2026, 1, 1)


def stable(book):
    """The workbook's bytes, identical on every run (fixed properties and zip entry dates)."""
    book.properties.created = book.properties.modified = FIXED_TIME
    out = io.BytesIO()
    book.save(out)
    return repack(out.getvalue())


def repack(data):
    """A zip package rewritten with fixed entry dates."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", body
                )
            target.writestr(entry, body)
    return out.getvalue()


def inmates_xlsx(rows=None):
    """The inmates register as a workbook: title, merged group headers, blank rows."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Admissions"
    sheet["A1"] = "BELIZE CENTRAL PRISON - ADMISSION REGISTER 2019-2020"
    sheet.merge_cells("A1:K1")
    sheet.append([])
    sheet.append(["Reg No", "Person", None, None, None, None, "Committal"])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:F3")
    sheet.merge_cells("G3:K3")
    sheet.append([None] + INMATE_HEADER[1:])
    for row in INMATE_ROWS if rows is None else rows:
        sheet.append(row or [])
    return stable(book)


def inmates_errors_csv():
    """A CSV register whose rows break rules: bad date, unknown district/offence/status."""
    lines = [",".join(INMATE_HEADER[:9])]
    lines += [",".join(row) for row in ERROR_ROWS]
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def court_csv():
    """The case register as a semicolon CSV in Windows-1252, with a blank line and spaces."""
    lines = ["Registro de causas - Belize City;;;", ""]
    lines.append(";".join(COURT_HEADER))
    lines += [";".join(str(c) for c in row) for row in COURT_ROWS]
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def lab_xlsx(rows=None):
    """The lab register: Spanish headers under merged group headings, blank rows, one row
    per item with the case repeated."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Registro"
    sheet["A1"] = "SERVICIO NACIONAL DE CIENCIAS FORENSES - REGISTRO DE CASOS 2019-2020"
    sheet.merge_cells("A1:T1")
    sheet.append([])
    groups, column = [], 1
    for label, width in LAB_GROUPS:
        groups += [label] + [None] * (width - 1)
        sheet.merge_cells(start_row=3, start_column=column, end_row=3,
                          end_column=column + width - 1)  # fmt: skip
        column += width
    for col, label in enumerate(groups, start=1):
        if label:
            sheet.cell(row=3, column=col, value=label)
    sheet.append(LAB_HEADER)
    for row in LAB_ROWS if rows is None else rows:
        sheet.append(row or [])
    return stable(book)


def formulas_xlsx():
    """A workbook with formulas never calculated (no cached values)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(INMATE_HEADER)
    sheet.append(["2019/001", "Peña", "José", "=DATE(1988,5,2)", "M", "Belize", "=TODAY()"])
    return stable(book)


ENCRYPTED_PASSWORD = "Belize-2019"  # noqa: S105 (a sample file's published password)


class FixedClock(datetime):
    """A datetime whose now() is FIXED_TIME (the stamps an encrypted package carries)."""

    @classmethod
    def now(cls, tz=None):
        return FIXED_TIME


def encrypted_xlsx():
    """The inmates register saved with a password, as Excel does (ECMA-376 agile encryption).

    Salts from a seeded generator and fixed directory times keep the file the same on every
    run: it is a sample whose password is published above, not a secret.
    """
    from msoffcrypto.format.ooxml import OOXMLFile
    from msoffcrypto.method import ecma376_agile
    from msoffcrypto.method.container import ecma376_encrypted

    seeded = random.Random(2019)
    saved = ecma376_agile._random_buffer, ecma376_encrypted.datetime
    ecma376_agile._random_buffer = seeded.randbytes
    ecma376_encrypted.datetime = FixedClock
    try:
        out = io.BytesIO()
        OOXMLFile(io.BytesIO(inmates_xlsx())).encrypt(ENCRYPTED_PASSWORD, out)
    finally:
        ecma376_agile._random_buffer, ecma376_encrypted.datetime = saved
    return out.getvalue()


def word_docx():
    """A minimal Word document (a table typed in Word is not a spreadsheet)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document/>")
    return repack(out.getvalue())


def no_header_csv():
    """Numbers without any column names."""
    return b"1,2,3\n4,5,6\n7,8,9\n"


def random_inmate_rows(count, seed=7):
    """`count` plausible register rows (mixed date formats), for the benchmark.

    The persons are the suite's synthetic Belize population. Every row is a past admission
    with its release date, so a person the index links to an earlier row is never refused
    as "already in custody".
    """
    from common.persons.synthetic import PopulationGenerator

    rng, people, seen, n = random.Random(seed), PopulationGenerator(seed=seed), set(), 0
    last_day = date(2026, 11, 1)
    while n < count:
        for person in people.people(min(count, 10_000)):
            adult = person.date_of_birth + timedelta(days=18 * 365)
            key = (person.given_name.split()[0], person.surname.split()[0], person.date_of_birth)
            if (last_day - adult).days < 2 or key in seen or n >= count:
                continue
            seen.add(key)
            span = (last_day - adult).days
            admitted = adult + timedelta(days=rng.randrange(max(1, min(9000, span - 1))))
            released = admitted + timedelta(days=1 + rng.randrange((last_day - admitted).days))
            shown = [admitted.isoformat(), f"{admitted:%d/%m/%Y}", f"{admitted:%d-%b-%y}"]
            yield [f"B{n:07d}", person.surname, person.given_name, person.date_of_birth,
                   person.sex, rng.choice(DISTRICTS), rng.choice(shown), rng.choice(OFFENCES),
                   rng.choice(STATUSES), "Supreme Court", released.isoformat()]  # fmt: skip
            n += 1


def write_samples(folder):
    """Write every sample file into `folder`; returns their names."""
    files = {
        "inmates_register.xlsx": inmates_xlsx(),
        "inmates_errors.csv": inmates_errors_csv(),
        "lab_register.xlsx": lab_xlsx(),
        "court_register.csv": court_csv(),
        "formulas.xlsx": formulas_xlsx(),
        "encrypted.xlsx": encrypted_xlsx(),
        "register.docx": word_docx(),
        "no_header.csv": no_header_csv(),
        "empty.csv": b"",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return sorted(files)
