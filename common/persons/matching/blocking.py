"""Blocking keys and candidate-pair generation (near-linear in the number of records)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .normalise import NormalisedRecord, ensure_normalised
from .records import PersonRecord
from .text import canonical_given, sound_key

DEFAULT_MAX_BLOCK = 250
# Name-only keys (no date) are the widest; common name pairs are skipped sooner, and
# they only pair records when at least one of the two has no date of birth (two known
# dates that share no other key disagree, which the rules never auto-link anyway).
KEY_CAPS = {"nn": 40, "ns": 40, "ng": 40, "aw": 40, "pw": 40}
UNDATED_ONLY = frozenset({"nn", "ns", "ng", "aw"})


def undated_only(key: str) -> bool:
    """True for keys that pair two records only when one of them has no date of birth."""
    return key[:2] in UNDATED_ONLY


def key_cap(key: str, max_block: int = DEFAULT_MAX_BLOCK) -> int:
    """Largest block (records sharing the key) still used to find candidates."""
    return min(KEY_CAPS.get(key[:2], max_block), max_block)


def _dob_part(rec: NormalisedRecord) -> str:
    if not rec.year:
        return ""
    low, high = sorted((rec.month, rec.day))
    return f"{rec.year}{low:02d}{high:02d}"


def _name_keys(given_code: str, surname_codes: Sequence[str]) -> list[str]:
    keys = []
    for code in surname_codes:
        if given_code and code:
            first, second = sorted((given_code, code))
            keys.append(f"nn:{first}:{second}")
            keys.append(f"ns:{code}:{given_code[:1]}")  # typo in the given name
            keys.append(f"ng:{given_code}:{code[:1]}")  # typo in the surname
    return keys


def _dob_keys(dob: str, year: int, given_code: str, surname_codes: list[str]) -> list[str]:
    initial = given_code[:1]
    # any one name word with the date: surname changed, given name replaced, a name missing
    # or written in the other field
    keys = [f"dw:{dob}:{code}" for code in {given_code, *surname_codes} if code]
    for code in surname_codes:
        pair = "".join(sorted((initial, code[:1])))  # sorted: transposition-proof
        keys.append(f"dn:{dob}:{pair}")
        keys.append(f"sm:{code}:{year}{dob[4:6]}:{initial}")  # one of day/month typed wrong
        keys.append(f"sd:{code}:{year}{dob[6:]}:{initial}")  # the other one typed wrong
        keys.append(f"dm:{code}:{dob[4:]}:{given_code}")  # year slipped
    if not keys:
        keys.append(f"d:{dob}")
    return keys


def _id_typo_keys(national_id: str, given_code: str, surname_codes: list[str]) -> list[str]:
    """A substitution leaves one half intact; a transposition keeps the digits' multiset."""
    initial = surname_codes[0][:1] if surname_codes else given_code[:1]
    half = len(national_id) // 2
    return [
        f"i1:{national_id[:half]}:{initial}",
        f"i2:{national_id[half:]}:{initial}",
        f"is:{''.join(sorted(national_id))}:{initial}",
    ]


def _place_keys(rec: NormalisedRecord, given_code: str, surname_codes: list[str]) -> list[str]:
    """District (or place of birth) + any one name word: a garbled name and no usable date."""
    if not rec.district:
        return []
    return [f"pw:{rec.district}:{code}" for code in {given_code, *surname_codes} if code]


def blocking_keys(record: PersonRecord | NormalisedRecord, place_keys: bool = False) -> set[str]:
    """Blocking keys of a record; two records are candidates when they share one.

    place_keys adds district + name-word keys (batch de-duplication of old registers).
    """
    rec = ensure_normalised(record)
    given_code = sound_key(rec.given_groups[0]) if rec.given_groups else ""
    surname_codes = [sound_key(s) for s in rec.surnames]
    keys = _name_keys(given_code, surname_codes)
    raw_code = sound_key(rec.given)
    if raw_code != given_code:  # the name as written, for transposed records
        keys += [f"nn:{':'.join(sorted((raw_code, c)))}" for c in surname_codes if raw_code and c]
    if len(rec.national_id) >= 4:
        keys.append(f"id:{rec.national_id}")
    if len(rec.national_id) >= 6:
        keys += _id_typo_keys(rec.national_id, given_code, surname_codes)
    dob = _dob_part(rec)
    if dob:
        keys += _dob_keys(dob, rec.year, given_code, surname_codes)
    if len(rec.address) >= 5:  # same written address: a name word or the date must agree too
        keys += [f"aw:{rec.address}:{code}" for code in {given_code, *surname_codes} if code]
        if dob:
            keys.append(f"ad:{rec.address}:{dob}")
    if place_keys:
        keys += _place_keys(rec, given_code, surname_codes)
    for alias in rec.alias_names:
        if len(alias) >= 2:
            alias_codes = [sound_key(a) for a in alias[1:]]
            keys += _name_keys(sound_key(canonical_given(alias[0])), alias_codes)
    return set(keys)


