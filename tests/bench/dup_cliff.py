"""What near-duplicate linking (index/dups/link.py) costs on corpora duplicated in ways a
stranger's might be: candidate pairs spilled (repeats over band keys counted) and compared,
edges, groups, the busiest band key, and the linking's time, for N articles signed and
linked at once in an article store alone (no Whoosh).

Corpora: `kill` (tests/helpers/generated.make_corpus: 23 words drawn at random, the slow
kill test's), `copies` (one long BBC article N times under distinct ids), or a JSON Lines
path; `--footer` appends one long newsletter footer to every article.

Dev-time: `.venv/bin/python -m tests.bench.dup_cliff KIND [--articles N] [--footer]
[--as-before] [--max-run N]`."""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from itertools import islice
from pathlib import Path

import numpy as np

from newsdesk.index.dups import groups, link
from newsdesk.index.models import Article
from newsdesk.index.storage.article_store import Store
from tests.helpers.generated import make_corpus
from tests.helpers.paths import CORPORA

BBC = CORPORA / "bbc-news-2225.jsonl"
# A newsletter footer of about 190 words, the same under every article.
FOOTER = (
    "You are receiving this newsletter because you signed up for updates from our "
    "newsroom. To change which newsletters you receive, manage your subscription in "
    "your account settings, or unsubscribe at any time with the link below. Our journalism "
    "is supported by readers like you: become a member today and get unlimited access to "
    "every story, the archive and our daily briefing. We respect your privacy; read our "
    "privacy notice to learn how we use your data, and contact the help desk with any "
    "question about your account, billing or delivery. Copyright all rights reserved; "
    "no part of this publication may be reproduced without written permission of the "
    "publisher. Follow us on social media for breaking news, share this story with a "
    "friend, and send tips to the newsroom in confidence through our secure drop. Sent "
    "to subscribers of the morning edition, evening edition and weekend edition of the "
    "paper; if this message was forwarded to you, sign up to get it yourself.")


def texts(kind: str, count: int, folder: Path) -> dict[str, str]:
    if kind == "kill":
        make_corpus(folder / "kill", count)
        lines = (line for path in sorted((folder / "kill").glob("*.jsonl"))
                 for line in path.open(encoding="utf-8"))
        return {r["id"]: r["text"] for r in map(json.loads, lines)}
    if kind == "copies":
        longest = max((json.loads(line)["text"] for line in BBC.open(encoding="utf-8")),
                      key=len)
        return {f"copy-{n:06d}": longest for n in range(count)}
    with Path(kind).open(encoding="utf-8") as lines:
        return {r["id"]: r["text"] for r in map(json.loads, islice(lines, count))}


def measure(items: dict[str, str], folder: Path) -> dict[str, float]:
    """Sign and link `items` at once in a new store under `folder`: the figures."""
    store = Store(folder / "store.sqlite")
    seen: list[link._Linking] = []
    run = link._Linking.run

    def spying(self: link._Linking) -> int:
        seen.append(self)
        began = time.process_time(), time.perf_counter()
        try:
            return run(self)
        finally:
            self.cpu = time.process_time() - began[0]
            self.wall = time.perf_counter() - began[1]

    link._Linking.run = spying  # type: ignore[method-assign]
    try:
        rows = [(Article(i, "bench", i, text), hashlib.blake2b(text.encode()).hexdigest(),
                 "bench") for i, text in items.items()]
        for start in range(0, len(rows), 5000):
            store.stage(rows[start:start + 5000], [], [], {}, time.time())
        store.mark_done()
        report = groups.update(store.db, store.lock)
        busiest = store.db.execute("SELECT max(c) FROM (SELECT count(*) c FROM dup_bands "
                                   "GROUP BY key)").fetchone()[0]
        biggest = store.db.execute("SELECT max(c) FROM (SELECT count(*) c FROM dup_groups "
                                   "GROUP BY grp)").fetchone()[0]
        linking = seen[-1]
        return {"articles": len(items), "spilled": linking.spilled,
                "compared": linking.compared, "edges": report.edges,
                "groups": groups.group_count(store.db), "biggest_group": biggest or 0,
                "busiest_key": busiest or 0, "link_cpu_s": round(linking.cpu, 2),
                "link_wall_s": round(linking.wall, 2)}
    finally:
        link._Linking.run = run  # type: ignore[method-assign]
        store.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("kind")
    parser.add_argument("--articles", type=int, default=30_000)
    parser.add_argument("--footer", action="store_true")
    parser.add_argument("--as-before", action="store_true",
                        help="link as before exact copies were one owner and a busy key's "
                             "owners met its first FEW (every signature its own class; FEW "
                             "= MAX_RUN): the A of an A/B")
    parser.add_argument("--max-run", type=int, help="link.MAX_RUN for this run")
    args = parser.parse_args(argv)
    if args.max_run:
        link.MAX_RUN = args.max_run
    if args.as_before:
        link.FEW = link.MAX_RUN
        link._row_hashes = lambda sigs, sizes: np.arange(len(sigs), dtype=np.uint64)
    with tempfile.TemporaryDirectory(prefix="dup-cliff-") as work:
        items = texts(args.kind, args.articles, Path(work))
        if args.footer:
            items = {i: f"{text}\n\n{FOOTER}" for i, text in items.items()}
        print(json.dumps({"kind": Path(args.kind).name, "footer": args.footer,
                          "max_run": link.MAX_RUN, "few": link.FEW,
                          **measure(items, Path(work))}))


if __name__ == "__main__":
    main()
