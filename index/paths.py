"""The files of one index: where they are and whether they are of this version."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from newsdesk.index import locations
from newsdesk.index.config import Settings

MARKER = ".newsdesk-index"


@dataclass(frozen=True, slots=True)
class IndexPaths:
    root: Path

    @property
    def store(self) -> Path:
        return self.root / "store.sqlite"

    @property
    def whoosh(self) -> Path:
        return self.root / "whoosh"

    @property
    def lock(self) -> Path:
        return self.root / "index.lock"

    @property
    def version(self) -> Path:
        return self.root / "VERSION"

    @property
    def marker(self) -> Path:
        """Written when newsdesk creates the folder: it deletes or overwrites only inside
        folders that have it (storage/index_folder.py)."""
        return self.root / MARKER

    @property
    def sums(self) -> Path:
        """Size and CRC-32 of every Whoosh file, written at each commit (storage/integrity.py);
        outside whoosh/, which stays a plain Whoosh index."""
        return self.root / "whoosh.sums"

    def exists(self) -> bool:
        return self.store.is_file() and self.whoosh.is_dir()


def index_paths(settings: Settings) -> IndexPaths:
    """The configured index folder, or one under the cache keyed by the corpus sources."""
    if settings.index.dir:
        return IndexPaths(settings.index.dir)
    # (Each once: `--corpus X --corpus X` built a second index, with its own saved searches.)
    sources = sorted({str(p) for p in settings.corpus.sources})
    # The bytes of the names, as the file system has them: a folder whose name is not UTF-8
    # (Latin-1 from an old disk) stopped every command on an internal error here.
    digest = hashlib.sha1("\n".join(sources).encode("utf-8", "surrogateescape")
                          ).hexdigest()[:12]
    first = Path(sources[0]).name if sources else "empty"
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", first) or "corpus"
    return IndexPaths(locations.cache_dir() / "indexes" / f"{name}-{digest}")
