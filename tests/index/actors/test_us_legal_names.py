"""Names of US political and legal news (stranger6's AllSides corpora): a court numbered by
an ordinal ("the 9th Circuit" was the actor "Circuit"), a generation's suffix ("John G.
Roberts Jr." apart from John Roberts), a chamber's party members ("House Democrats" typed
person), a programme named after a person ("Obamacare" typed organisation). Generated
names in generated sentences: no corpus's names."""

from __future__ import annotations

import itertools

from tests.helpers.generated_data import assert_generated
from tests.index.actors.test_precision_rules import clusters, keys, mentions, stat

ORDINALS = ("9th", "5th", "11th", "2nd", "101st")
BODIES = ("Circuit", "U.S. Circuit Court of Appeals", "Airborne Division", "District Court")


def test_an_ordinal_before_a_body_is_part_of_its_name() -> None:
    for ordinal, body, first in itertools.product(ORDINALS, BODIES, ("the", "The")):
        text = f"Lawyers said {first} {ordinal} {body} ruled against the state on Monday."
        if first == "The":
            text = f"{first} {ordinal} {body} ruled against the state on Monday."
        found = keys(text)
        assert any(k.startswith(f"{ordinal} ") for k in found), (text, found)
        assert body.split()[0].lower() not in found, (text, found)


def test_an_ordinal_before_other_words_is_not_a_name() -> None:
    # A century, a count of presidents, a date: the ordinal numbers no body.
    for text in ("Life in the 21st Century was easier, Kelly said.",
                 "He was the 44th American president, Kelly said.",
                 "On June 5th Kelly spoke in Ohio.",
                 "He came 9th Circuit in the race."):
        assert not any(k[:1].isdigit() for k in keys(text)), (text, keys(text))


GIVEN = ("John", "Mary", "Kwame", "Lena")
SURNAMES = ("Roberts", "Okafor", "Lindqvist")


def test_a_generation_suffix_and_an_initial_join_the_plain_name() -> None:
    for given, surname, letter in itertools.product(GIVEN, SURNAMES, ("G", "K")):
        plain = stat(f"{given} {surname}", 40, person=10)
        both = stat(f"{given} {letter}. {surname} Jr", 10, person=5)
        suffix = stat(f"{given} {surname} Jr", 2, person=1)
        found = clusters([plain, both, suffix])
        assert found[both.key][2] == {plain.key, both.key, suffix.key}, found


def test_a_father_and_a_son_or_two_initials_stay_apart() -> None:
    for given, surname in itertools.product(GIVEN, SURNAMES):
        plain = stat(f"{given} {surname}", 40, person=10)
        son = stat(f"{given} {surname} Jr", 5, person=3)
        father = stat(f"{given} {surname} Sr", 5, person=3)
        found = clusters([plain, son, father])
        assert son.key not in found[plain.key][2] or father.key not in found[plain.key][2]
        one = stat(f"{given} H. W. {surname}", 5, person=3)
        other = stat(f"{given} W. {surname} Jr", 5, person=3)
        found = clusters([plain, one, other])
        assert one.key not in found[plain.key][2], found


def test_a_chambers_party_members_are_a_group() -> None:
    for chamber, party in itertools.product(("House", "Senate", "Assembly"),
                                            ("Democrats", "Republicans", "Conservatives")):
        text = f"On Monday {chamber} {party} said they would vote against it."
        found = [(k, t) for k, t, _ in mentions(text)]
        assert (f"{chamber} {party}".lower(), "organisation") in found, (text, found)


def test_a_programme_named_after_a_surname_is_no_actor() -> None:
    for surname, tail in itertools.product(("Okafor", "Lindqvist", "Abe"),
                                           ("care", "Care", "nomics", "gate")):
        person = stat(surname, 60, person=30)
        thing = stat(f"{surname}{tail}", 30, organisation=10)
        found = clusters([person, thing])
        assert thing.key not in found, found
    # No person of that surname: a firm's own name ("WellCare") stays.
    firm = stat("Wellcare", 30, organisation=10)
    well = stat("Well", 60, location=5)
    assert firm.key in clusters([firm, well])


def test_a_son_called_by_surname_and_suffix_stays_apart() -> None:
    # "Donald Trump Jr." with no initial, "Trump Jr." alone: the son, not a style of the
    # father's name; "Donald J. Trump" still joins the father.
    for given, surname in itertools.product(GIVEN, SURNAMES):
        father = stat(f"{given} {surname}", 400, person=100)
        styled = stat(f"{given} J. {surname}", 40, person=10)
        son = stat(f"{given} {surname} Jr", 20, person=8)
        alone = stat(f"{surname} Jr", 29, person=5)
        found = clusters([father, styled, son, alone])
        assert found[father.key][2] == {father.key, styled.key}, found
        found = clusters([father, son])
        assert son.key not in found[father.key][2], found
        formal = stat(f"{given} J. {surname} Jr", 20, person=8)
        found = clusters([father, styled, formal, alone])
        assert formal.key not in found[father.key][2], found
        assert styled.key in found[father.key][2], found


def _joined(stats: list, together) -> dict[str, set[str]]:
    from newsdesk.index.actors.cluster import cluster
    from newsdesk.index.actors.dictionaries import load_dictionaries

    by_key = {s.key: s for s in stats}
    out = {}
    for c in cluster(by_key, {}, load_dictionaries([]), together):
        for k in c.keys:
            out[k] = set(c.keys)
    return out


def test_a_formal_given_name_joins_its_nickname_where_one_article_has_both() -> None:
    for formal, nick, surname in (("Joseph", "Joe", "Okafor"), ("William", "Bill", "Lindqvist"),
                                  ("Robert", "Bob", "Mwangi")):
        usual = stat(f"{nick} {surname}", 400, person=100)
        readout = stat(f"{formal} R. {surname} Jr", 13, person=5)
        found = _joined([usual, readout], lambda a, b: True)
        assert readout.key in found[usual.key], found
        # Never in one article: no shared context, two people maybe.
        found = _joined([usual, readout], lambda a, b: False)
        assert readout.key not in found[usual.key], found
        # Two formal names lead to it ("Joseph P." and "Joseph K."): neither joins.
        other = stat(f"{formal} K. {surname}", 13, person=5)
        found = _joined([usual, readout, other], lambda a, b: True)
        assert readout.key not in found[usual.key] and other.key not in found[usual.key]
    # A name that is no nickname of it stays apart ("Jill" of "Joseph").
    found = _joined([stat("Jill Okafor", 40, person=10), stat("Joseph Okafor", 13, person=5)],
                    lambda a, b: True)
    assert found["jill okafor"] == {"jill okafor"}, found


def test_the_committed_nicknames_are_what_the_generator_writes() -> None:
    from newsdesk.index.actors.nicknames import NICKNAMES, nicknames

    assert "joe" in nicknames()["joseph"] and "bill" in nicknames()["william"]
    assert_generated("nicknames", "pip install --no-deps nicknames==1.0.1", "nicknames",
                     NICKNAMES)
