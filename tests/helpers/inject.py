"""A newsdesk with a fault of its own injected, and the crash reports it leaves."""

from __future__ import annotations

from pathlib import Path

INJECTED = '''
import {module} as target
def _fail(*args, **kwargs):
    raise RuntimeError("injected \\x1b[31mfault")
target.{attribute} = _fail
'''


def injecting(folder: Path, module: str, attribute: str) -> dict[str, str]:
    """The environment of a newsdesk in which `module.attribute` raises a RuntimeError
    (a sitecustomize on its path, run as the interpreter starts): a fault of newsdesk's."""
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(INJECTED.format(module=module,
                                                             attribute=attribute))
    return {"PYTHONPATH": str(folder)}


def crash_reports(home: Path) -> list[Path]:
    """The crash reports under an isolated home's cache (tests/conftest.py)."""
    return sorted((home / "cache" / "newsdesk" / "crashes").glob("crash-*.txt"))
