"""Reading actor dictionaries: errors name the file, the line and the entry; old files load
as they did; metonyms are their own actors unless `actors.metonyms` asks otherwise; an
alias written in capitals is matched only in capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import (
    DictionaryError,
    Entry,
    load_dictionaries,
    load_dictionary,
    save_dictionary,
)
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor, recluster_if_changed
from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Actor
from tests.helpers.paths import write_config

# -- errors -------------------------------------------------------------------------------------

BROKEN = [
    ('  - {name: Kremlin, type: government, metonym_for: Zorbia}\n',
     r"metonym_for 'Zorbia' names no actor"),
    ('  - {name: Kremlin, type: government, metonym_for: Kremlin}\n',
     r"metonym_for names the actor itself"),
    ('  - {name: Kremlin, type: palace}\n', r"type 'palace' is not one of"),
    ('  - {name: Kremlin, aliases: [Red Fort], metonym_for: Red Fort}\n',
     r"metonym_for names the actor itself"),
    ('  - {name: Kremlin, aliases: {a: b}}\n', r"aliases must be a list of names"),
    ('  - {name: Kremlin, source: [a, b]}\n', r"source must be text"),
    ('  - {name: Kremlin, metonym_for: [Russia]}\n', r"metonym_for must be text"),
    ('  - {name: Kremlin, stands_for: Russia}\n', r"unknown key 'stands_for'"),
    ('  - {"name": "Kremlin", "type": "palace"}\n', r"type 'palace' is not one of"),
]


@pytest.mark.parametrize(("line", "message"), BROKEN)
def test_errors_name_the_file_line_and_entry(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("version: 1\nactors:\n  - {name: Someone, type: person}\n" + line)
    with pytest.raises(DictionaryError) as caught:
        load_dictionaries([path])
    assert str(caught.value).startswith(f"{path}:4: actor 'Kremlin': ")
    assert caught.value.args[0] == str(caught.value)
    assert pytest.importorskip("re").search(message, str(caught.value))


def test_a_circle_of_metonyms_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {name: Zorbia House, metonym_for: Zorbia Hall}\n"
                    "  - {name: Zorbia Hall, metonym_for: Zorbia House}\n")
    load_dictionaries([path])  # off: each its own actor, the targets exist
    with pytest.raises(DictionaryError, match=r"mine\.yaml:\d: actor 'Zorbia .*round in a "
                                              r"circle \(zorbia \w+ -> zorbia \w+ -> "):
        load_dictionaries([path], metonyms=True)


# -- what loads ---------------------------------------------------------------------------------


def test_an_old_dictionary_and_curation_still_load_and_win(tmp_path: Path) -> None:
    """Block style, the old 'country' key, no metonym_for or source: as before, and the
    later file's name and type win over the shipped entry it shares a name with."""
    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n  - name: USA\n    type: government\n"
                    "    country: USA\n    aliases: [Uncle Sam]\n"
                    "  - name: Zorbian Liberation Front\n    type: militia\n    hidden: true\n")
    dictionaries = load_dictionaries([path])
    us = dictionaries.entries[dictionaries.alias[name_key("America")]]
    assert (us.name, us.type) == ("USA", "government")
    assert dictionaries.alias[name_key("Uncle Sam")] == dictionaries.alias[name_key("US")]
    assert dictionaries.entries[name_key("Zorbian Liberation Front")].hidden
    assert us.source  # the shipped entry's, kept


