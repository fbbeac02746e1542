"""Tables written into a pipe (tui/pipe_table.py): laid out as Rich lays them out, but a
cell longer than CAP runs on in its own row instead of widening every row, and no line ends
in padding."""

from __future__ import annotations

import io
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.table import Table
from rich.text import Text

from newsdesk.tui.cli import output
from newsdesk.tui.cli.common import UNWRAPPED_WIDTH
from newsdesk.tui.pipe_table import CAP
from tests.helpers.paths import SEEDS, write_config


def _printed(table: Table, pipe: bool) -> list[str]:
    stream = io.StringIO()
    console = output.console(pipe=pipe, file=stream, soft_wrap=True, width=UNWRAPPED_WIDTH,
                             color_system=None)
    console.print(table)
    return stream.getvalue().split("\n")[:-1]


def _table(rows: list[list[str]], justify: list[str], pad_edge: bool) -> Table:
    table = Table(box=None, header_style="bold", pad_edge=pad_edge)
    for i, how in enumerate(justify):
        table.add_column(f"col{i}", justify=how)  # type: ignore[arg-type]
    for row in rows:
        table.add_row(*(Text(cell) if i % 2 else cell for i, cell in enumerate(row)))
    return table


@pytest.mark.parametrize("seed", range(40))
def test_short_cells_come_out_as_rich_lays_them_without_trailing_padding(seed: int) -> None:
    rng = random.Random(seed)
    width = rng.randint(1, 5)
    justify = [rng.choice(["left", "right", "center"]) for _ in range(width)]
    rows = [["".join(rng.choice("ab é漢 ") for _ in range(rng.randint(0, 30)))
             for _ in range(width)] for _ in range(rng.randint(0, 8))]
    pad_edge = rng.random() < 0.5
    rich_lines = [line.rstrip() for line in _printed(_table(rows, justify, pad_edge), False)]
    assert _printed(_table(rows, justify, pad_edge), True) == rich_lines


@pytest.mark.parametrize("long", [CAP + 1, 5_000, 40_000])
@pytest.mark.parametrize("column", [0, 1, 2])
def test_a_long_cell_runs_on_in_its_own_row_only(long: int, column: int) -> None:
    rows = [[f"name{i}", f"{i:,}", f"query {i}"] for i in range(50)]
    rows[7][column] = "x" * (long - 1) + "y"
    lines = _printed(_table(rows, ["left", "right", "left"], True), True)
    assert len(lines) == 51  # the header and one line a row: nothing wrapped
    assert max(len(line) for i, line in enumerate(lines) if i != 8) < 40
    assert "x" * (long - 1) + "y" in lines[8]  # nothing cut
    assert all(line == line.rstrip() for line in lines)
    for i in (1, 8, 50):
        assert lines[i].split() == " ".join(rows[i - 1]).split()


def test_saved_list_piped_stays_small_with_a_huge_query(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        run_here: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    huge = "n" * 40_000  # a name (a query is refused past 2,000 characters)
    for i in range(30):
        name = huge if i == 3 else f"search {i}"
        assert run_here("saved", "add", name, "okapi").returncode == 0
    listed = run_here("saved", "list").stdout
    lines = listed.splitlines()
    assert len(lines) == 31 and huge in lines[4]
    assert len(listed) < len(huge) + 31 * 60  # every other row as short as its cells
