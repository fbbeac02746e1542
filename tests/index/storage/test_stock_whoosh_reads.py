"""newsdesk's index stays a Whoosh index: stock Whoosh's own open_dir, query parser and
searcher, in a process that imports nothing of newsdesk itself (the index's table of
contents names newsdesk's codec and analyzer, which unpickling imports), find what
newsdesk finds."""

from __future__ import annotations

import json
import subprocess
import sys

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.paths import index_paths

STOCK_SEARCH = '''
import json, sys
from whoosh import index
from whoosh.qparser import MultifieldParser
ix = index.open_dir(sys.argv[1])
found = {}
with ix.searcher() as searcher:
    parser = MultifieldParser(["title", "body"], ix.schema)
    for query in sys.argv[2:]:
        hits = searcher.search(parser.parse(query), limit=None)
        found[query] = sorted(hit["id"] for hit in hits)
print(json.dumps({"doc_count": ix.doc_count(), "found": found}))
'''

QUERIES = ["soleimani", '"drone strike"', "militia AND baghdad", "pompeo OR rouhani"]


def test_stock_whoosh_opens_and_searches_newsdesks_index(
        seed_index: tuple[Settings, object]) -> None:
    settings, _ = seed_index
    out = subprocess.run([sys.executable, "-c", STOCK_SEARCH,
                          str(index_paths(settings).whoosh), *QUERIES],
                         capture_output=True, text=True, check=True)
    stock = json.loads(out.stdout)
    with Engine(settings) as engine:
        assert stock["doc_count"] == engine.doc_count == 5
        for query in QUERIES:
            ours = sorted(hit.id for hit in engine.iter_hits(query))
            assert stock["found"][query] == ours, query
            assert ours, query
