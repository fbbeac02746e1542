"""Speed at scale, side by side in one run: newsdesk against stock Whoosh, SQLite FTS5,
tantivy-py and grep over the raw file, on one generated corpus.

For each engine, in a process of its own (so memory and start-up are its own):
- ingest: the whole build, as the user runs it (`newsdesk index` for newsdesk), its
  throughput, its CPU seconds (all its processes, children included), its peak memory
  (its own processes' memory together: their proportional set sizes added up, each page
  once, and beside it their resident sizes added up, which count a shared page once per
  process; measured by a small launcher of its own so that this script's memory sets no
  floor: tests/bench/measured.py) and the index size;
- queries by class, first page of 20 with highlighted snippets and the hit count, each
  query timed once after a short warm-up: median and p95 per class;
- open: from interpreter start to the first page of results of a fresh process;
- update (newsdesk and stock Whoosh): adding 1,000 new articles to the built index, after
  the queries, whole process, wall and CPU seconds.

A query class the corpus gives nothing for (date ranges in a corpus without dates) is
said so under the table, never left out silently.

Then one table, with each newsdesk figure divided by stock Whoosh's and by the best peer's.

Run:  .venv/bin/python -m tests.bench.scale --articles 100000 [--workdir DIR]
      [--corpus FILE.jsonl  (any JSON Lines corpus instead of a generated one)]
      [--engines newsdesk,whoosh,fts5,tantivy,grep] [--per-class 20]
      (tantivy needs `pip install -e '.[bench]'`; `make bench-scale` does it)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench import compile_sources
from tests.bench.queries import CLASSES, build, load, save, why_missing
from tests.helpers.paths import NEWSDESK

ENGINES = ("newsdesk", "whoosh", "fts5", "tantivy", "grep")
HERE = Path(__file__).resolve().parent.parent.parent


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _env(workdir: Path) -> dict[str, str]:
    return {**os.environ, "NEWSDESK_CONFIG": str(workdir / "newsdesk.yaml"),
            "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
            "XDG_DATA_HOME": str(workdir / "xdg-data"),
            "XDG_CONFIG_HOME": str(workdir / "xdg-config"), "NO_COLOR": "1"}


@dataclass(slots=True)
class Run:
    seconds: float  # wall time of the command
    cpu_s: float  # CPU time (user + system) of it and every process under it
    peak_mb: float  # peak memory of its processes together, Pss added up (each page once)
    peak_rss_sum_mb: float  # their Rss added up (a shared page once per process)
    out: str  # its standard output
    at_peak: list[dict]  # each process at the peak: pid, command, pss_mb, rss_mb


def _run_measured(command: list[str], env: dict[str, str]) -> Run:
    """Run one command, measured alone by tests/bench/measured.py: a small launcher process
    of its own starts it, so neither this process's memory (Linux carries a peak across
    fork and exec) nor the launcher's counts as the engine's."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        report = Path(handle.name)
    try:
        proc = subprocess.run([sys.executable, "-m", "tests.bench.measured", str(report),
                               "--", *command], cwd=HERE, env=env, capture_output=True,
                              text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n"
                             f"{proc.stderr[-3000:]}")
        measured = json.loads(report.read_text())
    finally:
        report.unlink(missing_ok=True)
    return Run(measured["seconds"], measured["cpu_s"], measured["peak_mb"],
               measured["peak_rss_sum_mb"], proc.stdout, measured["at_peak"])


def count_records(corpus: Path) -> int:
    """The records of a JSON Lines corpus (its non-blank lines), after checking that its
    first record is one the engines can read."""
    if not corpus.is_file():
        raise SystemExit(f"--corpus {corpus}: no such file")
    count, first = 0, None
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                count += 1
                first = first or line
    try:
        record = json.loads(first) if first else None
    except ValueError:
        record = None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise SystemExit(f"--corpus {corpus}: needs JSON Lines records with a \"text\" "
                         "(and, where they have them, id, title, date, source, url)")
    return count


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _index_command(engine: str, sources: list[Path], folder: Path, workdir: Path,
                   child: str) -> list[str]:
    """The command that indexes `sources` into `folder`: `newsdesk index` (its config
    written here) for newsdesk, a `child` of this script for the others."""
    if engine == "newsdesk":
        listed = "".join(f"    - {source}\n" for source in sources)
        (workdir / "newsdesk.yaml").write_text(
            f"corpus:\n  sources:\n{listed}index:\n  dir: {folder}\n")
        return [*NEWSDESK, "index", "-q"]
    return [sys.executable, "-m", "tests.bench.scale", child, engine,
            *(str(source) for source in sources), str(folder)]


