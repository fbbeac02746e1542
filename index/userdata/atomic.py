"""Writing a user's file so that a crash or kill at any moment leaves either the old or the
new version, never a torn one, and the previous version is kept beside it as a backup."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from newsdesk.index.locations import private_dir


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str, backup: bool = True) -> None:
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            bak_tmp = path.with_name(f".{path.name}.bak.{os.getpid()}.tmp")
            shutil.copyfile(path, bak_tmp)
            os.chmod(bak_tmp, 0o600)
            os.replace(bak_tmp, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        if tmp.exists():
            tmp.unlink()
