"""The article's principal bearer of a shared surname or given name. A lone "Kumar" in an
article that names Nitish Kumar five times and Prem Kumar, Shailesh Kumar once each (a state
cabinet's list) is Nitish Kumar's: news writing names the person a story is about in full
and then by one word, and names others who share the word in full each time. Where one full
name of the article ending (or starting) with the lone word is a person's (a person's cue
in the article, or a given name first) written three times or more and more than twice as
often as each other such name, the lone word is that name; where two are named about as
often ("Venus Williams", "Serena Williams" twice each; "Sen. Dole" beside Elizabeth Dole
twice and Robert Dole once) it stays ambiguous, as it was (extract.py,
`_resolve_in_article`; given_alone.py). Not a firm's or a place's name ("Southern
California" three times beside "California" is no lone word's full name)."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.given_names import given_names
from newsdesk.index.actors.nicknames import nicknames
from newsdesk.index.actors.one_edit import osa_within_one

# extract.SENTENCE_FIRST: a key's mark of a sentence's first word kept as a candidate.
SENTENCE_FIRST = "^"

# The principal's full mentions: at least so many, and so many times each other's.
_AT_LEAST = 3
_TIMES = 2


def principal(names: set[str], counts: Counter[str], persons: set[str]) -> str | None:
    """The one name of `names` (two or more full names of an article) that the article
    writes at least `_AT_LEAST` times and more than `_TIMES` times as often as each other,
    if a person's (in `persons`, the article's names with a person's cue, or led by a given
    name), else None. `counts`: the article's mentions by key."""
    # (A name with words before another of them is that one's: "Bihar CM Nitish Kumar"
    # counts for "Nitish Kumar", a title left inside a name; "^prem kumar", a sentence's
    # first word kept as a candidate, for "prem kumar".)
    total: Counter[str] = Counter()
    for n in names:
        base = n.lstrip(SENTENCE_FIRST)
        inner = [o for o in names if o != n and base.endswith(" " + o.lstrip(SENTENCE_FIRST))]
        total[min(inner, key=len) if inner else base if base in names else n] += counts[n]
    # (A name with a middle name left out and the one with it are one man's: "Anura
    # Dissanayake" beside "Anura Kumara Dissanayake" left a lone "Anura" no one's. They
    # count as the one the article writes more: "Donald Trump", not "Donald J. Trump" once.
    # All one man's names, there is no other bearer to tell apart: no count is asked.)
    one_man = False
    for short in list(total):
        longer = [n for n in total if n != short and _middle_left_out(short, n)]
        if short in total and len(longer) == 1:
            keep, drop = (longer[0], short) if total[longer[0]] >= total[short] \
                else (short, longer[0])
            total[keep] += total.pop(drop)
            one_man = len(total) == 1
    ranked = total.most_common(2)
    best, top = ranked[0]
    if (top < _AT_LEAST and not one_man) or (len(ranked) > 1 and top <= _TIMES * ranked[1][1]) \
            or best[:1] == SENTENCE_FIRST:  # (a sentence's first word: no one's name yet)
        return None
    return best if best in persons or best.split(" ", 1)[0] in given_names() else None


def _middle_left_out(short: str, full: str) -> bool:
    """Whether `short` is `full` with words between its first and its last left out."""
    a, b = short.split(), full.split()
    if not 2 <= len(a) < len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(w in rest for w in a[1:-1])


def two_bearers(names: set[str], persons: set[str]) -> bool:
    """Whether two people or more of an article bear a surname its full names `names` end
    with ("Bill Clinton", "Hillary Clinton"): people's names (a person's cue, or a given
    name first) of different given names, none another's with words before it ("Bihar CM
    Nitish Kumar" is Nitish Kumar's), none a sentence's first word kept as a candidate. A
    lone surname there that `principal` gives no one is either's: it was left to the
    corpus's rule for lone surnames, which gave it to whichever bearer the corpus names
    most (cluster.py rule 7), though the article names both."""
    firsts: set[str] = set()
    for n in names:
        if n[:1] == SENTENCE_FIRST or any(o != n and n.endswith(" " + o) for o in names):
            continue
        first = n.split(" ", 1)[0]
        if (n in persons or first in given_names()) \
                and not any(_one_given(first, other) for other in firsts):
            firsts.add(first)
    return len(firsts) > 1


def _one_given(a: str, b: str) -> bool:
    """Two spellings of one given name: one edit apart, an initial, or a nickname ("Steve"
    and "Steven Gerrard" in one report are one man)."""
    if (len(a) == 1 and b[:1] == a) or (len(b) == 1 and a[:1] == b) \
            or (min(len(a), len(b)) >= 4 and osa_within_one(a, b) <= 1):
        return True
    table = nicknames()
    return b in table.get(a, ()) or a in table.get(b, ())
