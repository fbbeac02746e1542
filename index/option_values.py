"""The values the engine's options take (periods, concordance orders, actor types and
sorts), kept in a module that imports nothing: the command line offers them in its help and
checks them, and must not load Whoosh and numpy to do it (a start of the dashboard paid
about 200 ms for that)."""

from __future__ import annotations

PERIODS = ("day", "week", "month", "year")
KWIC_ORDERS = ("rank", "right", "left", "match")
KWIC_ARTICLES = 100  # the best hits a concordance takes its lines from (dashboard and CLI)
ACTOR_TYPES = ("person", "organisation", "government", "military", "militia", "party",
               "media", "international", "country", "location", "other")
# Places (cities, regions, sites) are listed apart from actors, so that a city never pushes
# an actor off the first screen; countries are actors (their governments act).
PLACE_TYPES = ("location",)


def is_place(kind: str | None) -> bool:
    return kind in PLACE_TYPES


ACTOR_SORTS = ("articles", "mentions", "name")
DEFAULT_ACTOR_SORT = "articles"
