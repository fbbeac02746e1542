"""A body's name goes on after "for" from an observatory's, a forum's, a network's or a
campaign's head word too ("Syrian Observatory for Human Rights": its tail "Human Rights" was
a person of FNC-1's viral news)."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


@pytest.mark.parametrize(("name", "frame"), product(
    ["Syrian Observatory for Human Rights", "Campaign for Nuclear Disarmament",
     "Forum for Democratic Change", "Network for Police Monitoring"],
    ["The {n} said 20 died.", "Figures from the {n} show a rise.",
     "According to the {n}, it grew."]))
def test_a_bodys_name_after_for_is_one_name(name: str, frame: str) -> None:
    keys = [m.key for m in EXTRACTOR.extract("", frame.format(n=name)).mentions]
    assert name_key(name) in keys, keys
