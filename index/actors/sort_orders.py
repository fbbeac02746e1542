"""The orders of the actor list, defined once for the SQL that reads the actor table and
for sorting actors already read (the dashboard's pane re-sorts what it holds)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsdesk.index.folding import fold
from newsdesk.index.models import Actor
from newsdesk.index.option_values import DEFAULT_ACTOR_SORT

# Each order's keys, compared in turn: (Actor attribute, descending). A name is the order
# itself only folded (case and accents aside); as a tie-break it compares as written.
_FOLDED_NAME = "folded name"
_ORDERS: dict[str, tuple[tuple[str, bool], ...]] = {
    "articles": (("articles", True), ("mentions", True), ("name", False)),
    "mentions": (("mentions", True), ("articles", True), ("name", False)),
    "name": ((_FOLDED_NAME, False),),
}
# SQLite's expression for each key; `fold` is registered on the store's connection.
_COLUMNS = {"articles": "articles", "mentions": "mentions", "name": "name",
            _FOLDED_NAME: "fold(name)"}


def _order(sort: str) -> tuple[tuple[str, bool], ...]:
    return _ORDERS.get(sort, _ORDERS[DEFAULT_ACTOR_SORT])


def order_by(sort: str) -> str:
    """The ORDER BY clause of the actor table for `sort` (the default for an unknown one)."""
    return ", ".join(_COLUMNS[key] + (" DESC" if descending else "")
                     for key, descending in _order(sort))


def sort_key(sort: str) -> Callable[[Actor], tuple[Any, ...]]:
    """The key that sorts actors as order_by(sort) reads them (numbers are counts)."""
    keys = _order(sort)

    def key(actor: Actor) -> tuple[Any, ...]:
        values: list[Any] = []
        for name, descending in keys:
            value = fold(actor.name) if name == _FOLDED_NAME else getattr(actor, name)
            values.append(-value if descending else value)
        return tuple(values)

    return key
