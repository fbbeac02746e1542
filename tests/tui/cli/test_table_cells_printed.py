"""Tables are laid out by the cells of what is printed: a cell's control character (ESC,
made ␛ on the way out) was measured as no cell and printed as one, and its row's columns ran
one to the right (`saved list` with a name holding ESC). Generated names of control
characters, invisible formatting characters, wide and combining ones, on a terminal and
into a pipe, and `saved list` itself."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from newsdesk.tui.cli import output
from tests.helpers.command import run

ODD = ["\x1b", "\x07", "\x00", "\x9b", "\u200b", "\u202e", "\u0301", "東", "\x7f", "\t", "é"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(ODD) if rng.random() < 0.4 else rng.choice("abcxyz")
                   for _ in range(rng.randint(1, 12)))


def _columns(printed: str) -> list[int]:
    """Where each row's last column (a number, justified right) ends, in cells."""
    ends = []
    for line in printed.splitlines()[1:]:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip()
        assert re.search(r" \d+$", plain), repr(plain)
        ends.append(cell_len(plain))
    return ends


@pytest.mark.parametrize("pipe", [True, False])
@pytest.mark.parametrize("seed", range(25))
def test_rows_line_up_whatever_the_names(pipe: bool, seed: int) -> None:
    rng = random.Random(seed)
    table = Table(box=None)
    table.add_column("name")
    table.add_column("count", justify="right")
    for n in range(6):
        name = _name(rng)
        table.add_row(Text(name, style="bold") if n % 2 else name, str(rng.randint(1, 999)))
    stream = io.StringIO()
    console = output.console(pipe=pipe, width=200, file=stream, force_terminal=not pipe)
    console.print(table)
    starts = _columns(stream.getvalue())
    assert len(starts) == 6 and len(set(starts)) == 1, stream.getvalue()
    assert "\x07" not in stream.getvalue() and "\x9b" not in stream.getvalue()


def test_saved_list_lines_up(seeds_config: Path) -> None:
    names = ["plain", "esc\x1b]0;PWNED\x07name", "tab\tname", "zero\u200bwidth", "東京"]
    for name in names:
        assert run("saved", "add", name, "soleimani").returncode == 0
    listed = run("saved", "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert len(lines) == len(names) + 1
    ends = {cell_len(line[:re.search(r" \d+ ", line).end()]) for line in lines[1:]}
    assert len(ends) == 1, listed.stdout
