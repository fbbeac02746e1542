"""A sentence's first word before a name, capitalised nowhere else in its article ("Andy
Robinson said ..." opening a sentence), was cut: the name became "robinson". It is kept as a
candidate ("^andy robinson", Extractor._keep_first), and the clustering reads it from the
corpus (cluster.py `_sentence_firsts`): the full name where the corpus writes it whole
elsewhere, else the name without the word ("Later Robinson said": Robinson), else a name of
its own. In its own article a lone surname after it goes with it; beside a full name the
article writes whole ("Tony Blair ... Later Blair said") it is that name's lone surname."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from newsdesk.index.actors import table as table_module
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import (
    make_extractor,
)
from tests.index.actors.curated_tables import curated_table
from tests.index.actors.test_precision_rules import clusters, stat

EXTRACTOR = make_extractor(load_dictionaries([]))


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in EXTRACTOR.extract("", text).mentions]


def test_the_first_word_is_kept_as_a_candidate() -> None:
    # (A first word that is no shipped given name: given_names.py keeps those whole.)
    assert _found("Prices fell. Baslan Robinson said so. Robinson added more.") == \
        [("^baslan robinson", "Robinson"), ("^baslan robinson", "Robinson")]
    # Beside a full name the article writes whole: its lone surname, as before.
    assert {k for k, _ in _found("The minister Tony Blair spoke. Later Blair said no.")} \
        == {"tony blair"}
    # Written mid-sentence too: no cut, no candidate.
    assert {k for k, _ in _found("He met Andy Robinson. Andy Robinson said no.")} \
        == {"andy robinson"}
    # A dictionary's name, a sentence starter ("Yesterday"), a function word: as before.
    assert _found("Prices fell. Meanwhile Iran said no.") == [("iran", "Iran")]
    assert _found("Prices fell. Yesterday Grelborn said no.") == [("grelborn", "Grelborn")]


def _robinsons(*more: str, articles: int = 3) -> dict[str, tuple[str, str, set[str]]]:
    first = stat("Robinson", 3, person=3, surfaces={"Robinson": 3})
    first.key, first.articles = "^andy robinson", articles
    found = {"andy": stat("Andy Robinson", 10, person=8), "anne": stat("Anne Robinson", 9,
                                                                      person=7),
             "lone": stat("Robinson", 4, person=2)}
    return clusters([first, *(found[k] for k in more)])


@pytest.mark.parametrize(("more", "name"), [
    (("andy", "anne", "lone"), "Andy Robinson"),  # written whole elsewhere: that name
    (("anne", "lone"), None),  # else the surname alone, wherever it goes
    # else a name of its own: in three articles, the word the given name
    # (cluster._repeated_first); in one, the surname alone
    ((), "Andy Robinson"),
    ((), "Robinson"),
])
def test_the_corpus_says_which_name(more: tuple[str, ...], name: str | None) -> None:
    found = _robinsons(*more, articles=1 if name == "Robinson" else 3)
    if name is None:
        assert found["^andy robinson"][2] >= {"^andy robinson", "robinson"}
        assert "anne robinson" not in found["^andy robinson"][2] or \
            found["robinson"][2] == found["^andy robinson"][2]
    else:
        assert found["^andy robinson"][0] == name
    if "anne" in more:
        assert "^andy robinson" not in found["anne robinson"][2] or "andy" not in more


# (First words that are no shipped given name, so that they stay candidates: given
# names are kept whole, test_given_first_names.py.)
ARTICLES = [
    "Prices fell. Baslan Robinson said the side would win. Robinson added more.",
    "England coach Baslan Robinson named his side. Anne Robinson presented the show.",
    "Prices rose. Later Robinson said no.",
    "Talks ended. Kelly Holmes won gold. Holmes said so.",
    "The champion Kelly Holmes trained. Prices fell. Akilisi Pohiva won. Pohiva smiled.",
]


def test_an_edit_patched_equals_a_rebuild(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_module, "PATCH_SHARE", 1)
    with curated_table(tmp_path, [("", text) for text in ARTICLES], EXTRACTOR) as curated:
        table, curation = curated.table, curated.curation
        andy = table.resolve("Baslan Robinson")
        assert "^baslan robinson" in table.keys_of(andy.id)
        # (The candidate's spelling, the surname alone, is no spelling of the actor it
        # joined: "Sachs" of Goldman Sachs.) "Anne Robinson" opening a sentence beside him
        # is hers: a given name (given_names.py), no lone surname of his.
        assert dict(andy.aliases) == {"Baslan Robinson": 1}
        assert table.resolve("Anne Robinson").id != andy.id
        assert dict(table.resolve("Pohiva").aliases) == {"Pohiva": 2}  # (it is that actor)
        edits = [lambda: curation.hide(table.resolve("Baslan Robinson")),
                 lambda: curation.merge(table.resolve("Pohiva"), table.resolve("Kelly Holmes")),
                 lambda: curation.rename(table.resolve("England"), "England (team)"),
                 curation.undo, curation.undo, curation.undo]
        for edit in edits:
            edit()
            curated.patched_equals_rebuild()


@pytest.mark.parametrize("given", ["Akilisi", "Baslan", "Dedi", "Deval", "Madina", "Sharif"])
def test_a_title_writing_the_name_whole_vouches_for_the_candidate(given: str) -> None:
    """A first word no shipped given name has ("Akilisi"), named only at the starts of
    sentences, where the title writes the name whole: the article's name is that one."""
    for surname, title in itertools.product(("Pohiva", "Kurtzer", "Damang"),
                                            ("Why {} wins the vote",
                                             "Interview: {} on the deal", "Profile of {}",
                                             "Prime Minister {} dies")):
        full = f"{given} {surname}"
        text = f"Prices rose.\n\n{full} said so. {surname} left later."
        found = EXTRACTOR.extract(title.format(full), text).mentions
        assert {m.key for m in found} == {name_key(full)}, (title, [m.key for m in found])
        # Without it in the title: the candidate, as before.
        assert {m.key for m in EXTRACTOR.extract("Markets", text).mentions} == \
            {f"^{name_key(given)} {name_key(surname)}"}


@pytest.mark.parametrize("word", ["Apparently", "Either", "Whatever", "Famed"])
def test_a_titles_first_words_vouch_for_no_candidate(word: str) -> None:
    # A title capitalises any word it opens with: "Apparently Lenovo ..." names no one.
    text = f"Prices rose.\n\n{word} Lenovo said so. It {word.lower()} left. Lenovo grew."
    for title in (f"{word} Lenovo is next", f"{word} Lenovo"):
        keys = {m.key for m in EXTRACTOR.extract(title, text).mentions}
        assert name_key(f"{word} Lenovo") not in keys, (title, keys)
