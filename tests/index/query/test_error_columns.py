"""Every query syntax error names its column (stranger4 F1: `title:(` said "the query ends
too early" with none), checked over malformed queries generated from the language's own
pieces, and the CLI shows the query with a caret under it."""

from __future__ import annotations

import random

import pytest
from rich.cells import cell_len

from newsdesk.index.models import IncompleteQuery, QueryError
from newsdesk.index.query.language import MAX_QUERY_LENGTH, parse
from newsdesk.tui.cli.common import pointed
from newsdesk.tui.safe_text import terminal_safe

PIECES = ["iran", "oil", "伊朗", "(", ")", '"', '"drone strike"', "[", "]", "{", "}", "AND",
          "OR", "NOT", "-", "+", "title:", "source:", "date:", "actor:", "tag:", "is:",
          "dup:", "nosuch:", "date:[2020 TO", "date:[2020-13 TO 2021]", "TO", "~", "~3",
          "word~9", "~200", "*", "?", "mil*", "*il", "h?llo~1", "title:(", ":", ",", "2020"]


def _malformed(count: int, seed: int) -> list[tuple[str, QueryError]]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        pieces = rng.choices(PIECES, k=rng.randint(1, 6))
        query = "".join(p + rng.choice(["", " ", " ", "  "]) for p in pieces)
        if rng.random() < 0.3:
            query = query.rstrip()
        try:
            parse(query)
        except QueryError as exc:
            found.append((query, exc))
    return found


@pytest.mark.parametrize("seed", range(4))
def test_every_syntax_error_has_a_column_inside_the_query(seed: int) -> None:
    malformed = _malformed(1500, seed)
    assert len(malformed) > 500  # the generator does make errors of many kinds
    assert len({exc.message for _, exc in malformed}) > 10
    for query, exc in malformed:
        assert exc.column is not None, (query, str(exc))
        assert 1 <= exc.column <= len(query) + 1, (query, str(exc))
        assert f"(at column {exc.column})" in str(exc)


@pytest.mark.parametrize("query, column", [
    ("title:(", 8), ("iran AND", 6), ("(", 2), ("NOT", 1), ("iran OR", 6),
    ("(iran", 1), ("date:", 1)])
def test_known_columns(query: str, column: int) -> None:
    with pytest.raises(QueryError) as info:
        parse(query)
    assert info.value.column == column


def test_an_error_at_the_end_keeps_its_kind_and_hint() -> None:
    with pytest.raises(IncompleteQuery) as info:
        parse("title:(")
    assert info.value.hint and info.value.column == 8


def test_a_long_query_is_refused_at_the_limit() -> None:
    with pytest.raises(QueryError) as info:
        parse("a " * MAX_QUERY_LENGTH)
    assert info.value.column == MAX_QUERY_LENGTH + 1


@pytest.mark.parametrize("query, column", [
    ("title:(", 8), ("iran AND", 6), ("x" * 300 + " AND", 302), ("伊朗 AND (", 9),
    ("a\x1b[31m (", 9), ("(" + "y" * 300, 1), ("iran " * 40 + "(", 202)])
def test_the_caret_stands_under_the_column(query: str, column: int) -> None:
    _, shown, caret = pointed(query, column).split("\n")
    assert "\x1b" not in shown and len(shown) <= 2 + 1 + 72 + 1
    cells = caret.index("^")
    index = next((i for i in range(len(shown) + 1) if cell_len(shown[:i]) == cells), None)
    assert index is not None  # the caret is on a character's first cell
    safe = terminal_safe(query, False)
    if column <= len(query):
        assert shown[index] == safe[column - 1]
        assert safe[:column - 1].endswith(shown[:index].lstrip().lstrip("…"))
    else:
        assert shown[:index].rstrip("…").endswith(safe[-10:])
