"""The engine never imports Textual or Rich (DESIGN.md convention 1)."""

import pkgutil
import subprocess
import sys

import index


def test_index_modules_import_neither_textual_nor_rich() -> None:
    modules = [f"index.{m.name}" for m in pkgutil.iter_modules(index.__path__)]
    assert len(modules) > 8
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
