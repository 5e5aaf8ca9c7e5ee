"""Normalisation rules: accents, case, spacing, particles, surnames, nicknames, codes."""

import datetime

from common.persons.matching import PersonRecord, normalise
from common.persons.matching.normalise import normalise_district
from common.persons.matching.text import canonical_given, fold, nickname_groups, sound_key


def rec(**kw):
    return PersonRecord(record_id="x", **kw)


def test_accents_case_and_spacing_are_folded():
    assert fold("  JOSÉ   María ") == "jose maria"
    assert normalise(rec(given_name="Ángel", surname="PEÑA")).surnames == ("pena",)


def test_double_surname_kept_as_two_parts_and_connector_dropped():
    assert normalise(rec(surname="García y López")).surnames == ("garcia", "lopez")
    assert normalise(rec(surname="García-López")).surnames == ("garcia", "lopez")


def test_particles_join_the_following_word():
    forms = ["De la Cruz", "Delacruz", "De La Cruz", "de  la cruz"]
    assert {normalise(rec(surname=f)).surnames for f in forms} == {("delacruz",)}
    mc = normalise(rec(surname="Mc Kenzie")).surnames
    assert mc == normalise(rec(surname="McKenzie")).surnames == ("mckenzie",)


def test_generation_suffix_is_split_off():
    n = normalise(rec(given_name="John", surname="Young Jr."))
    assert n.surnames == ("young",) and n.suffix == "jr"


def test_second_given_name_becomes_a_middle_name():
    n = normalise(rec(given_name="Juan Carlos", middle_name="Andres"))
    assert n.given == "juan" and n.middles == ("carlos", "andres")


def test_nicknames_resolve_to_the_same_group():
    assert canonical_given("pancho") == "francisco"
    assert canonical_given("chepe") == "jose"
    assert canonical_given("bill") == "william"
    assert set(nickname_groups("johan")) & set(nickname_groups("john"))


def test_aliases_add_given_name_groups():
    n = normalise(rec(given_name="Francisco", aliases=("Chepe Garcia",)))
    assert "jose" in n.given_groups and "francisco" in n.given_groups


def test_sound_key_suits_spanish_and_english_spellings():
    assert sound_key("Gonzalez") == sound_key("Gonsales")
    assert sound_key("Friesen") == sound_key("Friessen")
    assert sound_key("Coc") != sound_key("Choc")


def test_districts_map_to_iso_codes():
    assert normalise_district("Orange Walk") == "OW"
    assert normalise_district("Dangriga") == "SC"
    assert normalise_district("cayo district") == "CY"
    assert normalise_district("TOL") == "TOL"


def test_dates_sex_and_identifiers():
    n = normalise(
        rec(date_of_birth=datetime.date(1990, 4, 3), sex="female", national_id=" 123-456 789 ")
    )
    assert (n.year, n.month, n.day, n.sex, n.national_id) == (1990, 4, 3, "F", "123456789")
