"""Guards against the wrong merges found on unseen corpora (FNC-1 2014-15, Reuters
2006-13): each tried both ways, the case it stops and the near case it must leave."""

from __future__ import annotations

from tests.index.actors.test_precision_rules import clusters, stat


def test_a_name_holding_an_acronym_is_not_spelled_by_its_initials() -> None:
    # "U.S. State Department": "USD" (the dollar) is not its initials, U.S. being two letters.
    state = stat("US State Department", 20, surfaces={"U.S. State Department": 20})
    assert clusters([state, stat("USD", 3)])["usd"][2] == {"usd"}
    # A name written out in full is: "Federal Bureau of Investigation" / "FBI".
    fbi = stat("Federal Bureau of Investigation", 20)
    assert clusters([fbi, stat("FBI", 30)])["fbi"][2] == {"fbi", "federal bureau of investigation"}
