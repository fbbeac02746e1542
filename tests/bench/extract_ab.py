"""Another revision's extract.py and the working tree's, in ONE process, extracting the same
chunks of a corpus in turns (A B, B A, ...), each timed in processor time. Dev-time, for
speed-ups of extract.py alone:

    .venv/bin/python -m tests.bench.extract_ab --ref main --passes 3 CORPUS.jsonl

Both extractors share every other module (the rules, the names' caches, the dictionaries),
so only a change to extract.py is measured; a change elsewhere is on both sides (time it
apart). On a loaded machine two processes (actor_steps) see each their own share of the
cores: their ratio moved 2-3% from pass to pass with nothing changed, where one process
running both in turns moved 0.5-0.7% (A against A, bbc 2,000 articles, load 20). The
collector is paused while timing (and run between chunks), alike for both."""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

from newsdesk.index.actors.extract import Extractor

ROOT = Path(__file__).resolve().parents[2]
CHUNK = 50  # articles a turn
_WARM = 300  # articles each side extracts first, untimed (its caches filled)


def _module(path: Path, name: str) -> ModuleType:
    """extract.py at `path` as a module of its own (its imports the installed package's)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _extractor(cls: type[Extractor]) -> Extractor:
    """`rows.make_extractor`'s extractor, of the class `cls`."""
    from newsdesk.index.actors import rows
    from newsdesk.index.actors.dictionaries import load_dictionaries

    made = rows.Extractor
    rows.Extractor = cls  # type: ignore[misc]
    try:
        return rows.make_extractor(load_dictionaries([]))
    finally:
        rows.Extractor = made  # type: ignore[misc]


def compare(corpus: Path, ref: str, passes: int, limit: int | None = None) -> list[float]:
    """Each pass's ratio of the working tree's extraction time to `ref`'s (printed)."""
    with corpus.open(encoding="utf-8") as f:
        pairs = [(a.get("title") or "", a.get("text") or "") for a in
                 (json.loads(line) for n, line in enumerate(f)
                  if line.strip() and (limit is None or n < limit))]
    with tempfile.TemporaryDirectory() as tmp:
        old = Path(tmp) / "extract_ref.py"
        old.write_bytes(subprocess.run(["git", "show", f"{ref}:index/actors/extract.py"],
                                       cwd=ROOT, capture_output=True, check=True).stdout)
        sides = {ref: _extractor(_module(old, "_extract_ref").Extractor),
                 "working tree": _extractor(Extractor)}
    for extractor in sides.values():
        for title, text in pairs[:_WARM]:
            extractor.extract(title, text)
    ratios: list[float] = []
    enabled = gc.isenabled()
    try:
        for n in range(passes):
            took = dict.fromkeys(sides, 0.0)
            for k, i in enumerate(range(0, len(pairs), CHUNK)):
                chunk = pairs[i:i + CHUNK]
                gc.disable()
                for side in list(sides)[::1 if k % 2 == 0 else -1]:
                    extract = sides[side].extract
                    began = time.process_time()
                    for title, text in chunk:
                        extract(title, text)
                    took[side] += time.process_time() - began
                gc.enable()
                gc.collect()
            ratios.append(took["working tree"] / took[ref])
            print(f"pass {n + 1}: {ref} {took[ref] / len(pairs) * 1e3:.4f}, working tree "
                  f"{took['working tree'] / len(pairs) * 1e3:.4f} ms an article, ratio "
                  f"{ratios[-1]:.4f}", flush=True)
    finally:
        if not enabled:
            gc.disable()
    print(f"median ratio {statistics.median(ratios):.4f} over {passes} passes of "
          f"{len(pairs)} articles")
    return ratios


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--ref", default="main", help="the git revision to compare with")
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--limit", type=int, help="the first N lines of the corpus")
    args = parser.parse_args(argv)
    compare(args.corpus, args.ref, args.passes, args.limit)


if __name__ == "__main__":
    main()
