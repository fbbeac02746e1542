"""A web page's furniture ("Newsletter Sign Up Continue reading the main story", "Sign up
to receive the top stories") names no actor."""

from __future__ import annotations

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _found(text: str) -> dict[str, bool]:
    return {m.key: m.location_cue for m in EXTRACTOR.extract("", text).mentions}


def test_page_furniture_names_no_actor() -> None:
    for line in ("Newsletter Sign Up Continue reading the main story",
                 "Sign up to receive the top stories you need to know",
                 "Advertisement Continue reading the main story",
                 "Newsletters Sign up here"):
        text = f"Doctors saw a rise.\n{line}\nThe Mayo Clinic said so."
        assert list(_found(text)) == ["mayo clinic"], (line, _found(text))
