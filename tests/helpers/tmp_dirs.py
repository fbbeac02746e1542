"""Each test's own folder (pytest's `tmp_path`) made without listing the base folder.

pytest numbers a test's folder one past the highest of its name it finds in the base
folder, and lists the whole base folder to find it (_pytest/pathlib.py make_numbered_dir,
then a "current" symlink beside it). Every test here asks for a folder (conftest's
isolated_home), and a pytest-xdist worker's base folder keeps each one it made: the
listing grew with every test, to ~10,000 entries read for the worker's last tests, so the
cost of a test's setup grew with its place in the run (a trivial test's 2 ms at the
start, several times that at the end of a worker's 4,700; tests/test_tmp_dirs.py). Here
the numbers are counted in the process, which is the only one making folders in its base
folder (each pytest-xdist worker has one of its own): the same names, the same place,
the listing left out. (pytest's tmp_path_retention_policy "failed", which removes a
passed test's folder, is not followed: pyproject keeps pytest's default, "all".)"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

# pytest's own: the node's name, non-word characters as "_", cut at 30.
_NON_WORD = re.compile(r"[\W]")
_MAX_NAME = 30


class Folders:
    """The next number of each name, for one base folder."""

    def __init__(self) -> None:
        self.next: dict[str, int] = defaultdict(int)

    def make(self, base: Path, node_name: str) -> Path:
        prefix = _NON_WORD.sub("_", node_name)[:_MAX_NAME]
        while True:  # (a folder of that name made by other means: the next number)
            number = self.next[prefix]
            self.next[prefix] = number + 1
            path = base / f"{prefix}{number}"
            try:
                path.mkdir(mode=0o700)
            except FileExistsError:
                continue
            return path


FOLDERS = Folders()


def test_folder(request: pytest.FixtureRequest, factory: pytest.TempPathFactory) -> Path:
    return FOLDERS.make(factory.getbasetemp(), request.node.name)
