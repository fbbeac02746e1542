"""A rating in brackets after a rank's number ("Zacks Rank #1 (Strong Buy)"), a ranked
list before one ("Zacks Rank #3") and a market index before its quote code, its index's
words or its size ("the Dow .DJI", "S&P 500 index", "FTSE 100") take a work's cue, so the
cluster step drops them as no actors; a company beside its rating, a dateline's agency, a
model's number ("Boeing 737") and a year ("Sydney 2000") do not."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.works import WORK, names_work

EXTRACTOR = Extractor()


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


@pytest.mark.parametrize(("index", "after"), itertools.product(
    ["Dow", "S&P", "Nikkei", "FTSE", "Russell"],
    [" .DJI fell 1% on Tuesday.", " 500 .SPX fell on Tuesday.", " index fell on Tuesday.",
     " 225 index fell on Tuesday.", " futures fell on Tuesday.", " e-minis fell on Tuesday.",
]))
def test_a_market_index_is_cued(index: str, after: str) -> None:
    cued = _cued(f"Investors watched as the {index}{after}")
    assert cued[index.lower().replace("&", " ")], cued


@pytest.mark.parametrize(("index", "size"), itertools.product(["S&P", "FTSE", "CAC"],
                                                            ["500", "100", "40", "1000"]))
def test_an_index_in_capitals_before_its_size_is_cued(index: str, size: str) -> None:
    cued = _cued(f"Investors watched as the {index} {size} closed lower on Tuesday.")
    assert cued[index.lower().replace("&", " ")], cued


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
