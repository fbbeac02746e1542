"""A given name no list holds, alone in an article that names its bearer in full (stranger14,
corpus B: "Anura" beside "Anura Kumara Dissanayake" in 9 of its 15 articles): the article's
own cues say the full name is a person's where no cue stands on the full name itself, a
pronoun or a person's cue on the lone word ("Anura ... his"), or on the surname alone
("Dissanayake said"); and a name with its middle name left out is the same man's, not a
second bearer that leaves the lone word ambiguous. Generated variants of made-up names."""

from __future__ import annotations

from collections import Counter
from itertools import product

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)
# Made-up given names, middle names and surnames (none a list's given name: asserted).
GIVEN = ["Anuvara", "Sajitha", "Kelumo", "Dhanuka", "Thilaru"]
MIDDLE = ["Kumarasa", "Pradeepa"]
SURNAMES = ["Dissanakee", "Wickramora", "Pathiraga"]
# The full name (no cue on it), then the lone given name with its cue, or the surname's.
FRAMES = [
    "The rally heard {full} on Monday. Reporters said {given} told his supporters to wait, "
    "and {given} said he would stay.",
    "Posters of {full} went up across the town. {given} and his aides left at noon. Aides "
    "said {given} wanted his car.",
    "The rally heard {full} on Monday. Crowds cheered as President {surname} spoke of the "
    "vote. Many came to hear {given} on the day.",
]


def keys_of(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


def test_the_names_are_no_list_given_names() -> None:
    assert not any(g.lower() in given_names() for g in GIVEN + MIDDLE)


@pytest.mark.parametrize(("given", "middle", "surname", "frame"),
                         product(GIVEN, MIDDLE, SURNAMES, FRAMES))
def test_a_cued_unlisted_given_name_alone_is_the_articles_full_name(
        given: str, middle: str, surname: str, frame: str) -> None:
    full = f"{given} {middle} {surname}"
    keys = keys_of(frame.format(full=full, given=given, surname=surname))
    assert given.lower() not in keys, keys
    assert keys.count(full.lower()) >= 2, keys


@pytest.mark.parametrize(("given", "surname"), product(GIVEN, SURNAMES))
def test_with_no_cue_the_lone_word_stays_as_it_was(given: str, surname: str) -> None:
    """No cue of a person anywhere: a firm's first word alone ("Goldman") reads so too."""
    keys = keys_of(f"Shares of {given} {surname} rose on Monday. {given} stock was up.")
    assert given.lower() in keys, keys


@pytest.mark.parametrize(("given", "middle", "surname"), product(GIVEN, MIDDLE, SURNAMES))
def test_a_name_without_its_middle_name_is_no_second_bearer(given: str, middle: str,
                                                            surname: str) -> None:
    """Once each, the full name and the one without its middle name: the lone given name
    (cued) is the full name's, where two bearers would have left it alone."""
    full, short = f"{given} {middle} {surname}", f"{given} {surname}"
    keys = keys_of(f"The rally heard {full} on Monday. Posters showed {short} waving. "
                   f"Reporters said {given} told his supporters to wait, and {given} said he "
                   f"would stay.")
    assert given.lower() not in keys and full.lower() in keys, keys


def test_two_bearers_of_a_given_name_leave_it_alone() -> None:
    keys = keys_of("Anuvara Kumarasa Dissanakee met Anuvara Pathiraga. Reporters said Anuvara "
                   "told his supporters to wait.")
    assert "anuvara" in keys, keys


def person(surface: str, n: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=n // 2)


@pytest.mark.parametrize(("given", "middle", "surname"), product(GIVEN, MIDDLE, SURNAMES))
def test_a_name_without_its_middle_name_joins_the_one_common_longer_name(
        given: str, middle: str, surname: str) -> None:
    """Over the corpus: "Anura Dissanayake" (105 mentions) is Anura Kumara Dissanayake's
    (1,242), though a rare misspelt middle name ("Anura Kumar Dissanayake", 6) fits it
    too; two longer names about as common leave it alone."""
    short, long = f"{given} {surname}", f"{given} {middle} {surname}"
    rare = f"{given} {middle[:-1]}x {surname}"
    for other, n, joined in ((rare, 6, True), (f"{given} Aldous {surname}", 300, False)):
        stats = [person(short, 105), person(long, 1242), person(other, n)]
        found = [set(c.keys) for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES)]
        assert any({name_key(short), name_key(long)} <= c for c in found) is joined, found


@pytest.mark.parametrize(("given", "surname"), product(["Donald", "Kelumo", "Maria"],
                                                       SURNAMES + ["Trump"]))
def test_a_lone_surname_goes_to_the_form_the_article_writes_more(given: str,
                                                                 surname: str) -> None:
    """"Donald J. Trump" once beside "Donald Trump" three times: the lone "Trump" is the
    usual form's (the initialled one, with no cue of its own, joins no actor)."""
    short = f"{given} {surname}"
    keys = keys_of(f"{given} Jaleth {surname} signed it. {short} said so. {short} left. "
                   f"Reporters said {surname} spoke. Later {short} came.")
    assert keys.count(name_key(short)) == 4, keys


@pytest.mark.parametrize(("given", "surname"), product(GIVEN, ["Messenger", "Networks"]))
def test_one_he_among_its_its_makes_no_person(given: str, surname: str) -> None:
    """BBC: one "he" after "Yahoo" among "it"s made it "Yahoo Messenger" (23 mentions)."""
    keys = keys_of(f"{given} {surname} grew fast. Critics said {given} was slow, but it "
                   f"grew. Analysts said {given} knew it had to move. A founder of {given} "
                   f"said he would stay.")
    # (A firm's lone first word is the firm its article names, firm_firsts.py: "Anuvara"
    # of "Anuvara Networks"; either way, no person's.)
    firm = keys.count(name_key(f"{given} {surname}")) - 1 if surname == "Networks" else 0
    assert keys.count(given.lower()) + firm >= 2, keys


@pytest.mark.parametrize(("given", "surname"), product(GIVEN, ["Courier", "Community"]))
def test_one_cue_on_the_lone_word_is_chance(given: str, surname: str) -> None:
    """Reuters: "Japanese and European research officials said", one "he" after a lone
    "Purolator": one cue made them "European Community", "Purolator Courier"."""
    keys = keys_of(f"Shares of {given} {surname} rose. {given} markets were firm. Analysts "
                   f"at {given} said he was calm.")
    assert given.lower() in keys, keys
