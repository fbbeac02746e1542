"""Issue 24, Indian English news (stranger15 F1, F8): a shipped dictionary's short acronym
joins its entry only where the corpus writes the entry out ("AP" of Andhra Pradesh is no
Associated Press, the "PTI" credit no Pakistani party); a body's name opening a sentence
without "The" ("Election Commission said") is the whole name."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import stat

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      capitals=DICTIONARIES.capital_keys)


def _short_acronyms() -> list[tuple[str, str]]:
    """(acronym, entry name) of shipped entries whose alias is an acronym of 2-3 capitals (no digit)
    and no other entry's name: every fourth, for a spread of kinds at little cost."""
    found = []
    for head, entry in sorted(DICTIONARIES.entries.items()):
        for alias in entry.aliases:
            key = name_key(alias)
            if 2 <= len(key) <= 3 and key.isalpha() and alias.replace(".", "").isupper() \
                    and DICTIONARIES.capitals.get(key) \
                    and DICTIONARIES.alias.get(key) == head:
                found.append((alias, entry.name))
    return found[::4]


SHORT = _short_acronyms()


def _owner(stats: list, dictionaries=DICTIONARIES) -> dict[str, object]:
    found = cluster({s.key: s for s in stats}, {}, dictionaries)
    return {k: c for c in found for k in c.keys}


def test_the_sample_is_wide() -> None:
    assert len(SHORT) >= 15
    assert {DICTIONARIES.entries[DICTIONARIES.alias[name_key(a)]].type for a, _ in SHORT} \
        >= {"country", "party", "international"}


@pytest.mark.parametrize(("acronym", "name", "cue"), [
    (a, n, cue) for (a, n), cue in zip(SHORT, itertools.cycle(
        [{}, {"organisation": 3}, {"media": 2}, {"location": 4}, {"party": 2}]), strict=False)])
def test_a_short_acronym_without_its_entry_written_out_is_its_own(
        acronym: str, name: str, cue: dict[str, int]) -> None:
    location = cue.pop("location", 0) if "location" in cue else 0
    short = stat(acronym, 20, location=location, **cue)
    other = stat("Andhra Pradesh", 9, location=5)
    owner = _owner([short, other])
    assert short.key in owner, acronym  # never dropped
    assert owner[short.key].name != name, (acronym, name)
    assert owner[short.key].keys == [short.key] or name_key(name) not in owner[short.key].keys
    # The entry written out once in the corpus: the acronym is the entry's again.
    full = stat(name, 1)
    owner = _owner([short, full, other])
    assert owner[short.key].name == name, (acronym, name)
    assert short.key in owner[full.key].keys


@pytest.mark.parametrize(("acronym", "evidence", "name"), [
    ("US", "America", "United States"), ("U.S.", "American", "United States"),
    ("UN", "United Nations", "United Nations"), ("FBI", "Federal Bureau of Investigation",
                                                 "Federal Bureau of Investigation"),
    ("AP", "Associated Press", "Associated Press"),
    ("PTI", "Pakistan Tehreek-i-Insaf", "Pakistan Tehreek-e-Insaf")])
def test_any_spelled_out_name_of_the_entry_is_evidence(acronym: str, evidence: str,
                                                       name: str) -> None:
    owner = _owner([stat(acronym, 30), stat(evidence, 1)])
    assert name_key(evidence) in owner[name_key(acronym)].keys
    assert name_key(name) in owner[name_key(acronym)].keys


@pytest.mark.parametrize("acronym", ["IAEA", "UNHCR", "OECD", "NATO", "BBC", "UNESCO", "BoE",
                                     "DoJ", "JeM", "G7", "G20"])
def test_a_long_acronym_or_an_entry_named_so_needs_no_evidence(acronym: str) -> None:
    owner = _owner([stat(acronym, 12)])
    head = DICTIONARIES.entries[DICTIONARIES.alias[name_key(acronym)]]
    assert name_key(head.name) in owner[name_key(acronym)].keys


@pytest.mark.parametrize("acronym", ["AP", "PTI", "TDP"])
def test_a_corpus_dictionary_is_its_own_evidence(tmp_path: Path, acronym: str) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(f'version: 1\nactors:\n  - {{"name": "Body {acronym}", "type": '
                    f'"organisation", "aliases": ["{acronym}"]}}\n', encoding="utf-8")
    owner = _owner([stat(acronym, 12)], load_dictionaries([path]))
    assert owner[name_key(acronym)].name == f"Body {acronym}"


BODIES = ["Election Commission", "Housing Board", "Water Authority", "Planning Commission",
          "Pollution Control Board", "Transport Department", "Greater Chennai Corporation",
          "Municipal Council", "Forest Department", "Revenue Ministry"]
OPENINGS = ["{b} said the plan was ready.", "{b} has decided to act.",
            "{b} officials met on Tuesday.", "{b} criticised the party on Monday.",
            "{b} of Kerala said so."]


@pytest.mark.parametrize(("body", "form"), itertools.product(BODIES, OPENINGS))
def test_a_body_opening_a_sentence_is_whole(body: str, form: str) -> None:
    text = "Story\n\nThe rains came early. " + form.format(b=body) + " Later it rained."
    keys = [m.key for m in EXTRACTOR.extract("", text).mentions]
    want = name_key(body + (" of Kerala" if "{b} of Kerala" in form else ""))
    assert want in keys, (text, keys)


@pytest.mark.parametrize(("text", "key"), [
    ("Story\n\nIt rained. Later Robinson said no.", "^later robinson"),
    ("Story\n\nIt rained. Yesterday Robinson said no.", "robinson"),
    ("Story\n\nIt rained. Latest News came in late.", None),
    ("Story\n\nIt rained. Main Street was closed.", None)])
def test_a_first_word_before_no_body_head_is_cut_as_before(text: str, key: str | None) -> None:
    keys = [m.key for m in EXTRACTOR.extract("", text).mentions]
    assert "latest news" not in keys and "main street" not in keys
    if key is not None:
        assert key in keys, keys


@pytest.mark.parametrize(("acronym", "longer", "name"), [
    ("FBI", "US Federal Bureau of Investigation", "Federal Bureau of Investigation"),
    ("UN", "The United Nations", "United Nations"),
    ("ANC", "South African National Congress", "African National Congress")])
def test_the_entry_ending_a_longer_name_is_evidence(acronym: str, longer: str,
                                                   name: str) -> None:
    owner = _owner([stat(acronym, 21, thing=17), stat(longer, 2)])
    assert name_key(name) in owner[name_key(acronym)].keys


@pytest.mark.parametrize(("acronym", "cues"), itertools.product(
    ["G7", "FBI", "AP", "PTI", "NHS"],
    [{"modifier": 26}, {"thing": 17, "modifier": 4}, {}]))
def test_an_acronym_let_go_is_never_dropped(acronym: str, cues: dict[str, int]) -> None:
    short = stat(acronym, 26, location=1, **cues)
    short.lower = 2  # ("fbi" in a web address: a word's lower case)
    assert short.key in _owner([short, stat("Andhra Pradesh", 3)])
