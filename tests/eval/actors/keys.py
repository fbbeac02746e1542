"""How the evaluation compares names: the normal form of newsdesk's name_key
(index/actors/names.py) — folded, lower case, possessive and dots dropped, hyphens and
other punctuation as spaces (a possessive in capitals dropped too) — written here again
so that a change to the rules under test cannot change how they are judged. And the
stable split of gold entries into the half the rules may be tuned on and the half held
out."""

from __future__ import annotations

import hashlib
import re

from newsdesk.index.folding import fold

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-"})
_NON_WORD = re.compile(r"[^\w]+")

TUNE, HOLDOUT = "tune", "holdout"
SPLITS = (TUNE, HOLDOUT)


def gold_key(surface: str) -> str:
    """"Al-Muhandis’s" -> "al muhandis"; "U.S." -> "us"; "R&B" -> "r b"."""
    text = surface.translate(_APOSTROPHES)
    text = re.sub(r"'s?$", "", text, flags=re.IGNORECASE)  # "BRITAIN'S" too
    text = text.replace(".", "")
    return _NON_WORD.sub(" ", fold(text)).strip()


def split_of(name: str) -> str:
    """tune or holdout, from a hash of the name's key: the same on every machine and run,
    and about half each."""
    digest = hashlib.sha1(gold_key(name).encode("utf-8")).digest()
    return TUNE if digest[0] % 2 == 0 else HOLDOUT
