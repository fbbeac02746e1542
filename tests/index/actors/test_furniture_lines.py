"""A line a batch repeats verbatim across many different articles (a poll widget, a share or
credit line) gives no mention at all, wherever it stands in them; an article's own lines,
a story held several times and a quote a few papers print are read as ever
(furniture_lines.py)."""

from __future__ import annotations

import random

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.furniture_lines import REPEATS, FurnitureLines, dumps, loads
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

DICTIONARIES = load_dictionaries([])
FURNITURE = [
    "take our poll - story continues below\nWho should replace Nikki Haley as our ambassador "
    "to the U.N.?\n* John Bolton Richard Grenell Dina Powell Heather Nauert",
    "Share this story with Marlow Quinby on Facebook and Twitter",
    "Article posted with permission from Pamela Geller",
    "Completing this poll grants you access to Liberty Outpost updates free of charge.",
]
PEOPLE = ["Alan Brook", "Maria Okafor", "Tomas Lindqvist", "Priya Raman", "Kofi Mensah",
          "Elena Petrova", "Jorge Salinas", "Mei Tanaka", "Omar Haddad", "Lena Vogel"]


def _story(n: int, person: str) -> list[str]:
    return [f"The engineer {person} said on day {n} that the pumps at the harbour ran again.",
            f"{person} told reporters the flow held, so the tests went on for {n + 2} days.",
            f"Workers cleared the channel before the tide came back on evening {n}."]


def _article(n: int, person: str, furniture: str, where: str) -> str:
    lines = _story(n, person)
    at = {"top": 0, "middle": 2, "end": len(lines)}[where]
    return "\n".join(lines[:at] + [furniture] + lines[at:])


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


@pytest.mark.parametrize("furniture", FURNITURE)
def test_a_repeated_line_gives_no_mentions_wherever_it_stands(extractor: Extractor,
                                                               furniture: str) -> None:
    rng = random.Random(len(furniture))
    texts = [_article(n, p, furniture, rng.choice(["top", "middle", "end"]))
             for n, p in enumerate(PEOPLE)]
    blanked = FurnitureLines().blanked(texts)
    assert sorted(blanked) == list(range(len(texts)))
    read = [blanked[n] for n in range(len(texts))]
    for text, was in zip(read, texts, strict=True):
        assert len(text) == len(was)  # (the spans of the mentions kept stay in place)
        for line in furniture.split("\n"):
            assert line not in text
    # Each article's mentions are its own story's, as if the line were not there.
    for n, (text, was) in enumerate(zip(read, texts, strict=True)):
        story = "\n".join(_story(n, PEOPLE[n]))
        assert _keys(extractor, text) == _keys(extractor, story)
        # (Read as it was, the line gives mentions of its own: the test can fail.)
        assert _keys(extractor, was) > _keys(extractor, story)
    names = names_of_keys(extractor, DICTIONARIES, read)
    assert names.get("maria okafor") == "Maria Okafor" and "lena vogel" in names


def _keys(extractor: Extractor, text: str) -> set[str]:
    return {m.key for m in extractor.extract("", text).mentions}


def test_copies_of_a_story_and_a_quote_of_a_few_papers_are_kept() -> None:
    quote = "“We will not give up the harbour,” said Mayor Ines Calloway."
    # One story held many times: its lines repeat, but it is one text.
    copies = ["\n".join(_story(1, "Alan Brook") + [quote])] * (3 * REPEATS)
    assert FurnitureLines().blanked(copies) == {}
    # A quote printed by fewer different articles than REPEATS.
    few = [_article(n, p, quote, "middle") for n, p in enumerate(PEOPLE[:REPEATS - 1])]
    assert FurnitureLines().blanked(few) == {}
    # A formula that opens what the article goes on to say (a wire's table) is its own.
    lead = "The Kelvara Harbour Board adjusted its rates as follows:"
    assert FurnitureLines().blanked([_article(n, p, lead, "top")
                                     for n, p in enumerate(PEOPLE)]) == {}
    # A long line (a paragraph) is an article's own, however often it is printed.
    long = "Officials of the Harbour Authority said " + "the tests went on and on, " * 8
    assert FurnitureLines().blanked([_article(n, p, long, "end")
                                     for n, p in enumerate(PEOPLE)]) == {}


def test_a_line_found_is_blanked_in_a_later_batch_and_kept_in_the_store() -> None:
    line = FURNITURE[3]
    lines = FurnitureLines()
    lines.blanked([_article(n, p, line, "end") for n, p in enumerate(PEOPLE)])
    later = FurnitureLines(loads(dumps(lines.known)))
    one = _article(99, "Ravi Menon", line, "top")
    assert line not in later.blanked([one])[0] and "Ravi Menon" in later.blanked([one])[0]
    assert loads(None) == [] and loads("not json") == [] and loads('{"a": 1}') == []
