"""Classes an eleventh outside tester found (stranger11: ACLED's Nigeria notes, FA-KES's
Syrian war news, ECB+), each tried in generated variants: an acronym in brackets after a
name whose letters are not the name's initials ("Boko Haram (JAS)") joins the name where the
corpus writes it so consistently; a name alone joins the one body name it heads before a
head word ("Sputnik" / "Sputnik News"); a name run together joins its words spaced
("TRTWorld" / "TRT World"); a possessive's owner is no company named after it ("Dupont's
Conoco Inc"); a page's footer run into a text of no line break is marked as a long page's
is (repeated_lines.py)."""

from __future__ import annotations

from collections import Counter
from itertools import product
from pathlib import Path

import pytest

from newsdesk.index.actors.bracketed import BRACKETED, split_bracketed
from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.reach import KeyIndex, Reach
from newsdesk.index.actors.repeated_lines import FLAT_PAGE, LINE, LONG_PAGE
from newsdesk.index.actors.run_together import spaced
from newsdesk.index.actors.table import ActorTable, make_extractor, mention_rows
from newsdesk.index.storage.article_store import Store

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)

# Invented names, so that no dictionary knows them.
GROUPS = ["Kelvara Haram", "Dorvan Liberation Movement", "Zorith Brotherhood",
          "Mavrel Sunna Fighters"]
LETTERS = ["JAS", "QXT", "ZUB", "WPK"]
LEADS = ["Fighters of ", "On Monday presumed ", "The army clashed with ", "Police said "]


def stat(surface: str, n: int, person: int = 0, location: int = 0, lower: int = 0,
         **org: int) -> KeyStats:
    return KeyStats(name_key(surface), Counter({surface: n}), n, n, person=person,
                    location=location, lower=lower, org=Counter(org))


def clusters(stats: list[KeyStats], acronyms: dict[str, Counter[str]] | None = None
             ) -> dict[str, frozenset[str]]:
    """key -> the keys of its actor."""
    found = cluster({s.key: s for s in stats}, acronyms or {}, DICTIONARIES)
    return {k: frozenset(c.keys) for c in found for k in c.keys}


# -- an acronym in brackets after a name ------------------------------------------------------

@pytest.mark.parametrize(("name", "letters", "lead"), product(GROUPS, LETTERS, LEADS))
def test_a_bracketed_acronym_not_of_the_names_initials_is_kept_marked(
        name: str, letters: str, lead: str) -> None:
    found = EXTRACTOR.extract("", f"{lead}{name} ({letters}) attacked the town. It left.")
    pairs = {(a, e) for a, e in found.acronyms if a == name_key(letters)}
    assert pairs == {(name_key(letters), BRACKETED + name_key(name))}, found.acronyms
    # Every other rule reads the definitions alone, as before.
    defined, bracketed = split_bracketed(Counter_of(found.acronyms))
    assert name_key(letters) not in defined
    assert bracketed[name_key(letters)] == Counter({name_key(name): 1})


def Counter_of(pairs: list[tuple[str, str]]) -> dict[str, Counter[str]]:  # noqa: N802
    out: dict[str, Counter[str]] = {}
    for a, e in pairs:
        out.setdefault(a, Counter())[e] += 1
    return out


@pytest.mark.parametrize("lead", LEADS)
def test_a_bracketed_acronym_of_the_names_initials_is_a_definition_still(lead: str) -> None:
    found = EXTRACTOR.extract("", f"{lead}Kelvara Haram Fighters (KHF) attacked the town.")
    assert ("khf", "kelvara haram fighters") in found.acronyms
    assert not any(e[:1] == BRACKETED for a, e in found.acronyms if a == "khf")


@pytest.mark.parametrize(("name", "letters", "times"),
                         product(GROUPS, LETTERS, [3, 12, 120]))
