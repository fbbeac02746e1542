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
surname, or a dictionary's name."""

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
    lead: dict[tuple[str, str], str] = {}  # (word, next word) -> its most mentioned key
    legal_of: set[tuple[str, str]] = set()  # (word, next word) with a legal form's name
    ends: Counter[str] = Counter()  # word -> articles of others' names it ends
    for key, s in live.items():
        first, space, rest = key.partition(" ")
        if not space or " and " in key:
            continue
        last = key.rsplit(" ", 1)[1]
        if last in live and (s.person or s.org.get("organisation")):
            ends[last] += s.articles
        if first not in live or not _firmish(key, s, legal):
            continue  # (most keys: no lone key of their first word)
        after = rest.split(" ", 1)[0]
        nexts[first][after] += s.articles
        if (top := lead.get((first, after))) is None or live[top].mentions < s.mentions:
            lead[first, after] = key
        if last in legal:
            legal_of.add((first, after))
    for word, after in nexts.items():
        s = live[word]
        if word in anchored or word in acronym or find(word) != word \
                or s.location * 2 >= s.mentions or s.person * 2 > s.mentions:
            continue
        (best, count), = after.most_common(1)
        rivals = after.total() - count
        if (word, best) not in legal_of or rivals * _RIVAL_SHARE >= count \
                or any(n >= _RIVAL_ARTICLES for a, n in after.items() if a != best):
            continue
        full = lead[word, best]
        # (The firm's names' articles summed: an overcount, where the word is to stand in
        # no more articles than they.)
        if s.articles > count or ends[word] * _ENDS_SHARE >= s.articles \
                or find(full) == find(word) or not together(word, full):
            continue
        union(full, word)
