"""A rating in brackets after a rank's number ("Zacks Rank #1 (Strong Buy)") and a ranked
list before one ("Zacks Rank #3") take a work's cue, so the cluster step drops them as no
actors; a market index before its quote code, its index's words or its size ("the Dow
.DJI", "Standard & Poor's 500 Index") is no mention at all where its name is in letters,
nor its short name in the same article ("the Dow" after "the Dow Jones industrial
average"), so the body it is named after keeps its own mentions only; in capitals ("FTSE
100", "S&P 500") or of one word ("Nikkei 225 index") it takes a work's cue; a company beside
its rating, a dateline's agency, a model's number ("Boeing 737") and a year ("Sydney 2000")
are none of these."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.actors.works import WORK, names_work

EXTRACTOR = make_extractor(load_dictionaries([]))


def _cued(text: str) -> dict[str, bool]:
    return {m.key: m.org_type == WORK for m in EXTRACTOR.extract("", text).mentions}


RATINGS = ["Strong Buy", "Hold", "Strong Sell", "Outperform"]
RANK_FORMS = ["Analysts gave it a Zacks Rank #{n} ({rating}) on Tuesday.",
              "It carries a Zacks #{n} Rank ({rating}) at present.",
              "The stock is rated {n} ({rating}) by the desk."]


@pytest.mark.parametrize(("rating", "form", "n"),
                         itertools.product(RATINGS, RANK_FORMS, ["1", "3"]))
def test_a_rating_after_a_ranks_number_is_cued(rating: str, form: str, n: str) -> None:
    cued = _cued(form.format(n=n, rating=rating))
    assert cued[rating.lower()], cued


@pytest.mark.parametrize("text", [
    "Apple has a Zacks Rank #3 (Hold) on Tuesday.",
    "The Zacks Rank #1 list grew on Tuesday."])
def test_a_ranked_list_is_cued_and_the_company_beside_it_is_not(text: str) -> None:
    cued = _cued(text)
    assert cued["zacks rank"], cued
    assert not cued.get("apple", False), cued


def _keys(text: str, title: str = "") -> list[str]:
    """The keys of the mentions that may name an actor: not an index's in capitals or of
    one word, which keeps a work's cue (the cluster step drops such a name whole)."""
    return [m.key for m in EXTRACTOR.extract(title, text).mentions if m.org_type != WORK]


# Names an index may take, some a body's own name ("Standard & Poor's", "Dow Jones", a
# made-up exchange), some not; none is a dictionary's name.
INDEXES = ["Dow", "S&P", "Nikkei", "FTSE", "Russell", "Standard & Poor's", "Dow Jones",
           "Hang Seng", "Kospi", "Brindle Exchange", "Okavo", "Zelton & Marsh"]


def _key(name: str) -> str:
    return " ".join(name.lower().replace("'s", "").replace("&", " ").split())


@pytest.mark.parametrize(("index", "after"), itertools.product(INDEXES, [
    " .DJI fell 1% on Tuesday.", " 500 .SPX fell on Tuesday.", " 500  .SPX  fell on Tuesday.",
    " index fell on Tuesday.", " Index rose on Tuesday.", " 225 index fell on Tuesday.",
    " 100 Index rose on Tuesday.", " futures fell on Tuesday.", " e-minis fell on Tuesday.",
    " Composite fell on Tuesday.", " industrial average fell on Tuesday.",
    " Industrial Average fell on Tuesday.", " industrials fell on Tuesday.",
    " 225 average fell on Tuesday."]))
def test_a_market_index_is_no_mention_of_its_namesake(index: str, after: str) -> None:
    # (A possessive name only before its size: "Standard & Poor's 500 Index".)
    if index.endswith("'s") and not after[1].isdigit():
        return
    text = f"Investors watched on Monday as the {index}{after} Traders said so."
    assert _key(index) not in _keys(text), _keys(text)


@pytest.mark.parametrize(("index", "size"), itertools.product(["S&P", "FTSE", "CAC"],
                                                            ["500", "100", "40", "1000"]))
def test_an_index_in_capitals_before_its_size_is_cued(index: str, size: str) -> None:
    text = f"Investors watched as the {index} {size} closed lower on Tuesday."
    assert _cued(text)[_key(index)]


BODIES = ["Standard & Poor's", "Zelton & Marsh", "Brindle Exchange", "Okavo Board"]


@pytest.mark.parametrize(("body", "act"), itertools.product(BODIES, [
    "Analysts said {b} cut Greece's rating on Monday.",
    "Analysts said the {b}'s index of leading indicators rose on Monday.",
    "Analysts said {b} analysts expect a cut."]))
def test_a_body_that_names_an_index_keeps_its_own_mentions(body: str, act: str) -> None:
    # Its own acts, and its own index ("the Conference Board's index": no size, it acts).
    text = act.format(b=body.removesuffix("'s"))
    assert _key(body) in _keys(text), _keys(text)


