"""Comparison levels of record pairs, computed for many pairs at once."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, JaroWinkler, Prefix
from rapidfuzz.process import cpdist

from .table import GROUP_SLOTS, RecordTable

FIELDS = (
    "given_name",
    "surname",
    "middle_name",
    "date_of_birth",
    "sex",
    "district",
    "address",
    "national_id",
)
LEVELS = {
    "given_name": ("exact", "nickname", "fuzzy", "middle", "initial", "missing", "different"),
    "surname": ("all", "dropped", "one_differs", "fuzzy", "missing", "different"),
    "middle_name": ("exact", "initial", "missing", "different"),
    "date_of_birth": ("exact", "swapped", "one_part", "missing", "different"),
    "sex": ("agree", "missing", "different"),
    "district": ("agree", "missing", "different"),
    "address": ("high", "partial", "missing", "different"),
    "national_id": ("exact", "close", "missing", "different"),
}
MISSING = {f: LEVELS[f].index("missing") for f in FIELDS}
DIFFERENT = {f: LEVELS[f].index("different") for f in FIELDS}
FUZZY_NAME = 0.92  # Jaro-Winkler similarity for a fuzzy name agreement
MIN_FUZZY_LEN = 5  # surnames: Coc/Choc, Cal/Caal, Pop/Popp must agree exactly
MIN_FUZZY_GIVEN_LEN = 4
SOUND_CODES = {"sur1": "sur1_code"}  # surnames only: Juan/Juana, Jean/John sound alike
ADDRESS_HIGH, ADDRESS_PARTIAL = 90.0, 70.0


@dataclass
class PairLevels:
    """Level of every field for each pair, plus what term-frequency weights need."""

    left: np.ndarray
    right: np.ndarray
    levels: dict[str, np.ndarray]
    transposed: np.ndarray
    suffix_conflict: np.ndarray
    id_typo: np.ndarray
    given_freq: np.ndarray
    surname_freq: np.ndarray
    name_moved: np.ndarray | None = None  # the only name was written in the given-name field
    district_freq: np.ndarray | None = None  # share of the population from the same district


def _jw(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return cpdist(a, b, scorer=JaroWinkler.normalized_similarity, workers=-1)


def _pick(conditions: list[np.ndarray], default: int) -> np.ndarray:
    return np.select(conditions, list(range(len(conditions))), default=default).astype(np.int8)


def _fuzzy(
    t: RecordTable,
    col: str,
    i: np.ndarray,
    j: np.ndarray,
    min_len: int = MIN_FUZZY_LEN,
    todo: np.ndarray | None = None,
) -> np.ndarray:
    """Names spelt alike: Jaro-Winkler >= FUZZY_NAME, one edit apart or sounding the same."""
    long_enough = np.minimum(t.lens[col][i], t.lens[col][j]) >= min_len
    if todo is not None:
        long_enough &= todo
    codes = SOUND_CODES.get(col)
    if codes is not None:
        code = getattr(t, codes)
        sound = long_enough & (code[i] == code[j]) & (code[i] >= 0)
        long_enough &= ~sound
    else:
        sound = np.zeros(len(i), dtype=bool)
    out = sound
    if long_enough.any():
        values = getattr(t, col)
        a, b = values[i[long_enough]], values[j[long_enough]]
        one_edit = cpdist(a, b, scorer=OSA.distance, workers=-1) <= 1
        out[long_enough] = one_edit | (_jw(a, b) >= FUZZY_NAME)
    return out


def _initial(t: RecordTable, col: str, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    la, lb = t.lens[col][i], t.lens[col][j]
    one_short = ((la == 1) & (lb >= 1)) | ((lb == 1) & (la >= 1))
    return one_short & (t.first[col][i] == t.first[col][j])


def _groups_meet(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    ga, gb = t.groups[i], t.groups[j]
    hit = np.zeros(len(i), dtype=bool)
    for x in range(GROUP_SLOTS):
        for y in range(GROUP_SLOTS):
            hit |= (ga[:, x] == gb[:, y]) & (ga[:, x] >= 0)
    return hit


def _short_form(t: RecordTable, i: np.ndarray, j: np.ndarray, todo: np.ndarray) -> np.ndarray:
    """One given name is the start of the other (Eth / Ethel, Will / William)."""
    la, lb = t.lens["given"][i], t.lens["given"][j]
    todo = todo & (np.minimum(la, lb) >= 2) & (la != lb)
    out = np.zeros(len(i), dtype=bool)
    if todo.any():
        rows = np.flatnonzero(todo)
        common = cpdist(t.given[i[rows]], t.given[j[rows]], scorer=Prefix.similarity, workers=-1)
        out[rows] = common == np.minimum(la[rows], lb[rows])
    return out


def given_levels(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Given-name level per pair (exact, nickname, fuzzy, middle, initial, missing, different)."""
    a_id, b_id = t.given_id[i], t.given_id[j]
    missing = (a_id < 0) | (b_id < 0)
    exact = a_id == b_id
    middle = (a_id == t.middle_id[j]) | (t.middle_id[i] == b_id)
    groups = _groups_meet(t, i, j)
    initial = _initial(t, "given", i, j) | _short_form(t, i, j, ~(exact | groups | missing))
    fuzzy = _fuzzy(t, "given", i, j, MIN_FUZZY_GIVEN_LEN, todo=~(exact | groups | missing))
    conds = [exact, groups, fuzzy, middle, initial, missing]
    conds = [c & ~missing for c in conds[:-1]] + [missing]
    return _pick(conds, DIFFERENT["given_name"])