def key_rows(
    records: Sequence[NormalisedRecord],
    max_block: int = DEFAULT_MAX_BLOCK,
    start: int = 0,
    place_keys: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(record index, key hash, signed size cap) for every blocking key of the records.

    Keys are hashed to 64-bit integers (a collision only adds candidates); a negative
    cap marks an undated-only key. Indexes start at `start`.
    """
    parts = [
        _key_rows_chunk(records[a : a + KEY_CHUNK], max_block, start + a, place_keys)
        for a in range(0, len(records), KEY_CHUNK)
    ]
    if not parts:
        return tuple(np.empty(0, dtype=np.int64) for _ in range(3))
    return tuple(np.concatenate([p[k] for p in parts]) for k in range(3))


KEY_CHUNK = 20_000


def _key_rows_chunk(records, max_block: int, start: int, place_keys: bool = False):
    keys: list[str] = []
    counts = np.empty(len(records), dtype=np.int64)
    for n, rec in enumerate(records):
        found = blocking_keys(rec, place_keys)
        counts[n] = len(found)
        keys.extend(found)
    rec_idx = np.repeat(np.arange(start, start + len(records), dtype=np.int64), counts)
    hashes = np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))
    families, inverse = np.unique(np.array(keys, dtype="U2"), return_inverse=True)
    family_caps = np.array(
        [key_cap(f, max_block) * (-1 if undated_only(f) else 1) for f in families.tolist()],
        dtype=np.int64,
    )
    return rec_idx, hashes, family_caps[inverse.ravel()] if len(keys) else np.empty(0, np.int64)


def _within_block_pairs(members: np.ndarray, starts: np.ndarray, sizes: np.ndarray):
    position = np.arange(members.size) - np.repeat(starts, sizes)
    per_member = np.repeat(sizes, sizes) - 1 - position
    total = int(per_member.sum())
    left = np.repeat(np.arange(members.size), per_member)
    first_of = np.repeat(np.cumsum(per_member) - per_member, per_member)
    offset = np.arange(total) - first_of + 1
    return left, left + offset


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    values = np.sort(values)
    if values.size == 0:
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def block_pairs(
    rec_idx: np.ndarray,
    key_ids: np.ndarray,
    row_caps: np.ndarray,
    split_at: int | None = None,
    undated: np.ndarray | None = None,
) -> np.ndarray:
    """Unique candidate pairs (i < j) as an (n, 2) array; blocks over their cap are skipped.

    row_caps holds each row's key cap; a negative cap marks an undated-only key, whose
    pairs need undated[i] or undated[j].
    With split_at, only pairs with i < split_at <= j are kept (linking two files).
    """
    order = np.argsort(key_ids, kind="stable")
    keys_sorted, members = key_ids[order], rec_idx[order]
    if members.size == 0:
        return np.empty((0, 2), dtype=np.int64)
    first = np.flatnonzero(np.concatenate(([True], keys_sorted[1:] != keys_sorted[:-1])))
    sizes = np.diff(np.append(first, keys_sorted.size))
    block_caps = row_caps[order][first]
    keep = (sizes >= 2) & (sizes <= np.abs(block_caps))
    mask = np.repeat(keep, sizes)
    members = members[mask]
    flagged = np.repeat(block_caps[keep] < 0, sizes[keep])
    starts = np.cumsum(sizes[keep]) - sizes[keep]
    pa, pb = _within_block_pairs(members, starts, sizes[keep])
    a, b = members[pa], members[pb]
    if undated is not None:
        ok = ~flagged[pa] | undated[a] | undated[b]
        a, b = a[ok], b[ok]
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    if split_at is not None:
        cross = (lo < split_at) & (hi >= split_at)
        lo, hi = lo[cross], hi[cross]
    n = int(max(rec_idx.max(), 0)) + 1
    codes = _sorted_unique(lo[lo != hi] * n + hi[lo != hi])
    return np.stack([codes // n, codes % n], axis=1)


def candidate_pairs(
    records: Sequence[NormalisedRecord],
    max_block: int = DEFAULT_MAX_BLOCK,
    split_at: int | None = None,
    place_keys: bool = False,
) -> np.ndarray:
    """Candidate pairs of a list of normalised records via their blocking keys."""
    rec_idx, key_ids, caps = key_rows(records, max_block, place_keys=place_keys)
    return block_pairs(rec_idx, key_ids, caps, split_at=split_at, undated=undated_mask(records))


def undated_mask(records: Sequence[NormalisedRecord]) -> np.ndarray:
    """True for records without a date of birth."""
    return np.fromiter((not r.year for r in records), dtype=bool, count=len(records))


def normalise_all(records: Iterable[PersonRecord | NormalisedRecord]) -> list[NormalisedRecord]:
    """Normalise many records."""
    return [ensure_normalised(r) for r in records]
