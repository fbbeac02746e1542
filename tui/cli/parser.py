"""The `newsdesk` command's arguments: every subcommand's options and help in one place, so
that parsing imports none of the modules that run them."""

from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path

from newsdesk.index.actors.dictionaries import TYPES
from newsdesk.index.actors.sort_orders import ACTOR_SORTS, DEFAULT_SORT
from newsdesk.index.views.facets import PERIODS
from newsdesk.index.views.kwic import ARTICLES as KWIC_ARTICLES
from newsdesk.index.views.kwic import ORDERS

Subparsers = argparse._SubParsersAction


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Search a corpus of news articles from the keyboard. With no command, "
                    "opens the dashboard on the configured corpus.",
        epilog="Query syntax: see README.md. Config: `newsdesk locate` shows where files live.")
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    parser.add_argument("--corpus", metavar="PATH", action="append", type=Path,
                        help="a folder or file to use as the corpus instead of the configured "
                             "sources (repeatable)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_index, _add_search, _add_locate, _add_actors, _add_timeline, _add_kwic,
                _add_facets, _add_saved):
        add(sub)
    return parser


def _version() -> str:
    try:
        return metadata.version("newsdesk")
    except metadata.PackageNotFoundError:
        return "unknown"


def _add_index(sub: Subparsers) -> None:
    p = sub.add_parser("index", help="build or update the index of the corpus")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="folders or files to index (default: the configured sources)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def _add_search(sub: Subparsers) -> None:
    p = sub.add_parser("search", help="search the corpus and print ranked results")
    p.add_argument("query", help='the query, e.g. \'"drone strike" AND date:2020\'')
    p.add_argument("--limit", "-n", type=int, default=None, help="most hits to show")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--format", choices=("text", "json", "csv", "jsonl"), default=None,
                   help="csv or jsonl: one row a hit (id, title, date, source, url, score, "
                        "snippet), for a spreadsheet or a script")
    p.add_argument("--all", action="store_true",
                   help="every hit, not only the best --limit (for exports)")
    p.add_argument("--sort", choices=("relevance", "date", "newest", "oldest"),
                   default="relevance",
                   help="relevance (default), or date: newest first (same as newest), oldest "
                        "first; ties by id. The empty query '' lists the newest articles")


def _add_locate(sub: Subparsers) -> None:
    sub.add_parser("locate", help="print where the config, index and user data live")


def _add_actors(sub: Subparsers) -> None:
    p = sub.add_parser("actors", help="the people, organisations and countries the articles "
                                      "mention, with their aliases and counts")
    p.add_argument("--type", choices=TYPES, help="only actors of this type")
    p.add_argument("--limit", "-n", type=int, default=30, help="most actors to list (30)")
    p.add_argument("--sort", choices=ACTOR_SORTS, default=DEFAULT_SORT)
    p.add_argument("--with", dest="with_", metavar="NAME",
                   help="the actors that appear in the most articles together with NAME")
    p.add_argument("--json", action="store_true", help="a JSON array on stdout")


def _add_timeline(sub: Subparsers) -> None:
    p = sub.add_parser("timeline", help="hits of a query per day, week, month or year")
    p.add_argument("query")
    p.add_argument("--by", choices=PERIODS, default=None,
                   help="period (default: chosen by the span of the hits' dates)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_kwic(sub: Subparsers) -> None:
    p = sub.add_parser("kwic", help="keyword in context: every match of a query on a line")
    p.add_argument("query")
    p.add_argument("--width", "-w", type=int, default=40,
                   help="characters of context each side (default 40)")
    p.add_argument("--sort", choices=ORDERS, default="rank",
                   help="order: rank (default), left or right context word, match")
    p.add_argument("--limit", "-n", type=int, default=KWIC_ARTICLES,
                   help=f"best hits to take lines from (default {KWIC_ARTICLES}, as the "
                        "dashboard)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_facets(sub: Subparsers) -> None:
    p = sub.add_parser("facets", help="a query's hits by source, period and actor")
    p.add_argument("query")
    p.add_argument("--top", type=int, default=10, help="values per facet (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")


def _add_saved(sub: Subparsers) -> None:
    p = sub.add_parser("saved", help="saved searches: list, run, add, rm")
    saved = p.add_subparsers(dest="saved_command", metavar="ACTION", required=True)
    p_list = saved.add_parser("list", help="each saved search with its hit count and how "
                                           "many hits are new since it was last opened")
    p_list.add_argument("--json", action="store_true")
    p_run = saved.add_parser("run", help="run a saved search (resets its new count)")
    p_run.add_argument("name")
    p_run.add_argument("--limit", "-n", type=int, default=None)
    p_run.add_argument("--json", action="store_true")
    p_add = saved.add_parser("add", help="save a query under a name")
    p_add.add_argument("name")
    p_add.add_argument("query")
    p_add.add_argument("--replace", action="store_true", help="replace a search of that name")
    p_rm = saved.add_parser("rm", help="delete a saved search")
    p_rm.add_argument("name")
