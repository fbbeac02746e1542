"""Actor extraction of another revision and of the working tree, in step: two processes, one
of each, extract the same chunks of a corpus in turns (A B, B A, ...), each timing its own
processor time. Dev-time, for speed-ups of extraction:

    .venv/bin/python -m tests.bench.actor_steps --ref main --passes 3 CORPUS.jsonl

A shared machine's load weighs on both alike within a chunk (a run each, as actor_cost_ab
makes them, sees the load of its own minutes: differences of a few percent drowned in it).
Each pass goes over the whole corpus; the extractors' caches are warm after the first.
Prints each pass's ms an article of both sides and their ratio (working tree / REF)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.actor_same import unpack_revision

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 50  # articles a turn


def worker(corpus: Path, limit: int | None) -> None:
    """Read the corpus, then extract the articles [i, j) of each "i j" line of stdin and
    print the processor time it took (extraction alone, as actor_cost times it)."""
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.table import make_extractor
    from newsdesk.index.storage.gc_batches import collect_less

    with corpus.open(encoding="utf-8") as f:
        articles = [json.loads(line) for n, line in enumerate(f)
                    if line.strip() and (limit is None or n < limit)]
    extractor = make_extractor(load_dictionaries([]))
    print(len(articles), flush=True)
    with collect_less():
        for line in sys.stdin:
            i, j = map(int, line.split())
            took = 0.0
            for a in articles[i:j]:
                began = time.process_time()
                extractor.extract(a.get("title") or "", a.get("text") or "")
                took += time.process_time() - began
            print(took, flush=True)


def _start(corpus: Path, limit: int | None, package: Path | None) -> subprocess.Popen[str]:
    paths = ((str(package),) if package else ()) + (str(ROOT),)
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": os.pathsep.join(paths)}
    args = [sys.executable, "-P", "-m", "tests.bench.actor_steps", "--worker", str(corpus),
            *(["--limit", str(limit)] if limit is not None else [])]
    return subprocess.Popen(args, env=env, cwd=package or ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)


def _ask(process: subprocess.Popen[str], i: int, j: int) -> float:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(f"{i} {j}\n")
    process.stdin.flush()
    return float(process.stdout.readline())


def compare(corpus: Path, ref: str, passes: int, limit: int | None = None) -> list[float]:
    """Each pass's ratio of the working tree's extraction time to `ref`'s (printed)."""
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        unpack_revision(ref, Path(tmp))
        sides = {ref: _start(corpus, limit, Path(tmp)), "working tree": _start(corpus, limit,
                                                                                None)}
        try:
            counts = {int(p.stdout.readline()) for p in sides.values() if p.stdout}
            assert len(counts) == 1, counts
            total = counts.pop()
            for n in range(passes):
                took = dict.fromkeys(sides, 0.0)
                for k, i in enumerate(range(0, total, CHUNK)):
                    for side in list(sides)[::1 if k % 2 == 0 else -1]:
                        took[side] += _ask(sides[side], i, min(i + CHUNK, total))
                ratios.append(took["working tree"] / took[ref])
                print(f"pass {n + 1}: {ref} {took[ref] / total * 1e3:.3f}, working tree "
                      f"{took['working tree'] / total * 1e3:.3f} ms an article, ratio "
                      f"{ratios[-1]:.3f}", flush=True)
        finally:
            for p in sides.values():
                if p.stdin:
                    p.stdin.close()
                p.wait()
    print(f"median ratio {statistics.median(ratios):.3f} over {passes} passes of {total} "
          f"articles")
    return ratios


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--ref", default="main", help="the git revision to compare with")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--limit", type=int, help="the first N lines of the corpus")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.corpus, args.limit)
    else:
        compare(args.corpus, args.ref, args.passes, args.limit)


if __name__ == "__main__":
    main()
