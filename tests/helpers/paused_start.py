"""A `newsdesk` started with `environment(folder)` stops just before it imports Textual's
app: it writes `folder/paused` and waits until the test writes `folder/go` (20 s at most).
Keys sent in between reach the terminal before Textual sets it to raw mode, on every
machine, however fast: as keys typed while a busy machine starts the dashboard. Through a
sitecustomize module on PYTHONPATH (tests/helpers/slow_key_parser.py does the same)."""

from __future__ import annotations

import os
from pathlib import Path

_SITECUSTOMIZE = '''
import sys
if "newsdesk" in " ".join(getattr(sys, "orig_argv", sys.argv)):
    import os
    import time

    class _Pause:
        def find_spec(self, name, path=None, target=None):
            if name == "textual.app":
                sys.meta_path.remove(self)
                open({paused!r}, "w").close()
                deadline = time.monotonic() + 20
                while not os.path.exists({go!r}) and time.monotonic() < deadline:
                    time.sleep(0.01)
            return None

    sys.meta_path.insert(0, _Pause())
'''


def environment(folder: Path) -> dict[str, str]:
    """The variables that give a `newsdesk` process the pause (written to `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    site = _SITECUSTOMIZE.format(paused=str(folder / "paused"), go=str(folder / "go"))
    (folder / "sitecustomize.py").write_text(site, encoding="utf-8")
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(folder) + (os.pathsep + path if path else "")}


def go(folder: Path) -> None:
    (folder / "go").write_text("", encoding="utf-8")
