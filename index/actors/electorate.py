"""A candidate's and a voter's nouns after a name ("Labour candidate", "APC voters") say a
party only of a name the corpus calls a body otherwise: an exam has its candidates ("KCSE
candidates", "KJSEA and KPSEA candidates"), a place and a people their voters, candidates and
activists ("Emurua Dikirr voters", "a Luhya candidate", "Kilifi activists"). Typed a party on
those nouns alone, 5 of a Kenyan corpus's 8 parties were none (stranger16 F3). The cue is
kept apart (`ELECTORATE`) and counts as a party's where the key has a body's cue as well
("APC chairman", "Labour MPs", "the X party"); a dictionary's party has its type anyway.
Generic English nouns, no list of parties."""

from __future__ import annotations

from collections.abc import Mapping

# The cue's kind: no actor type, so no rule counts it as a party's unless `with_electorate`
# adds it.
ELECTORATE = "electorate"
# Nouns after a name that a party's, an exam's, a place's and a people's names take alike.
ELECTORATE_NOUNS = frozenset(("candidate", "candidates", "voters", "activists"))
# Cue kinds of a body's that vouch for a name as a body (a party's members' titles among
# them: "Labour MPs"); no place's, no person's.
_BODY_KINDS = frozenset(("party", "organisation", "government", "militia", "military"))


def with_electorate(org: dict[str, int], electorate: int) -> dict[str, int]:
    """`org` (a key's real type cues) with its `electorate` cues counted as a party's where
    a body's cue is among them; else `org` as it is."""
    if electorate and not _BODY_KINDS.isdisjoint(org):
        org["party"] = org.get("party", 0) + electorate
    return org


def electorate_of(orgs: list[Mapping[str, int]]) -> int:
    """The electorate cues of a key's (or a cluster's keys') cue counters."""
    return sum(o.get(ELECTORATE, 0) for o in orgs)
