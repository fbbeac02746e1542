"""Bodies named by where they are sent: "Regional Assistance Mission to Solomon Islands"
(RAMSI), "United Nations Mission in South Sudan" (UNMISS), "EU Delegation to Vanuatu". The
scan cut the name at the small word, and the body was listed by its first half (a Pacific
corpus's #14, "Regional Assistance Mission", RAMSI its alias). The extractor joins the two
runs where the run after names a country or a region (extract.py, `_join_mission`); the
clustering joins the first half written alone to the one whole name it starts
(cluster.py, `_missions_sent`; reach.py links the two)."""

from __future__ import annotations

MISSION_HEADS = frozenset(("mission", "missions", "delegation", "delegations"))
SENT_TO = (" to ", " in ")


def mission_head(key: str) -> str | None:
    """The first half of a mission's whole name key ("regional assistance mission" of
    "regional assistance mission to solomon islands"), or None."""
    for link in SENT_TO:
        at = key.find(link)
        if at > 0 and key[key.rfind(" ", 0, at) + 1:at] in MISSION_HEADS:
            return key[:at]
    return None


def sends(key: str) -> bool:
    """Whether a key ends in a mission's head word: a first half a whole name may start."""
    return key[key.rfind(" ") + 1:] in MISSION_HEADS
