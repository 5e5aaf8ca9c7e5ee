"""link (one-to-one), dedupe (no chaining), the in-memory index and the file operations."""

import csv
import datetime

from common.persons.matching import MatchIndex, PersonRecord, dedupe, link
from common.persons.matching.cli_ops import dedupe_file, link_files

D = datetime.date


def p(rid, given, surname, dob, **kw):
    kw.setdefault("sex", "M")
    kw.setdefault("district", "BZ")
    return PersonRecord(rid, given, "", surname, dob, **kw)


LEFT = [
    p("L1", "Francisco", "García López", D(1985, 3, 4)),
    p("L2", "Maria", "Coc", D(1990, 6, 7), sex="F"),
    p("L3", "Peter", "Friesen", D(1975, 1, 2)),
]
RIGHT = [
    p("R1", "Pancho", "Lopez Garcia", D(1985, 4, 3)),
    p("R2", "María", "Coc", D(1990, 6, 7), sex="F"),
    p("R3", "Abram", "Wiebe", D(1966, 9, 9)),
]


def test_link_finds_true_pairs_only():
    rows = link(LEFT, RIGHT)
    matches = {(a, b) for a, b, _s, d in rows if d == "match"}
    assert matches == {("L1", "R1"), ("L2", "R2")}
    assert all(isinstance(score, float) for _a, _b, score, _d in rows)


def test_link_is_one_to_one():
    left = [p("L1", "Ana", "Cal", D(2000, 1, 1), sex="F")]
    right = [
        p("R1", "Ana", "Cal", D(2000, 1, 1), sex="F"),
        p("R2", "Ana", "Cal", D(2000, 1, 1), sex="F"),
    ]
    rows = link(left, right)
    assert [d for *_x, d in rows].count("match") == 1
    assert {d for *_x, d in rows} == {"match", "review"}


def test_link_reports_progress():
    calls = []
    link(LEFT, RIGHT, progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1]


def test_dedupe_groups_variants_and_keeps_twins_apart():
    records = [
        p("1", "Francisco", "García López", D(1985, 3, 4)),
        p("2", "Pancho", "Garcia", D(1985, 3, 4)),
        p("3", "Francisco", "Lopez Garcia", D(1985, 4, 3)),
        p("4", "Miguel", "García López", D(1985, 3, 4)),  # twin
        p("5", "Abram", "Wiebe", D(1966, 9, 9)),
    ]
    clusters = dedupe(records)
    assert clusters["1"] == clusters["2"] == clusters["3"] == "1"
    assert clusters["4"] not in (clusters["1"], clusters["5"])
    assert len(set(clusters.values())) == 3


def test_dedupe_does_not_chain_through_a_bridge():
    # father (1960) and son (1988) share a name; a record without a date looks like both
    records = [
        p("f1", "John", "Young", D(1960, 2, 1), national_id="111111"),
        p("f2", "John", "Young", D(1960, 2, 1), national_id="111111"),
        p("s1", "John", "Young", D(1988, 7, 9), national_id="222222"),
        p("s2", "John", "Young", D(1988, 7, 9), national_id="222222"),
        p("x", "John", "Young", None),
    ]
    clusters = dedupe(records)
    assert clusters["f1"] == clusters["f2"]
    assert clusters["s1"] == clusters["s2"]
    assert clusters["f1"] != clusters["s1"]


def test_index_candidates_best_first_with_explanations():
    index = MatchIndex()
    index.add_many(LEFT + RIGHT[2:])
    found = index.candidates(RIGHT[0], limit=5)
    assert found[0].record_id == "L1" and found[0].decision == "match"
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    assert found[0].explain()
    assert index.candidates(p("Z", "Nobody", "Unknown", D(1901, 1, 1))) == []


def test_index_remove_and_replace():
    index = MatchIndex()
    index.add_many(LEFT)
    index.remove("L1")
    assert "L1" not in index and len(index) == 2
    assert all(c.record_id != "L1" for c in index.candidates(RIGHT[0]))
    index.add(LEFT[1])
    assert len(index) == 2


def write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "given_name", "surname", "date_of_birth", "sex"])
        writer.writerows(rows)


def test_file_operations_write_links_and_clusters(tmp_path):
    left, right = tmp_path / "left.csv", tmp_path / "right.csv"
    write(left, [["a1", "Francisco", "García López", "1985-03-04", "M"]])
    write(
        right, [["b1", "Pancho", "Lopez Garcia", "1985-03-04", "M"], ["b2", "Ana", "Cal", "", "F"]]
    )
    assert link_files(left, right, tmp_path / "LINKS.csv") == 1
    links = list(csv.DictReader((tmp_path / "LINKS.csv").open(encoding="utf-8")))
    assert links[0]["left_id"] == "a1" and links[0]["decision"] == "match"
    assert dedupe_file(right, tmp_path / "CLUSTERS.csv") == 2
    clusters = list(csv.DictReader((tmp_path / "CLUSTERS.csv").open(encoding="utf-8")))
    assert [c["record_id"] for c in clusters] == ["b1", "b2"]
    assert set(clusters[0]) == {"record_id", "person_id"}


def test_worker_processes_give_the_same_answer(monkeypatch):
    from common.persons.matching import MatchSettings, linkage, parallel

    monkeypatch.setattr(parallel, "MIN_PARALLEL_RECORDS", 1)
    monkeypatch.setattr(linkage, "CHUNK", 2)
    records = LEFT + RIGHT + [p("X", "Francisco", "Garcia", D(1985, 3, 4))]
    one = dedupe(records)
    two = dedupe(records, settings=MatchSettings(workers=2))
    assert one == two
    assert link(LEFT, RIGHT) == link(LEFT, RIGHT, settings=MatchSettings(workers=2))


def test_archive_profile_links_a_replaced_given_name_the_default_keeps_apart():
    from common.persons.matching import MatchSettings

    records = [
        p("1", "Herbert", "Williams Wynn", D(1860, 6, 6), address="NP23 5NE"),
        p("2", "Sir", "Williams Wynn", D(1860, 6, 6), address="NP23 5NE"),
        p("3", "Herbert", "Williams Wynn", D(1860, 6, 6), address="NP23 5NE"),
    ]
    default = dedupe(records)
    archive = dedupe(records, settings=MatchSettings.profile("archive"))
    assert default["1"] == default["3"] != default["2"]
    assert archive["1"] == archive["2"] == archive["3"]


def test_archive_profile_still_keeps_junior_and_senior_apart():
    from common.persons.matching import MatchSettings

    records = [
        p("1", "John", "Young Sr", D(1960, 2, 1), address="5 Cemetery Rd"),
        p("2", "John", "Young Jr", D(1960, 2, 1), address="5 Cemetery Rd"),
    ]
    clusters = dedupe(records, settings=MatchSettings.profile("archive"))
    assert clusters["1"] != clusters["2"]


def test_unknown_profile_is_refused_by_name():
    import pytest

    from common.persons.matching import MatchSettings

    with pytest.raises(ValueError, match="unknown profile 'loose'"):
        MatchSettings.profile("loose")
    with pytest.raises(ValueError, match="cluster_conflicts"):
        MatchSettings(cluster_conflicts="some")
