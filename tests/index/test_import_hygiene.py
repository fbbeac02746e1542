"""The engine never imports Textual or Rich (DESIGN.md convention 1)."""

import pkgutil
import subprocess
import sys

import newsdesk.index


def test_index_modules_import_neither_textual_nor_rich() -> None:
    modules = [m.name for m in pkgutil.walk_packages(newsdesk.index.__path__, "newsdesk.index.")]
    assert len(modules) > 8
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_whoosh_loads_without_the_modules_it_never_uses() -> None:
    """index/lean_imports.py: Whoosh's urllib.request, cached_property and morph_en
    imports get stand-ins while Whoosh imports, and the real modules are there for anyone
    after."""
    code = (
        "import sys\nimport newsdesk.index.engine\n"
        "from whoosh.reading import SegmentReader\n"
        "print(sorted(m for m in ('urllib.request', 'cached_property', 'http.client',"
        " 'whoosh.lang.morph_en') if m in sys.modules))\n"
        "print(type(SegmentReader.__dict__['deleted_docs_set']).__name__)\n"
        "import urllib.request\nprint(callable(urllib.request.urlopen))\n"
        "from whoosh.query import terms\nfound = sorted(terms.variations('rendering'))\n"
        "from whoosh.lang.morph_en import variations\n"
        "print(len(found) > 3 and found == sorted(variations('rendering')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:4] == ["[]", "cached_property", "True", "True"]
