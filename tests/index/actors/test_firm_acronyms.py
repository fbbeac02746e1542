"""A firm's leading acronym (or a word with a capital inside) is its name's, not a label cut
off as a title: "RBC Capital Markets", "BMO Capital Markets", "KeyBanc Capital Markets" were
one "Capital Markets" (stranger13 A12, a dozen brokers merged into one non-name). A label in
capitals before a person's full name is still cut ("COWARD Donald Trump"). Generated variants."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
LEADS = ["RBC", "BMO", "FBR", "QZX", "KeyBanc", "TrueWave"]
TAILS = ["Capital Markets", "Global Markets", "Equity Research", "Dominion Securities"]
FRAMES = ["{n} cut its rating on Monday.", "Shares rose, said Tom Lee of {n}.",
          "{n} analyst Dan Smith said the shares were cheap.",
          "He was an analyst at {n} until May."]


@pytest.mark.parametrize(("lead", "tail", "frame"), product(LEADS, TAILS, FRAMES))
def test_a_firms_leading_acronym_stays(lead: str, tail: str, frame: str) -> None:
    name = f"{lead} {tail}"
    text = frame.format(n=name) + f" Later {lead} {tail} said more."
    keys = [m.key for m in EXTRACTOR.extract("", text).mentions]
    assert keys.count(name_key(name)) == 2 and name_key(tail) not in keys, keys


@pytest.mark.parametrize(("label", "person"),
                         product(["COWARD", "UNION", "SANCTIONS"],
                                 ["Donald Trump", "Mario Draghi", "Angela Merkel"]))
def test_a_label_before_a_persons_full_name_is_cut(label: str, person: str) -> None:
    keys = [m.key for m in EXTRACTOR.extract("", f"The day ended. {label} {person} spoke.")
            .mentions]
    assert name_key(person) in keys, keys


@pytest.mark.parametrize(("lead", "rest"), product(["UK", "US", "EU"],
                                                   ["Las Vegas", "Directors Guild"]))
def test_a_dictionarys_initials_before_a_name_are_cut(lead: str, rest: str) -> None:
    """"UK Las Vegas": a country's initials are its own name, not the firm's first word."""
    keys = [m.key for m in EXTRACTOR.extract("", f"He said {lead} {rest} was fine.").mentions]
    assert name_key(rest) in keys and name_key(f"{lead} {rest}") not in keys, keys
