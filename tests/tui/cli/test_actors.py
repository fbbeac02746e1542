"""`newsdesk actors`: JSON rows, the table, the actors that appear together, refusals."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from newsdesk.index.config import Settings
from tests.helpers.command import run
from tests.helpers.paths import NEWSDESK, ROOT, write_config


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


def test_cli_actors_json(seed_index: tuple[Settings, Path], tmp_path: Path) -> None:
    settings, corpus = seed_index
    cfg = write_config(tmp_path / "cfg.yaml", [corpus],
                       f"index:\n  dir: {settings.index.dir}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
           "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    out = subprocess.run([*NEWSDESK, "actors", "--type", "person",
                          "--limit", "5", "--json"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows[0]["name"] == "Qassem Soleimani" and rows[0]["articles"] == 5
    assert all(r["type"] == "person" for r in rows)
    out = subprocess.run([*NEWSDESK, "actors", "--with", "Pompeo"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "Qassem Soleimani" in out.stdout
