"""Text rules for Belizean names: accents, particles, suffixes, sound keys, nicknames."""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jellyfish

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NICKNAMES_CSV = DATA_DIR / "nicknames.csv"

# Particles that belong to the following word: "De la Cruz" -> "delacruz".
PARTICLES = frozenset(
    {
        "de",
        "del",
        "la",
        "las",
        "los",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "mc",
        "mac",
        "st",
        "ste",
        "san",
        "le",
        "o",
    }
)
# Words dropped from surnames: Spanish "y" between two surnames, "e" before i-/hi-.
CONNECTORS = frozenset({"y", "e"})
SUFFIXES = {
    "jr": "jr",
    "junior": "jr",
    "snr": "sr",
    "sr": "sr",
    "senior": "sr",
    "ii": "ii",
    "2nd": "ii",
    "iii": "iii",
    "3rd": "iii",
    "iv": "iv",
    "4th": "iv",
}
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "rev", "sra", "sr.", "srta", "don", "dona"})

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SEPARATORS = re.compile(r"[\s\-_/,.;]+")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces."""
    if not text:
        return ""
    if text.isascii():
        plain = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("'", "").replace("\u2019", "").replace("ß", "ss")
    return " ".join(t for t in _NON_ALNUM.sub(" ", plain).split() if t)


def split_tokens(text: str) -> list[str]:
    """Split folded text into word tokens (hyphens and punctuation separate)."""
    return [t for t in _SEPARATORS.split(fold(text)) if t]


def join_particles(tokens: list[str]) -> list[str]:
    """Glue particles to the next word: ['de','la','cruz'] -> ['delacruz']."""
    out: list[str] = []
    pending = ""
    for tok in tokens:
        if tok in PARTICLES:
            pending += tok
            continue
        out.append(pending + tok)
        pending = ""
    if pending:
        out.append(pending)
    return out


@lru_cache(maxsize=200_000)
def name_parts(text: str) -> tuple[tuple[str, ...], str]:
    """Return (name tokens, generation suffix) of a name field."""
    tokens = [t for t in split_tokens(text) if t not in TITLES]
    suffix = ""
    kept = []
    for tok in tokens:
        if tok in SUFFIXES and (kept or len(tokens) > 1):
            suffix = SUFFIXES[tok]
        else:
            kept.append(tok)
    return tuple(kept), suffix


@lru_cache(maxsize=200_000)
def surname_parts(text: str) -> tuple[tuple[str, ...], str]:
    """Return (surname tokens with particles joined, suffix); 'y' between surnames dropped."""
    tokens, suffix = name_parts(text)
    tokens = tuple(join_particles([t for t in tokens if t not in CONNECTORS]))
    return tokens, suffix


# Spanish spellings folded before Metaphone: Gonzalez = Gonsales, Llanes = Yanes,
# Hernandez = Ernandez, Thiessen = Tiessen, Vaca = Baca.
_SOUND_RULES = (
    ("ll", "y"),
    ("v", "b"),
    ("z", "s"),
    ("ce", "se"),
    ("ci", "si"),
    ("qu", "k"),
    ("w", "u"),
    ("th", "t"),
)
_SILENT_H = re.compile(r"(?<![cspt])h")


@lru_cache(maxsize=200_000)
def sound_key(name: str, length: int = 6) -> str:
    """Phonetic key for Spanish and English spellings (Metaphone after Spanish rewrites)."""
    word = _NON_ALNUM.sub("", fold(name))
    if not word:
        return ""
    for old, new in _SOUND_RULES:
        word = word.replace(old, new)
    word = _SILENT_H.sub("", word) or word
    return (jellyfish.metaphone(word).lower() or word)[:length]


def _read_nickname_rows(path: Path) -> list[tuple[str, list[str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            canonical = fold(row.get("canonical", "") or "")
            variants = [fold(v) for v in (row.get("variants", "") or "").split(";")]
            if canonical:
                rows.append((canonical, [v for v in variants if v]))
    return rows


@lru_cache(maxsize=4)
def nickname_groups_map(path: str = str(NICKNAMES_CSV)) -> dict[str, tuple[str, ...]]:
    """Map each known given name to its nickname groups (sorted; the first is primary)."""
    groups: dict[str, list[str]] = {}
    for canonical, variants in _read_nickname_rows(Path(path)):
        for name in [canonical, *variants]:
            entry = groups.setdefault(name, [])
            if canonical not in entry:
                entry.append(canonical)
    # sorted: the first group is the same for names listed in each other's rows
    return {name: tuple(sorted(entry)) for name, entry in groups.items()}


def nickname_groups(name: str) -> tuple[str, ...]:
    """Nickname groups of a folded given name; an unknown name is its own group."""
    return nickname_groups_map().get(name, (name,)) if name else ()


def canonical_given(name: str) -> str:
    """Primary canonical given name via the nickname list (Pancho -> francisco)."""
    groups = nickname_groups(name)
    return groups[0] if groups else ""
