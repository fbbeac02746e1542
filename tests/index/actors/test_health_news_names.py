"""Classes found on a health-news corpus newsdesk had not seen (FakeHealth's stories and
releases), second round: US states abbreviated after a place ("Stanford, Calif.") listed as
actors; a body's name cut at an "and" of its topic ("Department of Health | and Human
Services", "US Food | and Drug Administration"); a demonym cut from a body's name going on
after "for" ("American | Association for Cancer Research", which lost its acronym AACR);
Roman numerals alone ("phase III") listed as actors."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import ROMAN_NUMERALS, not_actor
from newsdesk.index.actors.state_abbreviations import US_STATES, state_abbreviations
from newsdesk.index.actors.table import make_extractor
from tests.helpers.generated_data import assert_generated

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.key, m.org_type) for m in EXTRACTOR.extract("", text).mentions]


def _states() -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in US_STATES.read_text(encoding="utf-8").splitlines()
            if line and line[0] != "#"]
    return [(name, ap, postal) for name, ap, postal in rows]


def _state_key(name: str) -> str:
    """The key a state's abbreviation takes: its name's, or its name's and its country's
    where a dictionary gives the name to a country or a capital (Georgia, Washington)."""
    key = name_key(name)
    return f"{key} united states" if key in EXTRACTOR.state_homonyms else key


def test_the_shipped_table_has_every_state() -> None:
    assert len(_states()) == 50
    table = state_abbreviations()
    assert table["calif"][0] == "california" and table["ny"][0] == "new york"


CITIES = ("Springfield", "Fort Collins", "Greenville", "Mount Vernon")


# (Not "Miss.", a title before a name to the scan, nor "W.Va.", which it reads in pieces.)
UNREAD = frozenset(("Miss.", "W.Va."))


@pytest.mark.parametrize("city", CITIES)
def test_an_ap_abbreviation_after_a_place_is_the_state(city: str) -> None:
    for name, ap, _ in _states():
        if not ap or ap in UNREAD:
            continue
        for text in (f"Doctors in {city}, {ap}, and nurses studied it.",
                     f"Doctors in {city}, {ap} They studied it.",
                     f"Born in {city}, {ap} and raised there, she left."):
            found = _found(text)
            assert (_state_key(name), "location") in found, (text, found)
            assert name_key(ap) not in {k for k, _ in found}, (text, found)


def test_a_postal_code_is_the_state_after_a_place_only() -> None:
    read = 0
    for name, _, postal in _states():
        for text in (f"They met in Springfield, {postal} on Monday.",
                     f"Write to Springfield, {postal} 12345 for a copy."):
            keys = {k for k, _ in _found(text)}
            # (Where the scan reads the code as a word, "CO", "OR", it makes no mention.)
            assert name_key(postal) not in keys, (text, keys)
            read += _state_key(name) in keys
        # A person's name and a comma say nothing of a place.
        found = _found(f"Mary Jones, {postal} said.")
        assert name_key(name) not in {k for k, _ in found}, (postal, found)
    assert read >= 90, read


@pytest.mark.parametrize("ap", ["Calif.", "Miss.", "Ind.", "La.", "Mass."])
def test_an_abbreviation_with_no_place_before_it_stays_as_it_was(ap: str) -> None:
    for text in (f"A {ap} company grew.", f"The {ap} rules changed, officials said."):
        assert all(k not in {"california", "mississippi", "indiana", "louisiana",
                             "massachusetts"} for k, _ in _found(text)), text


HEADS = ("Department", "Ministry", "Institute", "Office")
# (Not "Housing and Urban Development": "Urban" is a given name, and "and Urban X" is read
# as a person's name, as "and Dan Gillmor" is; `test_a_person_after_a_bodys_and_stays_one`.)
TOPICS = ("Health and Human Services", "Agriculture and Fisheries",
          "Energy and Climate Change", "Labor and Industry", "Posts and Telecommunications")


def test_a_bodys_topic_goes_on_after_and() -> None:
    for head, topic, lead in itertools.product(HEADS, TOPICS, ("the", "the U.S.")):
        name = f"{head} of {topic}"
        found = _found(f"A report by {lead} {name} said so on Monday.")
        keys = [k for k, _ in found]
        assert any(k.endswith(name_key(name)) for k in keys), (lead, name, found)
        assert name_key(topic.split(" and ")[1]) not in keys, (name, found)


def test_two_bodies_or_a_body_and_a_firm_stay_two() -> None:
    for text, keys in (
            ("The Ministry of Defence and Foreign Office agreed.",
             {"ministry of defence", "foreign office"}),
            ("The Bank of England and Barclays met. Barclays said no.",
             {"bank of england", "barclays"}),
            ("The University of Oxford and Cambridge University met.",
             {"university of oxford", "cambridge university"})):
        got = {k for k, _ in _found(text)}
        assert keys <= got, (text, got)


def test_a_bodys_topics_go_on_after_each_and() -> None:
    name = "National Institute of Diabetes and Digestive and Kidney Diseases"
    assert [k for k, _ in _found(f"The {name} said so.")] == [name_key(name)]


def test_a_person_after_a_bodys_and_stays_one() -> None:
    for given in ("Dan", "Mary", "Ahmed"):
        found = _found(f"Speakers came from the University of California and {given} Gillmor,"
                       " a writer.")
        assert {"university of california", f"{given.lower()} gillmor"} <= \
            {k for k, _ in found}, found


def test_a_place_ends_a_bodys_name_before_and() -> None:
    for body in ("Commonwealth Bank of Australia", "Bank of England", "University of Texas"):
        found = _found(f"The {body} and Credit Industriel agreed.")
        assert name_key(body) in {k for k, _ in found}, found


@pytest.mark.parametrize("country", ["US", "U.S.", "United States", "UK"])
def test_a_countrys_body_named_with_and_stays_whole(country: str) -> None:
    for body in ("Food and Drug Administration", "Securities and Exchange Commission",
                 "Alcohol and Tobacco Bureau"):
        found = _found(f"It was cleared by the {country} {body} last year.")
        keys = [k for k, _ in found]
        assert any(k.endswith(name_key(body)) for k in keys), (country, body, found)
        assert name_key(body.split(" and ")[1]) not in keys, (country, body, found)
    found = _found("The Food and Drug Administration approved it.")
    assert "food and drug administration" in {k for k, _ in found}


@pytest.mark.parametrize("demonym", ["American", "British", "Canadian", "Australian"])
def test_a_demonym_before_a_for_name_stays_in_it(demonym: str) -> None:
    for head, tail in itertools.product(("Association", "Society", "Foundation"),
                                        ("Cancer Research", "Microbiology")):
        name = f"{demonym} {head} for {tail}"
        found = _found(f"Members of the {name} met on Monday.")
        assert [k for k, _ in found] == [name_key(name)], (name, found)


def test_a_demonym_before_a_governments_for_body_is_its_own() -> None:
    # (As before: a country's own body, its demonym a mention of the country.)
    found = _found("The Iranian Commission for Human Rights said so.")
    assert [k for k, _ in found][:2] == ["iranian", "commission for human rights"]


def test_roman_numerals_alone_are_no_actors() -> None:
    for numeral in ROMAN_NUMERALS:
        assert not_actor(numeral), numeral
        assert not not_actor(f"john smith {numeral}"), numeral
    for key in ("xi", "i", "v", "x"):  # Xi Jinping's surname; letters
        assert not not_actor(key), key


def test_the_committed_states_are_what_the_generator_writes() -> None:
    assert_generated("us", "pip install us==4.0.0", "us_states", US_STATES)


LISTED = (("National", ("Heart", "Lung"), "Blood", "Institute"),
          ("Federal", ("Fish", "Wildlife"), "Parks", "Commission"),
          ("National", ("Arthritis", "Musculoskeletal"), "Skin Diseases", "Institute"),
          ("International", ("Food", "Water"), "Soil", "Foundation"))


@pytest.mark.parametrize("first,middle,last,head", LISTED)
def test_a_bodys_name_listing_topics_with_commas_is_one(first: str, middle: tuple[str, ...],
                                                         last: str, head: str) -> None:
    common = " and ".join(w.lower() for w in middle)  # (the topics' words, in lower case)
    for oxford in (",", ""):
        name = f"{first} {', '.join(middle)}{oxford} and {last} {head}"
        text = f"The {name} (XYZ) paid for a study of {common} problems."
        found = EXTRACTOR.extract("", text)
        assert [m.key for m in found.mentions][:1] == [name_key(name)], (name, found.mentions)
        assert found.mentions[0].surface == name


def test_a_list_of_names_before_a_body_stays_a_list() -> None:
    for text, keys in (("Students of Harvard, Yale, and Stanford University met.",
                        {"harvard", "yale", "stanford university"}),
                       ("Officials of Texas, Ohio and the Ford Foundation met.",
                        {"texas", "ohio", "ford foundation"}),
                       ("Doctors at Mayo, Duke, and Johns Hopkins University agreed.",
                        {"johns hopkins university"})):
        got = {k for k, _ in _found(text)}
        assert keys <= got, (text, got)
