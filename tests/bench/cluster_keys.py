"""The end's clustering alone on a built store's keys: read the key stats of STORE (opened
read-only, immutable: a store another build wrote is not touched), keep the first N keys in
the store's order, and time `cluster()` on them (processor seconds of this process; the
key reads not counted), asking `together` of the store as a build does. Dev-time, for A/B
runs of two revisions' clustering on a big key set, alternating, each with its own venv:

    /work/main/.venv/bin/python -m tests.bench.cluster_keys STORE.sqlite --keys 300000
    .venv/bin/python -m tests.bench.cluster_keys STORE.sqlite --keys 300000

Prints the keys, the clusters made and the CPU seconds of `cluster()`."""

from __future__ import annotations

import argparse
import gc
import sqlite3
import time
from itertools import islice


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--keys", type=int, default=None, help="the first N keys only")
    args = parser.parse_args()
    from newsdesk.index.actors.cluster import cluster
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.key_stats import read_key_stats, together_in

    db = sqlite3.connect(f"file:{args.store}?mode=ro&immutable=1", uri=True)
    stats, acronyms = read_key_stats(db)
    if args.keys is not None:
        stats = dict(islice(stats.items(), args.keys))
        acronyms = {a: e for a, e in acronyms.items() if a in stats}
    dictionaries = load_dictionaries([])
    gc.collect()
    began = time.process_time()
    found = cluster(stats, acronyms, dictionaries, lambda a, b: together_in(db, a, b))
    took = time.process_time() - began
    print(f"keys {len(stats)} clusters {len(found)} cluster() CPU {took:.2f} s")


if __name__ == "__main__":
    main()
