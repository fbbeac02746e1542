"""Instructions a step of the build takes, counted by valgrind, for the working tree or any
revision. Dev-time, for regressions of a few percent that CPU seconds on a shared machine
cannot separate:

    .venv/bin/python -m tests.bench.instructions extract CORPUS.jsonl --limit 2000 \
        --ref 546ade5 --ref main [--ref .] [--repeat 2]

Each count is run under `valgrind --tool=callgrind` (it counts every instruction the
process runs, the same for the same binary and input whatever the machine's load; no
cache simulation: the cheapest of valgrind's counting tools, about 50 times native,
lackey's counts cost several times more). A step is counted as the difference of two
runs: the process that sets the step up (imports, the corpus read, the dictionaries) and
runs it, less the same process that sets it up and stops. Steps:

- `extract`: the first N articles' actor mentions, as the extraction process makes them
  (`extract_batch` over batches of --batch articles inside `collect_less`, the extractor's
  caches cold at the start, as in a build).
- `build`: `newsdesk index` of the first N articles (a corpus file of them written first),
  every process it starts counted (--trace-children: the fork server's helpers too), the
  sum divided by N: start-up and the end's clustering are in it (no second run taken off).
  Helpers that wait poll, so its count moves a little from run to run (see BENCHMARKS).

A revision REF ("." is the working tree) is imported from `git archive REF index tui`
unpacked in --cache (kept there: compiled once, reused), first on PYTHONPATH, as
tests/bench/actor_same.py does; tests/ and the interpreter are this checkout's. The hash
seed is fixed (PYTHONHASHSEED=0): sets of names iterate in its order. The collector runs
as the build runs it (`collect_less`); --no-gc disables it for the step."""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("extract", "build")


def _texts(corpus: Path, limit: int) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if len(out) >= limit:
                break
            if line.strip():
                a = json.loads(line)
                out.append((str(a.get("id") or len(out)), a.get("title") or "",
                            a.get("text") or ""))
    return out


def _extract(texts: list[tuple[str, str, str]], run: bool, batch: int, gc_on: bool) -> None:
    import gc

    from newsdesk.index.actors import table
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.ingest.extract_process import extract_batch
    from newsdesk.index.storage.gc_batches import collect_less

    extractor = table.make_extractor(load_dictionaries([]))  # (rows' since 546ade5)
    if not run:
        return
    with collect_less():
        if not gc_on:
            gc.disable()
        for i in range(0, len(texts), batch):
            extract_batch(extractor, texts[i:i + batch])


def worker(step: str, corpus: Path, limit: int, run: bool, batch: int, gc_on: bool) -> None:
    """Set the step up on the first `limit` articles; run it if `run`."""
    import newsdesk.index

    print(f"newsdesk.index from {Path(newsdesk.index.__file__).parent}", file=sys.stderr)
    _extract(_texts(corpus, limit), run, batch, gc_on)


def package_for(ref: str, cache: Path) -> Path | None:
    """A folder to put first on PYTHONPATH for revision `ref` (None: the working tree)."""
    if ref == ".":
        # (compiled first, as a revision's are: else the first count compiles what changed
        # and the second does not, and their difference holds the compiling: +53,000 an
        # article for four edited modules, on gen's first 1,000)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "index"),
                        str(ROOT / "tui")], check=False)
        return None
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{ref}^{{commit}}"],
                         check=True, capture_output=True, text=True).stdout.strip()
    folder = cache / sha
    package = folder / "newsdesk"
    if not (package / "tui").is_dir():
        package.mkdir(parents=True, exist_ok=True)
        (package / "__init__.py").write_text("")
        parts = [p for p in ("index", "tui") if not (package / p).is_dir()]
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, *parts],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(package)], input=archive, check=True)
        # (not checked: a broken merge's file that the step never imports may not compile)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], check=False)
    return folder


_COLLECTED = re.compile(r"Collected : (\d+)")


def count(package: Path | None, args: list[str], env: dict[str, str] | None = None) -> int:
    """Instructions of `python -P -m ARGS` (every process it starts), importing newsdesk
    from `package`."""
    paths = ((str(package),) if package else ()) + (str(ROOT),)
    env = {**os.environ, **(env or {}), "PYTHONHASHSEED": "0",
           "PYTHONPATH": os.pathsep.join(paths)}
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
               "--trace-children=yes", sys.executable, "-P", "-m", *args]
    done = subprocess.run(command, env=env, cwd=package or ROOT, capture_output=True,
                          text=True)
    found = _COLLECTED.findall(done.stderr)
    if done.returncode or not found:
        sys.exit(f"valgrind failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return sum(map(int, found))


def _build(corpus: Path, limit: int, package: Path | None, work: Path) -> int:
    """Instructions of `newsdesk index` of the corpus's first `limit` articles."""
    work.mkdir(parents=True, exist_ok=True)
    part = work / "corpus.jsonl"
    with corpus.open(encoding="utf-8") as f, part.open("w", encoding="utf-8") as out:
        out.writelines(line for _, line in zip(range(limit), f, strict=False))
    shutil.rmtree(work / "index", ignore_errors=True)
    (work / "newsdesk.yaml").write_text(
        f"corpus:\n  sources:\n    - {part}\nindex:\n  dir: {work / 'index'}\n")
    env = {"NEWSDESK_CONFIG": str(work / "newsdesk.yaml"), "NO_COLOR": "1",
           **{f"XDG_{kind}_HOME": str(work / kind.lower()) for kind in ("CACHE", "DATA",
                                                                        "CONFIG")}}
    return count(package, ["newsdesk.tui.cli", "index", "-q"], env)


def measure(step: str, corpus: Path, limit: int, ref: str, cache: Path, batch: int = 1000,
            gc_on: bool = True) -> float:
    """Instructions an article of the step on revision `ref`."""
    package = package_for(ref, cache)
    if step == "build":
        with tempfile.TemporaryDirectory(dir=cache) as work:
            return _build(corpus, limit, package, Path(work)) / limit
    worker = ["tests.bench.instructions", "--worker", step, str(corpus), str(limit),
              str(batch), "1" if gc_on else "0"]
    ran = count(package, [*worker, "1"])
    setup = count(package, [*worker, "0"])
    return (ran - setup) / limit


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=STEPS)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=1000, help="the first N articles")
    parser.add_argument("--ref", action="append", help="a revision ('.': the working tree)")
    parser.add_argument("--repeat", type=int, default=1, help="counts of each revision")
    parser.add_argument("--batch", type=int, default=1000, help="articles a batch")
    parser.add_argument("--no-gc", action="store_true", help="the collector off in the step")
    parser.add_argument("--cache", type=Path, help="where revisions are unpacked (kept)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        cache = args.cache or Path(tmp)
        for ref in args.ref or ["."]:
            for _ in range(args.repeat):
                per = measure(args.step, args.corpus.resolve(), args.limit, ref, cache,
                              args.batch, not args.no_gc)
                print(f"{ref}\t{args.step}\t{args.corpus.name}\t{args.limit}\t{per:,.0f} "
                      "instructions an article", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        step, corpus, limit, batch, gc_on, run = sys.argv[2:8]
        worker(step, Path(corpus), int(limit), run == "1", int(batch), gc_on == "1")
    else:
        main()
