"""Lines a batch of articles repeats verbatim across many of them: a site's furniture (a
poll widget, a share or credit line), read for no actor at all.

One source's pages in an outside tester's corpus (stranger14, SemEval propaganda news)
carried "take our poll - story continues below / Who should replace Nikki Haley as our
ambassador to the U.N.?" in 30 articles: the United Nations got 28 of its 52 articles from
that line, and "Article posted with permission from Pamela Geller" made her an actor of
18. The clustering's rule for such lines (repeated_lines.py) sees a name, not a line: it
drops a name most of whose articles write it once in one line, never a dictionary's name,
and keeps every other name of the line. Here the line itself is what repeats: before a
batch is extracted, a short line (at most SHORT characters) that REPEATS different texts
of the batch hold is blanked, character for character (the mentions' spans keep their
places), in the text the actors are read from. The article stays searchable: its indexed
text is untouched.

Different texts: a story a corpus holds several times repeats all its lines, and a quote
several papers print repeats one; neither is furniture. The copies of a text count once,
and a quote printed in four versions of a story (four at most in the tester's 446
articles; five and more were all widgets, credits and promotions) stays under REPEATS.

A batch sees its own lines (4,000 articles or 8 MB: most corpora's furniture is in every
batch); the lines found are kept (`known`) and blanked in every batch after, so that the
few articles of a later run have their furniture taken out too (the indexer keeps them in
the store, ingest/indexer.py). Articles of a batch before the one that found a line keep
its mentions: the clustering's rule still weighs those.

Cost: a split of each text into lines and a set of its short ones; most of a news text's
lines are paragraphs longer than SHORT, and no line of most articles is furniture."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

SHORT = 160  # characters: a longer line is an article's own paragraph
REPEATS = 5  # different texts of a batch holding a line that make it furniture
KEEP = 2000  # lines found kept at most (`known`): a store's meta row stays small


class FurnitureLines:
    """The furniture lines found so far, and the blanking of a batch's texts."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self.known: set[str] = set(known)

    def blanked(self, texts: Sequence[str]) -> dict[int, str]:
        """Of `texts` (a batch's), by their place, those holding a furniture line, with
        each such line blanked; the lines found added to `known`."""
        lines_of: list[tuple[int, set[str]]] = []
        counts: dict[str, int] = {}
        seen: set[str] = set()
        for at, text in enumerate(texts):
            short = {s for line in text.split("\n") if len(line) <= SHORT and (s := line.strip())}
            if short:
                lines_of.append((at, short))
                if text not in seen:  # (a copy of a text before it counts no line again)
                    seen.add(text)
                    for line in short:
                        counts[line] = counts.get(line, 0) + 1
        # (Not a line that ends in a colon: it opens what the article goes on to say, a
        # wire's formula before its table, "The following proposed securities offerings
        # were filed recently with the Securities and Exchange Commission:", in 25 of
        # Reuters 1987's articles; the body it names is what they are about.)
        found = {line for line, n in counts.items() if n >= REPEATS and line[-1] != ":"}
        if len(self.known) < KEEP:
            self.known.update(found)
        furniture = found | self.known
        if not furniture:
            return {}
        return {at: blank(texts[at], furniture) for at, short in lines_of
                if not furniture.isdisjoint(short)}


def blank(text: str, furniture: set[str]) -> str:
    """`text` with each of its lines that is (stripped) one of `furniture` made spaces."""
    parts = text.split("\n")
    return "\n".join(" " * len(line) if len(line) <= SHORT and line.strip() in furniture
                     else line for line in parts)


def dumps(known: Iterable[str]) -> str:
    """The lines found, as the store's meta row keeps them."""
    return json.dumps(sorted(known), ensure_ascii=False)


def loads(value: str | None) -> list[str]:
    """The lines a store's meta row keeps (none if it has none, or one unreadable)."""
    if not value:
        return []
    try:
        lines = json.loads(value)
    except ValueError:
        return []
    return [line for line in lines if isinstance(line, str)] if isinstance(lines, list) else []
