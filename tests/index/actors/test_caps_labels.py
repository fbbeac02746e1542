"""A factbox's label in capitals run into the next sentence ("AUTOMATIC SANCTIONS Merkel
said") is cut from the name after it where its last word is an English word of the article
(written in lower case in it); an acronym before a name ("ICSC UBS Securities", "ABN AMRO
Bank") is written so nowhere and stays (stranger13 A14)."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))

LABELS = ["AUTOMATIC SANCTIONS", "FISCAL UNION", "SUPPORT MEASURES", "UNEXPECTED NAME",
          "OUTLOOK", "RISKS", "PRICING PRESSURE", "BANKING UNION"]
NAMES = ["Angela Merkel", "Mario Draghi", "Warren Buffett", "Jean-Claude Trichet",
         "Kestrel Varno", "Amina Otieno"]
AFTER = ["said on Monday that talks would go on.", "also rejected the arguments.",
         "had addressed the question in May."]


@pytest.mark.parametrize(("label", "name", "after"), itertools.product(LABELS, NAMES, AFTER))
def test_a_label_in_capitals_is_cut_from_the_name_after_it(label: str, name: str,
                                                           after: str) -> None:
    word = label.split()[-1].lower()
    text = f"The {word} were discussed at length. {label} {name} {after}"
    keys = [m.key.lstrip("^") for m in EXTRACTOR.extract("", text).mentions]
    assert name_key(name) in keys, keys
    assert not any(label.split()[-1].lower() in k for k in keys), keys


@pytest.mark.parametrize(("acronyms", "name"), [
    ("ICSC UBS", "Securities"), ("ABN AMRO", "Bank"), ("NYSE", "Euronext"),
    ("HSBC", "Holdings Plc"), ("BMO", "Capital Markets"), ("AFG", "Industries Inc")])
@pytest.mark.parametrize("sentence", ["A report from {a} {n} said sales slowed.",
                                      "Shares of {a} {n} rose on Monday."])
def test_an_acronym_before_a_name_stays(acronyms: str, name: str, sentence: str) -> None:
    text = "The union and the bank said so. " + sentence.format(a=acronyms, n=name)
    keys = [m.key for m in EXTRACTOR.extract("", text).mentions]
    whole = " ".join(f"{acronyms} {name}".lower().split())
    assert whole in keys, keys


@pytest.mark.parametrize("label", LABELS)
def test_a_label_never_written_in_lower_case_stays(label: str) -> None:
    # (No evidence in the article that its capitals are an English word's: left alone.)
    text = f"Talks went on. {label} Kestrel Varno said on Monday that talks would go on."
    keys = [m.key.lstrip("^") for m in EXTRACTOR.extract("", text).mentions]
    assert name_key("Kestrel Varno") not in keys, keys
