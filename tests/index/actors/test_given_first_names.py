"""A given name opening a sentence is the person's first name (given_names.py): "Mitch
McConnell said" is "mitch mcconnell" though the article capitalises "Mitch" nowhere else,
where "Later McConnell said" stays a candidate of the sentence's first word ("^later
mcconnell", test_sentence_first_names.py)."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import ORG_CUES, TITLES, _starter_word
from newsdesk.index.actors.given_names import GIVEN_NAMES, given_names
from newsdesk.index.actors.names import CONNECTORS, name_key
from newsdesk.index.actors.table import make_extractor
from tests.helpers.generated_data import assert_generated

EXTRACTOR = make_extractor(load_dictionaries([]))
SURNAMES = ("Kurtzer", "McConnell", "Pohiva", "Nkurunziza")
OPENINGS = ("Prices fell.", "Talks ended on Monday.", "The vote was close.\n\n")


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def _names() -> list[str]:
    """Every shipped given name that no dictionary names and that no sentence starter is
    ("will", "may": the starters' lists cut them wherever they stand), no title ("Prince",
    "Major": a title before the name, as anywhere), no place's or body's word ("River",
    "Lane": "River Kurtzer" is no person's full name) and no connector ("Al")."""
    return sorted(n for n in given_names()
                  if name_key(n) not in EXTRACTOR.known and _starter_word(n.title()) == 0
                  and n not in TITLES and n not in ORG_CUES and n not in CONNECTORS)


def test_the_shipped_list_is_given_names() -> None:
    names = given_names()
    assert 4000 <= len(names) <= 8000
    assert all(n.isascii() and n.isalpha() and n.islower() for n in names)
    # Many countries' names, not the words some parents chose.
    assert {"mitch", "gregory", "kyle", "pierre", "fernando", "mohammed", "kirsten",
            "agnes", "anne", "andy", "sergey", "ahmed", "kamal"} <= names
    assert not {"young", "west", "key", "lone", "big", "make", "later", "enrolling"} & names


def test_every_given_name_opening_a_sentence_stays_whole() -> None:
    names = _names()
    assert len(names) > 4000
    wrong = []
    for n, given in enumerate(names):
        first, surname = given.title(), SURNAMES[n % len(SURNAMES)]
        text = f"{OPENINGS[n % len(OPENINGS)]} {first} {surname} said the talks would go " \
               f"on. {surname} added more."
        full = name_key(f"{first} {surname}")
        if (keys := _keys(text)) != [full, full]:
            wrong.append((given, keys))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize("others", [("Anne", "Andy"), ("Kirsten", "Mitch"), ("Pierre", "Agnes")])
def test_a_given_name_opening_a_sentence_is_no_lone_surname_of_another(
        others: tuple[str, str]) -> None:
    one, other = others
    for surname in SURNAMES:
        text = f"The coach {other} {surname} named his side. {one} {surname} presented the " \
               f"show. {surname} smiled."
        keys = _keys(text)
        assert keys[:2] == [name_key(f"{other} {surname}"), name_key(f"{one} {surname}")]
        assert keys[2] == name_key(surname)  # (two full names end with it: neither's)


@pytest.mark.parametrize("word", ["Enrolling", "Remarked", "Critics", "Sometimes", "Whilst",
                                  "Unlike", "Adding", "Hope", "Chase"])
def test_other_words_opening_a_sentence_stay_candidates(word: str) -> None:
    for surname in SURNAMES:
        # "Hope" and "Chase" are given names too: written in lower case in the article,
        # they are its words there.
        text = f"Prices fell. {word} {surname} went on. We {word.lower()} so."
        assert _keys(text) == [f"^{name_key(word)} {name_key(surname)}"]


def test_no_given_name_after_an_initial() -> None:
    # "J.P. Morgan Chase": the stop after an initial starts no sentence, and the initials
    # are the name's.
    assert _keys("Banking stocks fell. J.P. Morgan Chase shares lost 1.1 percent.") == \
        ["jp morgan chase"]
    assert _keys("Banking stocks fell. Morgan Chase shares lost 1.1 percent.") == \
        ["morgan chase"]


def test_no_given_name_before_a_lone_letter() -> None:
    # "Rory O' Neill" (a broken "O'Neill"): "Rory O" is no full name.
    keys = _keys("Workers stand little chance.\n\nRory O' Neill, editor of Hazards, said so.")
    assert "rory o" not in keys
    assert _keys("Prices fell. Mitch McConnell said so.") == ["mitch mcconnell"]
    # A trailing initial after a surname is the name's own.
    assert _keys("Prices fell. Rolando Rodriguez B. said so.") == ["rolando rodriguez b"]


def test_the_committed_list_is_what_the_generator_writes() -> None:
    assert_generated("nomquamgender", "pip install --no-deps nomquamgender==0.1.4",
                     "given_names", GIVEN_NAMES)


def test_a_line_in_capitals_is_read_as_before() -> None:
    # "TOM PORCELLI, CHIEF U.S. ECONOMIST": capitals say nothing of a given name.
    text = 'Growth slowed. COMMENTS: TOM PORCELLI, CHIEF ECONOMIST, RBC CAPITAL: "Thin."'
    assert "^tom porcelli" in _keys(text)


@pytest.mark.parametrize("rest", ["Luther King", "Marie Slaughter", "Jong Un", "van der Sar"])
def test_a_given_name_before_a_longer_name_stays_whole(rest: str) -> None:
    # "Martin Luther King spoke" opening a sentence: not "Luther King".
    for n, given in enumerate(("Martin", "Anne", "Kim", "Edwin", "Mohammed", "Kirsten")):
        text = f"{OPENINGS[n % len(OPENINGS)]} {given} {rest} spoke on Monday."
        assert _keys(text)[0] == name_key(f"{given} {rest}"), text
    # A word that is no given name is cut, as before (not before a particle: kept whole).
    if rest[0].isupper():
        assert _keys(f"Prices fell. Enrolling {rest} spoke on Monday.")[0] == name_key(rest)
