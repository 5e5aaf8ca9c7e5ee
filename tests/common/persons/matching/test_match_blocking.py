"""Blocking keys: variants share a key, look-ups scale by key, not by pairs."""

import datetime

from common.persons.matching import PersonRecord, blocking_keys
from common.persons.matching.blocking import candidate_pairs, normalise_all

D = datetime.date


def test_keys_are_strings_and_stable():
    r = PersonRecord("1", "Francisco", "", "García López", D(1985, 3, 4), "M")
    assert blocking_keys(r) == blocking_keys(r)
    assert all(isinstance(k, str) for k in blocking_keys(r))


def shares_key(a, b):
    return bool(blocking_keys(a) & blocking_keys(b))


def test_variants_share_a_key():
    base = PersonRecord("1", "Francisco", "", "García López", D(1985, 3, 4))
    variants = [
        PersonRecord("2", "Pancho", "", "Lopez Garcia", D(1985, 3, 4)),  # nickname, reorder
        PersonRecord("3", "Francisco", "", "Garcia", D(1985, 4, 3)),  # dropped, day/month
        PersonRecord("4", "Francisco", "", "Garcia", D(1958, 3, 4)),  # year slip
        PersonRecord("5", "Garcia", "", "Francisco", None),  # transposed, no date
        PersonRecord("6", "F", "", "Other", None, national_id="A1234"),
    ]
    base_with_id = PersonRecord(
        "1", "Francisco", "", "García López", D(1985, 3, 4), national_id="A-1234"
    )
    for v in variants[:4]:
        assert shares_key(base, v), v
    assert shares_key(base_with_id, variants[4])


def test_unrelated_records_share_no_key():
    a = PersonRecord("1", "Maria", "", "Coc", D(1990, 1, 2))
    b = PersonRecord("2", "Pedro", "", "Friesen", D(1970, 5, 6))
    assert not shares_key(a, b)


def test_candidate_pairs_skip_oversized_blocks():
    people = [PersonRecord(str(k), "Jose", "", "Garcia") for k in range(100)]
    assert len(candidate_pairs(normalise_all(people), max_block=250)) == 0
    few = people[:5]
    assert len(candidate_pairs(normalise_all(few))) == 10


def test_link_candidates_only_cross_the_split():
    recs = [PersonRecord(str(k), "Ana", "", "Cal", D(2000, 1, 1)) for k in range(4)]
    pairs = candidate_pairs(normalise_all(recs), split_at=2)
    assert {tuple(p) for p in pairs.tolist()} == {(0, 2), (0, 3), (1, 2), (1, 3)}


def test_one_name_written_in_the_other_field_still_meets_its_record():
    # a register line with only "Coc" (in the given-name column) and the date of birth
    full = PersonRecord("1", "Maria", "", "Coc", D(1990, 1, 2))
    one_name = PersonRecord("2", "Coc", "", "", D(1990, 1, 2))
    other_date = PersonRecord("3", "Coc", "", "", D(1991, 1, 2))
    assert shares_key(full, one_name)
    assert not shares_key(full, other_date)


def test_same_address_and_a_name_word_make_candidates():
    a = PersonRecord("1", "Wilfred", "", "Young", None, address="12 Pickstock St, Belize City")
    b = PersonRecord("2", "Wil", "", "Yung-Castillo", None, address="12 Pickstock St Belize City")
    c = PersonRecord("3", "Ana", "", "Pop", None, address="12 Pickstock St, Belize City")
    assert shares_key(a, b)
    assert not shares_key(a, c)


def test_place_keys_find_a_one_name_undated_line_only_when_asked():
    # an old register line: only "Pope" in the given-name column, no date, place of birth
    full = PersonRecord("1", "Thomas", "", "Pope", D(1501, 1, 1), district="Cayo")
    one_name = PersonRecord("2", "Pope", "", "", None, district="Cayo")
    elsewhere = PersonRecord("3", "Pope", "", "", None, district="Toledo")
    assert not shares_key(full, one_name)
    place = blocking_keys(full, place_keys=True) & blocking_keys(one_name, place_keys=True)
    assert place and all(k.startswith("pw:CY:") for k in place)
    assert not blocking_keys(full, place_keys=True) & blocking_keys(elsewhere, place_keys=True)
    recs = normalise_all([full, one_name, elsewhere])
    assert len(candidate_pairs(recs)) == 0
    assert candidate_pairs(recs, place_keys=True).tolist() == [[0, 1]]


def test_place_keys_skip_a_district_full_of_the_same_name():
    people = [PersonRecord(str(k), "Maria", "", "", None, district="Cayo") for k in range(41)]
    assert len(candidate_pairs(normalise_all(people), place_keys=True)) == 0
    assert len(candidate_pairs(normalise_all(people[:3]), place_keys=True)) == 3


def test_only_the_archive_profile_uses_place_keys():
    from common.persons.matching import MatchSettings, dedupe

    assert not MatchSettings().place_keys
    assert MatchSettings.profile("archive").place_keys
    records = [
        PersonRecord("1", "Thomas", "", "Pope", D(1501, 1, 1), "M", district="Cayo"),
        PersonRecord("2", "Thomas", "", "Pope", D(1501, 1, 1), "M", district="Cayo"),
        PersonRecord("3", "Pope", "", "", None, district="Cayo"),
    ]
    # a candidate is not a link: the one-name line stays apart even in the archive profile
    clusters = dedupe(records, settings=MatchSettings.profile("archive"))
    assert clusters["1"] == clusters["2"] != clusters["3"]
