"""The bulk segment writer (storage/bulk_segment.py) writes the index Whoosh's own
per-document writer writes: the same documents, terms, postings, positions, statistics and
field lengths, the same hits and scores, and stock Whoosh opens and searches it.

The reference is Whoosh's SegmentWriter.add_document with newsdesk's codec: the path the
indexer took before the bulk writer, kept here only as the reference."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from itertools import islice
from pathlib import Path
from typing import Any

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import MultifieldParser

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.analysis import NewsAnalyzer
from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.corpus import CorpusReader, list_files
from newsdesk.index.ingest.documents import whoosh_doc as _whoosh_doc
from newsdesk.index.models import Article
from newsdesk.index.storage import bulk_segment
from newsdesk.index.storage.codec import NewsdeskCodec
from newsdesk.index.storage.schema import build_schema
from newsdesk.index.storage.term_ids import Vocabulary
from tests.bench.generate_corpus import write as write_generated
from tests.helpers.paths import CORPORA, SEEDS
from tests.helpers.segments import contents, small_blocks

QUERIES = ["said", "oil", "government", "bank OR trade", "minister AND election",
           '"last year"', '"prime minister"', '"the government said"', "title:oil",
           "actors:*", "source:bbc"]


def articles(tmp_path: Path, generated: int, real: int) -> list[Article]:
    """The seeds, `generated` generated articles, and the first `real` BBC articles when
    the shared corpora are here (else as many more generated)."""
    sources = [SEEDS, tmp_path / "generated.jsonl"]
    write_generated(generated + (0 if (CORPORA / "bbc-news-2225.jsonl").exists() else real),
                    sources[1], seed=11)
    found: list[Article] = []
    reader = CorpusReader(CorpusSettings(sources=sources))
    for source in sources:
        files, _ = list_files([source])
        for sf in files:
            found.extend(a for a in reader.read(sf) if isinstance(a, Article))
    bbc = CORPORA / "bbc-news-2225.jsonl"
    if bbc.exists():
        sf = next(f for f in list_files([bbc])[0])
        found.extend(islice((a for a in reader.read(sf) if isinstance(a, Article)), real))
    return found


def documents(found: list[Article]) -> list[dict[str, Any]]:
    extractor = make_extractor(load_dictionaries([SEEDS / "actors.yaml"]))
    docs = []
    for i, article in enumerate(found):
        keys = {m.key for m in extractor.extract(article.title, article.text).mentions}
        docs.append(_whoosh_doc(article, 1_700_000_000 + i, keys))
    return docs


def by_whoosh(folder: Path, docs: list[dict[str, Any]], codec: NewsdeskCodec) -> None:
    ix = FileStorage(str(folder)).create().create_index(build_schema())
    writer = ix.writer(codec=codec)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    ix.close()


def by_bulk(folder: Path, docs: list[dict[str, Any]], codec: NewsdeskCodec,
            words: set[str] | None = None) -> None:
    ix = FileStorage(str(folder)).create().create_index(build_schema())
    writer = ix.writer(codec=codec)
    segment = bulk_segment.write_segment(writer, docs, Vocabulary(), words)
    bulk_segment.commit(writer, segment)
    ix.close()


def positions(folder: Path) -> dict[tuple[str, str], list[list[int]]]:
    ix = FileStorage(str(folder)).open_index()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        found = {}
        for field in ("title", "body"):
            for text in reader.field_terms(field):
                found[(field, text)] = [
                    list(where) for _, where in
                    reader.postings(field, text).items_as("positions")]
        return found


def searched(folder: Path) -> dict[str, list[tuple[str, float]]]:
    ix = FileStorage(str(folder)).open_index()
    parser = MultifieldParser(["title", "body"], ix.schema)
    with ix.searcher() as searcher:
        return {q: [(hit["id"], round(hit.score, 9)) for hit in searcher.search(
            parser.parse(q), limit=None)] for q in QUERIES}


class Built:
    """The documents, and each codec's pair of indexes (Whoosh's writer, the bulk writer),
    built when first asked for."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.docs = documents(articles(tmp, 120, 120))
        random.Random(4).shuffle(self.docs)
        self.words: dict[str, set[str]] = {}

    def pair(self, name: str) -> tuple[Path, Path]:
        bulk, whoosh = self.tmp / f"bulk-{name}", self.tmp / f"whoosh-{name}"
        if name not in self.words:
            codec = NewsdeskCodec() if name == "codec" else small_blocks()
            by_whoosh(whoosh, self.docs, codec)
            self.words[name] = set()
            by_bulk(bulk, self.docs, codec, self.words[name])
        return bulk, whoosh


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return Built(tmp_path_factory.mktemp("bulk"))