def ingest(engine: str, corpus: Path, workdir: Path, articles: int,
           at_peak: list[dict] | None = None) -> dict[str, float]:
    """The engine's whole build of `corpus`, measured; `at_peak`, if given, receives each
    of its processes at the memory peak."""
    folder = workdir / f"index-{engine}"
    if folder.exists():
        shutil.rmtree(folder)
    command = _index_command(engine, [corpus], folder, workdir, "--child-build")
    run = _run_measured(command, _env(workdir))
    size = _size_mb(folder) if folder.exists() else 0.0
    if at_peak is not None:
        at_peak.extend(run.at_peak)
    return {"seconds": run.seconds, "rate": articles / run.seconds if engine != "grep" else 0.0,
            "cpu_s": run.cpu_s, "peak_mb": run.peak_mb,
            "peak_rss_sum_mb": run.peak_rss_sum_mb, "index_mb": size}


MORE = 1_000  # new articles added to a built index: an update, not a rebuild


def add_more(engine: str, corpus: Path, workdir: Path, articles: int, count: int = MORE
             ) -> dict[str, float] | None:
    """Wall and CPU seconds (whole process) to add `count` new articles to the engine's
    built index; None for engines this is not measured for."""
    if engine not in ("newsdesk", "whoosh") or count <= 0:
        return None
    more = workdir / f"more-{articles}-{count}.jsonl"
    if not more.exists():
        from tests.bench import generate_corpus

        generate_corpus.write(count, more, seed=43, first=articles + 1)
    # newsdesk's corpus gains a file, and `newsdesk index` reads only that one.
    sources = [corpus, more] if engine == "newsdesk" else [more]
    command = _index_command(engine, sources, workdir / f"index-{engine}", workdir,
                             "--child-add")
    run = _run_measured(command, _env(workdir))
    return {"seconds": run.seconds, "cpu_s": run.cpu_s}


def run_queries(engine: str, corpus: Path, workdir: Path, queries: Path) -> dict:
    command = [sys.executable, "-m", "tests.bench.scale", "--child-query", engine,
               str(corpus), str(workdir / f"index-{engine}"), str(queries)]
    run = _run_measured(command, _env(workdir))
    return {**json.loads(run.out), "cpu_s": run.cpu_s}


# -- in the child process -----------------------------------------------------------------------

def child_build(engine: str, corpus: Path, folder: Path) -> None:
    from tests.bench.peers import PEERS

    print(json.dumps({"docs": PEERS[engine]().build(corpus, folder)}))


def child_add(engine: str, more: Path, folder: Path) -> None:
    from tests.bench.peers import StockWhoosh

    assert engine == "whoosh"
    print(json.dumps({"docs": StockWhoosh().add(more, folder)}))


def child_query(engine: str, corpus: Path, folder: Path, queries_path: Path) -> None:
    started = time.perf_counter()  # the interpreter is up: what a user waits for from here
    queries = load(queries_path)
    if engine == "newsdesk":
        adapter = _NewsdeskAdapter()
    else:
        from tests.bench.peers import PEERS

        adapter = PEERS[engine]()
    adapter.open(folder, corpus)
    first = next((q for q in queries if adapter.query(q) is not None), None)
    open_ms = (time.perf_counter() - started) * 1000 if first else None
    warm_up = getattr(adapter, "warm_up", None)  # what the engine's own app does next
    if warm_up is not None:
        warm_up()
    for q in queries[:5]:  # warm-up, not timed
        adapter.query(q)
    times: dict[str, list[float]] = {}
    for q in queries[5:] + queries[:5]:
        t0 = time.perf_counter()
        shown = adapter.query(q)
        elapsed = time.perf_counter() - t0
        if shown is not None:
            times.setdefault(q.cls, []).append(elapsed * 1000)
    adapter.close()
    print(json.dumps({"open_ms": open_ms, "times": times}))


