"""Short acronyms (two letters, or letters joined by '&') join the one frequent name they
spell letter for letter, where an article names both: GM / General Motors, S&P / Standard &
Poor's, P&G / Procter & Gamble. Never by chance (two names it spells, a place's name, a
rare name, never in one article), never OK to UK."""

from __future__ import annotations

import random
from pathlib import Path

from newsdesk.index.actors.cluster import _LEGAL_SUFFIXES, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from tests.index.actors.test_precision_rules import stat

DICTIONARIES = load_dictionaries([])


def _joined(stats: list, together=lambda a, b: True) -> dict[str, set[str]]:  # noqa: ANN001
    found = cluster({s.key: s for s in stats}, {}, DICTIONARIES, together)
    return {k: set(c.keys) for c in found for k in c.keys}


def test_a_two_letter_acronym_joins_the_one_company_it_spells_where_used_together() -> None:
    gm, full = stat("GM", 764, organisation=319), stat("General Motors Corp", 60, organisation=9)
    base = stat("General Motors", 67)
    assert _joined([gm, full, base])["gm"] == {"gm", "general motors corp", "general motors"}
    assert _joined([gm, base, full])["gm"] == {"gm", "general motors corp", "general motors"}
    # Never used with it in one article: no licence.
    assert _joined([gm, full, base], lambda a, b: False)["gm"] == {"gm"}
    # Two companies it spells, or a place's name: no one reading.
    mills = stat("General Mills Inc", 30, organisation=5)
    assert _joined([gm, full, base, mills])["gm"] == {"gm"}
    # ...unless one has ten times the other's mentions.
    mills = stat("General Mills Inc", 12, organisation=5)
    assert _joined([gm, full, base, mills])["gm"] == {"gm", "general motors corp",
                                                      "general motors"}
    ny, corp = stat("NY", 50, organisation=20), stat("New York Corp", 5, organisation=2)
    assert _joined([ny, corp, stat("New York", 400, location=300)])["ny"] == {"ny"}
    # A company whose name is the two letters ("BP Plc"), or a name that holds an acronym
    # ("BNP Paribas" spells BNP, not B): no join.
    bp, plc = stat("BP", 300, organisation=40), stat("BP Plc", 40, organisation=10)
    bnp = stat("BNP Paribas SA", 80, organisation=20)
    assert _joined([bp, plc, bnp])["bp"] == {"bp", "bp plc"}
    assert _joined([bp, bnp])["bp"] == {"bp"}
    # A rare expansion: no licence either.
    assert _joined([gm, stat("General Motors Corp", 4, organisation=2)])["gm"] == {"gm"}


def test_an_ampersand_acronym_joins_its_expansion_letter_for_letter() -> None:
    sp = stat("S&P", 488, organisation=120)
    poor = stat("Standard & Poor's", 248, surfaces={"Standard & Poor's": 240,
                                                    "Standard and Poor's": 8}, organisation=40)
    assert name_key("S&P") == "s p" and name_key("Standard & Poor's") == "standard poor"
    assert _joined([sp, poor])["s p"] == {"s p", "standard poor"}
    pg = stat("P&G", 80, organisation=20)
    procter = stat("Procter & Gamble Co", 40, organisation=10)
    assert _joined([pg, procter])["p g"] == {"p g", "procter gamble co"}
    # "S&P" is no "Standard Pacific" where both are companies of the corpus's, unless one
    # is named ten times as often (Schering-Plough, a Socialist Party).
    pacific = stat("Standard Pacific Corp", 30, organisation=8)
    assert _joined([sp, poor, pacific])["s p"] == {"s p"}
    plough = stat("Schering Plough Corp", 13, organisation=3)
    assert _joined([sp, poor, plough])["s p"] == {"s p", "standard poor"}


def test_generated_short_acronyms_join_only_their_one_exact_expansion() -> None:
    """Random two-word companies: the acronym joins its exact expansion; never a name whose
    letters differ by one (OK is no UK), nor one of two expansions."""
    rng = random.Random(24)
    words = ["Acme", "Bolton", "Corwin", "Delmar", "Eston", "Farrow", "Galt", "Hollis",
             "Ingram", "Jarvis", "Keller", "Lowry", "Marlow", "Norcross", "Orwell", "Penrose"]
    suffixes = ["", " Corp", " Inc", " Co", " Ltd"]
    for _ in range(80):
        a, b = rng.sample(words, 2)
        name = f"{a} {b}{rng.choice(suffixes)}"
        amp = rng.random() < 0.5
        short = f"{a[0]}&{b[0]}" if amp else a[0] + b[0]
        acr = stat(short, rng.randrange(20, 300), organisation=rng.randrange(1, 10))
        full = stat(name, rng.randrange(10, 100), organisation=rng.randrange(1, 10))
        joined = _joined([acr, full])
        if acr.key not in joined or acr.key in _LEGAL_SUFFIXES:
            continue  # no actor's whatever it joins ("AD"), a legal suffix ("Co")
        assert joined[acr.key] == {acr.key, full.key}, (short, name)
        # one letter off: no join
        c = rng.choice([w for w in words if w[0] not in (a[0], b[0])])
        other = stat(f"{a} {c}{rng.choice(suffixes)}", full.mentions,
                     organisation=full.org["organisation"])
        assert _joined([acr, other])[acr.key] == {acr.key}, (short, other.key)
        # two it spells: no join
        d = b[0] + "uxtable"
        twin = stat(f"{a} {d} Inc", 30, organisation=5)
        assert _joined([acr, full, twin])[acr.key] == {acr.key}, (short, name, twin.key)



def test_a_dictionarys_acronym_joins_nothing_by_its_letters(tmp_path: Path) -> None:
    """An acronym a dictionary names (here one whose entry is named by it, "ZX") is what the
    dictionary says: it never takes in the frequent name it happens to spell."""
    path = tmp_path / "actors.yaml"
    path.write_text('actors:\n  - {"name": "ZX", "type": "organisation"}\n')
    stats = [stat("ZX", 120, organisation=30), stat("Zorb Xylon Corp", 60, organisation=20)]
    found = cluster({s.key: s for s in stats}, {}, load_dictionaries([path]),
                    lambda a, b: True)
    joined = {k: set(c.keys) for c in found for k in c.keys}
    assert "zorb xylon corp" not in joined["zx"]
    assert _joined(stats)["zx"] == {"zx", "zorb xylon corp"}  # (without the dictionary)
