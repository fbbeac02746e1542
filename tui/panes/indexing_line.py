"""The words of the dashboard's indexing line, true at every stage of a run: which file is
being read and how far the reading is (by bytes: thousands of small files are read before
their first batch is in), the articles this run has put in and how fast, how many the
index holds (the status line's count, not a stale one), and what the finishing stages do
(they showed "Indexing … · 0 articles indexed · 0/s" for 30 s)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.tui.render import counted

if TYPE_CHECKING:
    from newsdesk.index.ingest.indexer import Progress

FINISHING = {
    "actors": "Finishing: grouping the actors' names",
    "duplicates": "Finishing: grouping near-duplicate articles",
}


def size(n: int) -> str:
    """Bytes as people read them: 840 KB, 26.1 MB, 1.2 GB."""
    if n < 2**20:
        return f"{n / 2**10:,.0f} KB"
    if n < 2**30:
        return f"{n / 2**20:,.1f} MB"
    return f"{n / 2**30:,.1f} GB"


def searchable(count: int | None) -> str:
    """What search can do meanwhile: `count` articles are in the open index (None: none is
    open yet)."""
    if count is None:
        return "type now: search opens when the first batch is in"
    return f"partial index: {counted(count, 'article')} searchable so far, results grow as it goes"


def progress_line(p: Progress, elapsed: float, held: int | None) -> str:
    """The line for progress `p`, `elapsed` seconds into the run, with `held` articles in
    the open index (None when none is open)."""
    elapsed = max(elapsed, 1e-6)
    added = counted(p.articles, "article")
    if p.phase in FINISHING:
        done = f"{added} added this run · " if p.articles else ""
        return f"{FINISHING[p.phase]} · {done}every article is searchable"
    if p.phase == "scanning":
        return f"Listing the corpus files… · {searchable(held)}"
    rate = f"{p.articles / elapsed:,.0f}/s"
    if p.phase == "recovering":
        return (f"Recovering: indexing the articles a stopped run left · {added} in, {rate} · "
                f"{searchable(held)}")
    read = max(p.bytes_read, p.bytes_done)
    if file := p.current:  # (a file's name, not a count)
        doing = f"Reading {file} · {size(read)} of {size(p.bytes_total)} read"
    elif p.bytes_total:
        doing = "Every file read: committing the last articles"
    else:
        doing = "Indexing"
    if p.articles:
        going = f"{added} in, {rate}"
    else:  # nothing committed yet: the reading is what moves
        going = f"no article in yet, reading {size(int(read / elapsed))}/s"
    return f"{doing} · {going} · {searchable(held)}"
