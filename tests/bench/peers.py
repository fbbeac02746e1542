"""The engines newsdesk is measured against, each used the obvious way, behind one small
interface: build an index of a JSON Lines corpus, open it, answer a query with its first
page of highlighted snippets. Benchmark code only: tantivy is a bench extra, never a
runtime dependency.

- whoosh: stock Whoosh 2.7 as its documentation shows it: StemmingAnalyzer on title and
  body, body stored with character positions, one writer, one commit; snippets from
  `hit.highlights("body")`.
- fts5: SQLite FTS5 with the porter tokenizer, title and body in one virtual table;
  snippets from `snippet()`, ranking by bm25.
- tantivy: tantivy-py with the English stemmer, body stored; snippets from its
  SnippetGenerator.
- grep: no index; the query run by grep over the raw corpus file (what a person does
  without one)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from tests.bench.queries import BenchQuery

PAGE = 20


class Peer(Protocol):
    name: str

    def build(self, corpus: Path, folder: Path) -> int: ...

    def open(self, folder: Path, corpus: Path) -> None: ...

    def query(self, query: BenchQuery) -> int | None:
        """The first page with snippets; the number of hits shown (None: not supported)."""

    def close(self) -> None: ...


def records(corpus: Path) -> Iterator[dict[str, Any]]:
    """The corpus's records, as newsdesk reads them by default: `text` is needed, `id`
    is the line number where absent, `title` is empty where absent (any JSON Lines file
    can be measured: tests/bench/scale.py --corpus)."""
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue  # newsdesk skips an unreadable record too
            if not isinstance(record, dict) or not isinstance(record.get("text"), str) \
                    or not record["text"].strip():
                continue  # and one without a text
            record["id"] = str(record.get("id") or number)
            record["title"] = str(record.get("title") or "")
            yield record


def _date(value: object) -> datetime | None:
    """An ISO date or date-time; None for none, or for one of another form."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


# -- stock Whoosh -----------------------------------------------------------------------------

class StockWhoosh:
    name = "whoosh"

    def build(self, corpus: Path, folder: Path) -> int:
        from whoosh import fields, index
        from whoosh.analysis import StemmingAnalyzer

        schema = fields.Schema(
            id=fields.ID(stored=True, unique=True),
            title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
            body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True, chars=True),
            source=fields.ID(stored=True), date=fields.DATETIME(stored=True))
        folder.mkdir(parents=True, exist_ok=True)
        return self._add(index.create_in(str(folder), schema), corpus)

    def add(self, corpus: Path, folder: Path) -> int:
        """Add the articles of `corpus` to the index already in `folder`."""
        from whoosh import index

        return self._add(index.open_dir(str(folder)), corpus)

    @staticmethod
    def _add(ix: Any, corpus: Path) -> int:
        writer = ix.writer()
        count = 0
        for r in records(corpus):
            doc = {"id": r["id"], "title": r["title"], "body": r["text"]}
            if r.get("source"):
                doc["source"] = str(r["source"])
            if _date(r.get("date")):
                doc["date"] = _date(r["date"])
            writer.add_document(**doc)
            count += 1
        writer.commit()
        return count

    def open(self, folder: Path, corpus: Path) -> None:
        from whoosh import index
        from whoosh.qparser import MultifieldParser
        from whoosh.qparser.dateparse import DateParserPlugin
        from whoosh.qparser.plugins import FuzzyTermPlugin, GtLtPlugin

        self.ix = index.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema)
        self.parser.add_plugin(FuzzyTermPlugin())
        self.parser.add_plugin(GtLtPlugin())
        self.parser.add_plugin(DateParserPlugin())

    def query(self, query: BenchQuery) -> int | None:
        text = query.whoosh
        if text is None:
            return None
        results = self.searcher.search(self.parser.parse(text), limit=PAGE)
        for hit in results:
            hit.highlights("body")
        return len(results)

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()


# -- SQLite FTS5 ------------------------------------------------------------------------------

