"""The build on a Dask cluster gives the index of a local build: a real scheduler and two
workers on 127.0.0.1, each a process of its own, build the seeds and a few hundred
generated articles into a folder all of them see; then an update (changed and removed
articles) goes the same way. Same article set, same hits and scores for the benchmark's
queries, same actor list as a local build of the same corpus. Skipped, saying why, when the
cluster extra is not installed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.corpus import CorpusReader
from newsdesk.index.ingest.files import SourceFile
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.models import NewsdeskError
from newsdesk.index.paths import index_paths
from tests.bench import generate_corpus
from tests.bench.queries import build as build_queries
from tests.helpers.paths import SEEDS

GENERATED = 300


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-thread workers, separate processes on 127.0.0.1; its
    address. (Imported here, not at collection: the default suite, which leaves these
    tests out, does not pay for importing Dask.)"""
    pytest.importorskip(
        "distributed", reason="the cluster extra is not installed (pip install -e '.[cluster]')")
    from tests.bench.cluster_scale import local_cluster

    with local_cluster(2, tmp_path_factory.mktemp("dask")) as (address, _):
        yield address


def _settings(folder: Path, sources: list[Path], cluster: str | None) -> Settings:
    settings = load_settings()
    settings.corpus.sources = sources
    settings.index.dir = folder
    settings.index.batch_size = 250  # several batches, each cut into two parts
    settings.index.cluster = cluster
    return settings


def _state(settings: Settings, corpus: Path) -> dict:
    """What a user sees of an index: its articles, the hits and scores of the benchmark's
    queries (every hit, so that ties at a page's edge cannot differ), and the actors."""
    with Engine(settings) as engine:
        names = [a.name for a in engine.actors.list()]
        queries = build_queries(corpus, 3, names[5:10])
        hits = {}
        for query in queries:
            found = engine.search(query.newsdesk, limit=10_000)
            hits[query.newsdesk] = (found.total, sorted(
                (round(-hit.score, 6), hit.id) for hit in found.hits))
        actors = [(a.name, a.type, a.articles, a.mentions, sorted(a.aliases))
                  for a in engine.actors.list()]
    ix = whoosh_index.open_dir(str(index_paths(settings).whoosh))  # stock Whoosh reads it
    with ix.searcher() as searcher:
        ids = sorted(fields["id"] for fields in searcher.all_stored_fields())
    ix.close()
    assert {q.cls for q in queries} >= {"common term", "phrase", "actor filter",
                                        "date range"}
    return {"ids": ids, "hits": hits, "actors": actors}


@pytest.mark.slow  # 25 s on 2 cores: four builds and a cluster's start
def test_cluster_build_is_the_local_build(scheduler: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "corpus" / "generated.jsonl"
    corpus.parent.mkdir()
    generate_corpus.write(GENERATED, corpus)
    with corpus.open("a", encoding="utf-8") as out:  # problems, reported the same
        out.write('{"id": "broken", "text": \n{"id": "empty", "text": ""}\n')
    sources = [SEEDS, corpus.parent]
    local = _settings(tmp_path / "local", sources, None)
    remote = _settings(tmp_path / "cluster", sources, scheduler)
    read_here: list[str] = []
    real_read = CorpusReader.read

    def recorded(self: CorpusReader, sf: SourceFile) -> Iterator[object]:
        read_here.append(Path(sf.path).name)
        return real_read(self, sf)

    monkeypatch.setattr(CorpusReader, "read", recorded)
    problems = []
    said: list[list[str]] = []  # the notices of each run (printed by `newsdesk index`)
    for settings in (local, remote):
        read_here.clear()
        said.append([])
        report = Indexer(settings).run(lambda p: said[-1].append(p.notice) if p.notice else None)
        assert report.added == GENERATED + 5
        problems.append([str(p) for p in report.problems])
    # The cluster's build says where it builds, and on how many workers; the local none.
    assert said == [[], [f"Connecting to the Dask scheduler at {scheduler} (waiting up to "
                         "30 s)…", f"Building on the Dask cluster at {scheduler}: "
                         "2 workers, 2 threads."]]
    assert read_here == []  # the cluster's workers parsed every file
    assert len(problems[0]) == 2 and problems[0] == problems[1]
    first = _state(remote, corpus)
    assert len(first["ids"]) == GENERATED + 5 and first["actors"]
    assert first == _state(local, corpus)

    # An update: some articles changed, some gone; deletions and replacements go through
    # the coordinator's commit.
    lines = corpus.read_text().splitlines()[:-2]
    changed = [json.dumps({**json.loads(line), "text": json.loads(line)["text"]
                           + "\nLater: the minister resigned in Geneva."})
               for line in lines[:40]]
    corpus.write_text("\n".join(changed + lines[40:-30]) + "\n")
    for settings in (local, remote):
        report = Indexer(settings).run()
        assert (report.updated, report.removed) == (40, 30)
    second = _state(remote, corpus)
    assert len(second["ids"]) == GENERATED + 5 - 30
    assert second == _state(local, corpus)
    assert second["hits"] != first["hits"]


@pytest.mark.slow  # a cluster's start: 8 s
def test_workers_that_cannot_see_the_index_are_refused(scheduler: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    """A worker that does not see the index's folder (not shared, or at another path) is
    said so before anything is written."""
    from newsdesk.index.ingest import cluster

    monkeypatch.setattr(cluster, "probe", _blind_probe)
    settings = _settings(tmp_path / "index", [SEEDS], scheduler)
    with pytest.raises(NewsdeskError, match="cannot see the index's folder"):
        Indexer(settings).run()


def _blind_probe(root: str, name: str) -> tuple[bool, int]:
    from newsdesk.index.storage.schema import SCHEMA_VERSION

    return False, SCHEMA_VERSION
