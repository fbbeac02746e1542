"""The `actor:` filter checked against the articles' text, as a stranger checks it, on any
corpus already indexed (`newsdesk index PATH`). Dev-time:

    .venv/bin/python -m tests.bench.actor_filter_check PATH [--top 50] [--places 15]

For the top actors (and places) it filters by the canonical name, every alias the list
shows (as written, lower case, capitals), the name lower-cased and its last word, and
checks every hit: its stored mentions of the actor are the hits exactly, and each mention's
span in the text is one of the actor's names. Also that each actor's `filter_name` filters
by exactly the articles its row counts, and AND / NOT / OR of two actors' filters against
the same sets. Prints the counts checked and the failures, with examples."""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from newsdesk.index.actors.names import name_key
from newsdesk.index.engine import Engine
from newsdesk.index.folding import fold
from newsdesk.index.models import Actor, NewsdeskError
from newsdesk.tui.cli.common import settings_from_args
from newsdesk.tui.cli.parser import build_parser

EXAMPLES = 5


class Check:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.counts: Counter[str] = Counter()
        self.failures: dict[str, list[tuple]] = {}

    def fail(self, kind: str, *what: object) -> None:
        self.counts[f"FAIL {kind}"] += 1
        self.failures.setdefault(kind, [])
        if len(self.failures[kind]) < EXAMPLES:
            self.failures[kind].append(what)

    def ids(self, query: str) -> list[str] | None:
        try:
            return self.engine.ids(query)
        except NewsdeskError as exc:
            self.fail("query error", query, str(exc))
            return None

    def mentions(self, actor_id: int) -> dict[str, list[tuple[int, int]]]:
        return stored_mentions(self.engine, actor_id)

    def actor(self, actor: Actor) -> None:
        expected = self.mentions(actor.id)
        forms = {fold(actor.name)} | {fold(a) for a, _ in actor.aliases}
        keys = set(self.engine.actors.keys_of(actor.id))
        shown = [actor.name, *(a for a, _ in actor.aliases)]
        typed = [(n, True) for s in shown for n in dict.fromkeys((s, s.lower(), s.upper()))]
        typed.append((actor.name.split()[-1].lower(), False))  # a surname, a user's guess
        for name, listed in dict(typed).items():
            meant = self.engine.actors.resolve(name)
            if meant is None or meant.id != actor.id:
                other = meant is not None and fold(meant.name) == fold(name)
                kind = "names no actor" if meant is None else \
                    "means another actor" + (" (named so)" if other else "")
                if listed and not other:
                    self.fail(kind, actor.name, name, meant and meant.name)
                self.counts[f"{'listed' if listed else 'guessed'}: {kind}"] += 1
                continue
            hits = self.ids(f'actor:"{name}"')
            if hits is None:
                continue
            self.counts["queries"] += 1
            if set(hits) != set(expected) or len(hits) != len(set(hits)):
                self.fail("hits are not the articles mentioning it", actor.name, name)
            for article in self.engine.store.articles(hits).values():
                self.counts["hits verified"] += 1
                for start, end in expected.get(article.id, []):
                    seen = article.text[start:end]
                    if fold(seen) not in forms and name_key(seen) not in keys:
                        self.fail("span is no name of the actor", actor.name, article.id, seen)
        name = self.engine.actors.filter_name(actor)
        if self.engine.count(f'actor:"{name}"') != actor.articles:
            self.fail("pane row and its filter disagree", actor.name, name)

    def pairs(self, actors: list[Actor], count: int) -> None:
        pairs = [(a, b) for a in actors for b in actors if a.id != b.id]
        for a, b in random.Random(24).sample(pairs, min(count, len(pairs))):
            first, second = set(self.mentions(a.id)), set(self.mentions(b.id))
            name_a = self.engine.actors.filter_name(a)
            name_b = self.engine.actors.filter_name(b)
            for op, want in (("AND", first & second), ("NOT", first - second),
                             ("OR", first | second)):
                query = f'actor:"{name_a}" {op} actor:"{name_b}"'
                got = self.ids(query)
                self.counts["combined queries"] += 1
                if got is not None and set(got) != want:
                    self.fail("combined filter", query, len(want), len(got))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--places", type=int, default=15)
    parser.add_argument("--pairs", type=int, default=40)
    args = parser.parse_args(argv)
    settings = settings_from_args(build_parser().parse_args(["--corpus", str(args.corpus),
                                                             "actors"]))
    with Engine(settings) as engine:
        check = Check(engine)
        actors = engine.actors.list(None, "articles", args.top, places=False)
        places = engine.actors.list(None, "articles", args.places, places=True)
        for actor in actors + places:
            check.actor(actor)
        check.pairs(actors[:20], args.pairs)
        print(json.dumps({"corpus": str(args.corpus), "actors": len(actors),
                          "places": len(places), **check.counts}, indent=1))
        for kind, examples in check.failures.items():
            print(f"== {kind}")
            for example in examples:
                print("  ", example)
    return 1 if check.failures else 0


def stored_mentions(engine: Engine, actor_id: int) -> dict[str, list[tuple[int, int]]]:
    """The actor's stored mention spans by article (an article naming it in its title alone
    has none): the articles its filter must find. Shared with
    tests/index/query/test_actor_filter_text.py."""
    keys = engine.actors.keys_of(actor_id)
    with engine.actors._db() as db:
        rows = db.execute(f"SELECT article, spans FROM mentions WHERE key IN "
                          f"({','.join('?' * len(keys))})", keys).fetchall()
    found: dict[str, list[tuple[int, int]]] = {}
    for article, spans in rows:
        found.setdefault(article, [])
        found[article] += [tuple(map(int, s.split("-"))) for s in spans.split()]
    return found


if __name__ == "__main__":
    raise SystemExit(main())
