"""What the subcommands share: settings from the arguments, an index brought up to date
before a command reads it, the checks every query command makes the same way, and results
as text or JSON (`search` and `saved run` print the same)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.dups.fold import Story
from newsdesk.index.models import (
    Hit,
    IndexBusyError,
    IndexFolderError,
    NewsdeskError,
    QueryError,
    Results,
    Timeline,
)
from newsdesk.index.views.export import export_date
from newsdesk.tui.cli import output
from newsdesk.tui.exit_codes import EXIT_HITS, EXIT_NO_HITS
from newsdesk.tui.safe_text import json_dumps, terminal_safe
from newsdesk.tui.summary_text import counted

if TYPE_CHECKING:  # (the indexer is imported when a run is needed: 15 ms of start-up)
    from rich.console import Console

    from newsdesk.index.ingest.staleness import Staleness


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The configured settings; --corpus and `index PATH...` replace the corpus's sources."""
    corpus = (args.corpus or []) + (getattr(args, "paths", None) or [])
    settings = load_settings()
    if corpus:
        missing = [p for p in corpus if not p.exists()]
        if missing:
            raise NewsdeskError(f"{missing[0]}: no such file or folder")
        sources = list(dict.fromkeys(p.resolve() for p in corpus))  # each once
        if sorted(sources) != sorted(settings.corpus.sources):
            # A configured index.dir is the configured corpus's index: another corpus gets
            # its own (keyed by its sources), rather than replacing that one's articles.
            settings.index.dir = None
        settings.corpus.sources = sources
    return settings


def ensure_index(settings: Settings) -> None:
    """Build the index if missing, update it if the corpus changed (stat only when not)."""
    # Imported here, not at the top: the indexer is 15 ms of start-up (measured) that
    # --version, --help, locate and `saved add` do without, and the progress bar 6 ms
    # more that a search of an index already up to date does without.
    from newsdesk.index.ingest.no_articles import IndexNotBuiltError, check_some_article
    from newsdesk.index.ingest.staleness import claim_index_folder, index_exists, staleness

    stale = staleness(settings)
    if stale is None:
        check_some_article(settings)  # "0 hits" from a corpus of no article is an error
        return
    from newsdesk.tui.cli.progress import run_indexer_with_progress

    held = _articles_in(settings) if stale.why in ("stopped", "changed") else 0
    try:
        if (said := waiting_line(stale, held)) is not None:
            # (A folder that cannot be written is said instead, before anything waits.)
            claim_index_folder(settings)
            output.err(said)
        # (A file gone or emptied keeps its articles: a disk not mounted, a file being
        # rewritten; only `newsdesk index` removes them. staleness.KEPT)
        report = run_indexer_with_progress(settings, quiet=not sys.stderr.isatty(),
                                           summary=False, remove_gone=False)
        if report.cancelled and index_exists(settings):
            output.err(f"newsdesk: the index is incomplete: searching the "
                       f"{counted(_articles_in(settings), 'article')} indexed so far; "
                       "`newsdesk index` finishes it")
    except IndexBusyError:
        if not index_exists(settings):
            raise
        output.err("newsdesk: another newsdesk is updating the index; searching what it has "
                   "committed so far")
    except IndexFolderError as exc:
        # A full disk or a read-only folder: an index that is there is still searched; one
        # whose first build never got to read the files is not (this is the error, not an
        # empty corpus).
        if not index_exists(settings):
            raise
        try:
            check_some_article(settings)
        except IndexNotBuiltError:
            raise exc from None
        output.err(f"newsdesk: {exc}; searching the index as it is")
    check_some_article(settings)


# A query command says before it waits for the indexer when the run reads this much or
# more (on the stranger's machine 8 MB of Reuters took about 40 s: a small change, read in
# a moment, needs no word), and always for a first build or a run that was stopped midway.
SAY_WAIT_FROM = 4 * 2**20


