"""What actor extraction and clustering cost an article on a real corpus (issue 24: under
0.5 ms an article, median), in processor time (a busy machine's waits left out). Dev-time:
`.venv/bin/python -m tests.bench.actor_cost FILE.jsonl`.

Extraction is timed article by article (median and 95th percentile), with the garbage
collector set as the extraction process sets it (`collect_less`: what is loaded frozen,
young collections 20,000 containers apart); clustering once over the corpus's key totals,
built as the store keeps them, and divided by the articles. `--python-gc`: extraction with
Python's own collector settings instead (the figure before)."""

from __future__ import annotations

import argparse
import json
import statistics
import time
from contextlib import nullcontext
from pathlib import Path

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor, mention_rows
from newsdesk.index.storage.gc_batches import collect_less
from tests.bench.corpus_totals import CorpusTotals


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--dictionary", type=Path, action="append", default=[])
    parser.add_argument("--python-gc", action="store_true")
    args = parser.parse_args()
    dictionaries = load_dictionaries(args.dictionary)
    extractor = make_extractor(dictionaries)
    times: list[float] = []
    totals = CorpusTotals()
    with args.corpus.open(encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    with nullcontext() if args.python_gc else collect_less():
        for a in articles:
            began = time.process_time()
            found = extractor.extract(a.get("title") or "", a.get("text") or "")
            times.append(time.process_time() - began)
            totals.add(a["id"], mention_rows(a["id"], found), found.acronyms, KeyStats)
    totals.finish()
    stats = totals.stats
    began = time.process_time()
    clusters = cluster(stats, totals.acronyms, dictionaries, totals.together)
    clustering = time.process_time() - began
    times.sort()
    n = len(times)
    print(f"{args.corpus.name}: {n} articles, {len(stats)} keys, {len(clusters)} actors")
    print(f"extraction ms/article: median {statistics.median(times) * 1e3:.3f}, "
          f"p95 {times[int(n * 0.95)] * 1e3:.3f}, mean {sum(times) / n * 1e3:.3f}")
    print(f"clustering: {clustering * 1e3:.0f} ms, {clustering / n * 1e3:.3f} ms/article")


if __name__ == "__main__":
    main()
