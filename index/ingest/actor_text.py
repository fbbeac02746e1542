"""The part of an article's text its actors are read from: all of it, up to ACTOR_CHARS.

Extraction holds, for the article at hand, a token per capitalised word, the runs and
mentions made of them and the long-text word sets (actors/long_text.py): 60 to 120 MB a
MB of name-dense text, so one 19 MB article of names took a build to 1.46 GB (an outside
tester, stranger14). Past ACTOR_CHARS the rest of the article is searchable as ever, but
its names are not read; the indexer says so for each such article (a problem naming it:
`newsdesk index`, `--problems`)."""

from __future__ import annotations

# ~250 pages of text: no news article comes near it (BBC's longest is 25 KB, Reuters' 12 KB).
ACTOR_CHARS = 1_000_000


def actor_text(text: str) -> str:
    """`text` up to ACTOR_CHARS characters, cut at the last line break before them (else the
    last space, else there): a name is not cut in two."""
    if len(text) <= ACTOR_CHARS:
        return text
    half = ACTOR_CHARS // 2
    cut = text.rfind("\n", half, ACTOR_CHARS)
    if cut < 0:
        cut = text.rfind(" ", half, ACTOR_CHARS)
    return text[:cut if cut > 0 else ACTOR_CHARS]
