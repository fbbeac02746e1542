"""A journal is no place: "published in the Lancet", "writing in Nature", "in the journal
Neurology" (a medium's cue), and "Annals of Internal Medicine", "Archives of Internal
Medicine", "National Library of Medicine" are one name each (their heads take "of"), not
"Annals" and a field of medicine."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))


def _found(text: str) -> dict[str, tuple[str | None, bool]]:
    return {m.key: (m.org_type, m.location_cue) for m in EXTRACTOR.extract("", text).mentions}


def test_a_journal_after_a_publishing_verb_is_a_medium() -> None:
    for verb, journal in itertools.product(
            ("published in the", "appeared online in", "writing in", "were published in"),
            ("Lancet", "Nature", "Pediatrics", "Cell Reports")):
        text = f"Doctors saw a rise.\nThe findings {verb} {journal} on Monday."
        found = _found(text)
        key = journal.lower()
        assert found.get(key) == ("media", False), (verb, journal, found)


def test_a_place_after_a_publishing_verb_stays_a_place_where_known() -> None:
    assert _found("The book was published in London last year.").get("london") \
        == (None, True)


def test_journals_and_libraries_of_a_field_are_one_name() -> None:
    for head, field in itertools.product(("Annals of", "Archives of", "National Library of"),
                                         ("Internal Medicine", "Neurology", "Medicine")):
        name = f"{head} {field}"
        found = _found(f"Data came from the {name} on Monday.")
        assert list(found) == [name.lower()], (name, found)
