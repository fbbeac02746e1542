"""No keystroke lost or misrouted: bursts of keys written in one go to the real `newsdesk` in a
pseudo-terminal (as fast typing, a paste or a slow SSH link delivers them), from every pane,
and right after Enter opens an article. After each burst the search box holds exactly what
was typed, and no command ran on the way: no pager, no dialog, no file written.

The words are generated from the seed articles' own vocabulary, so they are full of the
letters the panes bind as one-key commands (o pager, e export, y copy, a, b, v, c, x, h, r,
m, s ...)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers.paths import SEEDS, write_config
from tests.helpers.terminal import Terminal

# How to reach each pane from the search box holding a query with hits; the burst is sent
# in the same write as these keys where `together`, after they have taken effect otherwise.
PANES: list[tuple[str, str, bool]] = [
    ("results", "\x1b[B", False),
    ("results, at once", "\x1b[B", True),
    ("reader", "\x1b[B\r", False),
    ("reader, right after Enter", "\x1b[B\r", True),
    ("saved searches", "\x1b[Bb", True),
    ("actors", "\x1b[Ba", True),
    ("facets", "\x1b[Bv", True),
    ("concordance", "\x1b[Bc", True),
    ("concordance, Enter opens the article", "\x1b[Bc", "enter"),  # type: ignore[list-item]
]
DIALOGS = ("Export the", "Copy to the clipboard", "Rename '", "Merge '", "Hide '",
           "Save this search", "Replace", "Query language")
BASE = "soleimani"  # 5 hits in the seeds


def _words(count: int, seed: int) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    vocabulary = sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,12}", text)})
    rng = random.Random(seed)
    return rng.sample(vocabulary, count)


@pytest.fixture
def burst_env(tmp_path: Path) -> tuple[dict[str, str], Path, Path]:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    marker = tmp_path / "pager-ran"
    cwd = tmp_path / "cwd"  # where the app runs: an export or a pager's save lands here
    cwd.mkdir()
    env = {"NEWSDESK_CONFIG": str(cfg), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "PAGER": f"touch {marker}"}
    return env, marker, cwd


def _box(term: Terminal) -> str:
    line = term.text.splitlines()[1]
    return line.strip().strip("│").strip()


def _wait_box(term: Terminal, expected: str, timeout: float = 20.0) -> None:
    patience = term.patience(timeout)
    while _box(term) != expected:
        if patience.expired() or not term.child.isalive():
            raise AssertionError(f"box holds {_box(term)!r}, not {expected!r} "
                                 f"({patience.describe()}); screen:\n{term.text}")
        term.pump(0.02)


def _start_from(term: Terminal) -> None:
    """The search box focused, holding BASE, its hits shown."""
    term.send("/")  # from wherever the last burst left the focus (the box: a literal /)
    term.send("\x15" + BASE)  # Ctrl+U empties the box
    _wait_box(term, BASE)
    term.wait_for("5 hits")
    term.pump(0.05)


def _check(term: Terminal, expected: str, marker: Path, cwd: Path, case: str,
           settle: float = 0.0) -> list[str]:
    """What went wrong in one case. A command that ran late is still found: a dialog stays
    on the screen and takes the next case's keys, and the pager's marker and a written
    file stay until looked at; after the last case the test waits `settle` seconds once."""
    failures = []
    try:
        _wait_box(term, expected)
    except AssertionError as exc:
        failures.append(f"{case}: {exc}")
    term.pump(settle)
    if _box(term) != expected:
        failures.append(f"{case}: box holds {_box(term)!r}, typed {expected!r}")
    shown = [d for d in DIALOGS if d in term.text]
    if shown:
        failures.append(f"{case}: a command ran ({shown}); screen:\n{term.text}")
        term.send("\x1b")
        term.pump(0.5)
    if marker.exists():
        failures.append(f"{case}: the pager ran")
        marker.unlink()
    if stray := list(cwd.iterdir()):
        failures.append(f"{case}: files written {stray}")
    return failures


# At 80x24 the panes take turns (the reader covers the list): the ways to the reader there.
NARROW = [p for p in PANES if "\r" in p[1] or p[2] == "enter"] + [PANES[0], PANES[4]]


# The suite takes every pane once, at one size or the other (the wide run of every pane, 24
# CPU s of pseudo-terminal reading, is under -m slow).
WIDE_SAMPLE = [p for p in PANES if p not in NARROW]


@pytest.mark.parametrize(("cols", "rows", "panes"), [
    pytest.param(120, 30, PANES, marks=pytest.mark.slow, id="wide"),
    pytest.param(120, 30, WIDE_SAMPLE, id="wide-sample"),
    pytest.param(80, 24, NARROW, id="narrow")])
def test_bursts_from_every_pane_reach_the_box(burst_env: tuple[dict[str, str], Path, Path],
                                              cols: int, rows: int,
                                              panes: list[tuple[str, str, bool]]) -> None:
    env, marker, cwd = burst_env
    words = iter(_words(2 * len(panes) + 7, seed=23 + cols))
    term = Terminal([], env, cols=cols, rows=rows, cwd=cwd)
    failures: list[str] = []
    cases = 0
    try:
        term.wait_for("articles indexed")
        # The box has the focus at start, and "/" is typed by habit before a query: it
        # means "search" there too (typed, and in one burst with the word).
        word = next(words)
        term.send("/")
        term.pump(0.2)
        term.send(word)
        failures += _check(term, word, marker, cwd, f"empty box at start, / then {word}")
        term.send("\x15")
        word = next(words)
        term.send("/" + word)
        failures += _check(term, word, marker, cwd, f"empty box, /{word} in one burst")
        # "/" from the results selects the query; a second "/" keeps it selected.
        word = next(words)
        _start_from(term)
        term.send("\x1b[B//" + word)
        failures += _check(term, word, marker, cwd, f"results, //{word}")
        cases += 3
        # In the box itself: typed over what it holds.
        for _ in range(2):
            word = next(words)
            _start_from(term)
            term.send("\x15" + word)
            failures += _check(term, word, marker, cwd, f"box: {word}")
            cases += 1
        # Escape and the word in one write (a link that batches keystrokes): ESC and the
        # first letter were read as Alt+letter, bound to nothing, and both were lost.
        for keys, escapes, case in (("\x1b[B", "\x1b", "results"),
                                    ("\x1b[B\r", "\x1b\x1b", "reader")):
            word = next(words)
            _start_from(term)
            term.send(keys)
            if "\r" in keys:
                term.wait_for("match 1 of")
            term.pump(0.3)
            term.send(escapes + word)
            failures += _check(term, word, marker, cwd, f"{case}, Escape with {word}")
            cases += 1
        for pane, keys, together in panes:
            for how in ("typed", "pasted"):
                word = next(words)
                burst = ("/" + word if how == "typed"
                         else f"/\x1b[200~{word}\x1b[201~")  # bracketed paste
                _start_from(term)
                case = f"{pane}, {how} /{word}"
                if together == "enter":
                    term.send(keys)
                    term.wait_for("Concordance")
                    term.pump(0.3)
                    term.send("\r" + burst)  # opens the article, then the burst
                elif together:
                    term.send(keys + burst)
                else:
                    term.send(keys)
                    if "\r" in keys:
                        term.wait_for("match 1 of")
                    term.pump(0.3)
                    term.send(burst)
                failures += _check(term, word, marker, cwd, case)
                cases += 1
        # Time for a command the last bursts set off to show (the pager runs after its
        # article is fetched in the background); any before them would have shown by now.
        failures += _check(term, word, marker, cwd, f"after the last case, {case}",
                           settle=1.0)
    finally:
        code = term.quit()
    assert code == 0
    assert b"Traceback" not in term.raw
    assert cases == 7 + 2 * len(panes)
    assert failures == [], "\n".join(failures)
