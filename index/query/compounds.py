"""Words with a one-letter part: T-Mobile, e-mail, O'Neill, X-ray, A-level, 9/11.

The index leaves out words shorter than analysis.MIN_LENGTH, so such a word's index terms
are those of its longer part alone: `t-mobile` searched `mobile` (132 BBC articles, 11 of
them T-Mobile's), `9/11` searched `11` ("Chapter 11"). The index cannot say where the
letter was; the stored text can. A Compound is the word as written, as a pattern: its
dropped parts literally, the separators between them as any of their look-alikes (an
apostrophe as ' or ’), and its indexed parts as any word with the same index term (as the
index matches them: "x-rays" for `x-ray`). The articles holding the longer part are
checked against it (engine: Engine._confirmed), and only those that hold the word as
written are hits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.index import analysis

# Separators a part is joined by, each as the class of its look-alikes.
_JOINERS = {
    "-": "[-\u2010\u2011]", "\u2010": "[-\u2010\u2011]", "\u2011": "[-\u2010\u2011]",
    "'": "['\u2018\u2019\u02bc]", "\u2019": "['\u2018\u2019\u02bc]",
    "\u2018": "['\u2018\u2019\u02bc]", "\u02bc": "['\u2018\u2019\u02bc]",
    "/": "[/\u2044]", "\u2044": "[/\u2044]",
}
_LOOK_ALIKES = {joiner: re.sub(r"[\[\]]", "", alike) for joiner, alike in _JOINERS.items()}


@dataclass(frozen=True, slots=True)
class Compound:
    """A word as written whose one-letter part the index leaves out."""

    written: str  # as the query wrote it ("T-Mobile")
    pattern: re.Pattern[str]  # finds it in a text; its groups are the indexed parts
    terms: tuple[str, ...]  # the index term each group must have
    # A left-out part with its separator, lower case, in each look-alike: a text holding
    # none of them is no match. Python's regex scans a 2.4 KB text in 35-150 µs, a test
    # of a few substrings takes a few µs: most texts read ("level" of a-level) are not.
    anchors: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.pattern.pattern

    def found_in(self, text: str) -> bool:
        """Whether `text` holds the word as written (its indexed parts in any form the
        index matches them by)."""
        lower = text.lower()
        if not any(anchor in lower for anchor in self.anchors):
            return False
        for match in self.pattern.finditer(text):
            if all(analysis.term_of(part) == term
                   for part, term in zip(match.groups(), self.terms, strict=True)):
                return True
        return False


def compound_of(text: str) -> Compound | None:
    """The Compound of one word as written (no spaces), if it has a part the index leaves
    out for its length joined to another part by a hyphen, apostrophe or slash; else None."""
    pieces = list(analysis.word_regex(text).finditer(text))
    if len(pieces) < 2:
        return None
    anchors: tuple[str, ...] = ()
    for k, piece in enumerate(pieces):
        if len(analysis.fold(piece.group())) >= analysis.MIN_LENGTH:
            continue
        before = text[pieces[k - 1].end():piece.start()] if k > 0 else None
        after = text[piece.end():pieces[k + 1].start()] if k + 1 < len(pieces) else None
        letter = piece.group().lower()
        if after in _JOINERS:
            anchors = tuple(letter + j for j in _LOOK_ALIKES[after])
        elif before in _JOINERS:
            anchors = tuple(j + letter for j in _LOOK_ALIKES[before])
        if anchors:
            break
    if not anchors:
        return None
    parts: list[str] = []
    terms: list[str] = []
    for k, piece in enumerate(pieces):
        if k > 0:
            between = text[pieces[k - 1].end():piece.start()]
            parts.append(_JOINERS.get(between) or re.escape(between))
        term = analysis.term_of(piece.group())
        if term is None:  # left out: as written
            parts.append(re.escape(piece.group()))
        else:
            parts.append(r"(\w+)")
            terms.append(term)
    if not terms:
        return None
    pattern = re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)
    written = text[pieces[0].start():pieces[-1].end()]
    return Compound(written, pattern, tuple(terms), anchors)
