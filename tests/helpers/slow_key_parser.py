"""A newsdesk started with `environment(folder)` parses its terminal input slowly: a pause
between two events parsed from one read, as when a busy machine deschedules the driver's
input thread between two keys (keys typed ahead came out after the dialog their first
letter opened, and answered it). Through a sitecustomize module on PYTHONPATH, so the real
`newsdesk` in a pseudo-terminal gets it."""

from __future__ import annotations

import os
from pathlib import Path

PAUSE = 0.03  # seconds between two events of one read

_SITECUSTOMIZE = f'''
import sys
if "newsdesk" in " ".join(getattr(sys, "orig_argv", sys.argv)):
    import time
    from textual import _xterm_parser

    _feed = _xterm_parser.XTermParser.feed

    def feed(self, data):
        for n, event in enumerate(_feed(self, data)):
            if n:
                time.sleep({PAUSE})
            yield event

    _xterm_parser.XTermParser.feed = feed
'''


def environment(folder: Path) -> dict[str, str]:
    """The variables that give a `newsdesk` process the slow parser (written to `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE, encoding="utf-8")
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": str(folder) + (os.pathsep + path if path else "")}
