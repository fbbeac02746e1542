"""Keys typed ahead in a real pseudo-terminal (issue 23), each case a burst written in one go
as fast typing, a paste or a slow link delivers it: keys typed at launch, before the first
screen, all reach the search box; "soleimani", Enter, "j", Enter read at once are keys,
not a paste: the second hit opens and the box keeps its query; a bracketed paste
in the results goes to the box; "dy" / "hy" in the saved searches / the actors ask, and the
y typed ahead does not say yes: the dialog stays until a key pressed after it showed. The
same again with the terminal driver slowed between two keys of one read, as a busy machine
deschedules its input thread (tests/helpers/slow_key_parser): a key's time is its read's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_key_bursts import BASE, _check, _start_from, _wait_box, _words, burst_env
from tests.helpers import slow_key_parser
from tests.helpers.terminal import Terminal

__all__ = ["burst_env"]  # the fixture, shared with the other burst tests


@pytest.mark.parametrize("parser", ["as it is", "slowed between keys"])
def test_keys_typed_ahead_in_a_terminal(burst_env: tuple[dict[str, str], Path, Path],
                                        parser: str, tmp_path: Path) -> None:
    env, marker, cwd = burst_env
    if parser != "as it is":
        env = {**env, **slow_key_parser.environment(tmp_path / "slow-parser")}
    first, pasted, bracketed = _words(3, seed=2023)
    term = Terminal([], env, cols=120, rows=30, cwd=cwd)
    failures: list[str] = []
    try:
        term.send(first)  # at once: Python has not even started newsdesk yet
        failures += _check(term, first, marker, cwd, f"typed at launch: {first}")

        _start_from(term)
        second = term.read_frame(lambda screen: _result_titles(screen)[1], "a second hit")
        term.send("\rj\r")  # Enter, j, Enter in one read: keys, not a paste
        failures += _check(term, BASE, marker, cwd, "Enter, j, Enter in one burst")
        try:
            term.read_frame(lambda screen: _opened(screen, second), "the article")
        except AssertionError:
            failures.append(f"Enter, j, Enter did not open {second!r}:\n{term.text}")

        _start_from(term)
        term.send(f"\x1b[B\x1b[200~{bracketed}\x1b[201~")  # to the results, then a paste
        failures += _check(term, bracketed, marker, cwd, "bracketed paste in the results")

        # A saved search to delete (Ctrl+S, a name, Enter), then "dye" in the saved pane.
        _start_from(term)
        term.send("\x13")
        term.wait_for("Save this search")
        term.send("\x15keepme\r")
        term.wait_for("keepme")
        term.send("\x1b[Bb")
        term.pump(0.3)
        data = Path(env["XDG_DATA_HOME"])
        before = _files(data)
        term.send("dye")
        term.wait_for("Delete the saved search 'keepme'")
        term.send("\x1b")  # pressed after it showed: No. Had y said yes, it is gone by now.
        term.wait_for(("Search as", "Results"))
        _gone(term, "Delete the saved search")
        assert _files(data) == before, "the saved search was deleted (its file written)"

        term.send("/\x15" + BASE)
        _wait_box(term, BASE)
        term.send("\x1b[Ba")
        term.pump(0.3)
        before = _files(data)
        term.send("hyundai")
        term.wait_for("Hide '")  # (the question may wrap: a long name)
        name = term.read_frame(lambda screen: screen.split("Hide '", 1)[1].split("' from", 1)[0],
                               "the actor's name in the question")
        term.send("\x1b")
        _gone(term, "Hide '")
        term.pump(0.3)
        assert _files(data) == before, f"{name} was hidden (curation written)"
        assert _listed(name, term.text), f"{name} was hidden:\n{term.text}"
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw
    assert failures == [], "\n".join(failures)


def _gone(term: Terminal, needle: str, timeout: float = 20.0) -> None:
    term.wait_until(lambda: needle not in term.text, f"{needle!r} stays", timeout)


def _listed(name: str, text: str) -> bool:
    """Whether the actor `name` shows on the screen: whole, or cut to its row's width with
    an ellipsis ("Popular Mobiliz… 5" in the 30-column sidebar; which actor the keys find
    highlighted, a long name or a short one, depends on timing)."""
    cuts = [name[:end] + "…" for end in range(min(len(name), 6), len(name))]
    return name in text or any(cut in text for cut in cuts)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder`: (size, mtime) by path."""
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")
            if p.is_file()}


def _panes(screen: str) -> list[tuple[str, str]]:
    """The results' and the reader's text, row by row, where the panes sit side by side
    (the wide layout): the columns under their boxes' top edges."""
    lines = screen.splitlines()
    top = next(i for i, line in enumerate(lines) if "\u256d\u2500 Results" in line)
    results = lines[top].index("\u256d\u2500 Results")
    reader = lines[top].index("\u256d\u2500 Reader")
    return [(line[results + 1:reader - 1].strip(), line[reader + 1:-1].strip())
            for line in lines[top + 1:] if len(line) > reader]


def _result_titles(screen: str) -> list[str]:
    """Each hit's title as listed (cut at its ellipsis): the line above "source · date"."""
    column = [left for left, _ in _panes(screen)]
    return [column[i - 1].rstrip("\u2026").strip() for i in range(1, len(column))
            if " \u00b7 " in column[i] and column[i - 1] and " \u00b7 " not in column[i - 1]]


def _opened(screen: str, title: str) -> bool:
    """True once the reader shows `title`; a ValueError (not drawn yet: read_frame reads
    again) until then."""
    if not _reader_title(screen).startswith(title):
        raise ValueError(f"the reader does not show {title!r}")
    return True


def _reader_title(screen: str) -> str:
    lines = [right for _, right in _panes(screen)]
    return " ".join(line for line in lines[:3] if line)
