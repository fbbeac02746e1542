"""The house rules for imports, checked on every module under index/ and tui/ (found by
walking the folders, so a new module or room is checked the day it lands). Imports are read
from the source: at module level, inside functions and under TYPE_CHECKING alike, relative
ones resolved, importlib.import_module names too (a name computed at run time counts as
every module the source spells out whole).

1. newsdesk.index (the engine) never imports newsdesk.tui, textual or rich; nor do they
   load when every index module is imported (checked in a subprocess).
2. Only modules under newsdesk.index.storage import Whoosh's internals: whoosh.codec,
   whoosh.filedb (but for whoosh.filedb.filestore), whoosh.util, whoosh.compat,
   whoosh.system, whoosh.multiproc and whoosh.matching, or any `_name` from Whoosh.
3. index/'s rooms form layers, lowest first: the top-level base (models, locations,
   analysis, config, paths, whoosh_version, flock, option_values, folding, text_pieces,
   marks, control_sequences) <
   storage, userdata < query, actors, dups < views < ingest < the top (engine.py, the
   package itself and any other top-level module). A module imports only from its own
   room or a lower layer: never upward, never a sibling room of its own layer. A new
   folder of index/ fails until it is given a layer here.
4. newsdesk.tui never imports newsdesk.index.storage: how the index is kept is the
   engine's own business; the interface goes through the Engine, the Indexer, the user's
   files and the plain functions of the rooms above storage.
5. No import cycles: no strongly connected component of the module graph, in the whole
   project, in index or in tui.
6. No bare `import index` / `import tui` anywhere (ruff's TID251 bans them too): the folders
   install as newsdesk.index and newsdesk.tui only.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import pkgutil
import subprocess
import sys

import pytest

import newsdesk.index
from tests.helpers import import_graph
from tests.helpers.import_graph import Import
from tests.helpers.paths import ROOT


# Read at the first test that asks, not when the file is collected: every pytest worker
# collects every file, and reading the project's imports took each 1.4 s of its start.
@functools.cache
def found_imports() -> list[Import]:
    return import_graph.all_imports()


@functools.cache
def known_modules() -> set[str]:
    return import_graph.modules()


@functools.cache
def module_edges() -> dict[str, dict[str, Import]]:
    return import_graph.graph(found_imports(), known_modules())

FRONTEND = ("textual", "rich")
WHOOSH_INTERNALS = ("whoosh.codec", "whoosh.filedb", "whoosh.util", "whoosh.compat",
                    "whoosh.system", "whoosh.multiproc", "whoosh.matching")
WHOOSH_PUBLIC_EXCEPTION = "whoosh.filedb.filestore"
STORAGE = "newsdesk.index.storage"

BASE = ("models", "locations", "analysis", "config", "paths", "whoosh_version", "flock",
        "option_values", "folding", "text_pieces", "marks", "control_sequences")
TOP = "top"  # engine.py, newsdesk.index itself and any top-level module not in BASE
# Room -> layer; the rooms of one layer are siblings.
LAYERS = {"base": 0, "storage": 1, "userdata": 1, "query": 2, "actors": 2, "dups": 2,
          "views": 3, "ingest": 4, TOP: 5}


def within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def report(rule: str, offences: list[Import]) -> str:
    return f"{rule}:\n  " + "\n  ".join(map(str, offences))


def test_the_graph_sees_every_module() -> None:
    """A parser that found nothing would pass every rule below."""
    assert {"newsdesk.index", "newsdesk.index.engine", "newsdesk.tui"} <= known_modules()
    assert len(known_modules()) == len(list(import_graph.source_files())) > 40
    assert len(found_imports()) > 300
    assert module_edges()["newsdesk.index.engine"]
    assert any(within(t, "newsdesk.index") for m, out in module_edges().items()
               if within(m, "newsdesk.tui") for t in out)


def names_loaded(found: Import) -> list[str]:
    """The module and everything taken from it: `from newsdesk import tui` loads
    newsdesk.tui."""
    return [found.target, *(f"{found.target}.{name}" for name in found.names)]


def is_interface(name: str) -> bool:
    return within(name, "newsdesk.tui") or name.split(".")[0] in FRONTEND


def test_the_engine_never_imports_the_interface() -> None:
    offences = [i for i in found_imports() if within(i.source, "newsdesk.index")
                and any(map(is_interface, names_loaded(i)))]
    assert not offences, report("newsdesk.index imports newsdesk.tui, textual or rich",
                                offences)


def test_the_interface_never_reaches_into_storage() -> None:
    offences = [i for i in found_imports() if within(i.source, "newsdesk.tui")
                and any(within(name, STORAGE) for name in names_loaded(i))]
    assert not offences, report("newsdesk.tui imports newsdesk.index.storage", offences)


def test_an_import_by_computed_name_counts_every_module_spelled_out() -> None:
    """The CLI imports a subcommand's module by a name looked up at run time: the graph
    holds an edge to each module its table names, so a circle through one is seen."""
    assert {"newsdesk.tui.cli.search", "newsdesk.tui.cli.dashboard"} <= \
        set(module_edges()["newsdesk.tui.cli.main"])


def is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:  # a name inside a module, not a module of a package
        return False


def whoosh_modules_loaded(found: Import) -> list[str]:
    """`from whoosh.filedb import filestore` loads whoosh.filedb.filestore, not a name of
    the package whoosh.filedb."""
    loaded = [f"{found.target}.{name}" for name in found.names
              if is_module(f"{found.target}.{name}")]
    return loaded if found.names and len(loaded) == len(found.names) else [found.target]


def is_whoosh_internal(found: Import) -> bool:
    if not within(found.target, "whoosh"):
        return False
    if any(part.startswith("_") for part in [*found.target.split("."), *found.names]):
        return True
    return any(within(name, internal) and not within(name, WHOOSH_PUBLIC_EXCEPTION)
               for name in whoosh_modules_loaded(found) for internal in WHOOSH_INTERNALS)


def test_the_whoosh_check_tells_internals_from_public_modules() -> None:
    def found(target: str, *names: str) -> Import:
        return Import("m", ROOT / "m.py", 1, target, names)

    internal = [found("whoosh.codec", "whoosh3"), found("whoosh.codec.whoosh3", "W3Codec"),
                found("whoosh.filedb.filetables", "_dir_entry"), found("whoosh.util.numlists"),
                found("whoosh.compat", "b"), found("whoosh.system"), found("whoosh.matching"),
                found("whoosh.searching", "_private"), found("whoosh.multiproc", "MpWriter")]
    public = [found("whoosh.filedb.filestore", "FileStorage"), found("whoosh.query", "Term"),
              found("whoosh.filedb", "filestore"), found("whoosh.index"), found("os", "_exit")]
    assert [is_whoosh_internal(i) for i in internal] == [True] * len(internal)
    assert [is_whoosh_internal(i) for i in public] == [False] * len(public)


def test_only_storage_touches_whoosh_internals() -> None:
    offences = [i for i in found_imports()
                if not within(i.source, STORAGE) and is_whoosh_internal(i)]
    assert not offences, report(f"Whoosh internals imported outside {STORAGE}", offences)


def room(module: str) -> str:
    """The room of a module of newsdesk.index: its folder, or base / top for the files at
    the top level."""
    parts = module.split(".")[2:]
    if not parts:
        return TOP
    if len(parts) == 1 and not (ROOT / "index" / parts[0]).is_dir():
        return "base" if parts[0] in BASE else TOP
    return parts[0]


def test_every_room_of_index_has_a_layer() -> None:
    rooms = {room(m) for m in known_modules() if within(m, "newsdesk.index")}
    assert rooms - set(LAYERS) == set(), "give each new room of index/ a layer in LAYERS"


def upward_or_sideways(edges: dict[str, dict[str, Import]]) -> list[str]:
    offences = []
    for source, targets in edges.items():
        if not within(source, "newsdesk.index"):
            continue
        mine = room(source)
        for target, via in targets.items():
            theirs = room(target) if within(target, "newsdesk.index") else mine
            if theirs != mine and LAYERS.get(theirs, LAYERS[TOP]) >= LAYERS.get(mine, LAYERS[TOP]):
                offences.append(f"{via}  [{mine} -> {theirs}]")
    return offences


def test_no_room_of_index_imports_upward_or_sideways() -> None:
    offences = upward_or_sideways(module_edges())
    assert not offences, "index/ imports upward or sideways (room -> room):\n  " + \
        "\n  ".join(offences)


def test_the_layer_check_sees_upward_and_sideways_imports() -> None:
    def edge(source: str, target: str) -> dict[str, dict[str, Import]]:
        return {source: {target: Import(source, ROOT / "x.py", 1, target)}}

    for fine in [("newsdesk.index.engine", "newsdesk.index.ingest.indexer"),
                 ("newsdesk.index.query.compile", "newsdesk.index.storage.codec"),
                 ("newsdesk.index.paths", "newsdesk.index.config"),
                 ("newsdesk.index.query.compile", "newsdesk.index.query.language"),
                 ("newsdesk.index.storage", "whoosh.codec")]:
        assert upward_or_sideways(edge(*fine)) == [], fine
    for bad in [("newsdesk.index.storage.codec", "newsdesk.index.query.ranking"),
                ("newsdesk.index.query.ranking", "newsdesk.index.actors.names"),
                ("newsdesk.index.models", "newsdesk.index.storage.schema"),
                ("newsdesk.index.views.kwic", "newsdesk.index.engine"),
                ("newsdesk.index.ingest.corpus", "newsdesk.index")]:
        assert len(upward_or_sideways(edge(*bad))) == 1, bad


@pytest.mark.parametrize("scope", ["newsdesk", "newsdesk.index", "newsdesk.tui"])
def test_no_import_cycles(scope: str) -> None:
    edges = {m: {t: i for t, i in out.items() if within(t, scope)}
             for m, out in module_edges().items() if within(m, scope)}
    found = import_graph.cycles(edges)
    shown = []
    for component in found:
        shown.append(f"{len(component)} modules: {', '.join(component)}")
        walks = {}  # one cycle through each module, each shown once whichever it starts at
        for start in component:
            walk = import_graph.cycle_path(component, edges, start)
            walks.setdefault(frozenset(walk), walk)
        shown += ["  cycle: " + "\n      -> ".join(map(str, w)) for w in walks.values()]
    assert not found, f"import cycles in {scope}:\n  " + "\n  ".join(shown)


def test_the_cycle_finder_finds_cycles() -> None:
    a = Import("a", ROOT / "a.py", 1, "b")
    b = Import("b", ROOT / "b.py", 2, "c")
    c = Import("c", ROOT / "c.py", 3, "a")
    edges = {"a": {"b": a}, "b": {"c": b}, "c": {"a": c}, "d": {"a": a}}
    assert import_graph.cycles(edges) == [["a", "b", "c"]]
    assert import_graph.cycle_path(["a", "b", "c"], edges, "b") == [b, c, a]


def test_no_bare_index_or_tui_imports() -> None:
    everywhere = [found for path in import_graph.source_files(folders=("index", "tui", "tests"))
                  for found in import_graph.imports_of(path)]
    offences = [i for i in everywhere if i.target.split(".")[0] in import_graph.PACKAGE_DIRS]
    assert len(everywhere) > len(found_imports())
    assert not offences, report("bare `index` / `tui` imports (use newsdesk.index, "
                                "newsdesk.tui)", offences)


def test_relative_imports_resolve_to_import_names(tmp_path) -> None:
    package = tmp_path / "index" / "query"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("from . import ranking\nfrom ..models import Article\n")
    (package / "ranking.py").write_text(
        "def f():\n    from .compile import x\n    from ...tui import app\n")
    seen = [(i.source, i.target, i.names)
            for p in import_graph.source_files(tmp_path, ("index",))
            for i in import_graph.imports_of(p, tmp_path)]
    assert seen == [
        ("newsdesk.index.query", "newsdesk.index.query", ("ranking",)),
        ("newsdesk.index.query", "newsdesk.index.models", ("Article",)),
        ("newsdesk.index.query.ranking", "newsdesk.index.query.compile", ("x",)),
        ("newsdesk.index.query.ranking", "newsdesk.tui", ("app",)),
    ]


def test_index_modules_load_neither_textual_nor_rich() -> None:
    modules = [m.name for m in pkgutil.walk_packages(newsdesk.index.__path__, "newsdesk.index.")]
    assert len(modules) > 8
    code = (
        f"import importlib, sys\nfor m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_index_into_a_pipe_loads_no_rich_nor_email() -> None:
    """`newsdesk index` with its output going into a file or a pipe (a script's, a
    benchmark's) prints plain lines: Rich (60 ms of processor time) is imported only for
    a terminal's bar and colours, or a command's table; and the Whoosh version check reads
    its dist-info itself, without importlib.metadata's email parser (35 ms). Both were a
    sixth of a 20-article build's processor time."""
    code = (
        "import sys\nimport newsdesk.tui.cli.main, newsdesk.tui.cli.index\n"
        "from newsdesk.tui.cli.progress import _stderr_is_a_file\n"
        "from newsdesk.index.whoosh_version import check_whoosh_version\n"
        "check_whoosh_version()\n"
        "print(_stderr_is_a_file(), ','.join(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'rich', 'email', 'textual'})))"
    )
    env = {k: v for k, v in os.environ.items()
           if k not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    assert out.stdout.strip() == "True"


def test_whoosh_loads_without_the_modules_it_never_uses() -> None:
    """index/storage/lean_imports.py: Whoosh's urllib.request, cached_property and
    morph_en imports get stand-ins while Whoosh imports, and the real modules are there for
    anyone after."""
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


def test_the_dashboard_loads_no_engine_before_its_first_frame() -> None:
    """What the dashboard imports to paint its first frame loads neither Whoosh, numpy,
    SQLite nor plotext: the engine opens in a worker after it, the chart's plotting when
    the chart is first shown (a chart pane importing the engine's views at the top cost
    the first frame 200 ms)."""
    heavy = ("whoosh", "numpy", "sqlite3", "plotext", "textual_plotext", "rapidfuzz", "rensa")
    code = (
        "import sys\nimport newsdesk.tui.cli.main, newsdesk.tui.cli.dashboard\n"
        "import newsdesk.tui.app, newsdesk.tui.screens.main\n"
        f"print(','.join(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
