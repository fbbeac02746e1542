"""Given names, to tell "Mitch McConnell" from "Later McConnell" where a sentence starts
with it. A sentence's first word capitalised nowhere else in its article is cut from the
name after it (extract.py, `Extractor._starter`): a capital only the sentence gives it. Where
that word is a given name many countries give (data/given_names.txt, generated at
development time from the nomquamgender package: tests/data_gen/given_names.py) and the
article writes it in lower case nowhere ("Hope", "Chase" may be words too), it is the
person's first name: the run stays whole, as it would mid-sentence. The corpus then needs
no other article to write the name whole ("Gregory Kurtzer", named only at the starts of
sentences, is no lone "Kurtzer"), and "Anne Robinson" opening a sentence stays hers where
the article names Andy Robinson too."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

GIVEN_NAMES = Path(__file__).resolve().parent / "data" / "given_names.txt"


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped given names, lower-cased (read once)."""
    with GIVEN_NAMES.open(encoding="utf-8") as f:
        return frozenset(line.strip() for line in f if line[:1] != "#" and line.strip())
