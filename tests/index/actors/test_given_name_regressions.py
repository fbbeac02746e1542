"""Regressions of the given-name and particle rules (issue 24, a stranger's probe): a
particle name resolves only to a full name ending in the whole particle phrase; "Van X",
"Del X" with no given name before them is a full name; the given name put back before a
name opening a sentence does not make the "said" cue of a longer name (companies named
after people); "Per" opening a sentence is the preposition."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
OPENINGS = ("Shares fell.", "Markets were calm on Monday.", "The report was late.\n\n")
PLACE_WORDS = ("Marche", "Rochelle", "Villette", "Bourget", "Havre", "Mans")
GIVEN = ("Jean-Marc", "Pierre", "Anna", "Marco", "Giulia", "Henri")
PARTICLES = ("Le", "La", "De", "Du", "Den", "Der")
CUES = ("in", "to", "at", "of the region of")


def _mentions(text: str) -> list[tuple[str, bool]]:
    return [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("particle", PARTICLES)
def test_a_particle_name_is_no_full_name_lacking_its_particle(particle: str) -> None:
    wrong = []
    for n, word in enumerate(PLACE_WORDS):
        given = GIVEN[n % len(GIVEN)]
        text = f"The ship sailed {CUES[n % len(CUES)]} {particle} {word}. " \
               f"{given} {word} said no."
        keys = [k for k, _ in _mentions(text)]
        if keys[0] != f"{particle} {word}".lower():
            wrong.append((text, keys))
    assert not wrong, wrong


def test_a_particle_name_still_resolves_to_its_whole_full_name() -> None:
    for given, particle, surname in (("Willy", "De", "Clercq"), ("Karel", "Van", "Miert"),
                                     ("Juan", "Del", "Potro"), ("Kurt", "Von", "Trotta")):
        text = f"Commissioner {given} {particle} {surname} spoke. {particle} {surname} said no."
        full = f"{given} {particle} {surname}".lower()
        assert [k for k, _ in _mentions(text)] == [full, full], text


@pytest.mark.parametrize("particle", ("Van", "Del"))
def test_a_given_name_particle_alone_is_a_full_name(particle: str) -> None:
    wrong = []
    for n, surname in enumerate(("Morrison", "Harris", "Jones", "Halen", "Baker", "Toro")):
        text = f"{OPENINGS[n % len(OPENINGS)]} Fans cheered {particle} {surname} on " \
               f"Monday. The crowd knew {surname} well."
        keys = [k for k, _ in _mentions(text)]
        full = f"{particle} {surname}".lower()
        if keys != [full, full]:
            wrong.append((text, keys))
    assert not wrong, wrong


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_given_name_put_back_is_no_said_cue(opening: str) -> None:
    for first, last in (("Sanford", "Bernstein"), ("Raymond", "James"), ("Charles", "Schwab"),
                        ("Dean", "Witter"), ("Calvin", "Klein"), ("Mitch", "McConnell")):
        text = f"{opening} {first} {last} said the price would rise."
        assert _mentions(text) == [(f"{first} {last}".lower(), False)], text
        # (mid-sentence, the name written whole says as much as ever)
        text = f"{opening} Then on Monday {first} {last} said the price would rise."
        assert (f"{first} {last}".lower(), True) in _mentions(text), text


@pytest.mark.parametrize("source", ("Kuo", "Snopes", "Reuters", "Bloomberg", "Ming-Chi Kuo"))
def test_per_opening_a_sentence_is_the_preposition(source: str) -> None:
    for opening in OPENINGS:
        keys = [k for k, _ in _mentions(f"{opening} Per {source}, the phone ships in May.")]
        assert keys and not keys[0].startswith(("per ", "^per ")), keys


@pytest.mark.parametrize("particle", PARTICLES)
def test_a_particle_after_a_hyphen_makes_no_full_name(particle: str) -> None:
    # "Paris-La Villette": a place's name, its "La Villette" no surname of it.
    for n, word in enumerate(PLACE_WORDS):
        city = ("Paris", "Lyon", "Nantes")[n % 3]
        text = f"She studied at the school of {city}-{particle} {word}. " \
               f"A teacher at the {particle} {word} campus said so."
        keys = [k for k, _ in _mentions(text)]
        assert f"{particle} {word}".lower() in keys, (text, keys)
