"""A company's product named by the company's name and a common noun: "the Apple Watch",
"the Samsung Galaxy", "the Apple Watch Edition". A product is no actor, yet its name looks
like a company's ("Apple Watch" with no cue word, as "Goldman Sachs") and took the
company's cues on an unseen corpus (Apple Watch listed #10 of FNC-1's actors, typed media).

Told apart, per article, by generic English, not by any list of products: a mention after
"the" with no other cue (a `thing`, as the extractor has it), whose words before the last
are a name the same article uses alone as a noun (not only before another noun, "Islamic
militants"; no person's, no dictionary's place or people: "the Washington Post", "the Iran
deal"), and whose last word the article also writes in lower case, as the common noun it
is ("the watch", "the galaxy"): the company's name and the kind of thing. A company's own
name that ends in a surname or a word of its own is never written so ("Goldman Sachs",
"Morgan Stanley"), and one that ends in a body's word has that word's type, not `thing`
("Sony Pictures Entertainment", "Fox News").

Such mentions take a work's cue (works.WORK), and the cluster step drops a name with one in
a fifth of its mentions, as it drops films and games (`works.names_work`)."""

from __future__ import annotations

import re

from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.works import WORK

_NEXT_WORD = re.compile(r" ([a-z][a-z'’-]*)")
# The cues that say nothing of a body's kind: a product's model may have them.
_UNTYPED = frozenset((None, "thing", "modifier", "neuter", "personal"))


def mark_products(found: list[Mention], text: str, known: frozenset[str],
                  not_makers: frozenset[str], not_nouns: frozenset[str],
                  body_heads: frozenset[str]) -> None:
    """Give WORK to each mention of `found` named as a product (see the module's doc).
    `known`: a dictionary's names, which name an actor; `not_makers`: keys that name no
    maker whatever the article does (a dictionary's places, countries and demonyms);
    `not_nouns`: lower-case words after a name that are no noun it qualifies ("is", "said");
    `body_heads`: last words that make a body's or a place's name ("the Unification
    Church", "the Gomoa State Kingdom"), whatever its first word is."""
    things = [m for m in found if m.org_type == "thing" and " " in m.key and not m.in_title]
    if not things:
        return
    # The names that could make them: each thing's words before its last, and their first
    # ones (one set lookup a mention below, most of them none of these).
    heads: set[str] = set()
    for m in things:
        head = m.key.rpartition(" ")[0]
        while head:
            heads.add(head)
            head = head.rpartition(" ")[0]
    # Keys the article uses alone as a noun, no person's or place's; a word more often with
    # no "the", as a brand is ("Apple said"), than after it, as a body's head is ("the
    # House"). (A product's name is a maker of its models: "the Apple Watch Sport".)
    bare: dict[str, int] = {}  # a maker's mentions with no "the", less those after it
    others: set[str] = set()
    for m in found:
        if m.key not in heads:
            continue
        if m.person_cue or m.location_cue or m.key in not_makers:
            others.add(m.key)
        elif m.org_type == "thing" and " " not in m.key:
            bare[m.key] = bare.get(m.key, 0) - 1
        elif m.org_type != "modifier":
            bare[m.key] = bare.get(m.key, 0) + 1
    makers = {k for k, n in bare.items() if n > 0 and k not in others}
    if not makers:
        return
    lower: dict[str, bool] = {}  # a word -> written in lower case in the article
    products: set[str] = set()
    for m in things:
        head, _, last = m.key.rpartition(" ")
        if _made_by(head, makers) and m.key not in known and last not in body_heads \
                and not _qualifies(text, m.end, not_nouns) \
                and _in_lower_case(last, text, lower) \
                and not _in_lower_case(head.partition(" ")[0], text, lower):
            # (the maker's word is a name, not an adjective or a noun: "the Catholic
            # Church", "the Solar System", "the Opposition leader")
            m.org_type = WORK
            products.add(m.key)
    if not products:
        return
    # A product's name and one more word is its model, however written ("the Apple Watch
    # Edition", "Apple Watch Sport"), where the article names the product so. (Not two: a
    # name after the product's is someone's, "White Home Counselor Jared Kushner".)
    for m in found:
        if m.org_type in _UNTYPED and " " in m.key and m.key not in known \
                and not m.person_cue and m.key.rpartition(" ")[0] in products:
            m.org_type = WORK


def _qualifies(text: str, end: int, not_nouns: frozenset[str]) -> bool:
    """Whether the name ending at `end` stands before a noun it qualifies ("the Verizon
    Wireless board", "the GE Capital arm"): a body's name is so used as often as a product's,
    and the noun, not the name, is the thing."""
    found = _NEXT_WORD.match(text, end)
    return found is not None and found.group(1) not in not_nouns


def _in_lower_case(word: str, text: str, seen: dict[str, bool]) -> bool:
    found = seen.get(word)
    if found is None:
        found = seen[word] = stands_alone(word, text)
    return found


def stands_alone(word: str, text: str) -> bool:
    r"""Whether `text` writes `word` with no word's character nor hyphen either side:
    `re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)`, found with str.find (the
    pattern, a look-behind first, was tried at every character of the text)."""
    if not word:
        return re.search(r"(?<![\w-])(?![\w-])", text) is not None
    size = len(word)
    at = text.find(word)
    while at >= 0:
        if not _word_or_hyphen(text[at - 1:at]) \
                and not _word_or_hyphen(text[at + size:at + size + 1]):
            return True
        at = text.find(word, at + 1)
    return False


def _word_or_hyphen(char: str) -> bool:
    r"""Whether a character (or "", none) is one `\w` or `-` matches (`\w`: str.isalnum's
    characters and "_")."""
    return char != "" and (char.isalnum() or char in "_-")


def _made_by(head: str, makers: set[str]) -> bool:
    """Whether the words before a name's last (`head`), or their first ones, are a maker's."""
    while True:
        if head in makers:
            return True
        head, space, _ = head.rpartition(" ")
        if not space:
            return False
