"""The configured corpus sources, checked before indexing: a source that does not exist, a
file of a format newsdesk does not read (`.xml`), or a folder with no corpus file in it is
an error that names it and the formats that are read. Before this, each of them indexed
nothing and every search said "0 hits" (exit 1), as if the corpus had no match."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from newsdesk.index.ingest.files import SUFFIXES, special_kind
from newsdesk.index.models import NewsdeskError

FORMATS = (".txt and .md (one article a file), .jsonl (one JSON object a line), .json "
           "(an array of such objects) and .csv (a header row)")


class CorpusSourceError(NewsdeskError):
    pass


def check_sources(sources: list[Path]) -> None:
    """Raise CorpusSourceError naming every source that gives no corpus file."""
    if not sources:
        raise CorpusSourceError("no corpus is configured: set corpus.sources in the config "
                                f"(or pass --corpus FOLDER); newsdesk reads {FORMATS}")
    wrong = [message for source in sources if (message := _problem(source))]
    if wrong:
        raise CorpusSourceError("; ".join(wrong) + f". newsdesk reads {FORMATS}")


def _problem(source: Path) -> str | None:
    if source.is_file():
        suffix = source.suffix.lower()
        if suffix in SUFFIXES:
            return None
        kind = f"'{suffix}' files" if suffix else "files without an extension"
        return f"corpus file {source}: {kind} are not a format newsdesk reads"
    if not source.is_dir():
        kind = _not_a_file_kind(source)
        if kind is not None:  # /dev/null, a named pipe: they exist, and are never read
            return f"corpus source {source} is {kind}, not a file or a folder"
        return f"corpus source {source} does not exist"
    others: Counter[str] = Counter()
    for _, dirnames, filenames in os.walk(source):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in SUFFIXES:
                return None  # one is enough
            others[suffix or "no extension"] += 1
    if not others:
        return f"corpus folder {source} is empty"
    found = ", ".join(f"{n} {suffix}" for suffix, n in others.most_common(4))
    return f"corpus folder {source} has no file newsdesk reads (found {found})"


def _not_a_file_kind(source: Path) -> str | None:
    try:
        mode = source.stat().st_mode
    except OSError:
        return None
    return special_kind(mode, "a special file")
