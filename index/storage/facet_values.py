"""The facet column's value of a document, b"<date ordinal>\x1f<source>", and its reading
back: apart from schema.py so that a process that only makes documents' parts (actor
extraction, ingest/documents.py) need not import Whoosh. schema.py imports them from here."""

from __future__ import annotations

FACET_SEPARATOR = "\x1f"


def facet_value(date: object, source: str | None) -> bytes:
    ordinal = date.toordinal() if date is not None else ""  # type: ignore[attr-defined]
    return f"{ordinal}{FACET_SEPARATOR}{source or ''}".encode()


def read_facet(value: bytes) -> tuple[int | None, str | None]:
    """(date ordinal, source) back from the column."""
    ordinal, _, source = value.decode().partition(FACET_SEPARATOR)
    return (int(ordinal) if ordinal else None), (source or None)
