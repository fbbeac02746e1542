"""Names that are never one actor, whatever rule would join them (issue 24: "never two names
that appear side by side in one article"). The one check every merge of two groups passes
(cluster._Groups.union), so that no rule, and no chain of rules, joins them:

- two people's full names one article writes both of, or namesakes (`namesakes`: "Ganta
  Srinivasa Rao", "Konda Srinivasa Rao") in any articles, unless one may be the other's form:
  a name with words left out ("Anura Dissanayake", "Anura Kumara Dissanayake"), a title or
  a stray word before it ("Affairs Vijitha Herath"), a given name or a surname one edit
  apart or of one transliteration, an initial or a nickname for the given name, or one
  person's two spellings that one_person.py lets an article use. "Mr Farhad Azizi, CEO;
  Mr Fawad Azizi, Deputy CEO": two brothers, joined through "Fahad Azizi", one edit from
  each (corpus C of stranger14);
- a name after a patronymic ("Ahmed bin Mohammed bin Rashid Al Maktoum") is the son's, not
  the father's ("Mohammed bin Rashid Al Maktoum"): the first given name differs;
- a person's full name and a firm named after the family, by the surname alone ("Azizi
  Group": not one of its members; the lone word a rule gave the firm then stays the
  firm's);
- a rank and the office it is the deputy of ("Deputy Inspector General of Police" and
  "Inspector General of Police", "Deputy CEO of X" and "CEO of X"): two offices.

A dictionary's names are the dictionary's (its entry's anchor says so, and its keys are
joined before the guard is set): the guard weighs no pair of two keys both anchored.
What each group holds of these is kept per group root (`Held`), so a merge of groups
holding none is one look-up."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass, field

from newsdesk.index.actors.extract import ORG_CUES
from newsdesk.index.actors.names import significant, translit, two_letters_swapped
from newsdesk.index.actors.nicknames import nicknames
from newsdesk.index.actors.one_edit import osa_within_one

# Words that make another office of the office after them.
RANKS = frozenset(("deputy", "vice", "assistant", "associate", "under", "sub"))
# Words that say the name after them is a parent's: the name before them is another person.
PATRONYMICS = frozenset(("bin", "ibn", "bint", "binti", "ould"))
_FIRST = "^"  # extract.SENTENCE_FIRST: a key that keeps a sentence's first word


@dataclass(slots=True)
class Held:
    """What one group holds that a merge must weigh: people's full names (key, words),
    bodies' names, and ranked offices (key, the office it is the deputy of)."""

    people: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    ranks: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: Held) -> None:
        self.people += other.people
        self.bodies += other.bodies
        self.ranks += other.ranks


def person_words(key: str, titles: Container[str]) -> tuple[str, ...]:
    """A person's name's significant words without the titles before it ("hh sheikh")."""
    words = significant(key.lstrip(_FIRST))
    cut = 0
    while cut < len(words) - 2 and words[cut] in titles:
        cut += 1
    return words[cut:]


def ranked_office(key: str) -> str | None:
    """The office a ranked one is the deputy of ("deputy ceo of x" -> "ceo of x")."""
    first, _, rest = key.partition(" ")
    return rest if first in RANKS and rest else None


def _same_word(a: str, b: str) -> bool:
    """One word as written, transliterated, with an "s" after it ("Fannie Maes"), one edit
    apart (a slip, a respelling) or two of its letters swapped (a slip rule 3 weighs
    itself: "Abu Hamdi" once for "Abu Mahdi")."""
    return a == b or translit(a) == translit(b) or a + "s" == b or b + "s" == a or (
        min(len(a), len(b)) >= 4 and osa_within_one(a, b) <= 1) or (
        len(a) == len(b) and two_letters_swapped(a, b))