def surname_levels(t: RecordTable, i: np.ndarray, j: np.ndarray):
    """Surname level per pair (surnames as a set) and the frequency of the shared surname."""
    a1, a2, b1, b2 = t.sur1_id[i], t.sur2_id[i], t.sur1_id[j], t.sur2_id[j]
    na, nb = (a1 >= 0).astype(int) + (a2 >= 0), (b1 >= 0).astype(int) + (b2 >= 0)
    hits = [(x == y) & (x >= 0) for x, y in ((a1, b1), (a1, b2), (a2, b1), (a2, b2))]
    shared = sum(h.astype(int) for h in hits)
    missing = (na == 0) | (nb == 0)
    full = (shared >= 1) & (shared >= np.maximum(na, nb))
    dropped = (shared >= 1) & (na != nb)
    one = shared >= 1
    todo = (shared == 0) & ~missing
    fuzzy = _fuzzy(t, "sur1", i, j, todo=todo) | _fuzzy(t, "surname", i, j, todo=todo)
    level = _pick([full & ~missing, dropped, one, fuzzy & ~missing, missing], DIFFERENT["surname"])
    fa, fb = t.name_freq[a1], t.name_freq[a2]
    a1_shared, a2_shared = hits[0] | hits[1], hits[2] | hits[3]
    freq = np.where(
        a1_shared & a2_shared, fa * fb, np.where(a1_shared, fa, np.where(a2_shared, fb, 0.0))
    )
    return level, freq


def _cross_alike(t: RecordTable, a_col: str, b_col: str, i: np.ndarray, j: np.ndarray):
    a, b = getattr(t, a_col)[i], getattr(t, b_col)[j]
    out = (t.lens[a_col][i] >= MIN_FUZZY_GIVEN_LEN) & (t.lens[b_col][j] >= MIN_FUZZY_GIVEN_LEN)
    if out.any():
        rows = np.flatnonzero(out)
        out[rows] = _jw(a[rows], b[rows]) >= FUZZY_NAME
    return out


def transposed_names(
    t: RecordTable, i: np.ndarray, j: np.ndarray, given: np.ndarray, surname: np.ndarray
) -> np.ndarray:
    """True where given name and surname appear swapped (allowing a typo) between records."""
    cross1 = (t.given_id[i] == t.sur1_id[j]) & (t.given_id[i] >= 0)
    cross2 = (t.sur1_id[i] == t.given_id[j]) & (t.sur1_id[i] >= 0)
    exact = cross1 & cross2 & (t.given_id[i] != t.given_id[j])
    todo = np.flatnonzero(
        ~exact & (given == DIFFERENT["given_name"]) & (surname == DIFFERENT["surname"])
    )
    if todo.size:
        ii, jj = i[todo], j[todo]
        c1 = cross1[todo] | _cross_alike(t, "given", "sur1", ii, jj)
        c2 = cross2[todo] | _cross_alike(t, "sur1", "given", ii, jj)
        exact[todo] = c1 & c2
    return exact


