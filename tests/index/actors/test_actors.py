"""Actors: extraction rules, merging and not merging, dictionaries, the actor: filter,
curation that lasts, and the seeds' actors as the issue names them."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import (
    Dictionaries,
    DictionaryError,
    Entry,
    load_dictionaries,
)
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import Curation, curation_path, recluster
from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import Actor, QueryError
from tests.helpers.paths import ROOT, write_config

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys)


def keys(text: str, title: str = "") -> list[str]:
    return [m.key for m in EXTRACTOR.extract(title, text).mentions]


# -- extraction -------------------------------------------------------------------------------


def test_connectors_stay_inside_names() -> None:
    found = keys("Officials said Abu Mahdi al-Muhandis and Osama bin Laden met the "
                 "Bank of England.")
    assert "abu mahdi al muhandis" in found
    assert "osama bin laden" in found
    assert "bank of england" in found


def test_titles_are_cues_not_names() -> None:
    found = EXTRACTOR.extract("", "He met Secretary of State Mike Pompeo and Gen. Qasem "
                                  "Soleimani, then Supreme Leader Ayatollah Ali Khamenei.")
    by_key = {m.key: m for m in found.mentions}
    assert {"mike pompeo", "qasem soleimani", "ali khamenei"} <= set(by_key)
    assert all(by_key[k].person_cue for k in ("mike pompeo", "qasem soleimani", "ali khamenei"))
    assert not any(k.startswith(("secretary", "gen", "supreme")) for k in by_key)


def test_acronym_defined_in_text() -> None:
    found = EXTRACTOR.extract("", "Fighters of the Popular Mobilization Forces (PMF) marched. "
                                  "The PMF said it would respond.")
    assert ("pmf", "popular mobilization forces") in found.acronyms
    by_key = {m.key: m for m in found.mentions}
    assert by_key["popular mobilization forces"].org_type == "militia"


def test_demonym_before_a_name_is_a_mention_of_its_own() -> None:
    found = keys("He commanded the Iranian Islamic Revolutionary Guard Corps for years.")
    assert "iranian" in found and "islamic revolutionary guard corps" in found


def test_hyphenated_compounds() -> None:
    found = keys("The Iran-backed militias held a pro-Soleimani rally at Mar-a-Lago with "
                 "U.S.-led forces nearby.")
    assert "iran" in found and "soleimani" in found and "mar a lago" in found
    assert "us" in found
    assert not any("backed" in k or "led" in k.split() for k in found)


def test_sentence_initial_and_headline_capitals_are_not_names() -> None:
    text = ("Thousands of people gathered. Meanwhile the crowd grew. Early Friday they left.\n"
            "Iran Vows Revenge As Anniversary Looms Over Region\n"
            "Officials in Tehran spoke.")
    found = keys(text, title="Crowds Gather As Leaders Meet In Capital")
    assert set(found) == {"tehran"}


def test_photo_credits_days_and_months_are_left_out() -> None:
    found = keys("A protest in Baghdad (Photo: ATTA KENARE/AFP via Getty Images) on Sunday, "
                 "January 5. Photo: Reuters/John Smith")
    assert found == ["baghdad"]


def test_spans_point_at_the_names() -> None:
    text = "Yesterday Qassem Soleimani’s convoy was hit near Baghdad."
    for m in EXTRACTOR.extract("", text).mentions:
        assert text[m.start:m.end] == m.surface
        assert name_key(m.surface) == m.key


# -- merging ----------------------------------------------------------------------------------


def stats_of(mentions: dict[str, tuple[int, int]]) -> dict[str, KeyStats]:
    """key -> (mentions, person cues)"""
    out = {}
    for surface, (n, person) in mentions.items():
        key = name_key(surface)
        out[key] = KeyStats(key, Counter({surface: n}), n, n, person=person)
    return out


def names_of(stats: dict[str, KeyStats], dictionaries: Dictionaries | None = None,
             acronyms: dict[str, Counter[str]] | None = None) -> dict[frozenset[str], str]:
    clusters = cluster(stats, acronyms or {}, dictionaries or Dictionaries())
    return {frozenset(k for k in c.keys if k in stats): c.name for c in clusters}


def test_transliterations_and_surname_merge_into_one_person() -> None:
    stats = stats_of({"Qassem Soleimani": (5, 3), "Qasem Soleimani": (3, 1),
                      "Kassem Soleimani": (1, 1), "Qassim Suleimani": (1, 0),
                      "Soleimani": (20, 2)})
    # (Twenty lone uses in four articles, fewer than the full names', two a person's: he is
    # the one meant; cluster._lone_means.)
    stats["soleimani"].articles = 4
    groups = names_of(stats)
    assert groups == {frozenset(stats): "Qassem Soleimani"}


def test_khamenei_and_khomeini_stay_apart() -> None:
    stats = stats_of({"Ali Khamenei": (5, 3), "Ruhollah Khomeini": (4, 2), "Khamenei": (6, 2),
                      "Khomeini": (3, 1)})
    # (Each called by his surname alone in his own articles: cluster._lone_means.)
    stats["ali khamenei"].surfaces["Khamenei"] = 4
    stats["ruhollah khomeini"].surfaces["Khomeini"] = 2
    groups = names_of(stats)
    assert groups[frozenset({"ali khamenei", "khamenei"})] == "Ali Khamenei"
    assert groups[frozenset({"ruhollah khomeini", "khomeini"})] == "Ruhollah Khomeini"


def test_a_shared_surname_is_not_given_to_either_person() -> None:
    stats = stats_of({"Ali Khamenei": (5, 2), "Mojtaba Khamenei": (4, 2), "Khamenei": (9, 0)})
    groups = names_of(stats)
    assert len(groups) == 3


def test_acronym_joins_its_expansion_and_shorter_org_forms_join_the_long_one() -> None:
    stats = stats_of({"Popular Mobilization Forces": (4, 0), "PMF": (9, 0),
                      "Islamic Revolutionary Guard Corps": (3, 0),
                      "Revolutionary Guard Corps": (2, 0)})
    groups = names_of(stats, acronyms={"pmf": Counter({"popular mobilization forces": 2})})
    assert groups[frozenset({"popular mobilization forces", "pmf"})] == \
        "Popular Mobilization Forces"
    assert groups[frozenset({"islamic revolutionary guard corps",
                             "revolutionary guard corps"})] == \
        "Islamic Revolutionary Guard Corps"


def test_dictionary_entries_win_over_automatic_merging() -> None:
    stats = stats_of({"Qassem Soleimani": (5, 3), "Qasem Soleimani": (3, 1)})
    dictionaries = Dictionaries()
    dictionaries.add([Entry("Qassem Soleimani", "person"), Entry("Qasem Soleimani", "person")])
    assert len(names_of(stats, dictionaries)) == 2  # the dictionary keeps them apart
    dictionaries = Dictionaries()
    dictionaries.add([Entry("Hashd al-Shaabi", "militia", aliases=["PMF"])])
    stats = stats_of({"Hashd al-Shaabi": (2, 0), "PMF": (3, 0)})
    assert names_of(stats, dictionaries) == {frozenset(stats): "Hashd al-Shaabi"}


def test_a_capitalised_common_word_is_not_an_actor() -> None:
    stats = stats_of({"Individuals": (12, 0), "Iran": (5, 0)})
    stats["individuals"].lower = stats["individuals"].articles  # "individuals" in each
    assert set(names_of(stats).values()) == {"Iran"}


# -- dictionaries -----------------------------------------------------------------------------


def test_broken_dictionary_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("version: 1\nactors:\n  - name: Iran\n  - type: person\n")
    with pytest.raises(DictionaryError, match=r"actors\.yaml:4: an actor needs a name"):
        load_dictionaries([path])
    path.write_text("actors: [\n")
    with pytest.raises(DictionaryError, match=r"actors\.yaml:\d+: YAML syntax error"):
        load_dictionaries([path])


# -- the seeds --------------------------------------------------------------------------------


def test_seed_actors_are_merged(seed_engine: Engine) -> None:
    actors = {a.name: a for a in seed_engine.actors.list()}
    want = {
        "Qassem Soleimani": {"Qasem Soleimani", "Kassem Soleimani", "Soleimani"},
        "Abu Mahdi al-Muhandis": {"Muhandis", "al-Muhandis", "Abu Mahdi al Muhandis"},
        "Donald Trump": {"Trump"},
        "United States": {"U.S.", "US", "America", "American"},
        "Islamic Revolutionary Guard Corps": {"Revolutionary Guards", "IRGC"},
        "Quds Force": {"Quds Force"},
    }
    for name, variants in want.items():
        assert name in actors, name
        seen = {s for s, _ in actors[name].aliases} | {name}
        assert variants <= seen, (name, variants - seen)
    names = list(actors)
    for name in want:  # one actor each: no variant left standing on its own
        for variant in want[name]:
            assert variant == name or variant not in names, variant
    assert actors["Qassem Soleimani"].type == "person"
    assert actors["Quds Force"].type == "military"


JUNK = {"Sunday", "Friday", "Saturday", "January", "Photo", "AFP", "Getty Images", "Share",
        "Subscribe", "Reply", "Early", "Thousands", "Meanwhile", "Individuals", "The"}


def test_seed_top_actors_are_real(seed_engine: Engine) -> None:
    for sort in ("articles", "mentions"):
        top = [a.name for a in seed_engine.actors.list(sort=sort, limit=30)]
        assert len(top) == 30
        assert not JUNK & set(top), (sort, JUNK & set(top))
        assert not any(n.isupper() and " " in n for n in top)  # no credit lines


def test_actor_filter(seed_engine: Engine) -> None:
    def ids(query: str) -> set[str]:
        return {h.id[:3] for h in seed_engine.search(query).hits}

    assert ids('actor:"Qassem Soleimani"') == {"000", "001", "002", "003", "004"}
    assert ids('actor:"Kassem Soleimani"') == ids("actor:Soleimani")  # any alias works
    assert ids("actor:Pompeo") == {"003", "004"}
    assert ids('actor:"Hashd al-Shaabi"') == ids("actor:PMF")
    assert ids('"drone strike" actor:"Donald Trump"') <= ids('"drone strike"')
    # A name no actor goes by: no hits (the query runs; exit 1), the closest name noted.
    unknown = seed_engine.search("actor:Soleimany")
    assert unknown.total == 0 and unknown.notes == [
        'actor:"Soleimany": no actor has this name; did you mean actor:"Qassem Soleimani"?']
    assert seed_engine.search('actor:"mike pompeu"').notes == [  # as typed
        'actor:"mike pompeu": no actor has this name; did you mean actor:"Mike Pompeo"?']
    nobody = seed_engine.search('actor:"Nobody Atall"')
    assert nobody.total == 0 and "or one close to it" in nobody.notes[0] \
        and "newsdesk actors --find" in nobody.notes[0]
    # NOT an unknown actor: every article of the rest of the query.
    assert seed_engine.search('pompeo -actor:"Nobody Atall"').total == \
        seed_engine.search("pompeo").total
    with pytest.raises(QueryError, match="did you mean 'Mike Pompeo'"):  # an edit's name
        seed_engine.actors.filter_keys("mike pompeu")


def test_reader_gets_actor_mentions(seed_engine: Engine) -> None:
    hit = seed_engine.search("pompeo").hits[0]
    document = seed_engine.document(hit.id, "pompeo")
    names = {m.actor for m in document.mentions}
    assert "Mike Pompeo" in names
    text = document.article.text
    for m in document.mentions:
        assert text[m.span[0]:m.span[1]].strip()


def test_top_actors_and_cooccurrence(seed_engine: Engine) -> None:
    top = {a.name: n for a, n in seed_engine.top_actors("pompeo", limit=100)}
    assert top["Mike Pompeo"] == 2 and top["Qassem Soleimani"] == 2
    pompeo = seed_engine.actors.resolve("Pompeo")
    together = dict((a.name, n) for a, n in seed_engine.actors.cooccurring(pompeo.id))
    assert together["Qassem Soleimani"] == 2 and "Mike Pompeo" not in together


@pytest.mark.parametrize("view", ["top_actors", "facets"])
def test_listing_actors_leaves_later_articles_visible(
        view: str, corpus_dir: Path, corpus_settings: Settings) -> None:
    """An engine that listed a result set's actors (the dashboard's actor pane and facets
    do at every search) still reads the articles an indexer adds after: its store
    connection is left on no snapshot. It showed "1 hit" and no hit, for good."""
    shutil.copytree(ROOT / "seeds", corpus_dir, dirs_exist_ok=True)
    Indexer(corpus_settings).run()
    with Engine(corpus_settings) as engine:
        getattr(engine, view)("pompeo")
        (corpus_dir / "late.txt").write_text("Quokka arrives\n\nA quokka named Zed "
                                             "visited Mike Pompeo.\n")
        Indexer(corpus_settings).run()  # another process would do the same
        assert engine.refresh()
        found = engine.search("quokka")
        assert found.total == 1
        assert [h.id for h in found.hits] == ["late"]
        assert engine.document("late") is not None
        assert "late" in {h.id for h in engine.search("pompeo").hits}


# -- curation -----------------------------------------------------------------------------------


@pytest.fixture
def own_seeds(app_settings: Settings) -> Settings:
    Indexer(app_settings).run()
    return app_settings


def test_curation_lasts_and_needs_no_reindex(own_seeds: Settings) -> None:
    with Engine(own_seeds) as engine:
        generation = engine.ix.latest_generation()
        curation = Curation(curation_path(own_seeds))
        trump = engine.actors.resolve("Trump")
        curation.rename(trump, "President Trump")
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Donald Trump").name == "President Trump"
        assert engine.search('actor:"President Trump"').total == trump.articles

        pompeo, us = engine.actors.resolve("Pompeo"), engine.actors.resolve("United States")
        curation.merge(pompeo, us)
        recluster(own_seeds, engine.actors)
        assert engine.actors.resolve("Mike Pompeo").id == engine.actors.resolve("US").id

        baghdad = engine.actors.resolve("Baghdad")
        curation.hide(baghdad)
        recluster(own_seeds, engine.actors)
        assert "Baghdad" not in {a.name for a in engine.actors.list()}
        assert engine.ix.latest_generation() == generation  # nothing was re-indexed
    # Saved to the user's dictionary, and applied again by the next indexing run.
    saved = load_dictionaries([curation_path(own_seeds)])
    assert "president trump" in saved.entries
    Indexer(own_seeds).run()
    with Engine(own_seeds) as engine:
        assert engine.actors.resolve("Trump").name == "President Trump"
        assert "Baghdad" not in {a.name for a in engine.actors.list()}


NEW_NAMES = ["Zorbia", "Qarth Élan", "The O'Brien-Smith Group", "X1 Front", "Ñandú Bloc",
             "Vexley", "St. Ivo Council", "Übersee", "Kel Vorn", "Al-Zahir Brigades",
             "Mo", "Lima 2"]


def test_an_actor_renamed_to_a_name_no_article_uses(own_seeds: Settings) -> None:
    """A rename gives a name the corpus may never use: each of the top actors renamed so
    keeps its articles, mentions and actor: hits, before and after the next indexing run."""
    with Engine(own_seeds) as engine:
        actors = engine.actors.list(limit=len(NEW_NAMES))
        curation = Curation(curation_path(own_seeds))
        for actor, name in zip(actors, NEW_NAMES, strict=True):
            curation.rename(actor, name)
            recluster(own_seeds, engine.actors)
            renamed = engine.actors.resolve(name)
            assert (renamed.name, renamed.articles, renamed.mentions) == \
                (name, actor.articles, actor.mentions)
            assert engine.count(f'actor:"{name}"') == actor.articles
    Indexer(own_seeds).run()
    with Engine(own_seeds) as engine:
        for actor, name in zip(actors, NEW_NAMES, strict=True):
            assert engine.actors.resolve(name).articles == actor.articles


def test_broken_curation_file_is_reported_and_kept(own_seeds: Settings) -> None:
    path = curation_path(own_seeds)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("actors: [\n")
    with pytest.raises(DictionaryError, match=str(path)):
        Indexer(own_seeds)
    assert path.read_text() == "actors: [\n"


def test_corpus_and_config_dictionaries(corpus_dir: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus_dir / "a.txt").write_text("Talks\n\nOfficials of the Zorbian Liberation Front met "
                                      "envoys of the ZLF and of Acme Holdings in Paris.\n")
    (corpus_dir / "actors.yaml").write_text(
        "actors:\n  - name: Zorbian Liberation Front\n    type: militia\n")
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - name: Acme\n    type: organisation\n"
                     "    aliases: [Acme Holdings]\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus_dir],
                       f"actors:\n  dictionaries: [{extra}]\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    Indexer(settings).run()
    with Engine(settings) as engine:
        zlf = engine.actors.resolve("Zorbian Liberation Front")
        assert zlf.type == "militia"
        assert engine.actors.resolve("Acme Holdings").name == "Acme"


def test_key_totals_follow_added_changed_and_removed_articles(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """The per-key totals clustering reads are what a pass over every mention would give,
    after articles are added, rewritten and removed, and for a store that predates them."""
    import sqlite3

    from newsdesk.index.paths import index_paths
    from newsdesk.index.storage.article_store import Store

    shutil.copytree(ROOT / "seeds", corpus_dir, dirs_exist_ok=True)
    Indexer(corpus_settings).run()
    first = sorted(corpus_dir.glob("*.txt"))
    first[0].write_text(first[0].read_text() + "\n\nThe minister Anna Berg said Oslo would act.")
    first[1].unlink()
    Indexer(corpus_settings).run()
    path = index_paths(corpus_settings).store

    def from_mentions(db: sqlite3.Connection) -> list[set[tuple]]:
        return [set(db.execute(sql)) for sql in (
            "SELECT key, count(DISTINCT article), sum(n), sum(person), sum(location), "
            "count(DISTINCT CASE WHEN lower THEN article END) FROM mentions GROUP BY key",
            "SELECT key, surface, sum(n) FROM mentions GROUP BY key, surface",
            # (A mark counts its rows, a cue its mentions: repeated_lines.py.)
            "SELECT key, org, sum(CASE WHEN org LIKE 'line %' THEN 1 ELSE n END) "
            "FROM mentions WHERE org != '' GROUP BY key, org")]

    def kept(db: sqlite3.Connection) -> list[set[tuple]]:
        return [set(db.execute(f"SELECT * FROM {table}"))
                for table in ("key_totals", "key_surfaces", "key_orgs")]

    with sqlite3.connect(path) as db:
        expected = from_mentions(db)
        assert expected[0] and kept(db) == expected
        assert any(key == name_key("Anna Berg") for key, *_ in expected[0])  # the rewrite
        db.execute("DELETE FROM meta WHERE key = 'key_totals'")  # as a store from before
        db.execute("DELETE FROM key_totals")
    Store(path).close()  # opening it fills the totals from its mentions
    with sqlite3.connect(path) as db:
        assert kept(db) == expected


def test_the_sql_and_the_python_orders_agree(seed_engine: Engine) -> None:
    """One definition of each actor order: the table read in it is already sorted by its
    key, and the name order folds accents as the key does."""
    from newsdesk.index.actors.sort_orders import sort_key
    from newsdesk.index.option_values import ACTOR_SORTS

    for sort in ACTOR_SORTS:
        listed = seed_engine.actors.list(sort=sort, hidden=True)
        assert len(listed) > 20
        assert [sort_key(sort)(a) for a in listed] == sorted(map(sort_key(sort), listed))
    key = sort_key("name")
    names = [Actor(1, "Zed", "person", None, 1, 1), Actor(2, "eve", "person", None, 1, 1),
             Actor(3, "Émile", "person", None, 1, 1)]
    assert [a.name for a in sorted(names, key=key)] == ["Émile", "eve", "Zed"]