def _same_given(a: str, b: str) -> bool:
    """One given name: `_same_word`, an initial of it, or a nickname of it."""
    if _same_word(a, b) or (len(a) == 1 and b[:1] == a) or (len(b) == 1 and a[:1] == b):
        return True
    table = nicknames()
    return b in table.get(a, ()) or a in table.get(b, ())


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether `short`'s words are `long`'s in order with some left out."""
    at = 0
    for word in long:
        if at < len(short) and _same_word(short[at], word):
            at += 1
    return at == len(short)


def may_be_one(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names' words (`person_words`) may be one person's: the same first
    given name (`_same_given`) and the rest one name's with words left out or respelt; or
    the shorter the longer's end after words no patronymic ends ("Affairs Vijitha Herath")."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2:
        return True  # (no full name: a lone word is weighed by the rules)
    if _same_given(short[0], long[0]):
        return _within(short[1:], long[1:]) or (
            len(short) == len(long) and all(map(_same_word, short[1:], long[1:])))
    size = len(short)
    return len(long) > size and all(map(_same_word, long[-size:], short)) \
        and long[-size - 1] not in PATRONYMICS


Together = Callable[[str, str], bool]


def _family_name(body: str) -> str | None:
    """The one word a body's name holds before its head and legal words ("azizi group",
    "mcdonalds corp" -> "mcdonald"), a possessive's "s" cut: a family's name; None for a
    name of more words ("Hoare Govett Ltd", "National Westminster Plc")."""
    words = significant(body)
    cut = len(words)
    while cut > 1 and words[cut - 1] in ORG_CUES:
        cut -= 1
    return words[0].removesuffix("s") if cut == 1 else None


def _family_firm(people: list[tuple[str, tuple[str, ...]]], bodies: list[str],
                 every_body: list[str], anchored: Container[str]) -> bool:
    """Whether a body is a firm named after a person's family ("Azizi Group" beside "Farhad
    Azizi", "McDonald's Corp" beside "James McDonald"): named by the surname alone. Not
    where the "person" is a firm's own name, the start of a body's name of either group
    ("Warner Lambert" of "Warner Lambert Co", clipped "Lambert Co" beside it)."""
    for body in bodies:
        if body in anchored or (family := _family_name(body)) is None:
            continue
        for _, words in people:
            if words[-1].removesuffix("s") == family and not any(
                    significant(b)[:len(words)] == words for b in every_body):
                return True
    return False


def refused(a: Held, b: Held, together: Together, anchored: Container[str]) -> bool:
    """Whether two groups holding `a` and `b` are never one actor (the module's doc).
    `together`: whether one article writes both keys as two names (one person's two
    spellings an article may use side by side are not: one_person.py)."""
    for people, bodies in ((a.people, b.bodies), (b.people, a.bodies)):
        if people and bodies and _family_firm(people, bodies, a.bodies + b.bodies, anchored):
            return True
    for key_a, words_a in a.people:
        for key_b, words_b in b.people:
            if not may_be_one(words_a, words_b) and not (key_a in anchored and key_b in anchored) \
                    and (namesakes(words_a, words_b) or together(key_a, key_b)):
                return True
    return False


def namesakes(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two full names (`may_be_one` said they are not one name's forms) end in the
    same two words or more (respelt: `_same_word`), each with words of its own before them:
    namesakes, two people whether or not an article writes both ("Ganta Srinivasa Rao",
    "Konda Srinivasa Rao"; "N.T. Rama Rao", "K.T. Rama Rao"). An outside tester's Indian
    local news (stranger15) had five Srinivasa Raos in one actor, joined through the name
    they share."""
    shared = 0
    while shared < min(len(a), len(b)) and _same_word(a[-1 - shared], b[-1 - shared]):
        shared += 1
    return shared >= 2 and len(a) > shared and len(b) > shared


def ranks_apart(a: Held, b: Held, root_a: str, root_b: str,
                root_of: Callable[[str], str | None]) -> bool:
    """Whether one group holds a ranked office and the other the office it is the deputy
    of (`root_of`: a key's group root, None for a key no group holds)."""
    for held, other in ((a, root_b), (b, root_a)):
        for _, office in held.ranks:
            if root_of(office) == other:
                return True
    return False
