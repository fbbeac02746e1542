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


def test_a_two_letter_acronym_is_linked_to_the_companies_it_spells_not_to_every_name(
        tmp_path: Path) -> None:
    # Two letters spell many names of people and rare names: a curation patch's region
    # took them all in (a hide at 100,000 articles grew past its limit and rebuilt all).
    company = ["General Motors Corp (GM.N) said sales rose. GM said General Motors Corp "
               "would hire. General Motors Corp shares rose."] * 5
    people = [f"They met {name} on Monday. {name} told them so. Later {name} left."
              for name in ("Gary Mason", "Gina Morris", "Glen Moore", "Greta Miles")]
    store, table, reach = _reach(tmp_path, [*company, *people, "Grey Meadow was named once."])
    assert table.resolve("GM").id == table.resolve("General Motors Corp").id  # (the rule)
    linked = reach.linked("gm")
    assert "general motors corp" in linked and "gm" in reach.linked("general motors corp")
    spelled = {k for k in reach.keys if len(k.split()) == 2 and k[0] == "g"
               and k.split()[1][0] == "m"} - {"general motors"}
    assert {"gary mason", "gina morris", "glen moore", "greta miles"} <= spelled
    assert not spelled & linked, spelled & linked
    store.close()


def test_a_lone_words_totals_count_the_sentence_firsts_ending_with_it(tmp_path: Path
                                                                     ) -> None:
    """cluster._sentence_firsts adds to a lone word the counts of each sentence's first
    word's candidate ending with it; reach.py's gates read the same totals (read on the
    word's own, "telecommunications" was no clipped head to them, its longer names went
    unlinked, and a rename at 100,000 articles rebuilt the whole table)."""
    store, _, reach = _reach(tmp_path, [
        "Shares rose. United Telecommunications said profits rose.",
        "Analysts said Telecommunications stocks rose.", "Hong Kong Telecommunications said so."])
    keys = dict(store.db.execute("SELECT key, mentions FROM key_totals"))
    assert keys.get("^united telecommunications") and keys.get("telecommunications")
    assert reach.local("telecommunications").mentions == \
        keys["telecommunications"] + keys["^united telecommunications"]
    store.close()


def test_a_body_is_linked_to_its_name_of_a_country(tmp_path: Path) -> None:
    """A bare body named with two countries stays apart from both (cluster.py's
    _countries_bodies), "Supreme Court of Cyprus" one of them: linked to the body as the
    country-prefixed form is (else a patch joined "Supreme Court" to the US's)."""
    store, table, reach = _reach(tmp_path, [
        "The US Supreme Court ruled. The Supreme Court said so.",
        "The Supreme Court of Cyprus ruled on Monday. The Supreme Court said no."])
    assert "supreme court of cyprus" in reach.linked("supreme court")
    # (as the body's country forms, whatever the other links: here it is a clipped head too)
    assert {"supreme court of cyprus", "us supreme court"} <= reach._prefixed("supreme court")
    store.close()


def test_an_actor_of_the_same_keys_under_another_type_counts_as_moved() -> None:
    """A key at a patch's edge, clustered without a key it is weighed with, came out of
    another type ("Equity": organisation in a rebuild, other in the patch): its keys count
    as moved, so their links join the region; not where the edit touched them (a rename)."""
    from newsdesk.index.actors.cluster import Cluster
    from newsdesk.index.actors.table import _differ

    actors = {1: {"equity"}, 2: {"acme corp", "acme"}}
    labels = {1: ("Equity", "organisation", None, 0), 2: ("Acme Corp", "company", None, 0)}
    clusters = [Cluster("Equity", "other", None, False, ["equity"]),
                Cluster("Acme Corp", "company", None, False, ["acme", "acme corp"])]
    assert _differ(clusters, actors) == set()
    assert _differ(clusters, actors, labels) == {"equity"}
    assert _differ(clusters, actors, labels, {"equity"}) == set()


def test_a_rare_spelling_of_a_dictionarys_name_is_linked_to_names_ending_with_it(
        tmp_path: Path) -> None:
    """Rule 4 joins "Britian" to Britain only if no longer name ends with it (cluster.py's
    surnames): those names are linked to it (a patch joined it where a rebuild did not)."""
    store, _, reach = _reach(tmp_path, [
        *["Officials in Britain said Britain would act."] * 8,
        "Officials in Britian said so.", "The Pension Fund of Great Britian said so."])
    keys = dict(store.db.execute("SELECT key, mentions FROM key_totals"))
    assert "britain" in reach.linked("britian")
    ending = [k for k in keys if k.endswith(" britian")]
    assert ending and set(ending) <= reach.linked("britian")
    store.close()
