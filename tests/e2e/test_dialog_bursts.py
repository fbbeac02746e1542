"""Names typed ahead into the text dialogs, in a real pseudo-terminal (issue 23): from the
pane that has the dialog's key, one write of `<key>name<Enter>` (fast typing, a paste, a
slow SSH link delivering a burst) names exactly what was typed: the saved search (Ctrl+S),
its rename (r in the saved searches), the export's file (e), the article's tag (t) and the
actor's rename (r in the actors). No letter of the name is lost to the pane it was typed
from (where e exports, o opens the pager, b, a, v and c move) and none is left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.e2e.test_key_bursts import BASE, _start_from, _wait_box, _words, burst_env
from tests.helpers.terminal import Terminal

__all__ = ["burst_env"]  # the fixture, shared with the other burst tests

DIALOGS = ("Save this search", "Rename '", "Export the", "Tags and note")


def test_names_typed_ahead_into_dialogs(burst_env: tuple[dict[str, str], Path, Path]) -> None:
    env, marker, cwd = burst_env
    # Words of the seeds' own vocabulary: full of the panes' one-key commands.
    saved, renamed, tag, export = _words(4, seed=2312)
    actor = "Zq" + _words(1, seed=2313)[0]  # a name no actor has
    exports = Path(env["XDG_DATA_HOME"]) / "newsdesk" / "exports"
    term = Terminal([], env, cols=120, rows=30, cwd=cwd)
    try:
        term.wait_for("articles indexed")
        _start_from(term)
        term.send(f"\x13\x15{saved}\r")  # Ctrl+S, Ctrl+U (empties the query offered), name
        _until(term, lambda: _saved_names(term) == [saved], f"saved as {saved}")
        _wait_box(term, BASE)

        term.send("\x1b[Bb")
        term.pump(0.3)
        term.send(f"r{renamed}\r")
        _until(term, lambda: _saved_names(term) == [renamed], f"renamed to {renamed}")

        _start_from(term)
        term.send("\x1b[B")
        term.pump(0.3)
        term.send(f"e{export}.csv\r")
        _until(term, lambda: "Exported 5 results" in term.text, "exported")
        assert sorted(p.name for p in exports.iterdir()) == [f"{export}.csv"]

        _start_from(term)
        term.send("\x1b[B")
        term.pump(0.3)
        term.send(f"t{tag}\r")
        _until(term, lambda: f"#{tag} " in term.text, f"tagged {tag}")

        _start_from(term)
        term.send("\x1b[Ba")
        term.pump(0.5)
        term.send(f"r{actor}\r")
        _until(term, lambda: f" {actor} " in term.text, f"actor renamed to {actor}")
        assert not marker.exists(), "the pager ran"
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw
    assert list(cwd.iterdir()) == []


def _until(term: Terminal, done: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    """Read the screen until `done` and no dialog shows (a whole frame drawn, not the part
    of one a read returned)."""
    term.wait_until(lambda: done() and not any(d in term.text for d in DIALOGS), f"not {what}",
                    timeout)


def _saved_names(term: Terminal) -> list[str]:
    """The names listed in the saved searches' pane (the left column), counts left out."""
    lines = term.text.splitlines()
    heads = [i for i, line in enumerate(lines) if "Saved searches" in line]
    if not heads:
        return []
    names = []
    for line in lines[heads[0] + 1:]:
        cell = line[1:line.index("│", 1)] if "│" in line[1:] else ""
        if not cell.strip() or "╰" in line[:2]:
            break
        names.append(cell.split()[0])
    return [n for n in names if n != BASE]  # a search named by hand lists its query under it
