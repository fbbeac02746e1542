"""Two splits of a person's name by a word that looks like something else:

- a capitalised particle leading a two-word name whose last word the article writes alone
  is a given name ("Von Miller ... Miller said", "Bin Cao ... Cao found"): the lone word is
  that person, as after any full name; a particle-led surname written whole ("De Clercq
  said") stays as it is;
- a country's name starting a sentence before a given name and a surname, the article
  writing it nowhere else, is the person's first name ("Mali Poppy Cooper, 22, ..."), not
  a country run on into a name ("Mali" written again), nor a party's member ("Republican
  Duncan Hunter told")."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in EXTRACTOR.extract("", text).mentions]


def test_a_capitalised_particle_before_a_surname_said_alone_is_a_given_name() -> None:
    for particle, surname in itertools.product(("Von", "Van", "De", "Bin", "Le"),
                                               ("Miller", "Cao", "Hartley", "Okafor")):
        text = f"Scores were low.\nThe linebacker {particle} {surname} made eight tackles. " \
               f"{surname} said the team was ready."
        key = f"{particle.lower()} {surname.lower()}"
        assert _found(text).count((key, surname)) == 1, (particle, surname, _found(text))


def test_a_surname_led_by_a_particle_written_whole_stays_whole() -> None:
    for particle, surname in itertools.product(("De", "Van"), ("Clercq", "Miert")):
        text = f"Talks went on.\nThen {particle} {surname} said so. {particle} {surname} " \
               f"added more."
        keys = [k for k, _ in _found(text)]
        assert keys == [f"{particle.lower()} {surname.lower()}"] * 2, keys


def test_a_country_starting_a_sentence_once_is_a_first_name() -> None:
    for country, (given, surname) in itertools.product(
            ("Mali", "Chad", "Jordan", "Israel"),
            (("Poppy", "Cooper"), ("Amy", "Walsh"), ("Rose", "Tindall"))):
        text = f"A protester was granted a reprieve.\n{country} {given} {surname}, 22, " \
               f"attracted attention in June. Ms {surname} was arrested."
        key = f"{country} {given} {surname}".lower()
        assert [k for k, _ in _found(text)] == [key, key], (country, given, _found(text))
        # Written again, the country is its own name.
        again = f"{text} {country} has strict laws."
        assert (country.lower(), country) in _found(again), _found(again)


def test_a_party_member_starting_a_sentence_is_cut_from_the_name() -> None:
    for party, (given, surname) in itertools.product(
            ("Republican", "Democrat", "Labour"), (("Duncan", "Hunter"), ("Amy", "Walsh"))):
        text = f"Soldiers were captured.\n{party} {given} {surname} told a reporter. " \
               f"{surname} said so."
        key = f"{given} {surname}".lower()
        assert [k for k, _ in _found(text)].count(key) == 2, (party, _found(text))
