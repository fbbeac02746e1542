"""One long text read a piece at a time: the pieces of at least PIECE characters, each cut
just after a whitespace character, so that no word of any of the tokenizers (analysis.WORD,
the near-duplicates' \\w+) spans two pieces and each piece's words are the text's. A
regex's findall over a whole article of 20 MB (the ingest's limit) made a list of 3.5
million strings, 200-300 MB at once; a piece's is 1 MB's worth."""

from __future__ import annotations

import re
from collections.abc import Iterator

PIECE = 1 << 20  # characters
_SPACE = re.compile(r"\s")


def pieces(text: str, size: int | None = None) -> Iterator[str]:
    """`text` in pieces of `size` (PIECE) characters or a little more (up to the next
    whitespace character, which ends the piece); a text of no whitespace past it is one
    piece."""
    size = size or PIECE
    start, end = 0, len(text)
    while end - start > size:
        space = _SPACE.search(text, start + size)
        if space is None:
            break
        yield text[start:space.end()]
        start = space.end()
    yield text[start:]
