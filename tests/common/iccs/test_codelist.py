"""Tests for the ICCS code list and the Belize offence mapping."""

from pathlib import Path

import pytest

from common.iccs import codelist
from common.iccs.codelist import (
    LEVEL_BY_LENGTH,
    SEVERITIES,
    IccsCode,
    NationalOffence,
    iccs_for,
    load_iccs,
    load_national_offences,
    section_of,
    validate_mapping,
)

OFFENCE_HEADER = "national_code,title,act,section,iccs_code,severity\n"
GOOD_ROW = 'CC117,Murder,"Criminal Code, Cap. 101",117,0101,indictable\n'


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def iccs() -> dict[str, IccsCode]:
    return load_iccs()


@pytest.fixture(scope="module")
def offences() -> dict[str, NationalOffence]:
    return load_national_offences()


# --- the ICCS code list ---------------------------------------------------------------


def test_eleven_sections(iccs):
    sections = sorted(code for code, item in iccs.items() if item.level == 1)
    assert sections == [f"{n:02d}" for n in range(1, 12)]


def test_section_labels(iccs):
    assert iccs["01"].label == "Acts leading to death or intending to cause death"
    assert iccs["05"].label == "Acts against property only"
    assert iccs["11"].label == "Other criminal acts not elsewhere classified"


def test_level_matches_code_length(iccs):
    for code, item in iccs.items():
        assert item.code == code
        assert item.level == LEVEL_BY_LENGTH[len(code)], code


def test_sections_have_no_parent(iccs):
    assert all(item.parent_code is None for item in iccs.values() if item.level == 1)


def test_every_parent_exists_one_level_up_and_is_a_prefix(iccs):
    for code, item in iccs.items():
        if item.level == 1:
            continue
        parent = iccs.get(item.parent_code)
        assert parent is not None, f"{code}: parent {item.parent_code!r} missing"
        assert parent.level == item.level - 1, code
        assert code.startswith(parent.code), code


def test_every_section_has_divisions(iccs):
    for section in (code for code, item in iccs.items() if item.level == 1):
        assert any(item.parent_code == section for item in iccs.values()), section


def test_labels_are_clean(iccs):
    for item in iccs.values():
        assert item.label and item.label == item.label.strip(), item.code


def test_well_known_codes(iccs):
    assert iccs["0101"].label == "Intentional homicide"
    assert iccs["0401"].label == "Robbery"
    assert iccs["020111"].label == "Serious assault"
    assert iccs["020111"].parent_code == "02011"


# --- the national mapping -------------------------------------------------------------


def test_mapping_size(offences):
    assert 50 <= len(offences) <= 70


def test_every_offence_maps_to_an_existing_code(iccs, offences):
    for key, offence in offences.items():
        assert offence.national_code == key
        assert offence.iccs_code in iccs, key


def test_every_offence_has_title_act_and_severity(offences):
    for key, offence in offences.items():
        assert offence.title and offence.act, key
        assert offence.severity in SEVERITIES, key


def test_murder_maps_to_intentional_homicide(offences):
    murder = offences["CC117"]
    assert murder.title == "Murder"
    assert murder.section == "117"
    assert murder.iccs_code == "0101"
    assert iccs_for("CC117").label == "Intentional homicide"


def test_robbery_maps_to_robbery(offences):
    robbery = [o for o in offences.values() if o.title == "Robbery"]
    assert len(robbery) == 1
    assert robbery[0].iccs_code == "0401"
    assert section_of(robbery[0].iccs_code) == "04"


def test_firearm_and_drug_offences_land_in_their_sections(offences):
    assert section_of(offences["FA3-FIREARM"].iccs_code) == "09"
    assert section_of(offences["MDA7"].iccs_code) == "06"


# --- section_of -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "section"),
    [("01", "01"), ("0101", "01"), ("02011", "02"), ("020111", "02"), (" 0401 ", "04")],
)
def test_section_of(code, section):
    assert section_of(code) == section


@pytest.mark.parametrize("code", ["", "1", "010", "0101111", "AB01", "01.01"])
def test_section_of_rejects_non_codes(code):
    with pytest.raises(ValueError):
        section_of(code)


# --- validate_mapping -----------------------------------------------------------------


def test_shipped_data_is_valid():
    assert validate_mapping() == []


def test_unknown_iccs_code_is_reported(tmp_path):
    path = write(
        tmp_path,
        "offences.csv",
        OFFENCE_HEADER + GOOD_ROW + "XX1,Made-up offence,Some Act,,9999,summary\n",
    )
    problems = validate_mapping(path)
    assert len(problems) == 1
    assert "XX1" in problems[0]
    assert "unknown ICCS code '9999'" in problems[0]
    assert "line 3" in problems[0]


def test_duplicate_national_code_is_reported(tmp_path):
    path = write(tmp_path, "offences.csv", OFFENCE_HEADER + GOOD_ROW + GOOD_ROW)
    problems = validate_mapping(path)
    assert problems == [
        "offences line 3, national code 'CC117': duplicate national code (first on line 2)"
    ]


def test_bad_severity_is_reported(tmp_path):
    path = write(
        tmp_path,
        "offences.csv",
        OFFENCE_HEADER + 'CC117,Murder,"Criminal Code, Cap. 101",117,0101,felony\n',
    )
    problems = validate_mapping(path)
    assert len(problems) == 1
    assert "severity 'felony'" in problems[0]


def test_broken_code_list_is_reported(tmp_path):
    iccs_path = write(
        tmp_path,
        "iccs.csv",
        "code,level,parent_code,label\n"
        "01,1,,Acts leading to death or intending to cause death\n"
        "0101,2,01,Intentional homicide\n"
        "0201,2,02,Assaults and threats\n"
        "01011,2,0101,Wrong level\n",
    )
    offences_path = write(tmp_path, "offences.csv", OFFENCE_HEADER + GOOD_ROW)
    problems = validate_mapping(offences_path, iccs_path)
    assert any("'0201'" in p and "parent code '02' is not in the code list" in p for p in problems)
    assert any("'01011'" in p and "level is '2'" in p for p in problems)


# --- loaders --------------------------------------------------------------------------


def test_loaders_accept_a_path(tmp_path):
    path = write(tmp_path, "offences.csv", OFFENCE_HEADER + GOOD_ROW)
    assert list(load_national_offences(path)) == ["CC117"]


def test_loader_rejects_duplicates(tmp_path):
    path = write(tmp_path, "offences.csv", OFFENCE_HEADER + GOOD_ROW + GOOD_ROW)
    with pytest.raises(ValueError, match="appears twice"):
        load_national_offences(path)


def test_loader_rejects_missing_columns(tmp_path):
    path = write(tmp_path, "iccs.csv", "code,label\n01,Acts\n")
    with pytest.raises(ValueError, match="missing column"):
        load_iccs(path)


def test_loaders_are_cached_and_return_copies():
    first = load_iccs()
    first.pop("01")
    assert "01" in load_iccs()
    assert codelist._iccs.cache_info().hits >= 1


def test_clear_cache_rereads(tmp_path):
    path = write(tmp_path, "offences.csv", OFFENCE_HEADER + GOOD_ROW)
    assert len(load_national_offences(path)) == 1
    path.write_text(OFFENCE_HEADER, encoding="utf-8")
    assert len(load_national_offences(path)) == 1
    codelist.clear_cache()
    assert load_national_offences(path) == {}