@pytest.mark.parametrize(("full", "short", "later"), [
    ("Dow Jones industrial average", "Dow", "The {s} edged up later."),
    ("Dow Jones industrial average .DJI", "Dow", "The {s} lost 2 percent on the day."),
    ("Okavo Mining index", "Okavo", "Traders said the {s} would recover."),
    ("Brindle Exchange Composite Index", "Brindle", "On the {s}, 2 billion shares traded."),
    ("S&P 500", "S&P", "The {s} closed at a record."),
    ("FTSE 100 index", "FTSE", "The {s} closed at a record."),
    ("S&P 500", "Standard & Poor's", "Earnings for {s} 500 companies rose."),
    ("Zelton & Marsh 400 Index", "Zelton & Marsh", "The {s} 400 was up 2 percent."),
    ("S&P 500", "S&P", "The {s} energy index .GSPE fell 1 percent."),
    ("Nikkei 225 index", "Nikkei", "The {s} financial sector index fell."),
])
def test_an_indexs_short_name_in_its_article_is_the_index(full: str, short: str,
                                                           later: str) -> None:
    text = f"Stocks fell on Monday, and the {full} closed lower. " + later.format(s=short)
    assert _key(short) not in _keys(text), _keys(text)
    title = f"{short} falls as banks slide"
    assert _key(short) not in _keys(text, title) or short in ("Standard & Poor's",
                                                                "Zelton & Marsh"), title


@pytest.mark.parametrize(("full", "short"), [("S&P 500", "S&P"), ("Dow Jones industrial "
                                                                  "average", "Dow"),
                                             ("FTSE 100", "FTSE")])
@pytest.mark.parametrize("verb", ["said", "says", "told"])
def test_a_short_name_that_speaks_stays(full: str, short: str, verb: str) -> None:
    text = f"Stocks fell on Monday, and the {full} closed lower. {short} {verb} it would act."
    assert _key(short) in _keys(text), _keys(text)


@pytest.mark.parametrize("country", ["Japan", "Germany", "Brazil"])
def test_a_countrys_name_before_an_index_is_no_short_name(country: str) -> None:
    # The index's mention goes; the country's other mentions stay (a dictionary's name).
    text = f"The {country} Okavo index fell on Monday. {country} cut its rates on Monday."
    assert _key(country) in _keys(text), _keys(text)


@pytest.mark.parametrize("text", [
    "Analysts said Apple's 500 workers went home on Monday.",
    "The EU average was 3 percent, Eurostat said on Monday.",
    "Zelton & Marsh's 300 stores opened on Monday, the firm said."])
def test_no_index_without_its_shape(text: str) -> None:
    # A possessive before a plural noun, "average" with no size: no index.
    assert len(_keys(text)) >= 1 and not any(k.endswith(" index") for k in _keys(text))
    assert {"apple", "eu", "zelton marsh"} & set(_keys(text)), _keys(text)


def test_a_group_of_stocks_is_cued_and_a_bodys_stores_are_not() -> None:
    assert _cued('Investors sold the so-called "Magnificent Seven" stocks.')[
        "magnificent seven"]
    assert not _cued("Combined refinery and LME stocks rose to 10,000 tonnes.")["lme"]


@pytest.mark.parametrize("text", [
    "Audi 5000 models were recalled on Tuesday.", "The Dodge 600 car was built.",
    "LONDON, Nov 5 (Reuters) - Apple said on Tuesday it would buy the firm.",
    "Boeing 737 jets were grounded on Tuesday.", "Apple AAPL.O rose on Tuesday.",
    "Sydney 2000 was a success, Thompson said.", "Apple 500 million shares traded.",
    "Microsoft 25 percent of sales came from Azure.", "Shares of Apple (AAPL) rose."])
def test_no_market_cue_without_a_rank_or_an_index(text: str) -> None:
    cued = _cued(text)
    assert not any(cued.values()), cued


def test_a_name_is_dropped_only_where_the_cue_is_a_fifth_of_its_mentions() -> None:
    # (The cluster step's threshold, as for works: "Apple" rated now and then keeps.)
    assert names_work(16, 53) and names_work(10, 39)
    assert not names_work(5, 107) and not names_work(2, 5)


@pytest.mark.parametrize(("name", "compound"), itertools.product(
    ["European", "Asian", "Nordic"], ["stock markets", "stock market", "stock index",
                                     "stock exchanges"]))
def test_a_name_before_a_stock_markets_compound_qualifies_it(name: str, compound: str) -> None:
    # "stock" alone after a name is a company's cue ("Sony stock"); "stock market" is not.
    found = EXTRACTOR.extract("", f"He wrote on UK and {name} {compound} today.").mentions
    assert {m.key: m.org_type for m in found}[name.lower()] == "modifier"
    found = EXTRACTOR.extract("", "Investors sold Sony stock today.").mentions
    assert {m.key: m.org_type for m in found}["sony"] == "organisation"


@pytest.mark.parametrize(("name", "after"), itertools.product(
    ["Nikkei", "Kospi", "Okavo", "Brindle"], [" 225 index fell.", " .N225 fell.",
                                             " 100 futures fell."]))
def test_a_one_word_index_is_cued_a_bodys_name_is_dropped(name: str, after: str) -> None:
    # One word: most often the index's own name, dropped whole by the share of such cues.
    found = EXTRACTOR.extract("", f"Investors watched on Monday as the {name}{after}").mentions
    assert {m.key: m.org_type for m in found}.get(name.lower()) == WORK, found
    found = EXTRACTOR.extract("", f"Investors watched on Monday as the {name} Mining{after}")
    assert not any(m.key.startswith(name.lower()) for m in found.mentions), found


@pytest.mark.parametrize("exchange", ["Chicago Board of Trade", "Brindle Mercantile Exchange",
                                      "Okavo Commodity Exchange"])
@pytest.mark.parametrize("contracts", ["futures", "e-minis"])
def test_an_exchanges_contracts_keep_its_mention(exchange: str, contracts: str) -> None:
    # No size: the exchange's contracts as often as an index's; cued, not dropped.
    text = f"Corn deliverable against {exchange} {contracts} rose on Monday."
    found = {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}
    assert found.get(" ".join(exchange.lower().split())) == WORK, found
