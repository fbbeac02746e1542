"""A corpus and its index built once a test process, laid anew for each test that asks.

The store knows each file by its path, so a copy of an index is current only at the place
it was built: the copy goes back there (a folder of the pytest-xdist worker's own, whose
tests run one at a time), with the files' mtimes, which the store checks too."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.staleness import corpus_is_stale


class BuiltOnce:
    """`write(folder)` fills the corpus folder; built at once, laid again by `settings()`."""

    def __init__(self, base: Path, name: str, write: Callable[[Path], None]) -> None:
        self.stage, self.template = base / f"built-{name}", base / f"built-{name}-template"
        corpus = self.stage / "corpus"
        corpus.mkdir(parents=True)
        write(corpus)
        with pytest.MonkeyPatch.context() as env:  # not the user's config: a home of its own
            for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
                env.setenv(var, str(base / f"built-{name}-home" / var))
            env.delenv("NEWSDESK_CONFIG", raising=False)
            Indexer(self._settings()).run()
        shutil.copytree(self.stage, self.template)  # copy2: the mtimes the store checks

    def _settings(self) -> Settings:
        settings = load_settings()
        settings.corpus.sources = [self.stage / "corpus"]
        settings.index.dir = self.stage / "index"
        settings.ui.debounce_ms = 10
        return settings

    def settings(self) -> Settings:
        """Settings of a fresh copy (a test may write to it), under the test's own home."""
        shutil.rmtree(self.stage)
        shutil.copytree(self.template, self.stage)
        settings = self._settings()
        assert not corpus_is_stale(settings)  # current where it lies: the app builds nothing
        return settings
