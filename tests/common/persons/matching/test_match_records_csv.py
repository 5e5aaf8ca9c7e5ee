"""The CSV reader: good input, and clear errors naming the row for bad input."""

import datetime

import pytest

from common.persons.matching import InputError, read_records_csv


def write(tmp_path, text, name="in.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_reads_records_and_ignores_unknown_columns(tmp_path):
    path = write(
        tmp_path,
        "record_id,given_name,surname,date_of_birth,sex,aliases,extra\n"
        "1,José,Pérez,1990-04-03,m,Chepe; Pepe ,x\n2,,,,,,\n",
    )
    first, second = read_records_csv(path)
    assert first.given_name == "José" and first.date_of_birth == datetime.date(1990, 4, 3)
    assert first.sex == "M" and first.aliases == ("Chepe", "Pepe")
    assert second.record_id == "2" and second.date_of_birth is None and second.sex == "U"


def test_missing_record_id_column(tmp_path):
    path = write(tmp_path, "id,given_name\n1,Ana\n")
    with pytest.raises(InputError, match="no record_id column"):
        read_records_csv(path)


def test_duplicate_ids_name_both_rows(tmp_path):
    path = write(tmp_path, "record_id,given_name\n1,Ana\n2,Luis\n1,Rosa\n")
    with pytest.raises(InputError, match=r"row 4: record_id '1' is a duplicate of row 2"):
        read_records_csv(path)


def test_unparseable_date_names_the_row(tmp_path):
    path = write(tmp_path, "record_id,date_of_birth\n1,1990-01-01\n2,03/04/1990\n")
    with pytest.raises(InputError, match=r"row 3: date_of_birth '03/04/1990'.*YYYY-MM-DD"):
        read_records_csv(path)


def test_empty_record_id_names_the_row(tmp_path):
    path = write(tmp_path, "record_id,given_name\n,Ana\n")
    with pytest.raises(InputError, match="row 2: record_id is empty"):
        read_records_csv(path)


@pytest.mark.parametrize("content", [b"", b"\xff\xfe\x00\x00binary\x00", b"record_id\n\x00\n"])
def test_unparseable_files(tmp_path, content):
    with pytest.raises(InputError):
        read_records_csv(write(tmp_path, content))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_records_csv(tmp_path / "nope.csv")
