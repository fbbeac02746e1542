"""The command a not-UTF-8 file's problem offers works when pasted as printed, from a
folder other than the file's (stranger4 B3: `iconv ... latin1.txt` named the bare file),
whatever the file's name: spaces, quotes, a dollar, dots, a dotted folder."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.index.ingest.test_corpus import read_all

NAMES = ["plain.txt", "old story.txt", "it's $HOME.jsonl", "two.dots.old.txt", "café.csv",
         "a.b/inner.txt", "-dash.txt"]


@pytest.mark.skipif(shutil.which("iconv") is None, reason="no iconv here")
@pytest.mark.parametrize("name", NAMES)
def test_the_offered_command_converts_the_file_from_elsewhere(tmp_path: Path,
                                                              name: str) -> None:
    corpus = tmp_path / "corpus"
    path = corpus / name
    path.parent.mkdir(parents=True)
    if name.endswith(".csv"):
        body = "id,title,text\nc1,Caf\xe9,Le caf\xe9\n"
    elif name.endswith(".jsonl"):
        body = '{"id": "j1", "title": "Caf\xe9", "text": "Le caf\xe9"}\n'
    else:
        body = "Caf\xe9\n\nLe caf\xe9 du coin.\n"
    path.write_bytes(body.encode("cp1252"))
    _, problems = read_all(corpus)
    command = next(re.search(r"e\.g\. (iconv .*)$", p.reason).group(1) for p in problems
                   if "iconv" in p.reason)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(["sh", "-c", command], cwd=elsewhere, capture_output=True,
                          text=True, timeout=30)
    assert done.returncode == 0, (command, done.stderr)
    assert path.read_bytes().decode("utf-8") == body  # converted in its place
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # nothing left
