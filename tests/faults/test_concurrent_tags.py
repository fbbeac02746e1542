"""Two processes tagging the same articles at the same moment (two dashboards, or one and
`newsdesk tag`): every tag either adds reaches the disk, and the file still parses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsdesk.index.userdata.tags import TagStore
from tests.helpers.paths import ROOT

CHANGES = 25  # changes a process makes, each a fresh store as separate commands would
ARTICLES = ("a", "b", "c")

WRITER = f"""
import sys, time
from pathlib import Path
from newsdesk.index.userdata.tags import Change, TagStore
folder, start, n = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
while not start.exists():
    time.sleep(0.002)
for i in range({CHANGES}):
    store = TagStore(folder)
    store.load()
    store.change({ARTICLES!r}, Change.of(add=[f"p{{n}}-{{i}}"], star=i % 2 == 0))
    if i % 5 == 4:  # and take one of its own off again
        TagStore(folder).change({ARTICLES!r}, Change.of(remove=[f"p{{n}}-{{i - 1}}"]))
"""


def test_two_processes_tagging_at_once_lose_nothing(tmp_path: Path) -> None:
    folder, start = tmp_path / "data", tmp_path / "go"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(start), str(n)],
                                cwd=ROOT, stderr=subprocess.PIPE, text=True)
               for n in (1, 2)]
    start.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    store = TagStore(folder)
    store.load()
    wanted = sorted(f"p{n}-{i}" for n in (1, 2) for i in range(CHANGES)
                    if i % 5 != 3)  # each took every fifth tag back off
    for article in ARTICLES:
        assert store.of(article).tags == wanted, article
        assert store.of(article).starred