# Blocks of 32 postings make terms of many blocks (the default's 512 make few here).
@pytest.mark.parametrize("codec", ["codec", "small"])
def test_bulk_segment_holds_what_whooshs_writer_writes(built: Built, codec: str) -> None:
    bulk, whoosh = built.pair(codec)
    ours, theirs = contents(bulk), contents(whoosh)
    assert ours["stored"] == theirs["stored"]
    assert len(ours["stored"]) == len(built.docs) > 240
    assert ours["postings"].keys() == theirs["postings"].keys()
    assert ours["postings"] == theirs["postings"]
    assert ours["stats"] == theirs["stats"]
    assert ours["lengths"] == theirs["lengths"]
    assert positions(bulk) == positions(whoosh)
    assert [k for k, v in ours["postings"].items() if len(v) > 32]  # (several blocks of 32)


def test_postings_packed_a_few_terms_at_a_time_are_the_same(
        built: Built, monkeypatch: pytest.MonkeyPatch) -> None:
    """A field's postings are packed a run of terms at a time (bounding the arrays); parts
    of a few hundred positions (a term to many) make what Whoosh's writer makes."""
    monkeypatch.setattr(bulk_segment, "PART_POSITIONS", 300)
    parted = built.tmp / "bulk-parted"
    by_bulk(parted, built.docs, small_blocks())
    _, whoosh = built.pair("small")
    assert contents(parted) == contents(whoosh)
    assert positions(parted) == positions(whoosh)


def test_bulk_segment_answers_as_whooshs_writer(built: Built) -> None:
    bulk, whoosh = built.pair("codec")
    ours, theirs = searched(bulk), searched(whoosh)
    assert ours == theirs
    assert all(ours[q] for q in QUERIES), [q for q in QUERIES if not ours[q]]


def test_bulk_segment_collects_the_words_it_indexes(built: Built) -> None:
    """The folded words of title and body, as the analyzer gathers them indexing."""
    analyzer = NewsAnalyzer()
    expected: set[str] = set()
    analyzer.collect = expected
    built.pair("codec")
    for doc in built.docs:
        for field in ("title", "body"):
            analyzer.positions_of(doc.get(field) or "")
    assert built.words["codec"] == expected
    assert {"government", "said", "minister"} <= expected and "the" not in expected


STOCK = '''
import json, sys
from whoosh import index
from whoosh.qparser import QueryParser
ix = index.open_dir(sys.argv[1])
found = {}
with ix.searcher() as searcher:
    parser = QueryParser("body", ix.schema)
    for query in sys.argv[2:]:
        found[query] = [(h["id"], round(h.score, 9))
                        for h in searcher.search(parser.parse(query), limit=None)]
    loaded = [m for m in sys.modules if m.startswith("newsdesk.index.storage")]
print(json.dumps({"docs": ix.doc_count(), "found": found, "loaded": loaded}))
'''


def test_stock_whoosh_opens_the_bulk_index(built: Built) -> None:
    """Stock Whoosh's open_dir, parser and searcher, in a process of its own: the index's
    table of contents names the codec (and the analyzer), which unpickling imports; nothing
    else of newsdesk's storage is loaded."""
    queries = ["said", "government", '"prime minister"', "oil"]
    answers = []
    for folder in built.pair("codec"):
        out = subprocess.run([sys.executable, "-c", STOCK, str(folder), *queries],
                             capture_output=True, text=True, check=True)
        answers.append(json.loads(out.stdout))
    ours, theirs = answers
    assert ours["docs"] == len(built.docs)
    assert ours["found"] == theirs["found"]
    assert all(ours["found"][q] for q in queries)
    # Unpickling the table of contents imports the codec; nothing writes here.
    assert "newsdesk.index.storage.codec" in ours["loaded"]
    assert not {"newsdesk.index.storage.bulk_segment",
                "newsdesk.index.storage.block_packing"} & set(ours["loaded"])


def test_small_batches_merge_and_terms_stay_in_field_order(tmp_path: Path) -> None:
    """Batches of five make many segments, which merge: each segment's term table goes
    in order of field name (the late "actors" field first), as Whoosh's readers and our
    merges take it; the merge used to stop on 'title' .. 'actors'."""
    from whoosh import index as whoosh_index

    from newsdesk.index.config import load_settings
    from newsdesk.index.engine import Engine
    from newsdesk.index.ingest.indexer import Indexer

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.index.dir = tmp_path / "index"
    Indexer(settings).run()
    with open(corpus / "archive.jsonl", "w", encoding="utf-8") as out:
        for i in range(40):
            out.write(json.dumps({"id": f"z{i}", "title": f"Zebra report {i}",
                                  "text": f"A zebra met Anna Berg in Oslo, number {i}."}) + "\n")
    settings.index.batch_size = 5
    Indexer(settings).run()
    with Engine(settings) as engine:
        assert engine.doc_count == 45 and engine.search("zebra").total == 40
    ix = whoosh_index.open_dir(str(engine.paths.whoosh))
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            names = [name for name, _ in leaf.all_terms()]
            assert names == sorted(names) and "actors" in names
