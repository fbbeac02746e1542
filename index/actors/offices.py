"""Words that name the field of an office, not an actor: "Agriculture" in "Agriculture
Secretary Richard Lyng", "Culture" in "Culture Secretary X", "Trade" in "Trade Minister X".
The extractor cuts a title out of a run of capitalised words and keeps what stands before
it as a name of its own ("UK Prime Minister Tony Blair": UK; "Bank of England Governor X":
the Bank of England); where that is a portfolio, the name is no actor's.

The extractor marks such a head (`OFFICE`, a weak cue: a mention's row takes it only where
half its mentions have it) unless a dictionary knows it; the cluster step drops a name used
so in half its mentions or more (`names_office`). An actor named before its officers' titles
("Chrysler Chairman X") is also named on its own, more often than so ("Chrysler said")."""

from __future__ import annotations

OFFICE = "office"  # the extractor's org_type for a name standing just before a title


def names_office(office: int, mentions: int) -> bool:
    """A name used just before a title in two mentions and half of them at least."""
    return office >= 2 and office * 2 >= mentions
