"""What decides how a file reads besides its bytes, kept with its stat stamp in the store.

A file is skipped as unchanged when its stamp is the one stored. The stat stamp alone
(size:mtime) made a change of `corpus.fields` or `corpus.max_file_mb` do nothing until the
files were touched ("169 unchanged", the old fields still shown): the settings that change
how a file reads are part of its stamp, so a change of them reads again the files it
concerns (the field mapping: record files only), and the run says why.

The stamp is `size:mtime` alone with the shipped defaults (the stamps of stores written
before this are still current), else `size:mtime~name=value;name=value`, each part named
by what it stands for, so the run can say which changed.
"""

from __future__ import annotations

import hashlib
import os

from newsdesk.index.config import FIELD_NAMES, CorpusSettings, Reading
from newsdesk.index.ingest.files import RECORD_SUFFIXES, SourceFile

MARK = "~"
DEFAULT_MAX_FILE_MB = CorpusSettings().max_file_mb
# The reading of Markdown's own: 2 reads front matter (title, date, source, url). Files read
# by an older one are read again once.
MARKDOWN_READING = "2"
# The part names, as said to the person ("read again: corpus.fields changed").
FIELDS, MAX_MB, DATE_FORMAT = "corpus.fields", "corpus.max_file_mb", "corpus.date_format"
ENCODING = "corpus.encoding"
MARKDOWN = "newsdesk's reading of Markdown (front matter)"


class ReadingStamps:
    """The stamp each file is to have, by its suffix's reading parts (computed once)."""

    def __init__(self, settings: CorpusSettings) -> None:
        self._settings = settings
        self._tails: dict[tuple[str, int], str] = {}
        self._default = settings.default_reading()
        self._readings: dict[str, Reading] = {}  # folder -> reading (sources of their own)
        self._own_paths = {str(path) for path in settings.own}

    def tail(self, suffix: str, reading: Reading | None = None) -> str:
        reading = reading or self._default
        key = (suffix, id(reading))
        tail = self._tails.get(key)
        if tail is None:
            parts = reading_parts(self._settings, suffix, reading)
            tail = MARK + ";".join(f"{k}={v}" for k, v in parts.items()) if parts else ""
            self._tails[key] = tail
        return tail

    def reading(self, sf: SourceFile) -> Reading:
        if not self._settings.own:
            return self._default
        if sf.path in self._own_paths:  # a source that is one file
            return self._settings.reading(sf.path)
        folder = os.path.dirname(sf.path)
        found = self._readings.get(folder)
        if found is None:
            found = self._readings[folder] = self._settings.reading(sf.path)
        return found

    def of(self, sf: SourceFile) -> str:
        return sf.stamp + self.tail(sf.suffix, self.reading(sf))


def reading_parts(settings: CorpusSettings, suffix: str,
                  reading: Reading | None = None) -> dict[str, str]:
    """The settings apart from the defaults that decide how a file of this suffix reads."""
    reading = reading or settings.default_reading()
    parts: dict[str, str] = {}
    if suffix in RECORD_SUFFIXES:
        mapped = sorted((name, key) for name, key in reading.fields.items()
                        if name in FIELD_NAMES and key != name)
        if mapped:
            text = "\x1f".join(f"{name}\x1e{key}" for name, key in mapped)
            parts[FIELDS] = hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                            digest_size=6).hexdigest()
        if reading.date_formats:
            text = "\x1f".join(reading.date_formats)
            parts[DATE_FORMAT] = hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                                 digest_size=6).hexdigest()
    if reading.encoding:
        parts[ENCODING] = reading.encoding
    if suffix == ".md":
        parts[MARKDOWN] = MARKDOWN_READING
    if settings.max_file_mb != DEFAULT_MAX_FILE_MB:
        parts[MAX_MB] = f"{settings.max_file_mb:g}"
    return parts


def split(stamp: str) -> tuple[str, dict[str, str]]:
    """A stored stamp (without the duplicates' mark) as its stat part and reading parts."""
    stat, _, tail = stamp.partition(MARK)
    parts = dict(part.split("=", 1) for part in tail.split(";") if "=" in part)
    return stat, parts


def changed_settings(stored: str | None, wanted: str) -> list[str]:
    """The reading settings that differ between a file's stored and wanted stamps when its
    stat part is the same (the file itself unchanged); [] otherwise."""
    if stored is None:
        return []
    stat, before = split(stored)
    stat_now, now = split(wanted)
    if stat != stat_now:
        return []
    return [name for name in sorted(set(before) | set(now)) if before.get(name) != now.get(name)]
