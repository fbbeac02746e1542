"""Where the repository, its seeds and the shared corpora are, and configs naming them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
# NEWSDESK_TEST_CORPORA names another folder: one that does not exist runs every test as
# on a machine without the shared corpora.
CORPORA = Path(os.environ.get("NEWSDESK_TEST_CORPORA") or ROOT.parent / "shared" / "corpora")

# The `newsdesk` command as a subprocess runs it, whatever the venv's scripts folder is.
NEWSDESK = [sys.executable, "-m", "newsdesk.tui.cli"]


def write_config(path: Path, sources: list[Path], extra: str = "") -> Path:
    lines = ["corpus:", "  sources:"] + [f"    - {s}" for s in sources]
    path.write_text("\n".join(lines) + "\n" + extra)
    return path
