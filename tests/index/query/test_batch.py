"""Batch files of queries (index/query/batch.py): every query line gets an answer, a bad one
its error and its line number."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.models import NewsdeskError
from newsdesk.index.query.batch import (
    BadBatchLines,
    batch_lines,
    count_batch,
    group_searches,
    read_batch,
)


def test_lines_comments_blanks_and_errors() -> None:
    data = (b"\xef\xbb\xbfiran\n# a comment\n\n  \"unclosed\n"
            b"caf\xe9\r\nsoleimani OR\nqassem soleimani\n")
    lines = list(batch_lines(data))
    assert [(b.line, b.query) for b in lines] == [
        (1, "iran"), (4, '"unclosed'), (5, "caf\ufffd"), (6, "soleimani OR"),
        (7, "qassem soleimani")]
    assert [b.line for b in lines if b.error] == [4, 5, 6]
    assert "UTF-8" in lines[2].error and "quote" in lines[1].error


def test_counts_keep_every_line_in_order() -> None:
    lines = list(batch_lines(b"a\n(b\nc\n"))
    counts = count_batch(lines, lambda q: len(q) * 10)
    assert [(c.line, c.count, c.error is None) for c in counts] == [
        (1, 10, True), (2, None, False), (3, 10, True)]

    def refuses(query: str) -> int:
        raise NewsdeskError("is:bogus: no")

    assert count_batch(lines[:1], refuses)[0].error == "is:bogus: no"


def test_group_names_and_files(tmp_path: Path) -> None:
    lines = list(batch_lines(b"putin\nputin\nangela   merkel\n"))
    assert group_searches(lines, "names") == [("names/putin", "putin"),
                                              ("names/angela merkel", "angela   merkel")]
    with pytest.raises(NewsdeskError, match="no such file|No such file"):
        read_batch(tmp_path / "missing.txt")
    # a bad line refuses the whole group, naming the file and the line
    bad = list(batch_lines(b"putin\n\"oops\n# note\n(\n"))
    with pytest.raises(BadBatchLines, match=r"^q\.txt:2: .*; q\.txt:4: .*no group saved"):
        group_searches(bad, "names", "q.txt")
    path = tmp_path / "q.txt"
    path.write_text("oil\n")
    assert [b.query for b in read_batch(path)] == ["oil"]
