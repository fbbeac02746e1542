"""A company's stock symbol after its name ("Apple AAPL", "Alphabet GOOGL.O", "Apple
(AAPL)", "Apple Inc (NASDAQ: AAPL)") is a mention of its own, defined as the name where
its letters spell it, so the symbol written alone later is the same actor; a name's own
last word in capitals ("Apple TV", "Liverpool FC", "Google AI") is not cut; a live blog's
times glued to a name ("Nitish Kumar7.04pm") are not part of it."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.tickers import spells, trailing_symbol

EXTRACTOR = Extractor()

# (company, symbol): real listings whose symbols spell their names' letters in order.
COMPANIES = [("Apple", "AAPL"), ("Microsoft", "MSFT"), ("Amazon", "AMZN"), ("Nvidia", "NVDA"),
             ("Tesla", "TSLA"), ("Qualcomm", "QCOM"), ("Netflix", "NFLX"), ("Oracle", "ORCL"),
             ("Adobe", "ADBE"), ("Moderna", "MRNA")]
WRITTEN = ["{name} {symbol} reported higher sales on Tuesday.",
           "Shares of {name} {symbol}.O rose 3% on Tuesday.",
           "Investors bought {name} ({symbol}) on Tuesday.",
           "Investors bought {name} Inc (NASDAQ: {symbol}) on Tuesday.",
           "Investors bought {name} Inc (Symbol: {symbol}) on Tuesday."]


def _keys(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("company", "form"), itertools.product(COMPANIES, WRITTEN))
def test_a_symbol_after_its_company_is_defined_as_it(company: tuple[str, str],
                                                     form: str) -> None:
    name, symbol = company
    text = form.format(name=name, symbol=symbol)
    found = EXTRACTOR.extract("", text)
    keys = [m.key for m in found.mentions]
    assert f"{name} {symbol}".lower() not in keys, text
    assert (symbol.lower(), next(k for k in keys if k.startswith(name.lower()))) \
        in found.acronyms, text


@pytest.mark.parametrize("text", [
    "Fans bought the Apple TV on Tuesday.", "Fans of Liverpool FC met on Tuesday.",
    "Researchers at Google AI said on Tuesday.", "Real Madrid CF won on Tuesday.",
    "The Amazon AWS unit grew on Tuesday.", "APPLE INC AAPL rose on Tuesday."])
def test_a_names_own_capitals_are_not_a_symbol(text: str) -> None:
    found = EXTRACTOR.extract("", text)
    assert found.acronyms == [], text


def test_an_exchange_code_defines_a_symbol_that_does_not_spell_the_name() -> None:
    # GOOGL does not spell Alphabet: the exchange's letter (".O") or the exchange in
    # brackets says it is Alphabet's listed symbol all the same.
    found = EXTRACTOR.extract("", "Investors punished Alphabet GOOGL.O on Tuesday.")
    assert "alphabet" in [m.key for m in found.mentions]
    assert "alphabet googl" not in [m.key for m in found.mentions]
    assert found.acronyms == [("googl", "alphabet")]
    found = EXTRACTOR.extract("", "Investors bought Alphabet (NASDAQ: GOOGL) on Tuesday.")
    assert found.acronyms == [("googl", "alphabet")]
    # Bare capitals after a name are a symbol only where they spell it (no join by chance).
    assert EXTRACTOR.extract("", "Researchers at Alphabet AI said so.").acronyms == []


def _owners(texts: list[str]) -> dict[str, frozenset[str]]:
    """key -> the keys of its actor, the texts extracted and clustered as a corpus."""
    stats: dict[str, KeyStats] = {}
    acronyms: dict[str, Counter[str]] = {}
    for text in texts:
        found = EXTRACTOR.extract("", text)
        for m in found.mentions:
            s = stats.setdefault(m.key, KeyStats(m.key, Counter(), 0, 0))
            s.surfaces[m.surface] += 1
            s.mentions += 1
            s.articles += 1
            if m.org_type:
                s.org[m.org_type] += 1
        for short, expansion in found.acronyms:
            acronyms.setdefault(short, Counter())[expansion] += 1
    return {k: frozenset(c.keys) for c in cluster(stats, acronyms, load_dictionaries([]))
            for k in c.keys}


def test_a_symbol_the_corpus_lists_for_one_company_joins_it() -> None:
    texts = ["Shares of Alphabet GOOGL.O fell on Tuesday.",
             "Investors bought Alphabet (NASDAQ: GOOGL) on Wednesday.",
             "GOOGL rose 2% on Thursday. Alphabet said so."] * 2
    owners = _owners(texts)
    assert owners["googl"] == owners["alphabet"]


def test_a_symbol_the_corpus_lists_for_two_companies_joins_neither() -> None:
    texts = ["Shares of Alphabet GOOGL.O fell on Tuesday.",
             "Shares of Google GOOGL.O fell on Wednesday.",
             "GOOGL rose 2% on Thursday. Alphabet and Google said so."] * 2
    owners = _owners(texts)
    assert owners["googl"] != owners["alphabet"] and owners["googl"] != owners["google"]


def test_spelling_takes_letters_in_order_from_the_first() -> None:
    assert spells("AAPL", "apple") and spells("MSFT", "microsoft corp")
    assert not spells("GOOGL", "alphabet") and not spells("FC", "liverpool")
    assert not spells("LPAA", "apple")  # the first letter must be the name's
    assert not spells("ALPP", "apple")  # in order
    assert trailing_symbol("Apple", "AAPL", "Apple AAPL rose", 10)
    assert trailing_symbol("Alphabet", "GOOGL", "Alphabet GOOGL.O rose", 14)
    assert not trailing_symbol("APPLE", "AAPL", "APPLE AAPL rose", 10)


@pytest.mark.parametrize(("name", "digits", "after"), itertools.product(
    ["Nitish Kumar", "Lalu Prasad", "Narendra Modi", "Sushil Modi"], ["7", "12", "6"],
    [".04pm: I am not blaming anyone", " pm: the count goes on"]))
def test_digits_glued_to_a_name_are_not_part_of_it(name: str, digits: str, after: str) -> None:
    text = f"Live updates. {name}{digits}{after}. Later {name} spoke."
    keys = _keys(text)
    assert not any(k[-1].isdigit() for k in keys), keys
    assert name.lower() in keys, keys


@pytest.mark.parametrize("code", ["G7", "F16", "A380", "G20"])
def test_codes_in_capitals_keep_their_digits(code: str) -> None:
    keys = _keys(f"Leaders of the {code} met in Paris on Tuesday.")
    assert code.lower() in keys or not any(k.startswith(code[0].lower()) for k in keys), keys


@pytest.mark.parametrize(("text", "key"), [
    ("Shares of Honeywell HON.O rose 3% on Tuesday.", "honeywell"),
    ("Investors bought Alphabet (NASDAQ: GOOGL) on Tuesday.", "alphabet"),
    ("Merck MRK reported higher sales on Tuesday.", "merck"),
    ("Shares of Alphabet GOOGL.O fell on Tuesday.", "alphabet")])
def test_a_name_with_its_symbol_is_a_companys(text: str, key: str) -> None:
    found = EXTRACTOR.extract("", text)
    assert any(expansion == key for _, expansion in found.acronyms), found.acronyms
    assert {m.key: m.org_type for m in found.mentions}[key] == "organisation"
