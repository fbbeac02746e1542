"""The type an acronym's definitions give it where its own cues give none: "National Union
of Workers (UNT)", "Venezuelan National Workers' Union (UNT)", "National Workers Union
(UNT)" (a translation's letters: bracketed.py keeps the pairs) name a union five ways, so
no one of them holds the acronym's brackets consistently enough to be joined to it, but all
say an organisation by their head noun (extract.ORG_CUES: "union"). An acronym they all
type alike, in two thirds of its brackets and three times at least, takes that type when
its own usage ("UNT leader", "the UNT") says nothing (Hands Off Venezuela's UNT was typed
other)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

MIN_TIMES = 3  # brackets after names of one type
SHARE = 3  # ... at least two in `SHARE` of the acronym's brackets (2/3)


def head_type(key: str, cues: Mapping[str, str]) -> str | None:
    """The type a name key's head noun gives: the word before its first "of" ("union of
    workers"), else its last word; None for a place's head or none."""
    words = key.split()
    if "of" in words[1:]:
        kind = cues.get(words[words.index("of") - 1])
        if kind is not None:
            return None if kind == "location" else kind
    kind = cues.get(words[-1]) if words else None
    return None if kind == "location" else kind


def defined_types(bracketed: Mapping[str, Counter[str]], cues: Mapping[str, str]
                  ) -> dict[str, str]:
    """Acronym key -> the type its bracketed definitions agree on (the module's doc)."""
    out: dict[str, str] = {}
    for short, names in bracketed.items():
        total = names.total()
        if total < MIN_TIMES:
            continue
        kinds: Counter[str] = Counter()
        for name, n in names.items():
            if (kind := head_type(name, cues)) is not None:
                kinds[kind] += n
        if kinds:
            kind, n = kinds.most_common(1)[0]
            if n >= MIN_TIMES and n * SHARE >= total * 2:
                out[short] = kind
    return out