def test_an_acronym_bracketed_after_one_name_consistently_joins_it(
        name: str, letters: str, times: int) -> None:
    stats = [stat(name, 2 * times, militia=times), stat(letters, times + times // 4)]
    acronyms = {name_key(letters): Counter({BRACKETED + name_key(name): times})}
    found = clusters(stats, acronyms)
    assert name_key(letters) in found[name_key(name)], found


@pytest.mark.parametrize(("name", "letters"), product(GROUPS, LETTERS))
def test_an_acronym_bracketed_inconsistently_or_rarely_or_after_a_person_stays(
        name: str, letters: str) -> None:
    short = name_key(letters)
    other = "Senator Abbo Tanko"
    cases = [
        # after two names alike (a party after its members: "Senator Abbo (PDP)")
        ([stat(name, 20), stat(other, 20), stat(letters, 12)],
         {short: Counter({BRACKETED + name_key(name): 6, BRACKETED + name_key(other): 6})}),
        # twice only
        ([stat(name, 20), stat(letters, 2)], {short: Counter({BRACKETED + name_key(name): 2})}),
        # a small share of the acronym's mentions
        ([stat(name, 20), stat(letters, 60)], {short: Counter({BRACKETED + name_key(name): 5})}),
        # after a person's name
        ([stat(other, 20, person=15), stat(letters, 8)],
         {short: Counter({BRACKETED + name_key(other): 8})}),
        # after a place's ("LAGOS (NAN)": a dateline's outlet)
        ([stat(name, 20, location=15), stat(letters, 8)],
         {short: Counter({BRACKETED + name_key(name): 8})}),
    ]
    for stats, acronyms in cases:
        found = clusters(stats, acronyms)
        assert all(len(keys) == 1 for k, keys in found.items() if k == short), (stats, found)


# -- a name alone and with a head word after it --------------------------------------------------

HEADS = ["Sputnik", "Kelvari", "al-Zorith", "Mavrolo"]
TAILS = [("News", "media"), ("Front", "party"), ("Army", "military"), ("Ministry", "government")]


@pytest.mark.parametrize(("head", "tail", "cued"), product(HEADS, TAILS, [False, True]))
def test_a_name_alone_joins_the_one_body_name_it_heads(head: str, tail: tuple[str, str],
                                                       cued: bool) -> None:
    word, kind = tail
    own = {kind: 5} if cued else {}
    stats = [stat(head, 40, **own), stat(f"{head} {word}", 30, **{kind: 30})]
    found = clusters(stats)
    assert name_key(head) in found[name_key(f"{head} {word}")], found


@pytest.mark.parametrize(("head", "tail"), product(HEADS, TAILS))
def test_a_name_alone_of_another_reading_stays(head: str, tail: tuple[str, str]) -> None:
    word, kind = tail
    longer = stat(f"{head} {word}", 10, **{kind: 10})
    other = "organisation" if kind != "organisation" else "media"
    cases = [
        [stat(head, 40, person=30), longer],  # a person's ("Fox said")
        [stat(head, 40, **{other: 20}), longer],  # a company's ("Google" / "Google News")
        [stat(head, 40, location=30), longer],  # a place's ("Washington Post")
        [stat(head, 40), longer, stat(f"{head} Plus", 12), stat(f"{head} Movies", 3)],  # Sky
        [stat(head, 40), longer, stat(f"Tom {head}", 30, person=25)],  # a surname
    ]
    for stats in cases:
        found = clusters(stats)
        assert name_key(head) not in found.get(longer.key, frozenset()), (stats, found)


# -- a name run together ---------------------------------------------------------------------------

RUNS = [("TRTWorld", "TRT World"), ("RadarOnline", "Radar Online"),
        ("BitTorrent", "Bit Torrent"), ("KelvaNewsHub", "Kelva News Hub"),
        ("SeaMicro", "Sea Micro"), ("MargaretThatcher", "Margaret Thatcher")]


@pytest.mark.parametrize(("run", "words"), RUNS)
def test_a_name_run_together_joins_its_words_spaced(run: str, words: str) -> None:
    assert spaced(run) == words
    found = clusters([stat(words, 30), stat(run, 12)])
    assert name_key(run) in found[name_key(words)], found


@pytest.mark.parametrize("word", ["Airforce", "Kelvara", "NATO", "USA", "McX"])
def test_a_word_with_no_word_inside_is_no_run(word: str) -> None:
    assert spaced(word) is None or " " in spaced(word)
    if word in ("Airforce", "Kelvara", "NATO", "USA"):
        assert spaced(word) is None


@pytest.mark.parametrize(("run", "words"), RUNS)
def test_a_run_the_corpus_never_spaces_stays(run: str, words: str) -> None:
    found = clusters([stat(run, 12), stat(words.split()[0], 20)])
    assert found[name_key(run)] == {name_key(run)}, found


# -- a possessive's owner --------------------------------------------------------------------------

@pytest.mark.parametrize(("owner", "firm"), product(["Dupont", "Kelvara", "Norvik"],
                                                    ["Conoco", "Zorith Oil", "Mavrel"]))
def test_a_possessive_before_a_company_of_its_own_is_a_parents(owner: str, firm: str) -> None:
    stats = [stat(f"{owner}'s {firm} Inc", 6, organisation=3), stat(firm, 19, organisation=3),
             stat(owner, 7)]
    found = clusters(stats)
    assert name_key(owner) not in found[name_key(f"{owner}'s {firm} Inc")], found


@pytest.mark.parametrize("owner", ["Moody", "Kelvara", "Norvik"])
def test_a_possessive_company_name_still_joins_its_owner(owner: str) -> None:
    stats = [stat(f"{owner}'s Investors Service Inc", 20, organisation=5), stat(owner, 12)]
    found = clusters(stats)
    assert name_key(owner) in found[name_key(f"{owner}'s Investors Service Inc")], found


# -- a footer run into a page of no line break -----------------------------------------------------

FOOTERS = ["Follow us on Facebook Like Follow Copyright 2018 Kelvara World. Use Privacy "
           "Policy Cookie Policy", "Subscribe Zorith Daily on Youtube for all the latest."]


SENTENCE = "the talks went on and on, officials said in a statement. "


@pytest.mark.parametrize(("footer", "size"), product(FOOTERS, [FLAT_PAGE, 2000, 3500]))
def test_a_flat_pages_one_mention_is_marked_by_its_window(footer: str, size: int) -> None:
    text = f"{SENTENCE * (size // len(SENTENCE) + 1)}{footer}"
    assert "\n" not in text and FLAT_PAGE <= len(text) < LONG_PAGE
    rows = mention_rows("1", EXTRACTOR.extract("", text))
    marked = [r for r in rows if r[8].startswith(LINE)]
    assert marked, rows


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_short_or_broken_texts_mention_gets_no_window(footer: str) -> None:
    short = f"{SENTENCE * 6}{footer}"  # a brief: under FLAT_PAGE, over a short line
    lines = f"{SENTENCE * 8}\n" * 3  # a page's lines, its footer run into the last one
    for text in (short, f"{lines}{SENTENCE * 8}{footer}"):
        assert len(text) < LONG_PAGE
        rows = mention_rows("1", EXTRACTOR.extract("", text))
        assert not any(r[8].startswith(LINE) for r in rows), rows


# -- the rules' keys are linked (reach.py) ---------------------------------------------------------

def test_the_new_rules_keys_are_linked_both_ways(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite")
    texts = ["Presumed Kelvara Haram (JAS) attacked the town. The army said so.",
             "Kelvara Haram (JAS) fighters fled. Zorith News reported it, Zorith said.",
             "Zorith said the Zorith News site was shut, as TRTWorld said. Later TRT World "
             "said so."]
    for n, text in enumerate(texts * 4):
        found = EXTRACTOR.extract("", text)
        store.mark_done(mention_rows(str(n), found), [(str(n), a, e) for a, e in found.acronyms])
    table = ActorTable(store)
    table.rebuild(DICTIONARIES)
    reach = Reach(store.db, DICTIONARIES, (), KeyIndex(store.db))
    assert table.resolve("JAS").id == table.resolve("Kelvara Haram").id  # (the rule fires)
    assert "kelvara haram" in reach.linked("jas") and "jas" in reach.linked("kelvara haram")
    assert "zorith news" in reach.linked("zorith") and "zorith" in reach.linked("zorith news")
    assert table.resolve("TRTWorld").id == table.resolve("TRT World").id
    assert "trt world" in reach.linked("trtworld") and "trtworld" in reach.linked("trt world")
    store.close()