class _NewsdeskAdapter:
    def open(self, folder: Path, corpus: Path) -> None:
        from newsdesk.index.config import load_settings
        from newsdesk.index.engine import Engine

        self.engine = Engine(load_settings())

    def query(self, q: object) -> int:
        return len(self.engine.search(q.newsdesk, 20).hits)  # type: ignore[attr-defined]

    def warm_up(self) -> None:
        """What the dashboard loads in the background once the index is open (the
        vocabulary that prefix and fuzzy terms expand against)."""
        self.engine.warm_up()

    def close(self) -> None:
        self.engine.close()


def top_actors(workdir: Path, count: int) -> list[str]:
    """Actors of the newsdesk index for the actor-filter class, past the very top."""
    code = ("from newsdesk.index.config import load_settings\n"
            "from newsdesk.index.engine import Engine\nimport json\n"
            "with Engine(load_settings()) as e:\n"
            f"    print(json.dumps([a.name for a in e.actors.list(limit={count + 5})][5:]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=HERE, env=_env(workdir),
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


# -- the table --------------------------------------------------------------------------------

def _fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def _ratio(mine: float | None, other: float | None) -> str:
    if mine is None or other is None or other == 0:
        return "n/a"
    return f"{mine / other:.2f}"


def table(results: dict[str, dict], articles: int, missing: dict[str, str] | None = None,
          corpus: str = "", more: int = MORE) -> str:
    engines = [e for e in ENGINES if e in results]
    peers = [e for e in engines if e != "newsdesk"]
    rows: list[tuple[str, dict[str, float | None], bool]] = []  # (label, values, higher is better)

    def row(label: str, pick, higher: bool = False) -> None:  # type: ignore[no-untyped-def]
        rows.append((label, {e: pick(results[e]) for e in engines}, higher))

    row("ingest, articles/s", lambda r: r["ingest"]["rate"] or None, higher=True)
    row("ingest, s", lambda r: r["ingest"]["seconds"] if r["ingest"]["rate"] else None)
    row("ingest, CPU s (all its processes)", lambda r: r["ingest"].get("cpu_s")
        if r["ingest"]["rate"] else None)
    row("ingest, CPU ms per article", lambda r: r["ingest"]["cpu_s"] * 1000 / articles
        if r["ingest"]["rate"] and "cpu_s" in r["ingest"] else None)
    row("peak memory in ingest, MB (Pss added up)", lambda r: r["ingest"]["peak_mb"]
        if r["ingest"]["rate"] else None)
    row("the same, Rss added up, MB", lambda r: r["ingest"].get("peak_rss_sum_mb")
        if r["ingest"]["rate"] else None)
    row("index size, MB", lambda r: r["ingest"]["index_mb"] or None)
    if more > 0:
        row(f"add {more:,} new articles, s", lambda r: (r.get("add") or {}).get("seconds"))
        row(f"add {more:,} new articles, CPU s", lambda r: (r.get("add") or {}).get("cpu_s"))
    row("open + first results, ms", lambda r: r["queries"]["open_ms"])
    for cls in CLASSES:
        for stat, fn in (("median", statistics.median), ("p95", p95)):
            row(f"{cls}, {stat} ms", lambda r, c=cls, f=fn: f(r["queries"]["times"][c])
                if r["queries"]["times"].get(c) else None)
    head = ["| " + " | ".join(["figure", *engines, "newsdesk / whoosh",
                               "newsdesk / best peer"]) + " |",
            "|" + "---|" * (len(engines) + 3)]
    lines = []
    for label, values, higher in rows:
        mine = values.get("newsdesk")
        candidates = [values[p] for p in peers if values.get(p) is not None]
        best = (max if higher else min)(candidates) if candidates else None
        cells = [label, *(_fmt(values[e]) for e in engines),
                 _ratio(mine, values.get("whoosh")), _ratio(mine, best)]
        lines.append("| " + " | ".join(cells) + " |")
    note = (f"\n{articles:,} articles{f' of {corpus}' if corpus else ''}. Peak memory and "
            "CPU are of each engine's own processes, measured alone (tests/bench/measured.py); "
            "peak memory is their proportional set sizes added up (each page once), the Rss "
            "row their resident sizes added up (a page they share counted once per process)."
            " Ratios are newsdesk's figure divided by the other's: "
            "above 1 is better for articles/s, below 1 is better for everything else. "
            "n/a: the engine has no such query (FTS5: fuzzy, wildcard; grep: fuzzy, "
            "proximity; only newsdesk knows actors), or no index (grep).")
    for cls, why in (missing or {}).items():
        note += f"\nNo {cls} queries in this run: {why}."
    return "\n".join(head + lines) + note


def _check_stock(engine: str) -> None:
    """The other engines run as their users would: no module of newsdesk's storage (its
    codec and its subclasses of Whoosh's classes, storage/whoosh_fixes.py) may be loaded
    in their process. (queries.py's import of newsdesk.index.analysis does install the
    lean-imports hook, storage/lean_imports.py, which changes no behaviour of Whoosh.)"""
    if engine != "newsdesk" and any(m.startswith("newsdesk.index.storage.")
                                    and not m.endswith(".lean_imports") for m in sys.modules):
        raise SystemExit(f"{engine}: newsdesk's Whoosh storage is loaded in its process")


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] in (["--child-build"], ["--child-add"], ["--child-query"]):
        _check_stock(argv[1])
    if argv[:1] == ["--child-build"]:
        child_build(argv[1], Path(argv[2]), Path(argv[3]))
        return 0
    if argv[:1] == ["--child-add"]:
        child_add(argv[1], Path(argv[2]), Path(argv[3]))
        return 0
    if argv[:1] == ["--child-query"]:
        child_query(argv[1], Path(argv[2]), Path(argv[3]), Path(argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000,
                        help="size of the generated corpus (not with --corpus)")
    parser.add_argument("--corpus", type=Path, default=None, metavar="FILE",
                        help="measure this JSON Lines file (records with a `text`; `id`, "
                             "`title`, `date` (ISO), `source`, `url` where they have them) "
                             "instead of a generated corpus")
    parser.add_argument("--workdir", type=Path, default=Path("bench-work"))
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--per-class", type=int, default=20)
    parser.add_argument("--more", type=int, default=MORE,
                        help="new articles added to the built index (the update figure; 0: "
                             "none)")
    parser.add_argument("--keep-indexes", action="store_true",
                        help="reuse the indexes in --workdir instead of building them")
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    if "tantivy" in engines:
        from tests.bench.peers import Tantivy

        if not Tantivy.available():
            print("tantivy is not installed (pip install -e '.[bench]'): left out",
                  file=sys.stderr)
            engines.remove("tantivy")
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    compile_sources()
    if args.corpus is not None:
        corpus = args.corpus.resolve()
        articles = count_records(corpus)
    else:
        corpus = workdir / f"corpus-{args.articles}.jsonl"
        if not corpus.exists():
            from tests.bench import generate_corpus

            generate_corpus.write(args.articles, corpus)
        articles = args.articles
    results: dict[str, dict] = {}
    for engine in engines:
        stamp = workdir / f"ingest-{engine}.json"
        if args.keep_indexes and stamp.exists():
            measured = json.loads(stamp.read_text())
        else:
            measured = ingest(engine, corpus, workdir, articles)
            stamp.write_text(json.dumps(measured))
        results[engine] = {"ingest": measured}
        print(f"{engine}: ingest {measured}", file=sys.stderr)
    actors = top_actors(workdir, args.per_class) if "newsdesk" in engines else []
    queries_path = workdir / "queries.json"
    queries = build(corpus, args.per_class, actors)
    save(queries, queries_path)
    missing = why_missing(queries, actors, "newsdesk" in engines)
    for cls, why in missing.items():
        print(f"no {cls} queries: {why}", file=sys.stderr)
    for engine in engines:
        results[engine]["queries"] = run_queries(engine, corpus, workdir, queries_path)
        print(f"{engine}: queries done", file=sys.stderr)
    for engine in engines:  # after the queries, which ran on the index as built
        stamp = workdir / f"add-{engine}.json"
        if args.keep_indexes and stamp.exists():
            kept = json.loads(stamp.read_text())  # seconds alone, from before CPU was measured
            results[engine]["add"] = {"seconds": kept} if isinstance(kept, float) else kept
        else:
            results[engine]["add"] = add_more(engine, corpus, workdir, articles, args.more)
            stamp.write_text(json.dumps(results[engine]["add"]))
    (workdir / "results.json").write_text(json.dumps(results, indent=1))
    print(table(results, articles, missing, corpus.name if args.corpus else "", args.more))
    return 0


if __name__ == "__main__":
    sys.exit(main())
