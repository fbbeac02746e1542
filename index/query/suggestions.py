"""Did you mean: a query with no hits, its unknown words replaced by the closest indexed
ones."""

from __future__ import annotations

from collections.abc import Callable

from whoosh.reading import IndexReader

from newsdesk.index import analysis
from newsdesk.index.query.language import (
    And,
    DateRange,
    Everything,
    Node,
    Not,
    Or,
    Phrase,
    Word,
    quoted,
)

_SEARCHED = ("title", "body")


def suggest(reader: IndexReader, node: Node, words: Callable[[], list[str]]) -> str | None:
    """Replace each unknown plain word with the closest indexed word: fewest edits, then
    most documents. rapidfuzz over the vocabulary (`words()`, every word indexed, folded):
    Whoosh's corrector takes ~1 s at 20k articles, and a half-typed word asks for a
    suggestion at every keystroke."""
    from rapidfuzz import process  # here: 15 ms to import, needed for no hits
    from rapidfuzz.distance import OSA

    def indexed(term: str) -> bool:
        return any(reader.doc_frequency(f, term) for f in _SEARCHED)

    def rank(match: tuple[str, float, int]) -> tuple[float, int]:
        return (match[1], -reader.doc_frequency("body", analysis.stem(match[0])))

    changes: dict[str, str] = {}
    for word in _plain_words(node):
        terms = analysis.terms(word.text)
        if len(terms) != 1 or indexed(terms[0]):
            continue
        folded = analysis.fold(word.text)
        found = process.extract(folded, words(), scorer=OSA.distance,
                                score_cutoff=2 if len(folded) > 4 else 1, limit=None)
        # The vocabulary keeps words of deleted articles: suggest only indexed ones; and
        # only words of the same kind (w23 is no misspelt 23: a word with letters keeps
        # letters, a number stays a number).
        near = [m for m in sorted(found, key=lambda m: m[1])[:50]
                if same_kind(folded, m[0]) and indexed(analysis.stem(m[0]))]
        if near:
            changes[word.text] = min(near, key=rank)[0]
    if not changes:
        return None
    suggestion = " ".join(_query_words(node, changes))
    return suggestion if suggestion.strip() else None


def with_actors(node: Node, changes: dict[str, str]) -> str | None:
    """The query with each `actor:` name of `changes` (one no actor goes by) replaced by
    the actor close to it, so that Enter can take a "did you mean actor:..." as it takes a
    corrected word; None if the query has none of them."""
    if not changes:
        return None
    renamed = [False]

    def actor(name: str) -> str | None:
        close = changes.get(name)
        if close is not None:
            renamed[0] = True
        return close

    text = " ".join(_query_words(node, {}, actor))
    return text if renamed[0] and text.strip() else None


def same_kind(word: str, other: str) -> bool:
    """Whether `other` may stand for a misspelt `word`: both have letters, or neither has;
    both have digits, or neither has ("w1" is not "11", nor "1988" "1988s")."""
    return (any(c.isalpha() for c in word) == any(c.isalpha() for c in other)
            and any(c.isdigit() for c in word) == any(c.isdigit() for c in other))


def _plain_words(node: Node) -> list[Word]:
    if isinstance(node, Word):
        return [node] if not (node.wildcard or node.fuzzy is not None) and node.field in (
            None, *_SEARCHED) else []
    if isinstance(node, And | Or):
        return [w for item in node.items for w in _plain_words(item)]
    return []


def _query_words(node: Node, changes: dict[str, str],
                 actor: Callable[[str], str | None] | None = None) -> list[str]:
    """The query back as text with the corrected words (and, given `actor`, the `actor:`
    names it renames); Not/Phrase/etc. keep their form."""
    if isinstance(node, Word | Phrase) and node.field == "actor" and actor is not None \
            and (close := actor(node.text)) is not None:
        return [f"actor:{quoted(close)}"]
    if isinstance(node, Word):
        prefix = f"{node.field}:" if node.field else ""
        return [prefix + changes.get(node.text, node.text)]
    if isinstance(node, And):
        return [w for item in node.items for w in _query_words(item, changes, actor)]
    if isinstance(node, Or):
        out: list[str] = []
        for i, item in enumerate(node.items):
            if i:
                out.append("OR")
            out.extend(_query_words(item, changes, actor))
        return out
    if isinstance(node, Not):
        return ["NOT", *_query_words(node.item, changes, actor)]
    return [_render(node)]


def _render(node: Node) -> str:
    if isinstance(node, Phrase):
        field = f"{node.field}:" if node.field else ""
        slop = f"~{node.slop}" if node.slop else ""
        return f'{field}"{node.text}"{slop}'
    if isinstance(node, DateRange):
        start = node.start.date().isoformat() if node.start else "*"
        end = node.end.date().isoformat() if node.end else "*"
        return f"date:[{start} TO {end}]"
    if isinstance(node, Everything):
        return "*"
    return ""