def waiting_line(stale: Staleness, held: int) -> str | None:
    """One line for stderr, at once, saying why a query command waits before searching and
    how not to (Ctrl-C stops the run after its batch and searches what is in). None for a
    small change of the corpus, read in a moment. `held`: the articles searchable now."""
    stop = (f"; Ctrl-C stops it and searches the {counted(held, 'article')} indexed so far"
            if held else "")
    if stale.why == "built":
        return "newsdesk: no index of this corpus yet: building it before searching"
    if stale.why == "rebuilt":
        return "newsdesk: the index must be rebuilt (of another version, or damaged) " \
               "before searching"
    if stale.why == "stopped":
        return ("newsdesk: the index is incomplete (a `newsdesk index` was stopped before "
                f"it finished): finishing it before searching{stop}")
    if stale.to_read < SAY_WAIT_FROM:
        return None
    return (f"newsdesk: {counted(stale.files, 'corpus file')} ({_size(stale.to_read)}) "
            f"changed or not indexed yet: updating the index before searching{stop}")


def _size(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n >= 2**20 else f"{n / 1024:,.0f} KB"


def _articles_in(settings: Settings) -> int:
    """The articles the index holds now (committed), read-only; 0 if it cannot say."""
    import sqlite3

    from newsdesk.index.paths import index_paths

    store = index_paths(settings).store
    try:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM articles WHERE pending = 0").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def require_positive(args: argparse.Namespace, *options: str) -> None:
    """Refuse a count option below 1 before any work is done (None: not given)."""
    for option in options:
        value = getattr(args, option)
        if value is not None and value < 1:
            raise NewsdeskError(f"--{option} must be at least 1")


@contextmanager
def query_errors(query: str, as_json: bool) -> Iterator[None]:
    """A query the engine refuses: with --json, the error as JSON on stdout for the script
    reading it; always a message naming the query on stderr (exit 2, from main)."""
    try:
        yield
    except QueryError as exc:
        if as_json:
            output.out(json_dumps({"query": query, "error": str(exc), "column": exc.column}))
        raise NewsdeskError(f"query {query!r}: {exc}{pointed(query, exc.column)}") from None


POINTED_WIDTH = 72  # a long query is shown as the part around the column


def pointed(query: str, column: int | None) -> str:
    """Two lines for an error message: the query, and a caret under `column` (1-based; one
    past the end when the query ended too early), counted in terminal cells (a CJK letter
    is two). A long query is cut to the part around the column. "" without a column."""
    if column is None or "\n" in query:
        return ""
    text, at = terminal_safe(query, False), column - 1
    start = max(0, min(at - POINTED_WIDTH // 2, len(text) - POINTED_WIDTH))
    part = text[start:start + POINTED_WIDTH]
    before = "…" if start else ""
    after = "…" if start + POINTED_WIDTH < len(text) else ""
    from rich.cells import cell_len  # (Rich only where a query's error is shown)

    caret = " " * cell_len(before + part[:at - start]) + "^"
    return f"\n  {before}{part}{after}\n  {caret}"


def exit_code(found: int) -> int:
    return EXIT_HITS if found else EXIT_NO_HITS


def hit_json(h: Hit) -> dict[str, Any]:
    return {
        "id": h.id, "title": h.title, "date": export_date(h),  # as the article wrote it
        "source": h.source, "url": h.url, "path": h.path, "score": round(h.score, 4),
        "snippet": h.snippet.text, "snippet_spans": [list(s) for s in h.snippet.spans],
        "spans": [list(s) for s in h.spans],
        # the text's first matches only, more after them (index/query/highlight.py)
        "spans_truncated": not h.spans_complete,
        "title_spans": [list(s) for s in h.title_spans],
        "starred": h.starred, "tags": h.tags, "note": h.note,
        "group": h.group,
    }


def results_json(results: Results, stories: list[Story] | None = None) -> dict[str, Any]:
    """With `stories` (search --fold): one hit a story, its copies' ids under "copies"."""
    found = {
        "query": results.query,
        "total": results.total,
        "elapsed_ms": round(results.elapsed * 1000, 2),
        "suggestion": results.suggestion,
        "notes": results.notes,
        "sort": results.sort,
    }
    if stories is None:
        found["hits"] = [hit_json(h) for h in results.hits]
    else:
        found["hits"] = [{**hit_json(s.hit), "copies": list(s.copies)}
                         for s in stories]
    return found


def text_console(stderr: bool = False) -> Console:
    """The console every command prints text through. On a terminal: colours (none with
    NO_COLOR set, as Rich reads it) and lines fitted to its width. Into a pipe or a file:
    no escape codes and no wrapping, one line a line, whatever the width would have been;
    tables take the width their cells need (up to pipe_table.CAP: a longer cell runs on)."""
    stream = sys.stderr if stderr else sys.stdout
    on_terminal = stream.isatty()
    return output.console(stderr=stderr, pipe=not on_terminal, soft_wrap=not on_terminal,
                          width=None if on_terminal else UNWRAPPED_WIDTH)


UNWRAPPED_WIDTH = 100_000  # "no limit" for a table's layout when nothing wraps it


def print_results(results: Results, stories: Iterable[Story] | None = None,
                  every: bool = False, folded: bool = False) -> None:
    """The hits, ranked; with `stories` (search --fold) one a story, "+N copies" and the
    copies' ids under it. `every` (search --all): `stories` are every hit (every story,
    `folded`), as they come."""
    from rich.text import Text  # (imported where printed: `newsdesk index` never needs it)

    from newsdesk.tui.render import copies_label, highlighted, marks_line, meta_line

    out = text_console()
    head = Text(f"{counted(results.total, 'hit')} for ", style="bold")
    head.append(results.query or "every article")
    head.append(f" · {results.elapsed * 1000:.0f} ms", style="dim")
    if results.sort != "relevance":
        head.append(f" · {results.sort} first", style="dim")
    shown = results.reached  # (folded: the stories and their copies)
    if every:
        head.append(" · every story" if folded else " · every hit", style="dim")
    elif isinstance(stories, list):
        # (Not "in the first N": a story's copies may be ranked after later stories.)
        head.append(f" · {counted(len(stories), 'story', 'stories')} "
                    f"({counted(shown, 'hit')} with their copies)", style="dim")
    elif shown < results.total:
        head.append(f" · showing {shown:,}", style="dim")
    out.print(head)
    for note in results.notes:
        out.print(Text(f"note: {note}", style="italic"))
    if results.suggestion:
        out.print(Text("Did you mean: ", style="bold").append(results.suggestion))
    for rank, story in enumerate(stories or [Story(h) for h in results.hits], start=1):
        hit = story.hit
        out.print()
        line = Text(f"{rank:>3}  ", style="dim")
        line.append_text(highlighted(hit.title, hit.title_spans, keep_newlines=False))
        line.stylize("bold", 5)
        out.print(line)
        out.print(Text("     " + meta_line(hit.source, hit.date, hit.id,
                                               hit.date_text), style="dim"))
        if hit.starred or hit.tags or hit.note:
            out.print(Text("     " + marks_line(hit.starred, hit.tags, hit.note),
                           style="yellow"))
        out.print(Text("     ").append_text(
            highlighted(hit.snippet.text, hit.snippet.spans, keep_newlines=False)))
        if story.copies:
            out.print(Text(f"     {copies_label(len(story.copies))}: ", style="yellow")
                      .append(", ".join(terminal_safe(c, False) for c in story.copies),
                              style="dim"))


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    """A timeline as `timeline --json` gives it, and as `facets --json` nests it."""
    return {"query": timeline.query, "by": timeline.by, "total": timeline.total,
            "undated": timeline.undated,
            "periods": [{"start": p.start.isoformat(), "label": p.label, "count": p.count,
                         "query": p.clause} for p in timeline.periods]}
