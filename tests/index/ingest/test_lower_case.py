"""A file whose texts are in lower case throughout gives no actor (names are told from words
by their capitals): the run says so once, for the file or for a folder of small files, and
indexes the articles as any others (an outside tester's IndiaPoliceEvents corpus showed an
empty, broken actor pane and no word why). Real texts in any case say nothing."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.lower_case import LowerCaseCount, lower_case
from tests.helpers.paths import CORPORA

BBC = CORPORA / "bbc-news-2225.jsonl"
needs_bbc = pytest.mark.skipif(not BBC.is_file(), reason="needs the shared BBC corpus")
PARAGRAPH = ("the minister of home affairs met the chief of police in the capital on monday "
             "and said that the committee would report to parliament within a month, "
             "while the opposition party called for an inquiry into the handling of the "
             "protests that had spread from the northern districts to the coast. ")


def _bbc(count: int) -> list[str]:
    with open(BBC, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in itertools.islice(handle, count)]


HEADERS = ["", "This story is from March 10, 2002\n\n", "LUCKNOW: ", "Updated: 12 May\n"]


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("repeat", [2, 3, 8])
@pytest.mark.parametrize("stray", ["", " i said.", " (pti)", " isis and the us"])
def test_lower_case_texts_are_told(header: str, repeat: int, stray: str) -> None:
    assert lower_case(header + (PARAGRAPH + stray) * repeat)


@needs_bbc
def test_real_news_texts_are_mostly_not_lower_case() -> None:
    texts = _bbc(2225)
    count = LowerCaseCount()
    for text in texts:
        count.add(text)
    assert count.long_texts > 2000 and count.lower < 0.01 * count.long_texts
    assert count.problem("bbc.jsonl") is None
    # Capitals, letters of other scripts, text in capitals: no lower-case text.
    for text in ("Les Échos: " + PARAGRAPH.upper(), "الرئيس " * 200, "北京 " * 300,
                 PARAGRAPH.title() * 3):
        assert not lower_case(text), text[:40]


def _notes(settings: Settings) -> list[str]:
    report = Indexer(settings).run()
    return [f"{p.path}: {p.reason}" for p in report.problems if "lower case" in p.reason]


@needs_bbc
@pytest.mark.parametrize("lowered", [0, 5, 19, 20])
def test_a_file_mostly_lower_case_is_said_once(corpus_settings: Settings, corpus_dir: Path,
                                               lowered: int) -> None:
    texts = _bbc(20)
    rows = [{"id": f"r{n}", "text": text.lower() if n < lowered else text}
            for n, text in enumerate(texts)]
    (corpus_dir / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    notes = _notes(corpus_settings)
    if lowered >= 18:
        assert len(notes) == 1 and "feed.jsonl" in notes[0]
        assert ("all its 20 texts" if lowered == 20 else f"{lowered} of its 20") in notes[0]
    else:
        assert notes == []
    assert Indexer(corpus_settings).run().problems == []  # (said once: not again unchanged)


@needs_bbc
@pytest.mark.parametrize("files", [3, 12])
def test_a_folder_of_small_lower_case_files_is_said_once(
        corpus_settings: Settings, corpus_dir: Path, files: int) -> None:
    for n, text in enumerate(_bbc(files)):
        title, _, body = text.lower().partition("\n")
        (corpus_dir / f"a{n:03}.txt").write_text(f"{title}\n\n{body}\n")
    notes = _notes(corpus_settings)
    if files >= 10:
        assert len(notes) == 1 and f"its {files} small files'" in notes[0], notes
    else:
        assert notes == []  # (too few texts to say: a folder of three lower-case notes)
