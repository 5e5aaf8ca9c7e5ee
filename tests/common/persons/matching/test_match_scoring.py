"""Scores, explanations, decisions and the refusals that protect different people."""

import datetime

import pytest

from common.persons.matching import MatchModel, MatchSettings, PersonRecord

D = datetime.date
MODEL = MatchModel.default()


def person(rid, given="Francisco", surname="García López", dob=D(1985, 3, 4), **kw):
    kw.setdefault("sex", "M")
    kw.setdefault("district", "Cayo")
    return PersonRecord(rid, given, kw.pop("middle", ""), surname, dob, **kw)


def lines(cmp):
    return cmp.explain()


def item(cmp, field):
    found = [i for i in cmp.explanation if i.field == field]
    assert found, f"no {field} in {lines(cmp)}"
    return found[0]


def test_identical_records_match_with_positive_items():
    c = MODEL.score(person("a"), person("b"))
    assert c.decision == "match"
    assert c.score == pytest.approx(sum(i.weight for i in c.explanation), abs=1e-3)
    assert "surname: both surnames agree" in str(item(c, "surname"))


def test_explanation_line_format():
    c = MODEL.score(person("a"), person("b", dob=D(1985, 4, 3)))
    dob = item(c, "date_of_birth")
    assert dob.text == "day and month swapped" and dob.weight > 0
    assert str(dob) == f"date of birth: day and month swapped ({dob.weight:+.1f})"
    assert dob.to_dict()["field"] == "date_of_birth"


def test_surnames_compared_as_a_set():
    same = MODEL.score(person("a"), person("b", surname="López García"))
    dropped = MODEL.score(person("a"), person("b", surname="García"))
    other = MODEL.score(person("a"), person("b", surname="Pérez"))
    assert item(same, "surname").text.startswith("both surnames agree")
    assert item(dropped, "surname").text.startswith("one surname dropped")
    assert 0 < item(dropped, "surname").weight < item(same, "surname").weight
    assert item(other, "surname").weight < 0


def test_nickname_and_transposition():
    nick = MODEL.score(person("a"), person("b", given="Pancho"))
    assert item(nick, "given_name").text.startswith("same name, nickname or alias")
    assert nick.decision == "match"
    swapped = MODEL.score(
        person("a", surname="Garcia"), person("b", given="Garcia", surname="Francisco")
    )
    assert "transposed" in item(swapped, "given_name").text
    assert swapped.decision == "match"


@pytest.mark.parametrize(
    "dob,text",
    [
        (D(1986, 3, 4), "year differs slightly (1985 / 1986)"),
        (D(1985, 3, 9), "day differs, month and year agree"),
    ],
)
def test_date_slips_are_partial_agreement(dob, text):
    c = MODEL.score(person("a"), person("b", dob=dob))
    assert item(c, "date_of_birth").text == text
    assert item(c, "date_of_birth").weight > 0


def test_missing_date_is_neutral():
    c = MODEL.score(person("a"), person("b", dob=None))
    assert all(i.field != "date_of_birth" for i in c.explanation)


def test_twins_are_not_linked():
    a = person("a", given="Francisco", address="4 Church St, Benque Viejo")
    b = person("b", given="Miguel", address="4 Church St, Benque Viejo")
    c = MODEL.score(a, b)
    assert c.decision != "match"
    assert any("possible twin" in line for line in lines(c))


def test_father_and_son_with_the_same_name_are_not_linked():
    father = person(
        "a", given="John", surname="Young", dob=D(1960, 2, 1), address="12 Albert St, Belize City"
    )
    son = person(
        "b",
        given="John",
        surname="Young Jr",
        dob=D(1988, 7, 9),
        address="12 Albert St, Belize City",
    )
    assert MODEL.score(father, son).decision != "match"
    jr_sr = MODEL.score(
        person("c", given="John", surname="Young Sr"), person("d", given="John", surname="Young Jr")
    )
    assert jr_sr.decision == "new"


def test_common_name_alone_is_not_a_match():
    a = PersonRecord("a", "Jose", "", "Garcia", None, "M")
    b = PersonRecord("b", "Jose", "", "Garcia", None, "M")
    assert MODEL.score(a, b).decision != "match"


def test_short_maya_surnames_are_not_fuzzy_matched():
    c = MODEL.score(person("a", surname="Coc"), person("b", surname="Choc"))
    assert item(c, "surname").text.startswith("surnames differ")


