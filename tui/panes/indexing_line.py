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


def searchable(count: int | None, short: bool = False) -> str:
    """What search can do meanwhile: `count` articles are in the open index (None: none is
    open yet)."""
    if count is None:
        return "search opens after the first batch" if short else \
            "type now: search opens when the first batch is in"
    if short:
        return f"{count:,} searchable"
    return f"partial index: {counted(count, 'article')} searchable so far, results grow as it goes"


def starting_line(elapsed: float, width: int = 0) -> str:
    """The line of a first build before the indexer's first progress: the worker loads the
    engine and the indexer (Whoosh, numpy: 0.5 s of processor time, over 2 s on a busy
    machine) and opens the new store, and the line was hidden till then ("Opening the
    index…" alone for seconds). The seconds go by, so it is seen to be at work."""
    line = f"Building the index: starting the indexer · {elapsed:.0f} s · {searchable(None)}"
    if width and len(line) > width:
        line = f"Starting the first build · {elapsed:.0f} s · {searchable(None, short=True)}"
    return line if not width or len(line) <= width else line[:max(0, width - 1)] + "…"


def progress_line(p: Progress, elapsed: float, held: int | None, width: int = 0) -> str:
    """The line for progress `p`, `elapsed` seconds into the run, with `held` articles in
    the open index (None when none is open), in `width` columns (0: any): at 80 columns the
    long form took two lines; a shorter one says the same, and what is left is cut with an
    ellipsis, the file's name first."""
    line = _line(p, elapsed, held, short=False)
    if not width or len(line) <= width:
        return line
    line = _line(p, elapsed, held, short=True)
    if len(line) > width:  # the rate goes first: the counts and the file say where it is
        line = _line(p, elapsed, held, short=True, with_rate=False)
    keep = max(8, len(p.current) - (len(line) - width) - 1)  # its end: the file's name
    if len(line) > width and len(p.current) > keep:
        line = _line(p, elapsed, held, short=True, name="…" + p.current[-keep:],
                     with_rate=False)
    return line if len(line) <= width else line[:max(0, width - 1)] + "…"


def _line(p: Progress, elapsed: float, held: int | None, short: bool,
          name: str | None = None, with_rate: bool = True) -> str:
    elapsed = max(elapsed, 1e-6)
    added = counted(p.articles, "article")
    if p.phase in FINISHING:
        done = f"{added} added this run · " if p.articles and not short else ""
        ready = "all searchable" if short else "every article is searchable"
        return f"{FINISHING[p.phase]} · {done}{ready}"
    if p.phase == "scanning":
        return f"Listing the corpus files… · {searchable(held, short)}"
    if p.phase == "cluster":  # (its notice says where, and how many workers)
        return f"Connecting to the Dask cluster… · {searchable(held, short)}"
    rate = f", {p.articles / elapsed:,.0f}/s" if with_rate else ""
    if p.phase == "recovering":
        doing = "Recovering" if short else \
            "Recovering: indexing the articles a stopped run left"
        going = f"{p.articles:,} in" if short else f"{added} in"
        return f"{doing} · {going}{rate} · {searchable(held, short)}"
    read = max(p.bytes_read, p.bytes_done)
    if file := p.current:  # (a file's name, not a count)
        file = name if name is not None else file
        doing = f"Reading {file} · {size(read)} of {size(p.bytes_total)}" + \
            ("" if short else " read")
    elif p.bytes_total and read < p.bytes_total:  # (said before the first file is opened)
        doing = f"Reading the corpus · {size(read)} of {size(p.bytes_total)}" + \
            ("" if short else " read")
    elif p.bytes_total:
        doing = "Every file read: committing" if short else \
            "Every file read: committing the last articles"
    else:
        doing = "Indexing"
    if p.articles:
        going = f"{p.articles:,} in{rate}" if short else f"{added} in{rate}"
    else:  # nothing committed yet: the reading is what moves
        going = f"none in yet, {size(int(read / elapsed))}/s" if short else \
            f"no article in yet, reading {size(int(read / elapsed))}/s"
    return f"{doing} · {going} · {searchable(held, short)}"
