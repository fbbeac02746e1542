"""A person's full name and the same name with one more surname after it: one person.

"Kim Kardashian" and "Kim Kardashian West" (a married name added), "Mohamed Ragheb" and
"Mohamed Ragheb Hussein" (an Arabic name with the grandfather's name written out), "Hillary
Rodham" and "Hillary Rodham Clinton": the corpus names one person both ways, and each form
was an actor of its own (outside testers' celebrity and Egyptian business news). The
shorter name joins the longer where:

- both read as people's names (a person's cues, or called by the surname alone: the
  caller's `person_like`);
- the shorter starts exactly one longer name so ("Ahmed Hassan" beside "Ahmed Hassan Ali"
  and "Ahmed Hassan Mahmoud" is either's: joined to neither);
- the added word is a name's, not a title, a body's word, a generation's suffix, a regnal
  number, an initial, a place's name or a word the corpus writes in lower case ("John Smith
  Jr", "Louis XIV", "Ahmed Hassan Group", "Kim Kardashian Paris");
- nothing says they are two people: the merge passes never_one's guard (cluster._Groups),
  as every merge does.

Words are the keys' own (a sentence's first word kept, "^...", takes no part)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping
from typing import TypeVar

_S = TypeVar("_S")


def join_added_surnames(live: Mapping[str, _S], union: Callable[[str, str], bool],
                        person_like: Callable[[_S], bool], not_a_surname: Container[str],
                        word_stats: Callable[[str], bool]) -> None:
    """Join each person's full name of `live` to the one name that is it with a surname
    added (the module's doc). `not_a_surname`: the words an added word may not be;
    `word_stats(word)`: whether the corpus says the word is no name (written in lower case,
    a place's)."""
    longer: dict[str, list[str]] = defaultdict(list)
    for key in live:
        if key.count(" ") < 2 or key[0] == "^":
            continue
        base = key[:key.rfind(" ")]
        if base in live:
            longer[base].append(key)
    for base, keys in longer.items():
        if len(keys) != 1:
            continue
        key = keys[0]
        added = key[key.rfind(" ") + 1:]
        if len(added) < 2 or added in not_a_surname or word_stats(added):
            continue
        if person_like(live[base]) and person_like(live[key]):
            union(base, key)
