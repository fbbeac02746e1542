"""Keys that act on the results wait for the results of what was typed before them, in a real
pseudo-terminal (issue 23), each burst written in one go. The searches are slowed in the
app's process (as on a loaded machine, where the stranger found these): "kassem", Down,
Enter after Ctrl+U opened the newest article, the list of the empty box still on show; the
same after "/" over the query; at launch, "kassem" and Enter was lost (the terminal not yet
raw: the Enter came as a line feed, Ctrl+J), and "kassem", Enter, "jj" gave "kassemjj";
Ctrl+R, "kass", Enter, "/zz" gave "kassem/zz", where Enter in the box goes on to the results;
keys typed during an export were dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.e2e.test_key_bursts import _box, _wait_box, burst_env
from tests.helpers.terminal import Terminal

__all__ = ["burst_env"]  # the fixture, shared with the other burst tests

# In the app's process, before newsdesk is imported: every search takes SLOW_SEARCH seconds
# more; an export starts once the file EXPORT_GATE exists (the test says when).
SLOWED = '''
import os, time
from pathlib import Path
import newsdesk.index.engine as engine_module
import newsdesk.index.views.export as export_module
_search, _export = engine_module.Engine.search, export_module.export_to_file
def search(self, *args, **kwargs):
    time.sleep(float(os.environ["SLOW_SEARCH"]))
    return _search(self, *args, **kwargs)
def export_to_file(*args, **kwargs):
    gate, deadline = Path(os.environ["EXPORT_GATE"]), time.monotonic() + 30
    while not gate.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return _export(*args, **kwargs)
engine_module.Engine.search = search
export_module.export_to_file = export_to_file
'''
KASSEM = "Iraq insurgency"  # the title of the one seed article about kassem ("kassem")
NEWEST = "newest first"  # the status line of the empty box's list
DOWN, CTRL_U, CTRL_R = "\x1b[B", "\x15", "\x12"


def _slowed(env: dict[str, str], folder: Path, seconds: float) -> dict[str, str]:
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(SLOWED)
    return {**env, "PYTHONPATH": str(folder), "SLOW_SEARCH": str(seconds),
            "EXPORT_GATE": str(folder / "export-may-start")}


def _reader_title(term: Terminal) -> str:
    """The first line in the reader, once an article is open (80x24: it covers the list)."""
    term.wait_for("─ Reader ─")

    def first_line(screen: str) -> str:
        lines = screen.splitlines()
        top = next(i for i, line in enumerate(lines) if "─ Reader ─" in line)
        return lines[top + 1].strip("│ ")

    return term.read_frame(first_line, "the reader's first line")


def _empty_box(term: Terminal) -> None:
    """The search box focused and empty, the newest articles listed."""
    term.send("\x1b\x1b/")  # from the reader, the results or the box: to the box
    term.send(CTRL_U)
    _wait_until(term, lambda: _box(term).startswith("Search: words"))  # the placeholder
    term.wait_for(NEWEST)


def _wait_until(term: Terminal, done: Callable[[], bool], timeout: float = 20.0) -> None:
    term.wait_until(done, "never came", timeout)


def test_keys_wait_for_the_results_they_act_on(
        burst_env: tuple[dict[str, str], Path, Path], tmp_path: Path) -> None:
    env, _, cwd = burst_env
    env = _slowed(env, tmp_path / "slowed", 0.15)
    term = Terminal([], env, cols=80, rows=24, cwd=cwd)
    try:
        term.wait_for(NEWEST)
        # Down and Enter typed with the query: the top hit of kassem opens, not of the list
        # on show when they came.
        term.send("kassem" + DOWN + "\r")
        assert KASSEM in _reader_title(term), term.text
        assert _box(term) == "kassem"

        # The same after "/" over the query, from the results of another one.
        _empty_box(term)
        term.send("soleimani\r")
        term.wait_for("5 hits")
        term.send("/kassem" + DOWN + "\r")
        term.wait_for("1 hit")
        assert KASSEM in _reader_title(term), term.text

        # Ctrl+R, a part of a past query, Enter, and "/zz" typed on in one burst: Enter
        # runs kassem and goes on to its hits as Enter in the box does; "/" there is the
        # search box, "zz" its new query (was typed after it: "kassem/zz").
        _empty_box(term)
        term.send(CTRL_R + "kass\r/zz")
        _wait_box(term, "zz")
        term.wait_for("0 hits of")

        # An export under way keeps the keys typed meanwhile, says so, and they go on to
        # the dashboard when it ends (they were dropped).
        _empty_box(term)
        term.send("soleimani\r")
        term.wait_for("5 hits")
        term.send("e")
        term.wait_for("Export the 5 results")
        term.send("\r")
        term.wait_for("Exporting 5 results")
        term.send("/kassem")
        term.wait_for("keys typed go on when it ends")
        assert _box(term) == "soleimani"
        (tmp_path / "slowed" / "export-may-start").touch()
        term.wait_for("Exported 5 results")
        _wait_box(term, "kassem")
        term.wait_for("1 hit")
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw


def test_keys_typed_at_launch_act_as_typed_later(
        burst_env: tuple[dict[str, str], Path, Path], tmp_path: Path) -> None:
    """Typed before the dashboard is up (the terminal still cooked: Enter is a line feed),
    "kassem", Enter, "jj" run kassem as written, and j moves in its hits as it would once
    the app is up (the box held "kassemjj"); the next Enter opens the hit."""
    env, _, cwd = burst_env
    env = _slowed(env, tmp_path / "slowed", 0.15)
    term = Terminal([], env, cols=80, rows=24, cwd=cwd)
    try:
        term.send("kassem\rjj")  # at once: Python has not even started newsdesk yet
        # Its prefix search first, then Enter's as written.
        _wait_until(term, lambda: "1 hit of" in term.text and "as a prefix" not in term.text)
        assert _box(term) == "kassem"
        term.send("\r")  # in the results, where Enter took the focus
        assert KASSEM in _reader_title(term), term.text
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw
