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
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import MultifieldParser

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from newsdesk.index.config import CorpusSettings
from newsdesk.index.ingest.corpus import CorpusReader, list_files
from newsdesk.index.ingest.indexer import _whoosh_doc
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


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("bulk")
    docs = documents(articles(tmp, 200, 200))
    random.Random(4).shuffle(docs)
    found: dict[str, Any] = {"docs": docs, "tmp": tmp}
    for name, codec in (("codec", NewsdeskCodec()), ("small", small_blocks())):
        by_whoosh(tmp / f"whoosh-{name}", docs, codec)
        words: set[str] = set()
        by_bulk(tmp / f"bulk-{name}", docs, codec, words)
        found[f"words-{name}"] = words
    return found


@pytest.mark.parametrize("codec", ["codec", "small"])
def test_bulk_segment_holds_what_whooshs_writer_writes(built: dict[str, Any],
                                                       codec: str) -> None:
    tmp = built["tmp"]
    ours, theirs = contents(tmp / f"bulk-{codec}"), contents(tmp / f"whoosh-{codec}")
    assert ours["stored"] == theirs["stored"]
    assert len(ours["stored"]) == len(built["docs"]) > 400
    assert ours["postings"].keys() == theirs["postings"].keys()
    assert ours["postings"] == theirs["postings"]
    assert ours["stats"] == theirs["stats"]
    assert ours["lengths"] == theirs["lengths"]
    assert positions(tmp / f"bulk-{codec}") == positions(tmp / f"whoosh-{codec}")
    multi_block = [k for k, v in ours["postings"].items() if len(v) > 32]
    assert multi_block  # terms of several blocks were compared


def test_bulk_segment_answers_as_whooshs_writer(built: dict[str, Any]) -> None:
    tmp = built["tmp"]
    ours, theirs = searched(tmp / "bulk-codec"), searched(tmp / "whoosh-codec")
    assert ours == theirs
    assert all(ours[q] for q in QUERIES), [q for q in QUERIES if not ours[q]]


def test_bulk_segment_collects_the_words_it_indexes(built: dict[str, Any]) -> None:
    words = built["words-codec"]
    assert {"government", "said", "minister"} <= words
    assert "the" not in words and "governments" not in {w for w in words if w == "govern"}


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


def test_stock_whoosh_opens_the_bulk_index(built: dict[str, Any]) -> None:
    """Stock Whoosh's open_dir, parser and searcher, in a process of its own: the index's
    table of contents names the codec (and the analyzer), which unpickling imports; nothing
    else of newsdesk's storage is loaded."""
    tmp = built["tmp"]
    queries = ["said", "government", '"prime minister"', "oil"]
    answers = {}
    for name in ("bulk-codec", "whoosh-codec"):
        out = subprocess.run([sys.executable, "-c", STOCK, str(tmp / name), *queries],
                             capture_output=True, text=True, check=True)
        answers[name] = json.loads(out.stdout)
    ours = answers["bulk-codec"]
    assert ours["docs"] == len(built["docs"])
    assert ours["found"] == answers["whoosh-codec"]["found"]
    assert all(ours["found"][q] for q in queries)
    assert whoosh_index.exists_in(str(tmp / "bulk-codec"))
