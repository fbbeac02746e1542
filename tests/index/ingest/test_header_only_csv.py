"""A CSV of a header and no row is an empty file, said as one (it was passed over without
a word): readable, no article; like a 0-byte file its articles of before are kept by a
query command and removed by `newsdesk index` (test_kept_files "header only")."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.index.ingest.corpus import HEADER_ONLY_CSV
from newsdesk.index.ingest.indexer import EMPTY_REASONS
from tests.index.ingest.test_corpus import read_all

HEADERS = [b"id,title,text\n", b"id,title,text", b"id,title,text\r\n\r\n\r\n",
           b"\xef\xbb\xbfid,title,text\n", b'"id","title","text"\n\n', b"text\n   \n"]


@pytest.mark.parametrize("data", HEADERS)
def test_a_header_alone_is_an_empty_file(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "rows.csv").write_bytes(data)
    articles, problems = read_all(tmp_path)
    assert articles == [] and [p.reason for p in problems] == [HEADER_ONLY_CSV]
    assert HEADER_ONLY_CSV in EMPTY_REASONS  # emptied, not unreadable: nothing kept back


@pytest.mark.parametrize("data", [b"id,title,text\n1,A,some text\n",
                                  b"id,title,text\n1,A\n"])  # a row, even a bad one
def test_a_row_is_no_empty_file(tmp_path: Path, data: bytes) -> None:
    (tmp_path / "rows.csv").write_bytes(data)
    _, problems = read_all(tmp_path)
    assert all(p.reason != HEADER_ONLY_CSV for p in problems)
