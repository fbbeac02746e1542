"""`newsdesk locate`: where the config, the index, the user data and the corpus are."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from newsdesk.index import locations
from newsdesk.index.actors.dictionaries import SHIPPED_DICTIONARIES
from newsdesk.index.actors.table import dictionary_paths
from newsdesk.index.config import Settings, config_files
from newsdesk.index.paths import index_paths
from newsdesk.index.userdata.bookmarks import corpus_data_dir
from newsdesk.tui.cli import output
from newsdesk.tui.exit_codes import EXIT_HITS


def run(settings: Settings, args: argparse.Namespace) -> int:
    rows = _rows(settings)
    width = max(len(name) for name, _ in rows)
    for name, path in rows:
        mark = "" if Path(path).exists() else "  (not created yet)"
        output.out(f"{name:<{width}}  {path}{mark}")
    return EXIT_HITS


def _rows(settings: Settings) -> list[tuple[str, Path]]:
    rows = [("config (defaults)", locations.default_config_file()),
            ("config (yours)", locations.user_config_file())]
    if os.environ.get("NEWSDESK_CONFIG"):
        rows.append(("config (NEWSDESK_CONFIG)", config_files()[-1]))
    user_data = corpus_data_dir(settings)
    dictionaries = dictionary_paths(settings)
    rows += [("index", index_paths(settings).root),
             ("user data", locations.data_dir()),
             ("saved searches", user_data / "saved.yaml"),
             ("query history", user_data / "history.yaml"),
             ("exports", settings.ui.export_dir or locations.exports_dir())]
    rows += [("actor dictionary (general)", path) for path in SHIPPED_DICTIONARIES]
    rows += [("actor dictionary", path) for path in dictionaries[:-1]]
    rows += [("actor curation (yours)", dictionaries[-1]),
             ("cache", locations.cache_dir())]
    rows += [("corpus", source) for source in settings.corpus.sources]
    return rows
