"""A post's place run into its holder's name: "former US ambassador to Iraq Ryan Crocker",
"the envoy to Syria Dana Roe", "Minister for Europe Tarik Varnel", "our correspondent in
Baghdad Jim Lee". The capitalised words after the preposition make one run, "Iraq Ryan
Crocker"; where a title's head stands before the preposition and the run starts with a
dictionary's name followed by a person's name of two words or more, the run is two names:
the place (or body) of the post and its holder, a person."""

from __future__ import annotations

import re

_POST_PREPOSITIONS = ("to", "for", "in", "at")
_BEFORE = re.compile(r"([A-Za-z]+)\s+(" + "|".join(_POST_PREPOSITIONS) + r")\s+(?:the\s+)?$")
_REACH = 40


def post_before(text: str, start: int, title_heads: frozenset[str]) -> bool:
    """Whether a title's head and a post's preposition stand right before `start`
    ("ambassador to ", "Minister for the ")."""
    found = _BEFORE.search(text, max(0, start - _REACH), start)
    return found is not None and found.group(1).lower() in title_heads
