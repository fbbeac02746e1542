"""A lower-case role noun right before a full name says it is a person's ("ISIS chief Abu
Bakr al-Baghdadi", "lawmaker Adam Schiff"); before one word, a known name or words the
text also writes in lower case it says nothing ("the billionaire Bhs owner", "chief
executive New Zealand", "executive Cancer Center")."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
ROLES = ("chief", "lawmaker", "activist", "billionaire", "scientist", "executive", "official")
PEOPLE = ("Abu Bakr al-Baghdadi", "Irva Hertz-Picciotto", "Borge Bek-Nielsen", "Mohsen Fakhrizadeh")


def _cues(text: str) -> dict[str, bool]:
    return {m.key: m.person_cue for m in EXTRACTOR.extract("", text).mentions}


def test_a_role_noun_before_a_full_name_is_a_person_cue() -> None:
    for role, person in itertools.product(ROLES, PEOPLE):
        text = f"Talks went on.\nHe had met the group's {role} {person} three months " \
               f"earlier, officials wrote."
        assert _cues(text).get(name_key(person)) is True, (role, person, _cues(text))


def test_no_cue_before_one_word_a_known_name_or_a_lower_case_word() -> None:
    for role in ROLES:
        for name, tail in (("Bhs", "owner"), ("New Zealand", "team"), ("Opec", "figures")):
            text = f"Talks went on.\nIt was the {role} {name} {tail} who wrote."
            assert _cues(text).get(name_key(name)) is not True, (role, name, _cues(text))
        text = f"Talks went on.\nThe {role} Cancer Research unit grew. Its cancer research " \
               f"costs rose."
        assert _cues(text).get("cancer research") is not True, (role, _cues(text))
