"""The entry point: parsing, the table of subcommand modules, what it imports, and how a
failure of any kind ends."""

from __future__ import annotations

import argparse
import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.tui.cli import main as entry
from newsdesk.tui.cli.parser import build_parser
from tests.helpers.command import run
from tests.helpers.inject import crash_reports, injecting
from tests.helpers.terminal import Terminal

CLI = Path(entry.__file__).parent
SHARED = {"main", "parser", "common", "progress", "progress_bar", "output", "rich_console",
          "__init__", "__main__", "start"}  # (start: the entry point, before main)


def subcommands() -> set[str]:
    [action] = [a for a in build_parser()._actions
                if isinstance(a, argparse._SubParsersAction)]
    return set(action.choices)


def cli_imports(module: str) -> set[str]:
    """The newsdesk.tui.cli modules a module of the package imports, anywhere in it."""
    tree = ast.parse((CLI / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n.removeprefix("newsdesk.tui.cli.") for n in names
                  if n.startswith("newsdesk.tui.cli.") and n.count(".") == 3}
    return found


def test_help_and_version() -> None:
    proc = run("--help")
    assert proc.returncode == 0
    for word in ("index", "search", "locate", "--corpus"):
        assert word in proc.stdout
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("newsdesk ")


def test_the_table_runs_every_subcommand_argparse_knows() -> None:
    assert set(entry.COMMANDS) - {None} == subcommands()
    modules = {p.stem for p in CLI.glob("*.py")} - SHARED
    assert set(entry.COMMANDS.values()) == {f"newsdesk.tui.cli.{m}" for m in modules}
    for module in modules:
        spec = importlib.util.find_spec(f"newsdesk.tui.cli.{module}")
        assert spec is not None and "def run(" in (CLI / f"{module}.py").read_text()


def test_subcommand_modules_share_only_common() -> None:
    """No circle: a subcommand's module imports neither another one nor the entry point,
    and common and parser import no subcommand (help and completion read the parser)."""
    for module in entry.COMMANDS.values():
        name = module.removeprefix("newsdesk.tui.cli.")
        assert cli_imports(name) <= {"common", "progress", "parser", "output"}, name
    assert cli_imports("common") <= {"progress", "output"}
    assert cli_imports("parser") == set()
    assert cli_imports("progress") <= {"output", "progress_bar"}
    assert cli_imports("progress_bar") <= {"output"}
    assert cli_imports("output") <= {"rich_console"}
    assert cli_imports("rich_console") == set()


def test_search_imports_neither_textual_nor_other_subcommands(fresh_seeds_config: Path
                                                              ) -> None:
    # (The index is built first, in the search: the build imports neither, too.)
    code = ("import sys\nfrom newsdesk.tui.cli.main import main\n"
            "code = main(['search', 'soleimani', '--json'])\n"
            "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'textual'"
            " or m.startswith('newsdesk.tui.cli.')), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    code, loaded = proc.stderr.splitlines()[-1].split(" ", 1)
    assert code == "0", proc.stderr
    assert "textual" not in loaded
    others = set(entry.COMMANDS.values()) - {"newsdesk.tui.cli.search"}
    assert "'newsdesk.tui.cli.search'" in loaded
    assert not [m for m in others if f"'{m}'" in loaded]


def test_corpus_option_and_a_missing_one(tmp_path: Path) -> None:
    corpus = tmp_path / "other"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Walrus news\n\nThe walrus spoke.")
    proc = run("--corpus", str(corpus), "search", "walrus", "--json")
    assert proc.returncode == 0, proc.stderr
    assert '"id": "x"' in proc.stdout
    proc = run("--corpus", str(tmp_path / "missing"), "search", "x")
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_the_same_corpus_named_twice_is_one_corpus(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`--corpus X --corpus X` (or X and X/.) built a second index with its own saved
    searches: the sources are each taken once, after resolving."""
    from newsdesk.index.paths import index_paths
    from newsdesk.tui.cli.common import settings_from_args

    corpus = tmp_path / "bbc"
    corpus.mkdir()
    monkeypatch.chdir(tmp_path)
    once = settings_from_args(argparse.Namespace(corpus=[corpus]))
    twice = settings_from_args(argparse.Namespace(
        corpus=[corpus, Path("bbc/."), Path("./bbc")]))
    assert twice.corpus.sources == once.corpus.sources == [corpus.resolve()]
    assert index_paths(twice).root == index_paths(once).root
    twice.corpus.sources = [corpus.resolve()] * 2  # however they were set
    assert index_paths(twice).root == index_paths(once).root


def test_broken_config_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("search: [\n")
    proc = run("search", "x", env_extra={"NEWSDESK_CONFIG": str(bad)})
    assert proc.returncode == 2
    assert f"{bad}:" in proc.stderr and "Traceback" not in proc.stderr


def test_an_internal_error_is_a_message_and_a_report(seeds_config: Path, tmp_path: Path,
                                                     isolated_home: Path) -> None:
    """No traceback on the terminal: what happened, that nothing is lost, and where the
    details are; the report file is the user's alone and has the traceback."""
    result = run("search", "walrus", env_extra=injecting(
        tmp_path / "inject", "newsdesk.index.engine", "Engine.search"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    [report] = crash_reports(isolated_home)
    assert result.stderr.splitlines()[-2:] == [
        "newsdesk stopped on an internal error (RuntimeError: injected ␛[31mfault).",
        f"Nothing committed is lost. The details are in {report}. Please report it."]
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert "Traceback" in text and "injected ␛[31mfault" in text and "\x1b" not in text


def test_every_subcommand_turns_a_fault_into_a_report(seeds_config: Path, tmp_path: Path,
                                                      isolated_home: Path) -> None:
    """The one handler in main covers each module the table runs, the dashboard's too."""
    faults = {
        ("index",): ("newsdesk.index.ingest.indexer", "Indexer.run"),
        ("locate",): ("newsdesk.index.paths", "index_paths"),
        ("saved", "list"): ("newsdesk.index.userdata.bookmarks", "BookmarkStore.load"),
        ("actors",): ("newsdesk.index.actors.table", "ActorTable.list"),
        ("facets", "x"): ("newsdesk.index.engine", "Engine.facets"),
    }
    for n, (args, (module, attribute)) in enumerate(faults.items()):
        result = run(*args, env_extra=injecting(tmp_path / f"inject{n}", module, attribute))
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr, args
        assert "newsdesk stopped on an internal error" in result.stderr, args
    # The dashboard runs only on a terminal: its fault is met in a pseudo-terminal.
    terminal = Terminal([], injecting(tmp_path / "inject_app", "newsdesk.tui.app", "run_app"))
    assert terminal.finish() == 2
    assert "newsdesk stopped on an internal error" in terminal.text
    assert "Traceback" not in terminal.raw.decode(errors="replace")
    assert len(crash_reports(isolated_home)) == len(faults) + 1


# Another release's metadata, first on the path (where both importlib.metadata and
# whoosh_version's own read look first).
OTHER_WHOOSH = "Metadata-Version: 2.1\nName: Whoosh-Reloaded\nVersion: 2.7.4\n\n"


def test_another_whoosh_stops_every_command_with_one_line(fresh_seeds_config: Path,
                                                          tmp_path: Path) -> None:
    """The Whoosh fixes subclass Whoosh's internals: on another release, newsdesk says so
    and which release to install before it opens an index, and leaves the index alone."""
    folder = tmp_path / "other_whoosh"
    folder.mkdir()
    (folder / "Whoosh_Reloaded-2.7.4.dist-info").mkdir()
    (folder / "Whoosh_Reloaded-2.7.4.dist-info" / "METADATA").write_text(OTHER_WHOOSH)
    said = ("Whoosh 2.7.4 is installed, but newsdesk's index is written for "
            "whoosh-reloaded 2.7.5; run `pip install whoosh-reloaded==2.7.5`")
    for args in (("search", "iran"), ("index",)):
        result = run(*args, env_extra={"PYTHONPATH": str(folder)})
        assert result.returncode == 2, args
        assert result.stderr.strip().splitlines() == [f"newsdesk: {said}"], args
    # The dashboard paints first and asks as it opens the index: it says the same there.
    term = Terminal([], {"PYTHONPATH": str(folder)}, cols=200, rows=30)
    try:
        term.wait_for("pip install whoosh-reloaded==2.7.5", timeout=30)
        assert "Whoosh 2.7.4 is installed" in " ".join(term.text.split())
    finally:
        term.quit()
    assert not (tmp_path / "idx").exists()
