"""Which keys a curation edit changes as the clustering rules read them (entry_changes.py):
a key whose entry only gained names that are changed themselves is not one; a name in
capitals written into an entry changes its key as an acronym, and a patch that follows that
change to the full names the word leads equals a rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.dictionaries import Dictionaries, Entry, load_dictionaries
from newsdesk.index.actors.entry_changes import changed_keys
from newsdesk.index.actors.table import (
    make_extractor,
)
from tests.index.actors.curated_tables import curated_table

COUNTRY = Entry("Freedonia", "country", aliases=["Freedonian", "Freedonians"])


def _dictionaries(*entries: Entry) -> Dictionaries:
    out = Dictionaries()
    out.add(list(entries))
    return out


def test_names_gained_leave_the_old_names_unchanged() -> None:
    before = _dictionaries(COUNTRY)
    after = _dictionaries(COUNTRY, Entry("Freedonia", "country", aliases=["Free Donia"],
                                         hidden=True))
    touched = {"freedonia", "freedonian", "freedonians", "free donia"}
    changes = changed_keys(touched, after, before)
    assert changes.keys == {"free donia"}
    assert changes.spelled == set()
    # Without the dictionaries before the edit, every name of the entry counts.
    assert changed_keys(touched, after, None).keys == touched


def test_a_name_in_capitals_changes_its_key_as_an_acronym() -> None:
    before = _dictionaries(COUNTRY)
    after = _dictionaries(COUNTRY, Entry("Freedonia", "country", aliases=["FREEDONIAN"]))
    changes = changed_keys({"freedonia", "freedonian", "freedonians"}, after, before)
    assert changes.keys == {"freedonian"}
    assert changes.spelled == {"freedonian"}


def test_names_of_an_entry_with_a_successor_count() -> None:
    """A former state's names are weighed against its successor's (cluster._of_its_time):
    more names on either side is a change to all of them."""
    later = Entry("Sylvania", "country")
    former = Entry("East Sylvania", "country", aliases=["E. Sylvania"], successor="Sylvania")
    before = _dictionaries(later, former)
    after = _dictionaries(later, former, Entry("Sylvania", "country", aliases=["Sylvanian"]))
    changes = changed_keys({"sylvania", "sylvanian"}, after, before)
    assert changes.keys == {"sylvania", "sylvanian"}


def test_a_merge_of_two_entries_changes_both() -> None:
    other = Entry("Ruritania", "country", aliases=["Ruritanian"])
    before = _dictionaries(COUNTRY, other)
    after = _dictionaries(COUNTRY, other, Entry("Freedonia", "country",
                                                aliases=["Ruritania"]))
    touched = {"freedonia", "ruritania"}
    assert changed_keys(touched, after, before).keys == {
        "freedonia", "freedonian", "freedonians", "ruritania", "ruritanian"}


# A headline in capitals gives the United States the surface "AMERICAN"; hiding the country
# writes it into the curation, and the dictionaries then say "american" is an acronym: no
# full name it leads counts for a lone surname, and "Kowalski" leaves "American Kowalski"
# (a surname no given name: a given name alone joins no full name opening with no given name,
# lone_guards.py; named after a title, whose cue is a person's: "said" after a name opening
# with a country's people's is none, extract.py's `_holds_country`).
ARTICLES = [
    ("AMERICAN TROOPS LEAVE",
     "American troops left on Monday. The American commander said so. Americans were glad."),
    ("Talks", "Senator American Kowalski said the talks would go on. Mr Kowalski spoke in "
     "Washington. He said more."),
    ("Talks again", "Officials met American Kowalski, a banker, who said he would stay. "
     "Mr Kowalski left."),
    ("More", "The American people voted. Senator American Kowalski said he agreed. He was "
     "pleased."),
    ("Kowalski speaks", "Kowalski said on Tuesday that he would resign. Kowalski told "
     "reporters he was tired."),
    ("Kowalski again", "Kowalski said he had no regrets. Critics said Kowalski had failed."),
    # (other names: a region of the corpus, not all of it)
    ("Markets", "Shares of Acme Widgets rose. Globex Corp fell. Initech Ltd was flat."),
    ("Football", "Arsenal beat Chelsea at Wembley. Liverpool drew with Everton."),
    ("Paris", "Anne Hidalgo spoke in Paris. Emmanuel Macron met Olaf Scholz in Berlin."),
    ("Rome", "Giorgia Meloni met Pope Francis in Rome. Mario Draghi was there too."),
]


def test_hiding_with_a_headlines_capitals_patched_equals_a_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_module, "PATCH_SHARE", 1)  # a corpus this small: any region
    extractor = make_extractor(load_dictionaries([]))
    with curated_table(tmp_path, ARTICLES, extractor) as curated:
        table, curation = curated.table, curated.curation
        kowalski = table.resolve("American Kowalski")
        assert kowalski is not None and "kowalski" in table.keys_of(kowalski.id)
        country = table.resolve("United States")
        assert country is not None and ("AMERICAN", 1) in country.aliases
        for hidden, edit in ((True, lambda: curation.hide(country)), (False, curation.undo)):
            edit()
            curated.patched_equals_rebuild()
            # (The edit does change another actor: else the test would prove nothing.)
            alone = table.resolve("Kowalski")
            assert (alone is not None and table.keys_of(alone.id) == ["kowalski"]) == hidden
