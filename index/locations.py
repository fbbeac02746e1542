"""Where newsdesk keeps its files: XDG directories, overridable by environment variables."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

APP = "newsdesk"
# The repository in a checkout; site-packages/newsdesk when installed from a wheel.
ROOT = Path(__file__).resolve().parent.parent


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


def config_dir() -> Path:
    return _xdg("XDG_CONFIG_HOME", ".config") / APP


def cache_dir() -> Path:
    return _xdg("XDG_CACHE_HOME", ".cache") / APP


def data_dir() -> Path:
    return _xdg("XDG_DATA_HOME", ".local/share") / APP


def exports_dir() -> Path:
    """Where the dashboard's exports go unless ui.export_dir says otherwise."""
    return data_dir() / "exports"


def default_config_file() -> Path:
    """The commented defaults shipped with newsdesk: the repository's config.yaml, which a
    wheel carries as newsdesk/defaults/config.yaml beside the seeds/ it names."""
    installed = ROOT / "defaults" / "config.yaml"
    return installed if installed.is_file() else ROOT / "config.yaml"


def user_config_file() -> Path:
    return config_dir() / "config.yaml"


@contextmanager
def owner_only() -> Iterator[None]:
    """Files created inside are readable by their owner only, whatever the umask: Whoosh
    and SQLite create theirs with the process's umask (often 0644). The umask is the
    process's, so this covers everything created meanwhile; newsdesk only makes the user's
    own files."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


OWNER_ONLY = 0o600  # every file newsdesk makes for the user: exports, saved searches, logs
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def private_fd(path: Path | str, flags: int = os.O_WRONLY | os.O_TRUNC) -> int:
    """A descriptor on one of the user's files, created readable by its owner only whatever
    the umask (an export holds whole articles, notes and tags), never through a symlink
    planted in its place, and not inherited by a child process. `flags` add to O_CREAT."""
    return os.open(path, flags | os.O_CREAT | _NOFOLLOW | os.O_CLOEXEC, OWNER_ONLY)


def private_dir(path: Path) -> Path:
    """Create a directory, and any missing parents, readable by their owner only (indexes
    and bookmarks are the user's; mkdir's mode covers only the last level)."""
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return path