def test_term_frequency_rare_surname_weighs_more():
    records = [person(str(k), given=f"G{k}", surname="Friesen", dob=None) for k in range(200)]
    records += [person("r1", surname="Zetina Quiroz"), person("r2", surname="Zetina Quiroz")]
    model = MatchModel.default().fit(records, random_pairs=5000)
    common = model.score(person("x", surname="Friesen"), person("y", surname="Friesen"))
    rare = model.score(person("x", surname="Zetina"), person("y", surname="Zetina"))
    assert item(rare, "surname").weight > item(common, "surname").weight
    assert "common" in item(common, "surname").text


def test_thresholds_are_configurable():
    a, b = person("a"), person("b", dob=None, district="")
    strict = MatchSettings(match_threshold=100, review_threshold=50)
    assert MODEL.score(a, b, strict).decision == "new"
    with pytest.raises(ValueError):
        MatchSettings(match_threshold=1, review_threshold=2)


def test_model_json_round_trip():
    records = [person(str(k), given=g) for k, g in enumerate(["Ana", "Juan", "Rosa", "Luis"])]
    model = MatchModel.default().fit(records, random_pairs=100)
    again = MatchModel.from_json(model.to_json())
    a, b = person("a"), person("b", dob=D(1985, 4, 3))
    assert again.score(a, b).score == pytest.approx(model.score(a, b).score)
    assert again.trained


def test_only_name_written_as_given_name_is_compared_with_the_surname():
    # a register line with only "Coc", in the given-name column
    lone = person("a", given="Coc", surname="", dob=D(1990, 1, 2), sex="F")
    full = person("b", given="Maria", surname="Coc", dob=D(1990, 1, 2), sex="F")
    c = MODEL.score(lone, full)
    sur = item(c, "surname")
    assert sur.text == "the only name, written as a given name, is the surname"
    assert sur.weight > 0
    assert not [i for i in c.explanation if i.field == "given_name"]  # given name unknown
    assert not [i for i in c.explanation if i.field == "rule"]
    assert MODEL.score(full, lone).score == pytest.approx(c.score)


def test_only_name_against_a_double_surname_or_a_misspelling():
    lone = person("a", given="Lopez", surname="", dob=None)
    double = MODEL.score(lone, person("b", given="Juan", surname="García López", dob=None))
    assert item(double, "surname").weight == pytest.approx(MODEL.weight_table["surname"][1])
    typo = MODEL.score(person("c", given="Friessen", surname=""), person("d", surname="Friesen"))
    assert item(typo, "surname").text.endswith("is spelt like the surname")


def test_only_name_that_is_no_surname_of_the_other_still_differs():
    lone = person("a", given="Pedro", surname="")
    c = MODEL.score(lone, person("b", given="Juan", surname="Coc"))
    assert item(c, "given_name").text.startswith("given names differ")
    assert not [i for i in c.explanation if i.field == "surname"]


def test_term_frequency_a_rare_place_of_birth_weighs_more_belize_districts_do_not():
    from collections import Counter

    from common.persons.matching.table import TermFrequencies

    places = Counter({"CY": 9_000, "TOL": 100, "london": 3_000, "drewsteignton": 2})
    model = MatchModel(tf=TermFrequencies(total=10_000, districts=places))
    default = MODEL.weight_table["district"][0]
    # the six districts keep their calibrated weight, however the index is spread
    cayo = model.score(person("a"), person("b"))
    toledo = model.score(person("a", district="Toledo"), person("b", district="Punta Gorda"))
    assert item(toledo, "district").text == "same district"
    assert item(cayo, "district").weight == pytest.approx(default)
    assert item(toledo, "district").weight == pytest.approx(default)
    # an old register's place of birth: one of thousands says more than a big city
    london = model.score(person("a", district="London"), person("b", district="london"))
    rare = model.score(person("a", district="Drewsteignton"), person("b", district="DREWSTEIGNTON"))
    assert item(rare, "district").weight > default > item(london, "district").weight
    again = MatchModel.from_json(model.to_json())
    assert again.tf.districts == places
    again_rare = again.score(
        person("a", district="drewsteignton"), person("b", district="drewsteignton")
    )
    assert again_rare.score == pytest.approx(rare.score)
    # without district counts (an older saved model) the default weight applies
    plain = MatchModel(tf=TermFrequencies(total=10_000))
    same = plain.score(person("a", district="London"), person("b", district="London"))
    assert item(same, "district").weight == pytest.approx(default)
