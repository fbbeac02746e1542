"""An actor extraction process imports what extraction needs and no more: not numpy, Whoosh,
SQLite, the actor table or the clustering (actors/rows.py holds the extractor's making and
the mention rows apart from table.py). Each of a build's extraction processes imports its
modules itself (the fork server preloads nothing): those were half of its start's CPU."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("numpy", "whoosh", "sqlite3", "isal", "newsdesk.index.actors.table",
         "newsdesk.index.actors.cluster", "newsdesk.index.storage.article_store")


def test_extraction_process_module_leaves_heavy_modules_out() -> None:
    code = ("import json, sys\n"
            "import newsdesk.index.ingest.extract_process\n"
            "from newsdesk.index.actors.rows import make_extractor, mention_rows\n"
            f"print(json.dumps([m for m in {list(HEAVY)!r} if m in sys.modules]))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout) == []


def test_table_still_offers_the_moved_names() -> None:
    from newsdesk.index.actors import rows, table

    assert table.make_extractor is rows.make_extractor
    assert table.mention_rows is rows.mention_rows
    assert table._row_cue is rows._row_cue
