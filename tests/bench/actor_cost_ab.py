"""`actor_cost` of another revision and of the working tree, run in turns (A B, B A, ...) so
that a shared, noisy machine weighs on both alike. Dev-time, for speed-ups of extraction
and clustering:

    .venv/bin/python -m tests.bench.actor_cost_ab --ref main --rounds 6 CORPUS.jsonl

Each run is a process of its own (cold caches, as an indexing run has them); the revision's
`index/` comes from `git archive REF index`, as `actor_same` reads it. Prints each side's
medians per round and the median of them."""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_EXTRACTION = re.compile(r"extraction ms/article: median ([\d.]+)")
_CLUSTERING = re.compile(r"clustering: \d+ ms, ([\d.]+) ms/article")


def run(corpus: Path, package: Path | None) -> tuple[float, float]:
    """(extraction median, clustering) in ms an article, of `package`'s newsdesk (the
    working tree's if None)."""
    paths = ((str(package),) if package else ()) + (str(ROOT),)
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": os.pathsep.join(paths)}
    done = subprocess.run([sys.executable, "-P", "-m", "tests.bench.actor_cost", str(corpus)],
                          env=env, capture_output=True, text=True, check=True,
                          cwd=package or ROOT)
    extraction, clustering = _EXTRACTION.search(done.stdout), _CLUSTERING.search(done.stdout)
    assert extraction and clustering, done.stdout
    return float(extraction.group(1)), float(clustering.group(1))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--ref", default="main", help="the git revision to compare with")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float]]] = {args.ref: [], "working tree": []}
    with tempfile.TemporaryDirectory() as tmp:
        package = Path(tmp) / "newsdesk"
        package.mkdir()
        (package / "__init__.py").write_text("")
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref, "index"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(package)], input=archive, check=True)
        for n in range(args.rounds):
            for side in (args.ref, "working tree")[::1 if n % 2 == 0 else -1]:
                results[side].append(run(args.corpus, Path(tmp) if side == args.ref else None))
    for side, runs in results.items():
        extraction = statistics.median(e for e, _ in runs)
        clustering = statistics.median(c for _, c in runs)
        print(f"{side}: extraction {extraction:.3f} + clustering {clustering:.3f} = "
              f"{extraction + clustering:.3f} ms an article (medians of {len(runs)} runs; "
              f"extraction {' '.join(f'{e:.3f}' for e, _ in runs)}; "
              f"clustering {' '.join(f'{c:.3f}' for _, c in runs)})")


if __name__ == "__main__":
    main()
