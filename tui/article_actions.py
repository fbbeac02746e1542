"""What the dashboard does with an article outside itself: the pager, the browser, the
clipboard, and the name an export gets. Plain functions; the app calls them."""

from __future__ import annotations

import errno
import os
import re
import shlex
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from newsdesk.index.locations import private_dir
from newsdesk.index.models import Article
from newsdesk.tui.render import fmt_date
from newsdesk.tui.safe_text import terminal_safe

COPY_CHOICES = [("u", "the article's url"), ("t", "its title"), ("x", "its whole text"),
                ("i", "its id"), ("q", "the current query")]


def copy_value(article: Article | None, what: str, query: str) -> tuple[str, str] | None:
    """(what it is, the value) for a copy choice, or None when there is nothing to copy."""
    if what == "q":
        return ("the query", query) if query.strip() else None
    if article is None:
        return None
    value = {"u": article.url, "t": article.title, "x": article.text, "i": article.id}[what]
    name = {"u": "the url", "t": "the title", "x": "the text", "i": "the id"}[what]
    return (name, value) if value else None


def article_as_text(article: Article) -> str:
    """The article for a pager: heading, then the text, with control characters inert (a
    pager such as `less -R` would otherwise pass escape sequences to the terminal)."""
    meta = " · ".join(x for x in (article.source or "unknown source",
                                  fmt_date(article.date, article.date_text), article.id) if x)
    # (The heading's lines are one each: an id from a file name may hold a newline.)
    parts = [terminal_safe(article.title, False), terminal_safe(meta, False)]
    if article.url:
        parts.append(article.url)
    return terminal_safe("\n".join(parts) + "\n\n" + article.text + "\n")


def pager_command() -> list[str] | str:
    """$PAGER (default less) as a command or, when there is none to run, what to do about
    it: set $PAGER, first (a toast at 80 columns is one line), then what was looked for."""
    chosen = (os.environ.get("PAGER") or "").strip()
    try:
        words = shlex.split(chosen or "less")
    except ValueError:  # an unclosed quote
        return "No pager: set $PAGER to a command (an unclosed quote in it cannot be read)"
    if words and shutil.which(words[0]) is not None:
        return words
    if not chosen:
        return "No pager: set $PAGER, e.g. export PAGER=more (less is not installed)"
    name = words[0] if words and words[0] else chosen
    return f"No pager: set $PAGER to one you have ({name} is not installed)"


def run_pager(command: list[str], text: str) -> int:
    return subprocess.run(command, input=text.encode("utf-8", "replace"), check=False).returncode


def web_url(url: str | None) -> str | None:
    """The url if it is a web address (http or https); anything else is never opened."""
    if not url:
        return None
    parsed = urlparse(url.strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None


def has_graphical_browser() -> bool:
    """A browser that opens beside the terminal: a desktop session here, not an SSH login
    (where a text browser would take over the terminal newsdesk is drawn in)."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def export_name(query: str, fmt: str, folder: Path | None = None) -> Path:
    """A name for an export from the query and the time: newsdesk-oil-prices-20261129-2140.csv"""
    slug = "-".join(re.findall(r"[a-z0-9]+", query.lower()))[:40].strip("-") or "results"
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    return (folder or Path.cwd()) / f"newsdesk-{slug}-{stamp}.{fmt}"


def make_export_folder(target: Path) -> str | None:
    """Make the folders an export's path names that do not exist yet (an export to
    reports/2026/oil.csv makes reports/2026); None when they are there, else why not, in
    words and short (a toast at 80 columns is one line): a file where a folder is needed,
    a folder newsdesk may not write in."""
    try:
        private_dir(target.parent)  # the owner's only, as the export in it
        target.parent.mkdir(exist_ok=True)  # (raises where a file is in the way)
    except OSError as exc:
        return _folder_why(exc, target.parent)
    return None


def _folder_why(exc: OSError, folder: Path) -> str:
    where = Path(os.fsdecode(exc.filename)) if exc.filename else folder
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        # The nearest part of the path that exists is the file in the way.
        found = next((p for p in (where, *where.parents) if p.exists()), None)
        if found is not None and not found.is_dir():
            return f"{found} is a file, not a folder"
        return f"cannot make {folder}: a file is in the way"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"cannot make {where}: no permission"
    if exc.errno == errno.EROFS:
        return f"cannot make {where}: the file system is read-only"
    if exc.errno == errno.ENAMETOOLONG:
        return f"cannot make {folder}: a name in it is too long"
    return f"cannot make {where}: {_words(exc)}"


def _words(exc: OSError) -> str:
    """The system's reason without its errno and repr: "no such file or directory"."""
    return exc.strerror.lower() if exc.strerror else str(exc)


def write_problem(target: Path, exc: OSError) -> str:
    """Why a file cannot be written, in words ("[Errno 36] File name too long: '...'"
    read like a crash)."""
    return f"cannot write {target}: {_words(exc)}"
