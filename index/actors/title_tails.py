"""Names cut out of a longer title: "Rings" of "Lord of the Rings", "World" of "Not the End
of the World" and "We Are The World". A title keeps lower-case function words inside it,
where the extractor's runs of capitalised words end, so what it reads is the title's tail
(or its words after a capitalised function word) as if it were a name. Never the tail:

- a name right after "<Capitalised word> of the" is a tail (`TAIL`, a weak cue) unless that
  word heads an organisation's name ("Organisation of the Islamic Conference", "Department
  of the Treasury": a body's words, not a title's) or is a common word that starts
  sentences ("Most of the Tories"). The cluster step drops a name used so in half its
  mentions or more (`names_tail`): "the European Commission" is named on its own far more
  often than as "President of the European Commission", "Rings" almost never;
- a name after a function word capitalised mid-sentence ("We Are The World", "My World",
  "This World": a title's capitals, where prose writes "we", "my", "this") is a work's (the
  extractor gives it `works.WORK`); "The" and "A" are left out ("The Hague", "The Times"),
  and so is a word after an opening quote mark ('"When Labour came to power').

Generic English, not any corpus's: only "of the" and the function words are read."""

from __future__ import annotations

TAIL = "tail"  # the extractor's org_type for a name read as the tail of a longer title

# Capitalised function words mid-sentence that say a title goes on (not a name's "The").
NOT_TITLE_LEADS = frozenset(("the", "a", "an"))
_QUOTES = frozenset("\"'“‘«")


def tail_before(before: list[str], at: int, org_heads: dict[str, str],
                common: frozenset[str]) -> bool:
    """Whether the words before a name (`before`, the last few split on spaces as read, "the"
    at `at + 1` and `before[at]` the lower-cased word before it) make it a title's tail:
    "<Capitalised word> of the". `org_heads`: words that head organisations' names;
    `common`: common words that may start a sentence ("Most", "Some")."""
    if at < 1 or before[at].lower() != "of":
        return False
    word = before[at - 1]
    if not word[:1].isupper() or not word[-1:].isalnum():
        return False  # "... of the", "Britain, of the": no word of one name
    low = word.lower()
    return low not in org_heads and low not in common and "." not in word


def title_lead(word: str, text: str, start: int, function: frozenset[str]) -> bool:
    """Whether `word` (capitalised, starting at `start` in `text`, no sentence's first word)
    is a function word whose capital only a title gives it: "We", "My", "This", "Not"."""
    low = word.lower()
    if low not in function or low in NOT_TITLE_LEADS or not word[:1].isupper():
        return False
    return start == 0 or text[start - 1] not in _QUOTES


def names_tail(tails: int, mentions: int) -> bool:
    """A name read as a title's tail in two mentions and half of them at least."""
    return tails >= 2 and tails * 2 >= mentions
