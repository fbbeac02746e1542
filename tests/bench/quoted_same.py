"""Quoted words and phrases matched in the fields of the words as written against their
matches' texts read (the way before schema 15), on one built index: the same hits, in the
same order with the same scores, for every query, and the CPU each way took.

  .venv/bin/python -m tests.bench.quoted_same --corpus DIR [--per-class 20]

(DIR: the corpus folder of a built index, `newsdesk index --corpus DIR`; its .jsonl file
the queries are drawn from: the scale benchmark's phrases and proximity queries, its
common and rare terms quoted, a wildcard in each phrase's last word, and --extra.) Texts
read stop at engine.CHECKED_TEXTS, as they did: a query with more candidates is said so,
its hits past them counted unchecked by the text way."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from unittest import mock

from newsdesk.index import engine as engine_module
from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.bench.queries import build

EXTRA = ['"universe"', '"generous"', '"interest rates"', '"prime minister"',
         '"tony blair"', "\"prime minister's\"", '"chief exec*"', '"prime * said"']


def queries_of(corpus: Path, per_class: int, extra: list[str]) -> list[str]:
    drawn = build(corpus, per_class, [])
    found = [q.newsdesk for q in drawn if q.cls in ("phrase", "proximity")]
    found += [f'"{q.newsdesk}"' for q in drawn if q.cls in ("common term", "rare term")]
    found += [q.newsdesk[:-1] + "*\"" if len(q.newsdesk.split()[-1]) > 4 else q.newsdesk
              for q in drawn if q.cls == "phrase"]
    return list(dict.fromkeys(found + extra))


def run(corpus_dir: Path, queries: list[str], by_texts: bool
        ) -> dict[str, tuple[int, list[tuple[str, float]], float, list[str]]]:
    settings = load_settings()
    settings.corpus.sources = [corpus_dir]
    found = {}
    with mock.patch.object(engine_module, "written_matches",
                           (lambda *_: None) if by_texts else engine_module.written_matches), \
            Engine(settings) as engine:
        engine.search("zzzq*")  # the vocabulary, read once a process
        for query in queries:
            start = time.process_time()
            compiled, total, ranked, _ = engine._rank(engine.parse(query), 1_000_000)
            found[query] = (total, ranked, time.process_time() - start, compiled.notes)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=20)
    parser.add_argument("--extra", nargs="*", default=EXTRA)
    args = parser.parse_args(argv)
    queries = queries_of(next(args.corpus.glob("*.jsonl")), args.per_class, args.extra)
    texts = run(args.corpus, queries, by_texts=True)
    index = run(args.corpus, queries, by_texts=False)
    same = capped = 0
    for query in queries:
        t_total, t_ranked, t_cpu, t_notes = texts[query]
        i_total, i_ranked, i_cpu, _ = index[query]
        unchecked = any("counted unchecked" in note for note in t_notes)
        alike = t_total == i_total and t_ranked == i_ranked
        same += alike
        capped += unchecked and not alike
        flag = "same" if alike else ("CAPPED" if unchecked else "DIFFERENT")
        print(f"{query:<34} {t_total:>6} {i_total:>6} hits  texts {t_cpu * 1000:8.1f} ms  "
              f"index {i_cpu * 1000:7.1f} ms CPU  {flag}")
    for name, found in (("texts", texts), ("index", index)):
        cpu = sorted(found[q][2] for q in queries)
        print(f"{name}: median {statistics.median(cpu) * 1000:.1f} ms, "
              f"p95 {cpu[int(0.95 * (len(cpu) - 1))] * 1000:.1f} ms, "
              f"max {cpu[-1] * 1000:.1f} ms CPU")
    print(f"{same} of {len(queries)} queries the same hits, order and scores; "
          f"{capped} differ where the texts read stopped at {engine_module.CHECKED_TEXTS:,}")
    return 0 if same + capped == len(queries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
