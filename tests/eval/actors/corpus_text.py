"""The articles of a corpus as the evaluation reads them: id and text, without newsdesk's
ingest, so that judging a corpus depends on nothing the rules under test can change.

A .jsonl file gives `id`, `title` and `text`; a folder gives one article a .txt/.md file,
with newsdesk's id for it (the path under the folder without its suffix)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True, slots=True)
class Text:
    id: str
    title: str
    body: str


def read_corpus(path: Path) -> Iterator[Text]:
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            if file.suffix in TEXT_SUFFIXES and file.is_file():
                body = file.read_text(encoding="utf-8", errors="replace")
                article_id = str(file.relative_to(path).with_suffix(""))
                yield Text(article_id, "", body)
        return
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            yield Text(str(record.get("id", "")), str(record.get("title") or ""),
                       str(record.get("text") or ""))
