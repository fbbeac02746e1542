"""`newsdesk actors` as a table and its refusals (tests/index/actors has the JSON rows)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.command import run


def test_actors_table_and_refusals(wire_config: Path) -> None:
    table = run("actors", "--type", "person")
    assert table.returncode == 0, table.stderr
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["actor", "type", "articles", "mentions", "also", "written"]
    assert rows[0].startswith("Anna Berg") and "person" in rows[0]
    together = run("actors", "--with", "Anna Berg").stdout.splitlines()
    assert "together" in together[0] and any("Karl Ode" in r for r in together[1:])
    unknown = run("actors", "--with", "Nobody Atall")
    assert unknown.returncode == 2 and "no actor named" in unknown.stderr
    assert unknown.stdout == "" and "Traceback" not in unknown.stderr
    zero = run("actors", "-n", "0")
    assert zero.returncode == 2 and zero.stderr == "newsdesk: --limit must be at least 1\n"
