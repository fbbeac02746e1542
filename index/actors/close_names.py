""""Did you mean" for an `actor:` name no actor goes by: the actor whose name, or any alias,
is closest to it. Aliases count: "Teheran Times" is a misspelling of "Tehran Times", a name
the actor goes by, and "Obma" of "Obama", Barack Obama's; compared with actors' own names
alone, neither was offered anything.

How alike (rapidfuzz's ratio, 0-100, on lower-cased names stripped of punctuation): as
wholes ("tony blare", "Tony Blair"), or the typed words against as many neighbouring words
of a name ("soleimany", "Qassem Soleimani"). Never a short name against a part of the one
typed: rapidfuzz's default scorer rated "Re" 90 for "Nobody Here". The names and their word
runs are laid out once per number of typed words, in C-speed steps (list comprehensions,
str.join and split, numpy), then one rapidfuzz pass picks the best: on Reuters' 27,000
actors and 36,000 aliases a Python scorer called per name took 200 ms a suggestion."""

from __future__ import annotations

import numpy as np

# "tony blare" and "Tony Blair" are 90, one letter in ten; 80 allows two.
SUGGEST_NAME_FROM = 80


class CloseNames:
    """Names, each of an actor (`owners`), in the order that wins a tie: on an equal score
    the first. For a typed name of n words the choices are every name whole, then each run
    of n neighbouring words of a longer one."""

    def __init__(self, names: list[str], owners: list[int]) -> None:
        from rapidfuzz.utils import default_process  # (15 ms to import: for a misspelling)

        # (Words one space apart: punctuation became spaces.)
        self._names = [" ".join(default_process(n).split()) for n in names]
        self._owners = np.asarray(owners, dtype=np.int64)
        self._by_words: dict[int, tuple[list[str], np.ndarray]] = {}

    def _choices(self, words: int) -> tuple[list[str], np.ndarray]:
        found = self._by_words.get(words)
        if found is None:
            # Every word of every name in one list, and each word's name; a run of `words`
            # words is a choice where all of them are of one name (and not all of it).
            counts = np.fromiter((n.count(" ") + 1 for n in self._names), np.int64,
                                 len(self._names))
            flat = " ".join(self._names).split(" ")
            of = np.repeat(np.arange(len(self._names)), counts)
            runs: list[str] = []
            starts = np.zeros(0, np.int64)
            if len(flat) >= words:
                last = len(flat) - words + 1
                ok = (of[:last] == of[words - 1:]) & (counts[of[:last]] > words)
                starts = np.flatnonzero(ok)
                runs = [" ".join(flat[i:i + words]) for i in starts.tolist()] if words > 1 \
                    else [flat[i] for i in starts.tolist()]
            found = self._by_words[words] = (
                self._names + runs, np.concatenate([self._owners, self._owners[of[starts]]]))
        return found

    def closest(self, typed: str) -> int | None:
        """The actor with the name closest to `typed`, if one is close enough."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.utils import default_process

        query = " ".join(default_process(typed).split())
        if not query or not self._names:
            return None
        choices, owners = self._choices(len(query.split()))
        found = process.extractOne(query, choices, scorer=fuzz.ratio, processor=None,
                                   score_cutoff=SUGGEST_NAME_FROM)
        return int(owners[found[2]]) if found else None


def likeness(typed: str, name: str) -> float:
    """How alike `typed` and one actor's `name` are, as `CloseNames.closest` weighs them."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    query = default_process(typed)
    choices, _ = CloseNames([name], [0])._choices(len(query.split()))
    return max((fuzz.ratio(query, c) for c in choices), default=0.0)