def _lone_name_hits(t: RecordTable, i: np.ndarray, j: np.ndarray, todo: np.ndarray):
    """(exact, alike) where record i's only name (given field) is one of j's surnames."""
    lone = todo & (t.sur1_id[i] < 0) & (t.given_id[i] >= 0) & (t.sur1_id[j] >= 0)
    exact = lone & ((t.given_id[i] == t.sur1_id[j]) | (t.given_id[i] == t.sur2_id[j]))
    alike = np.zeros(len(i), dtype=bool)
    rows = np.flatnonzero(lone & ~exact)
    if rows.size:
        long_enough = np.minimum(t.lens["given"][i[rows]], t.lens["sur1"][j[rows]]) >= MIN_FUZZY_LEN
        rows = rows[long_enough]
        alike[rows] = _jw(t.given[i[rows]], t.sur1[j[rows]]) >= FUZZY_NAME
    return exact, alike


def lone_name_as_surname(t: RecordTable, i: np.ndarray, j: np.ndarray, given: np.ndarray):
    """Levels for a record whose only name, written as a given name, is the other's surname.

    Returns (moved, surname level, frequency of the shared name): the given name then counts
    as missing and the name is compared as a surname (a register line with only "Coc").
    """
    todo = given == DIFFERENT["given_name"]
    ex_i, al_i = _lone_name_hits(t, i, j, todo)
    ex_j, al_j = _lone_name_hits(t, j, i, todo & ~ex_i & ~al_i)
    exact, alike = ex_i | ex_j, al_i | al_j
    other_has_two = np.where(ex_i | al_i, t.sur2_id[j] >= 0, t.sur2_id[i] >= 0)
    surname_level = np.where(
        exact,
        np.where(other_has_two, LEVELS["surname"].index("dropped"), 0),
        LEVELS["surname"].index("fuzzy"),
    )
    lone_word = np.where(ex_i, t.given_id[i], t.given_id[j])
    freq = np.where(exact, t.name_freq[lone_word], 0.0)
    return exact | alike, surname_level, freq


