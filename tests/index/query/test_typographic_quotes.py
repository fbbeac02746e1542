"""Typographic double quotes quote a phrase as " does (stranger5: “home run” searched home
AND run, 17 hits for 3, with no note): every pair of marks a pasted phrase comes in, around
phrases, proximities, fields and inside larger queries, parses to the tree of the same query
written with ", and an unclosed one names its column."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.query.language import QueryError, parse

PAIRS = [("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u201e", "\u201d"), ("\u00ab", "\u00bb"),
         ("\u00bb", "\u00ab"), ("\u201d", "\u201d"), ("\u201f", "\u201d"), ("\uff02", "\uff02")]
QUERIES = ['"home run"', '"prime minister"~3', 'title:"oil price" AND gas',
           '-"red sox" boston', '("a b" OR "c d") NOT e', '"It\u2019s a great day"',
           'source:"Arab News" "death to"']


@pytest.mark.parametrize(("query", "pair"), list(itertools.product(QUERIES, PAIRS)))
def test_each_pair_of_typographic_quotes_is_a_quote(query: str, pair: tuple[str, str]) -> None:
    opening, closing = pair
    typed, count = "", 0
    for char in query:
        if char == '"':
            typed += opening if count % 2 == 0 else closing
            count += 1
        else:
            typed += char
    assert parse(typed) == parse(query), typed


@pytest.mark.parametrize("opening", [o for o, _ in PAIRS])
def test_an_unclosed_typographic_quote_names_its_column(opening: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse(f"oil {opening}home run")
    assert raised.value.column == 5 and "unbalanced quote" in str(raised.value)