class Fts5:
    name = "fts5"

    def build(self, corpus: Path, folder: Path) -> int:
        folder.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(folder / "fts.sqlite")
        db.execute("CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body, "
                   "source UNINDEXED, date UNINDEXED, tokenize='porter unicode61')")
        count = 0
        with db:
            for r in records(corpus):
                db.execute("INSERT INTO articles VALUES (?,?,?,?,?)",
                           (r["id"], r["title"], r["text"], r.get("source"),
                            d.date().isoformat() if (d := _date(r.get("date"))) else None))
                count += 1
        db.close()
        return count

    def open(self, folder: Path, corpus: Path) -> None:
        self.db = sqlite3.connect(folder / "fts.sqlite")

    def query(self, query: BenchQuery) -> int | None:
        if query.fts5 is None:
            return None
        match, dates = query.fts5
        snippet = "snippet(articles, 2, '[', ']', '…', 24)"
        if match is None:  # a date range alone: FTS5 has no index for it
            rows = self.db.execute(f"SELECT id, title, {snippet} FROM articles WHERE "
                                   "date BETWEEN ? AND ? LIMIT ?", (*dates, PAGE)).fetchall()
            self.db.execute("SELECT count(*) FROM articles WHERE date BETWEEN ? AND ?",
                            dates).fetchone()
            return len(rows)
        where, args = "articles MATCH ?", [match]
        if dates:
            where += " AND date BETWEEN ? AND ?"
            args += list(dates)
        rows = self.db.execute(f"SELECT id, title, {snippet} FROM articles WHERE {where} "
                               "ORDER BY rank LIMIT ?", (*args, PAGE)).fetchall()
        self.db.execute(f"SELECT count(*) FROM articles WHERE {where}", args).fetchone()
        return len(rows)

    def close(self) -> None:
        self.db.close()


# -- tantivy ----------------------------------------------------------------------------------

class Tantivy:
    name = "tantivy"

    @staticmethod
    def available() -> bool:
        try:
            import tantivy  # noqa: F401
        except ImportError:
            return False
        return True

    def _schema(self) -> Any:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        builder.add_date_field("date", stored=True, indexed=True, fast=True)
        return builder.build()

    def build(self, corpus: Path, folder: Path) -> int:
        import tantivy

        folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self._schema(), path=str(folder))
        writer = index.writer(heap_size=256 * 1024 * 1024)
        count = 0
        for r in records(corpus):
            doc = tantivy.Document(id=r["id"], title=r["title"], body=r["text"])
            if _date(r.get("date")):
                doc.add_date("date", _date(r["date"]))
            writer.add_document(doc)
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        return count

    def open(self, folder: Path, corpus: Path) -> None:
        import tantivy

        self.index = tantivy.Index(self._schema(), path=str(folder))
        self.index.reload()
        self.searcher = self.index.searcher()

    def query(self, query: BenchQuery) -> int | None:
        import tantivy

        if query.tantivy is None:
            return None
        parsed = self.index.parse_query(query.tantivy, ["title", "body"])
        found = self.searcher.search(parsed, PAGE, count=True)
        snippets = tantivy.SnippetGenerator.create(self.searcher, parsed, self._schema(),
                                                   "body")
        for _, address in found.hits:
            snippets.snippet_from_doc(self.searcher.doc(address)).to_html()
        found.count  # noqa: B018 - the hit count, as the others give it
        return len(found.hits)

    def close(self) -> None:
        pass


# -- grep -------------------------------------------------------------------------------------

class Grep:
    name = "grep"

    def build(self, corpus: Path, folder: Path) -> int:
        return 0  # nothing to build: grep reads the raw files every time

    def open(self, folder: Path, corpus: Path) -> None:
        self.corpus = corpus
        self.grep = shutil.which("grep") or "grep"

    def query(self, query: BenchQuery) -> int | None:
        if query.grep is None:
            return None
        stages = query.grep
        proc = subprocess.run([self.grep, "-i", *stages[0], str(self.corpus)],
                              capture_output=True)
        out = proc.stdout
        for stage in stages[1:]:
            out = subprocess.run([self.grep, "-i", *stage], input=out,
                                 capture_output=True).stdout
        return len(out.splitlines()[:PAGE])

    def close(self) -> None:
        pass


PEERS: dict[str, type] = {"whoosh": StockWhoosh, "fts5": Fts5, "tantivy": Tantivy,
                          "grep": Grep}