def middle_levels(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Middle-name level per pair (exact, initial, missing, different)."""
    missing = (t.middle_id[i] < 0) | (t.middle_id[j] < 0)
    exact = t.middle_id[i] == t.middle_id[j]
    initial = _initial(t, "middle", i, j)
    return _pick([exact & ~missing, initial & ~missing, missing], DIFFERENT["middle_name"])


def _year_close(ya: np.ndarray, yb: np.ndarray) -> np.ndarray:
    digits_a = [(ya // p) % 10 for p in (1000, 100, 10, 1)]
    digits_b = [(yb // p) % 10 for p in (1000, 100, 10, 1)]
    differ = sum((x != y).astype(int) for x, y in zip(digits_a, digits_b, strict=True))
    swapped_tail = (
        (digits_a[2] == digits_b[3]) & (digits_a[3] == digits_b[2]) & (ya // 100 == yb // 100)
    )
    return (np.abs(ya - yb) <= 1) | (differ == 1) | swapped_tail


def dob_levels(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Date-of-birth level per pair (exact, swapped, one_part, missing, different)."""
    ya, ma, da = t.year[i], t.month[i], t.day[i]
    yb, mb, db = t.year[j], t.month[j], t.day[j]
    missing = (ya == 0) | (yb == 0)
    same_y, same_m, same_d = ya == yb, ma == mb, da == db
    exact = same_y & same_m & same_d
    swapped = same_y & (ma == db) & (da == mb) & (ma != da)
    one_part = (same_y & (same_m | same_d)) | (same_m & same_d & _year_close(ya, yb))
    return _pick(
        [exact & ~missing, swapped & ~missing, one_part & ~missing, missing],
        DIFFERENT["date_of_birth"],
    )


def _agree_levels(a: np.ndarray, b: np.ndarray, missing_value: int) -> np.ndarray:
    missing = (a == missing_value) | (b == missing_value)
    return _pick([(a == b) & ~missing, missing], 2)


def address_levels(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Address level per pair by token-set similarity."""
    missing = (t.lens["address"][i] == 0) | (t.lens["address"][j] == 0)
    sim = np.zeros(len(i), dtype=np.float64)
    same = t.address[i] == t.address[j]
    sim[same] = 100.0
    todo = ~missing & ~same
    if todo.any():
        ii, jj = i[todo], j[todo]
        sim[todo] = cpdist(t.address[ii], t.address[jj], scorer=fuzz.token_set_ratio, workers=-1)
    return _pick(
        [(sim >= ADDRESS_HIGH) & ~missing, (sim >= ADDRESS_PARTIAL) & ~missing, missing],
        DIFFERENT["address"],
    )


def national_id_levels(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """National-id level per pair (exact, one edit or transposition apart, missing, different)."""
    a_id, b_id = t.nid_id[i], t.nid_id[j]
    missing = (a_id < 0) | (b_id < 0)
    exact = a_id == b_id
    close = np.zeros(len(i), dtype=bool)
    todo = ~missing & ~exact
    if todo.any():
        dist = cpdist(t.nid[i[todo]], t.nid[j[todo]], scorer=OSA.distance, workers=-1)
        close[todo] = dist <= 1
    return _pick([exact & ~missing, close, missing], DIFFERENT["national_id"])


def sequential_ids(t: RecordTable, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """True where both identifiers are numbers at most 2 apart (twins registered together)."""
    out = np.zeros(len(i), dtype=bool)
    for k, (a, b) in enumerate(zip(t.nid[i], t.nid[j], strict=True)):
        if a != b and a.isdigit() and b.isdigit() and len(a) == len(b):
            out[k] = abs(int(a) - int(b)) <= 2
    return out


def compare_pairs(t: RecordTable, i: np.ndarray, j: np.ndarray) -> PairLevels:
    """Comparison levels of pairs (i[k], j[k]) of a record table."""
    i, j = np.asarray(i, dtype=np.int64), np.asarray(j, dtype=np.int64)
    given = given_levels(t, i, j)
    surname, surname_freq = surname_levels(t, i, j)
    transposed = transposed_names(t, i, j, given, surname)
    given = np.where(transposed, 0, given).astype(np.int8)
    surname = np.where(transposed, 0, surname).astype(np.int8)
    moved, moved_level, moved_freq = lone_name_as_surname(t, i, j, given)
    given = np.where(moved, MISSING["given_name"], given).astype(np.int8)
    surname = np.where(moved, moved_level, surname).astype(np.int8)
    given_freq = t.group_freq[t.groups[i, 0]]
    surname_freq = np.where(transposed, t.name_freq[t.given_id[i]], surname_freq)
    surname_freq = np.where(moved, moved_freq, surname_freq)
    suffix_a, suffix_b = t.suffix_id[i], t.suffix_id[j]
    id_level = national_id_levels(t, i, j)
    close = np.flatnonzero(id_level == LEVELS["national_id"].index("close"))
    id_typo = id_level == LEVELS["national_id"].index("close")
    id_typo[close] &= ~sequential_ids(t, i[close], j[close])
    levels = {
        "given_name": given,
        "surname": surname,
        "middle_name": middle_levels(t, i, j),
        "date_of_birth": dob_levels(t, i, j),
        "sex": _agree_levels(t.sex[i], t.sex[j], 0),
        "district": _agree_levels(t.district_id[i], t.district_id[j], -1),
        "address": address_levels(t, i, j),
        "national_id": id_level,
    }
    return PairLevels(
        left=i,
        right=j,
        levels=levels,
        transposed=transposed,
        suffix_conflict=(suffix_a >= 0) & (suffix_b >= 0) & (suffix_a != suffix_b),
        given_freq=given_freq,
        surname_freq=surname_freq,
        id_typo=id_typo,
        name_moved=moved,
        district_freq=t.district_freq[i],
    )
