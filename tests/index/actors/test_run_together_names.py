"""Two names run together without punctuation make no name of their own (junk aliases such
as "United States Donald Trump" of Donald Trump): a hyphenated title ("Vice-President Joe
Biden"), an office's plural before a full name ("Senators Kamala Harris and ..."), and a
capitalised title's place before its holder ("President of the United States Donald
Trump") are cut; an organisation after a place ("president of the New York Public
Library") is not."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import PLURAL_TITLES, TITLE_HEADS
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _found(text: str) -> list[tuple[str, bool]]:
    return [(m.key, m.person_cue) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("text", "person"), [
    ("The former US Vice-President Joe Biden was projected the winner.", "joe biden"),
    ("UN Secretary-General Antonio Guterres said so.", "antonio guterres"),
    ("Attorney-General John Quigley said so.", "john quigley"),
    ("She was joining Senators Kamala Harris, Elizabeth Warren and others.", "kamala harris"),
    ("It was joined by Justices Neil Gorsuch, Brett Kavanaugh and Samuel Alito.",
     "neil gorsuch"),
    ("Associate Justices Samuel Alito and Clarence Thomas dissented.", "samuel alito"),
    ("The bill of Sens. Lindsey Graham and Ted Cruz failed.", "lindsey graham"),
    ("On Monday Reps. Adam Schiff and Jerry Nadler wrote.", "adam schiff"),
    ("He said EPA Administrator Gina McCarthy agreed.", "gina mccarthy"),
    ("On Monday, Special Counsel Robert Mueller wrote.", "robert mueller"),
    ("It was made by the President of the United States Donald Trump, on Monday.",
     "donald trump"),
    ("Yesterday, United States Senator from Vermont Bernie Sanders won.", "bernie sanders"),
])
def test_a_title_or_a_posts_place_is_cut_from_the_name(text: str, person: str) -> None:
    found = _found(text)
    assert (person, True) in found, found
    assert not any(k.endswith(person) and k != person for k, _ in found), found


@pytest.mark.parametrize(("text", "name"), [
    ("He won the Presidents Cup again.", "presidents cup"),
    ("She met the Justices Society on Monday.", "justices society"),
    ("He is a former president of the New York Public Library, she said.",
     "new york public library"),
    ("Michael Madden, editor of North Korea Leadership Watch, said so.",
     "north korea leadership watch"),
    ("Anil Ambani, vice-chairman of India Petrochemicals Limited, said so.",
     "india petrochemicals limited"),
])
def test_a_name_after_a_place_or_a_plural_alone_stays_whole(text: str, name: str) -> None:
    assert name in [k for k, _ in _found(text)]


def test_plural_titles_are_offices_plurals() -> None:
    assert all(w[:-1] in TITLE_HEADS or w.replace("men", "man") in TITLE_HEADS
               or w.endswith("ies") and w[:-3] + "y" in TITLE_HEADS  # ("secretaries")
               for w in PLURAL_TITLES)