def test_new_fields_are_written_back(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    entry = Entry("Zorbia House", "government", aliases=["the House"], metonym_for="Zorbia",
                  source="Zorbian constitution")
    save_dictionary(path, [entry], "# mine\n")
    (back,) = load_dictionary(path)
    assert back == entry and back.where == f"{path}:4: actor 'Zorbia House'"


def test_a_metonym_merged_with_what_it_stands_for_is_one_actor(tmp_path: Path) -> None:
    """A curation that merged Washington and the United States into an actor of the
    corpus's own: one actor, metonyms on or off, and no error."""
    path = tmp_path / "actors.yaml"
    save_dictionary(path, [Entry("US Government", "government",
                                 aliases=["Washington", "United States", "US"])], "")
    for metonyms in (False, True):
        dictionaries = load_dictionaries([path], metonyms=metonyms)
        heads = {dictionaries.alias[name_key(n)] for n in ("Washington", "US", "America")}
        assert heads == {name_key("US Government")}
        assert dictionaries.entries[name_key("US Government")].metonym_for is None


def test_metonyms_are_their_own_actors_unless_asked() -> None:
    off = load_dictionaries([])
    for place, kind in (("Washington", "location"), ("Kremlin", "government"),
                        ("Pentagon", "government")):
        assert off.entries[off.alias[name_key(place)]].name == place
        assert off.entries[off.alias[name_key(place)]].type == kind
    on = load_dictionaries([], metonyms=True)
    assert on.alias[name_key("Washington")] == on.alias[name_key("United States")]
    assert on.alias[name_key("Kremlin")] == on.alias[name_key("Russia")]
    assert on.alias[name_key("Pentagon")] == on.alias[name_key("Department of Defense")]
    # through a chain: Scotland Yard -> Metropolitan Police
    assert on.alias[name_key("New Scotland Yard")] == on.alias[name_key("Met Police")]
    assert name_key("Washington") not in on.entries and name_key("Washington") in off.entries


def test_an_alias_in_capitals_is_matched_only_in_capitals() -> None:
    extractor = make_extractor(load_dictionaries([]))

    def keys(text: str) -> list[str]:
        return [m.key for m in extractor.extract("", text).mentions]

    # "Us" opening a sentence was a mention of the United States ("us" is no common word
    # to the extractor, and a known key is kept where a capital only opens a sentence).
    assert keys("Us and them, said the band. Then Uk and Un, the twins, left.") == []
    assert keys("The US and the UN met the UK.") == ["us", "un", "uk"]
    # listed in both cases: either matches
    assert keys("Nato met. Then NATO met.") == ["nato", "nato"]
    # an acronym in mixed case (LeT, BoE) likewise: only so written, never the word "Let"
    assert keys("Let us go, he said. Let the Boe family in.") == []
    assert keys("LeT and JeM were named by the BoE and the AfD.") == ["let", "jem", "boe", "afd"]


# -- on a tiny corpus ---------------------------------------------------------------------------


def _actors(settings: Settings) -> dict[str, Actor]:
    with Engine(settings) as engine:
        recluster_if_changed(settings, engine.actors)
        return {a.name: a for a in engine.actors.list()}


def test_metonyms_off_and_on_over_one_index(corpus_dir: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Switching actors.metonyms re-clusters the index as it is: no re-index."""
    (corpus_dir / "a.txt").write_text(
        "Talks\n\nOfficials in Washington said on Monday that the United States would "
        "answer. The Kremlin said Russia would not.\n")
    (corpus_dir / "b.txt").write_text(
        "More talks\n\nThe Pentagon said the United States sent ships. Washington and "
        "Moscow traded blame.\n")
    cfg = tmp_path / "cfg.yaml"
    monkeypatch.setenv("NEWSDESK_CONFIG", str(write_config(cfg, [corpus_dir])))
    settings = load_settings()
    Indexer(settings).run()
    off = _actors(settings)
    assert {"Washington", "Kremlin", "Pentagon", "Moscow"} <= set(off)
    assert (off["Washington"].type, off["Kremlin"].type) == ("location", "government")
    us_alone = off["United States"].mentions
    assert "Washington" not in {s for s, _ in off["United States"].aliases}

    write_config(cfg, [corpus_dir], "actors:\n  metonyms: true\n")
    on = _actors(load_settings())
    assert not {"Washington", "Kremlin", "Moscow"} & set(on)
    assert "Pentagon" not in on
    assert {"Washington"} <= {s for s, _ in on["United States"].aliases}
    assert on["United States"].mentions == us_alone + off["Washington"].mentions
    assert {"Kremlin", "Moscow"} <= {s for s, _ in on["Russia"].aliases}

    write_config(cfg, [corpus_dir])
    again = _actors(load_settings())
    assert {a.name: a.mentions for a in again.values()} == \
        {a.name: a.mentions for a in off.values()}
