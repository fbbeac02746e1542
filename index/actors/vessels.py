"""Ships and boats named in the news: "MV Princess Ashika", "the ferry Princess Ashika",
"HMAS Adelaide", "HMNZS Wellington", "USS Cole". A vessel is no actor (its navy or owner
is), yet its name looks like one, and a ship named after a person or with a title in it
("Princess Ashika") took a person's cues on an unseen corpus (stranger9, Tonga ABC #27).

Two cues, each generic English, not any corpus's:

- a ship prefix written in capitals just before the name or as its first word (merchant
  "MV", the Commonwealth navies' "HMS", "HMAS", "HMNZS", "HMCS", the US Navy's "USS",
  "USNS"); not "SS" (SS Lazio, a club) nor "MS" (MS Dhoni, a cricketer);
- a noun of a kind of vessel just before it ("the ferry X", "the warship X", "vessel X").

The cluster step drops a name with such a cue in a tenth of its mentions: the cues are
rarely said of anything else, and a ship is called by its bare name far more often than
by its prefix ("the Princess Ashika" in 35 of 65 mentions)."""

from __future__ import annotations

VESSEL = "vessel"  # the extractor's org_type for a mention with a vessel's cue

VESSEL_PREFIXES = frozenset(("MV", "HMS", "HMAS", "HMNZS", "HMCS", "USS", "USNS"))
_PREFIXES_LOWER = frozenset(p.lower() for p in VESSEL_PREFIXES)
# (Not "ship": a verb as often, "to ship Boeing jets".)
VESSEL_NOUNS = frozenset(("ferry", "vessel", "warship", "tanker", "freighter", "trawler",
                          "frigate", "destroyer", "submarine", "yacht"))

# The words before a name that may make it a vessel's (`vessel_cue` decides).
VESSEL_BEFORE = VESSEL_NOUNS | _PREFIXES_LOWER


def vessel_cue(previous: str, written: str, first: str, n_words: int) -> bool:
    """Whether a name is a vessel's by the word before it (`previous`, lower case; as
    `written`) or its first word (`first`, as written; of `n_words` words)."""
    if previous in VESSEL_NOUNS:
        return True
    if previous in _PREFIXES_LOWER and written.rstrip(",") in VESSEL_PREFIXES:
        return True
    return n_words > 1 and first in VESSEL_PREFIXES


def names_vessel(vessels: int, mentions: int) -> bool:
    """A name with a vessel's cue in two of its mentions and a tenth of them at least."""
    return vessels >= 2 and vessels * 10 >= mentions
