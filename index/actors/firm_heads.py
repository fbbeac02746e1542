"""A firm's leading word alone for the firm the corpus names in full: "Goldman" beside
"Goldman Sachs", "Lehman" beside "Lehman Brothers", "Toyota" beside "Toyota Motor Corp".
Business news names a company in full once and then by its first word; the lone word came
out as an actor of its own beside the firm (an outside tester's Reuters sample: all 53
articles of "Goldman" also say "Goldman Sachs"; stranger13 A13). A lone surname is read per
article and over the corpus (extract.py, rule 7 of cluster.py); a firm's first word was not.

The word is the firm's where the corpus's longer names it starts are, nearly all of them, one
actor's, that actor a company (one of its names holding the word ends in a legal form:
"Goldman Sachs Group Inc", "Ford Motor Co"), and no other actor's name ends with the word
("J.P. Morgan" beside "Morgan Stanley"); and the word stands in no more articles than that
actor and in one of them at least. Two firms sharing it ("Ford Motor Co", "Ford
Foundation") leave it as it was; so does a word the corpus reads as a place or a person's
surname, or a dictionary's name.

What is no rival reading of the word (stranger13 A13's names left apart, act24c): the word's
own group ("Hyundai Group" beside "Hyundai Motor Co"; the word may already be joined to it);
a firm's arm the corpus names beside the firm ("JPMorgan Securities" in the articles of
"JPMorgan Chase & Co"); a name the word never stands beside; an alliance's or a joint
venture's name ending with the word where the words before it are a firm named alone more
often ("Renault-Nissan", "Sony Ericsson"). The firm's articles are those of all the names
the word leads ("Nissan Motor", of no cue, besides "Nissan Motor Co"). And a firm's name run
together with its group word ("Citigroup") is led by the word before it ("Citi")."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Container, Mapping
from typing import Protocol


class _Stats(Protocol):
    mentions: int
    articles: int
    person: int
    location: int
    org: Counter[str]


# A firm's group word between its name and its legal form: "Goldman Sachs Group Inc".
_GROUP_WORDS = frozenset(("group", "holding", "holdings"))
_GROUP_ENDS = tuple(_GROUP_WORDS)
# Another firm's or body's names the word starts, in this many articles at least, or in this
# share of the firm's (one in five), leave the word apart: two firms share it.
_RIVAL_ARTICLES = 2
_RIVAL_SHARE = 5
# People's or bodies' names the word ends ("J.P. Morgan", "Steve Goldman"), in one article of
# ten the word stands in, leave it apart: the word is theirs too.
_ENDS_SHARE = 10


def _firmish(key: str, s: _Stats, legal: Container[str]) -> bool:
    """A name cued as a body's or ending in a legal form (not a product's: "Toyota Camry")."""
    return s.org.get("organisation", 0) > 0 or key.rsplit(" ", 1)[-1] in legal


def join_firm_heads(live: Mapping[str, _Stats], anchored: Container[str],
                    acronym: Container[str], legal: Container[str],
                    find: Callable[[str], str], union: Callable[[str, str], object],
                    together: Callable[[str, str], bool]) -> None:
    """Join a firm's names that add a legal form to another ("Goldman Sachs Group Inc" to
    "Goldman Sachs"), then each lone word of `live` to the one company whose names it
    starts (module docstring). `legal`: a company's legal forms ("inc", "corp", "co")."""
    for key in live:
        words = key.split()
        if len(words) < 3 or words[-1] not in legal or key in anchored or " and " in key:
            continue
        end = len(words) - 1
        while end > 2 and words[end - 1] in _GROUP_WORDS:
            end -= 1
        base = " ".join(words[:end])
        # (Not a dictionary's name nor a place's: "South Africa Ltd" is what is left of
        # "Anglo American Corp of South Africa Ltd", no arm of the country.)
        if base in live and base not in anchored \
                and live[base].person * 2 <= live[base].mentions \
                and live[base].location * 4 < live[base].mentions:
            union(base, key)
    nexts: dict[str, Counter[str]] = defaultdict(Counter)  # word -> next word -> articles
    reach: Counter[tuple[str, str]] = Counter()  # (word, next word) -> all its names' articles
    lead: dict[tuple[str, str], str] = {}  # (word, next word) -> its most mentioned key
    legal_of: set[tuple[str, str]] = set()  # (word, next word) with a legal form's name
    ends: Counter[str] = Counter()  # word -> articles of others' names it ends
    for key, s in live.items():
        first, space, rest = key.partition(" ")
        if not space or " and " in key:
            continue
        last = key.rsplit(" ", 1)[1]
        if last in live and (s.person or s.org.get("organisation")) \
                and not _allied(key[:-len(last) - 1], s, live):
            ends[last] += s.articles
        if first not in live:
            continue  # (most keys: no lone key of their first word)
        after = rest.split(" ", 1)[0]
        reach[first, after] += s.articles
        if not _firmish(key, s, legal):
            continue
        nexts[first][after] += s.articles
        if (top := lead.get((first, after))) is None or live[top].mentions < s.mentions:
            lead[first, after] = key
        if last in legal:
            legal_of.add((first, after))
    # "Citigroup": a firm's lead word run together with its group word is led by "Citi".
    for word in [w for w in nexts if w.endswith(_GROUP_ENDS)]:
        stem = word[:-max(len(g) for g in _GROUP_ENDS if word.endswith(g))]
        if len(stem) >= _STEM_LETTERS and stem in live \
                and any((word, a) in legal_of for a in nexts[word]):
            nexts[stem][""] = live[word].articles + sum(nexts[word].values())
            reach[stem, ""] = nexts[stem][""]
            lead[stem, ""] = word
            legal_of.add((stem, ""))
    for word, after in nexts.items():
        s = live[word]
        if word in anchored or word in acronym or not _own_root(word, find(word)) \
                or s.location * 2 >= s.mentions or s.person * 2 > s.mentions:
            continue
        (best, count), = after.most_common(1)
        if (word, best) not in legal_of:
            continue
        full = lead[word, best]
        if full in anchored or (full[full.rfind(" ") + 1:] not in legal
                                and live[full].location * 2 >= live[full].mentions):
            continue  # (a place's name: "New York" beside "New York Times Co")
        # (The firm's names' articles summed: an overcount, where the word is to stand in
        # no more articles than they.)
        if s.articles > reach[word, best] or ends[word] * _ENDS_SHARE >= s.articles \
                or find(full) == find(word) or not together(word, full):
            continue
        # Another firm's names the word leads are another reading of it; not its group's
        # names, nor the firm's arms named beside the firm ("JPMorgan Securities"); one the
        # word never stands beside weighs in their share only ("Citi Futures Perspective",
        # two articles, beside Citigroup's 170).
        rival = {a: n for a, n in after.items() if a != best and a not in _GROUP_WORDS
                 and not together(lead[word, a], full)}
        if sum(rival.values()) * _RIVAL_SHARE >= count:
            continue
        if any(n >= _RIVAL_ARTICLES for n in rival.values()) and (
                not s.org.get("organisation") or any(
                    n >= _RIVAL_ARTICLES and together(word, lead[word, a])
                    for a, n in rival.items())):
            continue  # (the word itself cued as a body: not "Light" of "Light Sweet" crude)
        union(full, word)


# A lead word cut from a run-together group word has this many letters at least ("Citi").
_STEM_LETTERS = 3


def _own_root(word: str, root: str) -> bool:
    """Whether the word's actor is its own: the word, or its name with a group word
    ("Hyundai Group", joined by the group-suffix rule; not "Bain & Co" of "Bain")."""
    return root == word or (root.startswith(word + " ")
                            and root[len(word) + 1:] in _GROUP_WORDS)


def _allied(before: str, s: _Stats, live: Mapping[str, _Stats]) -> bool:
    """Whether a name ending with a firm's word is an alliance's or a joint venture's: the
    words before it are a firm's name the corpus writes alone in more articles ("Renault"
    of "Renault-Nissan", "Sony" of "Sony Ericsson"), no person's ("Steve Goldman"), no
    initials' ("JP" of "JP Morgan", "J.P." of "J.P. Morgan": rarely alone)."""
    b = live.get(before)
    return b is not None and not s.person and not b.person \
        and b.org.get("organisation", 0) > 0 and b.articles > s.articles
