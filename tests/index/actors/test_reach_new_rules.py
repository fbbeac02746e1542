"""reach.py's links are a superset of every clustering rule's (a patch re-clusters only the
keys they reach): the rules added since are linked too. An acronym-led name and the name
its definition's first word leads ("EC Commission", "European Commission":
cluster._acronym_led), either way."""

from __future__ import annotations

from pathlib import Path

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

TEXT = ("The European Community (EC) met in Brussels. The EC Commission said the plan stands. "
        "The European Commission agreed with the EC Commission on Monday.")


def test_an_acronym_led_name_is_linked_to_the_name_its_definition_leads(
        tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    found = make_extractor(load_dictionaries([])).extract("EC", TEXT)
    store.mark_done(mention_rows("1", found), [("1", a, e) for a, e in found.acronyms])
    table = ActorTable(store)
    table.rebuild(load_dictionaries([]))
    # The rule fires here (else the links would prove nothing).
    assert table.resolve("EC Commission").id == table.resolve("European Commission").id
    reach = Reach(store.db, load_dictionaries([]), (), KeyIndex(store.db))
    assert "european commission" in reach.linked("ec commission")
    assert "ec commission" in reach.linked("european commission")
    store.close()


def _reach(tmp_path: Path, texts: list[str]) -> tuple[Store, ActorTable, Reach]:
    store = Store(tmp_path / "store.sqlite")
    extractor = make_extractor(load_dictionaries([]))
    for n, text in enumerate(texts):
        found = extractor.extract("", text)
        store.mark_done(mention_rows(str(n), found), [(str(n), a, e) for a, e in found.acronyms])
    table = ActorTable(store)
    table.rebuild(load_dictionaries([]))
    return store, table, Reach(store.db, load_dictionaries([]), (), KeyIndex(store.db))


def test_a_site_is_linked_to_its_name_without_a_middle_word(tmp_path: Path) -> None:
    store, table, reach = _reach(tmp_path, [
        "Rockets hit Baghdad International Airport. Baghdad International Airport was shut.",
        "Flights left Baghdad Airport on Monday."])
    assert table.resolve("Baghdad Airport").id == table.resolve(
        "Baghdad International Airport").id
    assert "baghdad international airport" in reach.linked("baghdad airport")
    assert "baghdad airport" in reach.linked("baghdad international airport")
    store.close()


def test_a_lone_surname_with_a_stray_body_cue_is_linked_to_full_names(tmp_path: Path) -> None:
    # "an economist at Obama" once: a body's cue, a slip against many person cues.
    texts = ["President Barack Obama spoke. Obama said so. He met Obama. Obama told them."] * 4
    alone = ["President Obama said so. President Obama told them. President Obama left."] * 4
    store, table, reach = _reach(tmp_path, [*texts, *alone, "An economist at Obama said so."])
    assert reach.local("obama").org.get("organisation") == 1
    assert table.resolve("Obama").id == table.resolve("Barack Obama").id
    assert "barack obama" in reach.linked("obama")
    store.close()
