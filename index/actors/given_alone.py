"""A given name written alone for the person the article names in full: "Kim" after "Kim
Kardashian", "Kanye" after "Kanye West", "Serena" after "Serena Williams". Celebrity, sports
and feature writing call people by their first names, and each such word was an actor of its
own, typed at random ("Kim" #8 as a medium, "Kanye", "Taylor", "Justin", "Jennifer" in the
top 30 of an entertainment corpus's actors). As a lone surname is (extract.py,
`_resolve_in_article`), a word standing alone that is the first word of exactly one full name
of the article, and the last word of none, is that name, where nothing says it is something
else: no dictionary's or region's name ("Jordan", "Paris",
"Virginia": not "Virginia | Power"), no place's cue, no organisation's,
no acronym. The full name is a person's: its first word a given name many countries give
(given_names.py), or the article gives it a person's cue ("Kanye West said"), or it reads
as an East Asian name, its family name first ("Xi" after "Xi Jinping"); a firm's first
word ("Goldman", "Federal Reserve", "Latin America") is left as it was; so is a word the
article writes in lower case too ("sky", "commerce"), and one before a place's name, a
firm's arm rather than the firm ("Ford | Europe", "Exxon | USA")."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.pronouns import PRONOUN_CUES
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.shared_prepositions import place_said
from newsdesk.index.actors.syllables import family_name_first

# ("Kim looked": a lone word before one in lower case reads as a modifier; a firm's first
# word so used, "Federal | funds", has no given name's or person's cue to be joined by.)
MODIFIER = "modifier"


def given_alone(m: Mention, names: set[str], persons: set[str], known: frozenset[str],
                places: frozenset[str], title: str, text: str,
                written_lower: Callable[[str, str], bool]) -> None:
    """Make `m`, a one-word mention, the one full name of `names` it starts, if it may be:
    a person's (a given name many countries give, or a name the article gives a person's
    cue), and `m` with no cue but a person's or a modifier's."""
    if len(names) != 1 or not (m.org_type is None or m.org_type == MODIFIER
                               or m.org_type in PRONOUN_CUES) \
            or m.key in known or m.key in places or m.surface.isupper() \
            or (m.location_cue and place_said(title if m.in_title else text, m.start)):
        return
    name = next(iter(names))
    last = name.rsplit(" ", 1)[1]
    if (m.key in given_names() or name in persons
            or (m.org_type in (None, MODIFIER) and name not in known and name not in places
                and family_name_first(name.split()))) \
            and last not in places and last not in NUMBER_WORDS \
            and not written_lower(m.key, text) and f" {m.surface}s" not in text:
        m.key = name


def cued_given(given: str, names: set[str], votes: Mapping[str, int]) -> list[str]:
    """The full names of `names` (the article's led by `given`, a word no list of given
    names holds: "Anura" of Sri Lanka's president) that the article's cues say are a
    person's where no cue stands on the full name itself: more cues of a person than of
    anything else (`votes`: a key's person cues less its others) on the lone word, two at
    least ("Anura ... his", "Anura ... he"), or on the name's last word alone ("Dissanayake
    said"), or on a mention already made the name; and none the other way on the full
    name."""
    if votes.get(given, 0) >= _CUED_ALONE:
        return [n for n in names if votes.get(n, 0) >= 0]
    return [n for n in names if votes.get(n, 0) > 0 or (
        votes.get(n, 0) == 0 and votes.get(n.rsplit(" ", 1)[-1], 0) > 0)]


# The lone word's own cues of a person, net, that say it is one: two (one is chance on
# Reuters: "Japanese and European research officials said", a "he" after a lone
# "Purolator" made them "European Community" and "Purolator Courier").
_CUED_ALONE = 2


# A name ending in a number word is a craft's or a title's ("Marine One", "Air Force One",
# "Apollo Eleven"), never a person's; and a word the article also writes in the plural
# ("U.S. Marines" beside "a U.S. Marine") is a noun, though many countries give it as a name
# ("Marine": the seeds' "A U.S. Marine" was made "Marine One", the President's helicopter).
NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight",
                           "nine", "ten", "eleven", "twelve"))
