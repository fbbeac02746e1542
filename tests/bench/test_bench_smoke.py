"""The latency benchmark, small: it runs in every `make test`, so it cannot rot. No timing
assertions here; the full run is `make bench` (marker: bench)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from tests.bench import scale, ui_latency, views_latency
from tests.helpers.paths import CORPORA, ROOT, SEEDS


def test_latency_benchmark_smoke(tmp_path: Path) -> None:
    env = ui_latency.prepare([SEEDS], tmp_path / "seeds")
    launch = ui_latency.first_frames(env, launches=1)
    assert 0 < launch.arrived[0] <= launch.painted[0] <= launch.ready[0]
    assert len(launch.quits) == 1
    times, arrived = ui_latency.keystrokes(env, ["pompeo", "soleimani", "drone strike"])
    assert len(times) == len(arrived) >= 2
    assert all(0 < out <= shown for out, shown in zip(arrived, times, strict=True))
    logged = Path(env["NEWSDESK_LATENCY_LOG"]).read_text().splitlines()
    assert any(line.endswith("\tsoleimani") for line in logged)
    assert "median" in ui_latency.summary("x", times)
    screen, out, in_app, length = ui_latency.reader_steps(env, presses=3)
    assert len(screen) == len(out) == len(in_app) == 3 and length > 50_000
    assert all(0 < o <= s for o, s in zip(out, screen, strict=True))


@pytest.mark.bench
def test_latency_benchmark_full() -> None:
    assert CORPORA.is_dir(), "the full benchmark measures ../shared/corpora: put it beside " \
        "the checkout"
    assert ui_latency.main([]) == 0


def test_scale_benchmark_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Every engine and every query class, on 250 articles (recombined from
    ../shared/corpora, or from tests/helpers/newswire.py without them): the table comes out
    whole."""
    engines = "newsdesk,whoosh,fts5,grep" + (",tantivy" if _has_tantivy() else "")
    assert scale.main(["--articles", "250", "--workdir", str(tmp_path), "--per-class", "2",
                       "--engines", engines, "--more", "40"]) == 0
    table = capsys.readouterr().out
    for label in ("ingest, articles/s", "open + first results", "fuzzy, p95 ms",
                  "actor filter, median ms", "date range, p95 ms"):
        assert label in table
    row = next(line for line in table.splitlines() if line.startswith("| common term, median"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert all(c != "n/a" for c in cells[1:5])  # newsdesk, whoosh, fts5, grep all answered
    added = next(line for line in table.splitlines() if line.startswith("| add 40 new"))
    assert [c.strip() != "n/a" for c in added.strip("|").split("|")][1:3] == [True, True]
    cpu = _by_engine(table, "| ingest, CPU ms per article")
    assert cpu.pop("grep") == "n/a"  # builds no index
    assert all(float(c) > 0 for c in cpu.values()), cpu
    added_cpu = _by_engine(table, "| add 40 new articles, CPU s")
    assert float(added_cpu["newsdesk"]) > 0 and float(added_cpu["whoosh"]) > 0
    assert "No " not in table.partition("n/a: the engine")[2]  # every class was drawn
    for name in ("NEWSDESK_CONFIG", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, scale._env(tmp_path)[name])
    with Engine(load_settings()) as engine:  # the update reached the index: 250 + 40
        assert engine.doc_count == 290


def test_scale_benchmark_on_a_corpus_file(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """--corpus: any JSON Lines file, here one without ids or dates. The classes it cannot
    give (date ranges; actors, without newsdesk in the run) are said so, not left out."""
    from tests.helpers import newswire

    corpus = tmp_path / "mine.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for record in newswire.records(150):
            out.write(json.dumps({"title": record["title"], "text": record["text"]}) + "\n")
    assert scale.main(["--corpus", str(corpus), "--workdir", str(tmp_path / "work"),
                       "--per-class", "2", "--engines", "fts5,grep", "--more", "0"]) == 0
    captured = capsys.readouterr()
    table = captured.out
    assert "150 articles of mine.jsonl" in table
    assert _cells(table, "| common term, median")[:2] != ["n/a", "n/a"]
    assert float(_cells(table, "| ingest, CPU s")[0]) > 0  # fts5's
    assert "No date range queries in this run: no article of the corpus" in table
    assert "No actor filter queries in this run: only newsdesk finds actors" in table
    assert "no date range queries" in captured.err


def _by_engine(table: str, label: str) -> dict[str, str]:
    """The row that starts with `label`, by the engines of the table's header."""
    engines = _cells(table, "| figure")[:-2]  # less the two ratio columns
    return dict(zip(engines, _cells(table, label), strict=False))


def _cells(table: str, label: str) -> list[str]:
    """The engines' cells of the row that starts with `label`."""
    row = next(line for line in table.splitlines() if line.startswith(label))
    return [c.strip() for c in row.strip("|").split("|")][1:]


def test_an_engine_is_measured_alone(tmp_path: Path) -> None:
    """The benchmark's own memory sets no floor under an engine's peak (Linux carries a
    peak across fork and exec), and CPU counts processes that outlive their parent."""
    ballast = b"x" * 400_000_000  # the benchmark process, grown large
    burn = ("import time\nt = time.process_time()\n"
            "while time.process_time() - t < 0.5:\n    pass")
    orphan = f"import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', {burn!r}])"
    run = scale._run_measured([sys.executable, "-c", orphan], dict(os.environ))
    assert len(ballast) and run.peak_mb < 100, run
    assert run.cpu_s >= 0.5, run


def test_memory_shared_by_forked_processes_counts_once(tmp_path: Path) -> None:
    """The headline peak counts a page two processes share once (Pss added up); the Rss
    sum beside it counts it twice: a process holding 150 MB forks a child that keeps
    sharing them."""
    held = ("import os, time\nheld = bytearray(150_000_000)\n"
            "for i in range(0, len(held), 4096):\n    held[i] = 1\n"
            "pid = os.fork()\ntime.sleep(1.0)\nif pid == 0:\n    os._exit(0)\n"
            "os.waitpid(pid, 0)")
    run = scale._run_measured([sys.executable, "-c", held], dict(os.environ))
    assert run.peak_rss_sum_mb > 290, run
    assert 140 < run.peak_mb < 200, run
    assert [p["pss_mb"] > 70 for p in run.at_peak].count(True) == 2, run


def test_scale_queries_are_the_same_in_every_process(tmp_path: Path) -> None:
    """Two runs draw the same queries (the seed fixes them, not the process's str hashes):
    comparing two versions of newsdesk, each in a run of its own, times the same words."""
    from tests.bench import generate_corpus

    corpus = tmp_path / "corpus.jsonl"
    generate_corpus.write(1500, corpus)
    code = ("import sys\nfrom pathlib import Path\nfrom tests.bench.queries import build, save\n"
            "save(build(Path(sys.argv[1]), 5, []), Path(sys.argv[2]))")
    drawn = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"queries-{hash_seed}.json"
        subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], check=True,
                       cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": hash_seed})
        drawn.append(out.read_text())
    assert drawn[0] == drawn[1]
    assert '"rare term"' in drawn[0]


def _has_tantivy() -> bool:
    from tests.bench.peers import Tantivy

    return Tantivy.available()


def test_views_benchmark_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert views_latency.main(["--corpus", str(SEEDS), "--workdir", str(tmp_path),
                               "--queries", "2"]) == 0
    out = capsys.readouterr().out
    assert "engine facets" in out and "results -> facets" in out
    assert "results -> concordance" in out and "results -> keywords" in out
    painted = [line for line in out.splitlines() if "results ->" in line]
    assert len(painted) == 4 and all(" n=0 " not in line for line in painted)


def test_typing_benchmark_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.bench import typing as typing_bench

    assert typing_bench.keystrokes(["oil", "bank gold"]) == ["oil", "bank gol", "bank gold"]
    assert typing_bench.main(["--corpus", str(SEEDS), "--workdir", str(tmp_path),
                              "--rounds", "1"]) == 0
    out = capsys.readouterr().out
    assert "B/A: median" in out and "searched as a prefix" in out


def test_first_keywords_benchmark_smoke(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.bench import keyness_first_cpu

    env = ui_latency.prepare([SEEDS], tmp_path / "seeds")
    assert keyness_first_cpu.main(["--config", env["NEWSDESK_CONFIG"], "--launches", "1",
                                   "--later", "1"]) == 0
    out = capsys.readouterr().out
    assert "(warmed: True" in out and "first words CPU n=1 " in out
    assert "later all wall n=1 " in out


def test_add_series_and_segments_query_smoke(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """tests.bench.add_series adds to a built index twice (its steps timed), and
    tests.bench.segments_query times the index as built and after."""
    from tests.bench import add_series, generate_corpus, segments_query
    from tests.bench.queries import build, save

    corpus = tmp_path / "corpus.jsonl"
    generate_corpus.write(300, corpus)
    built = tmp_path / "built"
    built.mkdir()
    scale.ingest("newsdesk", corpus, built, 300)
    shutil.copytree(built, tmp_path / "added")
    assert add_series.main([str(tmp_path / "added"), "--corpus", str(corpus), "--adds", "2",
                            "--count", "20", "--steps"]) == 0
    out = capsys.readouterr().out
    assert "add 2: wall" in out and "duplicates" in out
    assert "2 adds of 20 to 300: wall median" in out
    assert add_series.main([str(tmp_path / "added"), "--corpus", str(corpus), "--adds", "1",
                            "--count", "20", "--after", "2", "--watch"]) == 0
    out = capsys.readouterr().out
    assert "add 3: wall" in out and "disk before: " in out and ", disk " in out
    assert "searches during the series: " in out and "errors 0" in out
    queries = tmp_path / "queries.json"
    save(build(corpus, 2, []), queries)
    assert segments_query.main([str(queries), str(corpus), str(built), str(tmp_path / "added"),
                                "--rounds", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "(1 segments)" in lines[0] and "(4 segments)" in lines[1]


def test_actor_filter_check_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsdesk.index.ingest.indexer import Indexer
    from tests.bench import actor_filter_check

    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    settings = load_settings()
    settings.corpus.sources, settings.index.dir = [corpus.resolve()], None  # as --corpus
    Indexer(settings).run()
    assert actor_filter_check.main([str(corpus), "--top", "8", "--places", "2",
                                    "--pairs", "4"]) == 0
    report = json.loads(capsys.readouterr().out.split("\n== ")[0])
    assert report["actors"] == 8 and report["hits verified"] > 8
    assert report["combined queries"] == 12


def test_actor_steps_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two extracting processes, HEAD's and the working tree's, over the seeds' texts in
    turns: a ratio a pass, printed."""
    from tests.bench import actor_steps

    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": p.stem, "title": "", "text": p.read_text(encoding="utf-8")}) + "\n"
        for p in sorted(SEEDS.glob("*.txt"))[:60]), encoding="utf-8")
    ratios = actor_steps.compare(corpus, "HEAD", 1)
    assert len(ratios) == 1 and ratios[0] > 0
    assert "median ratio" in capsys.readouterr().out


def test_extract_ab_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """HEAD's extract.py and the working tree's in one process over the seeds' texts in
    turns: a ratio a pass, printed; the two extractors are of two modules."""
    from tests.bench import extract_ab

    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": p.stem, "title": "", "text": p.read_text(encoding="utf-8")}) + "\n"
        for p in sorted(SEEDS.glob("*.txt"))[:60]), encoding="utf-8")
    ratios = extract_ab.compare(corpus, "HEAD", 1)
    assert len(ratios) == 1 and ratios[0] > 0
    assert "median ratio" in capsys.readouterr().out
    other = extract_ab._module(ROOT / "index" / "actors" / "extract.py", "_extract_other")
    assert type(extract_ab._extractor(other.Extractor)).__module__ == "_extract_other"


def test_run_repeats_smoke(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The runs' repeats over the seeds, in batches of 20: a repeat with its context is a
    repeat alone, and a second copy of the corpus repeats every run of the first."""
    from tests.bench import run_repeats

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))[:20]]
    runs, repeated = run_repeats.repeats(texts, 20, [0, 40])
    assert runs > 100 and runs > repeated[0] >= repeated[40]
    twice, again = run_repeats.repeats(texts + texts, 40, [0, 40])
    assert twice == 2 * runs and again[40] >= runs
    corpus = tmp_path / "seeds.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    assert run_repeats.main([str(corpus), "--batch", "5"]) == 0
    assert "repeated with 40 characters either side" in capsys.readouterr().out


def test_add_series_slices_a_real_corpus_count_at_a_time(tmp_path: Path) -> None:
    """add_series --more: add i takes the file's records i * count + 1 to (i + 1) *
    count (blank lines skipped, a last line without its newline given one); too few, none."""
    from tests.bench.add_series import _slice

    source = tmp_path / "more.jsonl"
    source.write_text('{"id": 1}\n\n{"id": 2}\n{"id": 3}\n{"id": 4}', encoding="utf-8")
    out = tmp_path / "slice.jsonl"
    assert _slice(source, 2, 2, out)
    assert out.read_text(encoding="utf-8") == '{"id": 3}\n{"id": 4}\n'
    out.unlink()
    assert not _slice(source, 2, 3, out) and not out.exists()
