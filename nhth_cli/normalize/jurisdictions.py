"""Canonical jurisdiction names and USPS codes, and finding them in text."""

from __future__ import annotations

import re
from functools import cache

from ..records import Jurisdiction

_CANONICAL: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia", "PR": "Puerto Rico", "GU": "Guam", "VI": "U.S. Virgin Islands",
    "AS": "American Samoa", "MP": "Northern Mariana Islands", "US": "United States",
}  # fmt: skip

# Every USPS code nhth gives, in a stable order: states, DC, territories, then US.
CODES: tuple[str, ...] = tuple(_CANONICAL)

# Other spellings people and reports use, mapped to a USPS code.
_ALIASES: dict[str, str] = {
    "washington dc": "DC", "washington d c": "DC", "district of columbia": "DC",
    # As printed in a sentence: "Calls Received from Washington, D.C.: 347".
    "washington, d.c.": "DC", "washington d.c.": "DC",
    "virgin islands": "VI", "us virgin islands": "VI", "united states virgin islands": "VI",
    "usvi": "VI", "the virgin islands": "VI",
    "commonwealth of the northern mariana islands": "MP", "cnmi": "MP",
    "northern marianas": "MP", "northern marianas islands": "MP",
    "commonwealth of puerto rico": "PR", "territory of guam": "GU",
    "united states of america": "US", "usa": "US", "us": "US", "national": "US",
    "nationwide": "US",
}  # fmt: skip


_NOT_LETTERS = re.compile(r"[^a-z ]+")
_THE = re.compile(r"^the ")


def _key(name: str) -> str:
    """Fold a name for lookup: lower case, letters and single spaces only."""
    name = _NOT_LETTERS.sub(" ", name.lower().replace(".", ""))
    name = _THE.sub("", " ".join(name.split()))
    return name


@cache
def _lookup() -> dict[str, str]:
    table = {_key(name): code for code, name in _CANONICAL.items()}
    table.update({_key(alias): code for alias, code in _ALIASES.items()})
    return table


def by_code(code: str) -> Jurisdiction:
    return Jurisdiction(_CANONICAL[code], code)


def match_name(text: str) -> Jurisdiction | None:
    """Given a name as printed ("the U.S. Virgin Islands", "Connecticut"), the jurisdiction."""
    code = _lookup().get(_key(text))
    return by_code(code) if code else None


@cache
def _name_pattern() -> re.Pattern[str]:
    names = sorted({n for n in _CANONICAL.values()} | {a for a in _ALIASES if len(a) > 4}, key=len)
    alternatives = "|".join(
        r"\s+".join(re.escape(word).replace(r"\.", r"\.?") for word in n.split())
        for n in reversed(names)
    )
    # "U.S." and "US" prefixes before Virgin Islands are folded by _key.
    return re.compile(
        rf"(?<![A-Za-z])(?:(?:the\s+)?(?:U\.?\s?S\.?\s+)?)(?:{alternatives})(?![A-Za-z])", re.I
    )


def name_at(text: str, pos: int) -> Jurisdiction | None:
    """The jurisdiction whose name starts at text[pos] ("the U.S. Virgin Islands, ..."), if any."""
    m = _name_pattern().match(text, pos)
    return match_name(m.group(0)) if m else None


# A file-name word: letters, perhaps followed by digits ("ct2016"); hashes are not words.
_FILENAME_WORD = re.compile(r"([A-Za-z]+)\d*")


def from_file_name(stem: str) -> Jurisdiction | None:
    """Given a file name without suffix ("ct_2016", "new-hampshire-2015"), the jurisdiction."""
    words = [
        m[1].lower()
        for token in re.split(r"[^A-Za-z0-9]+", stem)
        if (m := _FILENAME_WORD.fullmatch(token))
    ]
    # Longest run of words that names a jurisdiction wins; then a lone USPS code.
    for size in range(min(5, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if size == 1 and len(words[i]) <= 2:
                continue  # a lone word of two letters is a USPS code, tried below
            j = match_name(" ".join(words[i : i + size]))
            if j is not None:
                return j
    for w in words:
        if len(w) == 2 and w.upper() in _CANONICAL:
            return by_code(w.upper())
    return None
