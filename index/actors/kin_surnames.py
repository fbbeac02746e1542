"""A lone surname in an article that names someone else of that surname is never the
corpus's famous bearer's.

Daily Mail crime news: "deputies JJ Johnson ... Johnson's", "Tracy and Marvin Johnson ...
the Johnsons", "Dion Johnson ... around Johnson's death": the article's own resolution
(extract.py, `_resolve_in_article`) left these lone "Johnson"s alone (a name led by
initials is no full name to it; a place's preposition before the word; a plural), and the
clustering then gave every lone "johnson" to Boris Johnson, the corpus's most named
Johnson (cluster.py, rule 7): nine hits of actor:"Boris Johnson" never named him.

After the article's resolution, a lone word (or "the Johnsons", its plural) still keyed
alone is the full name of the article that ends with it where there is exactly one such
name and it reads as a person's: a person's cue, a given name first or between (an initial
"D.", "Renee"; given_person.py's lists), or two letters first ("JJ") where a person's cue
reads the name or the lone word. Two or more such names ("Donald Trump", "Melania Trump")
leave it to the corpus, as before. One pass over the article's mentions, one look-up each.
"""

from __future__ import annotations

from collections.abc import Callable, Container

from newsdesk.index.actors.given_lists import NOT_GIVEN, person_given_names
from newsdesk.index.actors.pronouns import PERSONAL, PRONOUN_CUES
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.shared_prepositions import place_said

# extract.SENTENCE_FIRST
_FIRST = "^"
# Lone mentions of these kinds may be a surname (extract.py's `_resolve_in_article`).
_LONE_KINDS = frozenset({None, "modifier", "thing"}) | frozenset(PRONOUN_CUES)


def _reads_as_person(words: tuple[str, ...]) -> bool:
    """Whether a full name's words may be a person's: a given name first (given_lists.py's
    lists, no particle, compass point or colour), two letters first ("JJ Johnson"), or an
    initial or a given name between ("Larynzno D. Johnson", "Taleina Renee Johnson")."""
    given, not_given = person_given_names(), NOT_GIVEN
    if not words[0].isalpha() or words[0] in not_given:
        return False
    return words[0] in given or len(words[0]) == 2 or any(
        w not in not_given and (len(w) == 1 or w in given) for w in words[1:-1])


def _place(source: str, m: Mention) -> bool:
    """Whether a lone word after a place's preposition is a place's ("in Johnson"), not an
    owner's ("in Johnson's purse", "around Johnson's death")."""
    return source[m.end:m.end + 2] not in _OWNS and place_said(source, m.start)


_OWNS = ("'s", "’s")


def _cued(m: Mention) -> bool:
    """Whether a mention has a person's cue: a title or a word of saying, or "he"/"she"."""
    return m.person_cue or m.org_type == PERSONAL


def keep_surnames_home(found: list[Mention], text: str, title: str, known: Container[str],
                       name_words: Callable[[str], tuple[str, ...]],
                       two_firms: Callable[[str], bool] = lambda name: False) -> None:
    """Give each lone word of `found` left alone that one full name of the article ends
    with that name, where it reads as a person's (the module's doc). `known`: the
    dictionaries' keys (a dictionary's word keeps its own reading); `name_words(key)`: a
    key's significant words if it may be a person's full name, else (); `two_firms(name)`:
    whether the article names the name's words before its last as a firm ("Sony Ericsson"
    beside "Sony Corp": the lone "Ericsson" the other firm's, joint_names.py)."""
    # (Most articles: no lone word that a longer key of theirs ends with; one look-up a
    # mention, and no name's words read.)
    lone_keys = {m.key for m in found if " " not in m.key}
    if not any((last := m.key.rsplit(" ", 1)[-1]) in lone_keys or last + "s" in lone_keys
               for m in found if " " in m.key):
        return
    ends: dict[str, set[str]] | None = None
    persons: set[str] = set()  # the names whose words read as a person's
    cued: set[str] = set()  # the names, and lone words, a person's cue reads
    spoken: set[str] = set()  # the names a person's cue reads in their own mentions
    for m in found:
        key = m.key
        if " " not in key or " and " in key:
            continue
        words = name_words(key[1:] if key[0] == _FIRST else key)
        if not 2 <= len(words) <= 3 or len(words[-1]) < 3:
            continue
        if ends is None:
            ends = {}
        # (every name ending with the word counts against a lone one's being one's:
        # "Andrew and Rhianon Jones" leave a lone "Jones" to neither)
        ends.setdefault(words[-1], set()).add(key)
        if key not in known and m.org_type in _LONE_KINDS and not m.location_cue \
                and words[0] not in known and (key in persons or _reads_as_person(words)):
            persons.add(key)
            if _cued(m):
                spoken.add(key)
            if _cued(m) or (" " not in m.surface and m.surface.lower() == words[-1]):
                # (or the article's resolution gave it a lone word already: "the trooper
                # shot Johnson" was Dion Johnson's, "around Johnson's death" left alone)
                cued.add(key)
    if ends is None or not persons:
        return
    lone: list[tuple[Mention, str]] = []
    for m in found:
        key = m.key
        if not key.isalpha() or key in known or m.org_type not in _LONE_KINDS \
                or m.surface.isupper() or not m.surface[:1].isupper() or (
                    m.location_cue and _place(title if m.in_title else text, m)):
            continue
        names = ends.get(key)
        if names is None and key[-1] == "s" and text[m.start - 4:m.start].lower() == "the ":
            names = ends.get(key[:-1])  # "the Johnsons" of Tracy and Marvin Johnson
            if names is not None and spoken.isdisjoint(names):
                continue  # (a person's, said so: "the Stones" are no Joss Stone's)
        if names is not None and len(names) == 1 and (name := next(iter(names))) in persons:
            lone.append((m, name))
            if _cued(m):
                cued.add(key)
    for m, name in lone:  # (one person's cue of the name or of the lone word reads them all)
        if (name in cued or m.key in cued) and not _word_too(m.key, text) \
                and not two_firms(name):
            m.key, m.org_type = name, None


def _word_too(key: str, text: str) -> bool:
    """Whether the article writes a lone word in lower case too ("the man", "oil"): a
    word, not a surname."""
    return f" {key} " in text or f" {key}," in text or f" {key}." in text
