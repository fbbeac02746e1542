"""The command as shell users type it: global options anywhere, queries of several words
without quotes, `-word` as NOT and `--` for a literal word, output into a pipe that is
neither wrapped nor coloured and stops quietly when the reader does, the dashboard refused
without a terminal, `-n 0` refused alike everywhere, and `index PATH` that says how to
search what it built. All through the real `newsdesk`."""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pexpect
import pytest

from newsdesk.tui.cli.parser import arrange, build_parser
from tests.helpers.command import run
from tests.helpers.command import run as process_run
from tests.helpers.paths import NEWSDESK, SEEDS, write_config
from tests.helpers.terminal import Terminal

COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)")  # a foreground colour, any form


@functools.cache
def _parser() -> argparse.ArgumentParser:
    return build_parser()


def parsed(*argv: str) -> dict:
    parser = _parser()
    args = vars(parser.parse_args(arrange(parser, list(argv))))
    if isinstance(args.get("query"), list):
        args["query"] = " ".join(args["query"])
    return args


def stable(proc: subprocess.CompletedProcess[str]) -> str:
    """Output that two runs of one command share: timings left out."""
    text = re.sub(r'"elapsed_ms": [0-9.]+', '"elapsed_ms": 0', proc.stdout)
    return re.sub(r"· \d+ ms", "· 0 ms", text)


@pytest.fixture
def walrus(tmp_path: Path) -> Path:
    """A corpus other than the configured one: three articles about walruses."""
    folder = tmp_path / "walrus corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"w{i}.txt").write_text(f"Walrus report {i}\n\nThe walrus spoke of oil {i}.")
    return folder


# --- argument order, parsed (cheap, so every order is tried) ---------------------------

PERMUTED = {
    # a command and the tokens (each an option with its value, or a query word) that may
    # come in any order after it; the query words keep their own order
    "search": [["--corpus", "C"], ["-n", "3"], ["--json"]],
    "timeline": [["--corpus", "C"], ["--by", "month"], ["--json"]],
    "kwic": [["--corpus", "C"], ["-w", "10"], ["--sort", "left"], ["--json"]],
    "facets": [["--corpus", "C"], ["--top", "4"], ["--json"]],
    "actors": [["--corpus", "C"], ["--type", "person"], ["-n", "5"], ["--json"]],
    "index": [["--corpus", "C"], ["-q"], ["P"]],
    "locate": [["--corpus", "C"]],
}


@pytest.mark.parametrize("command", sorted(PERMUTED))
def test_options_and_query_words_in_any_order_parse_alike(command: str) -> None:
    groups = PERMUTED[command]
    query = ["iran", "oil"] if command not in ("actors", "index", "locate") else []
    expected = None
    for order in itertools.permutations(groups + [[w] for w in query]):
        words = [w for group in order for w in group]
        if command in ("actors", "index", "locate") or [w for w in words if w in query] == query:
            got = parsed(command, *words)
            expected = expected or got
            assert got == expected, words
            # and the global option before the command is the same thing
            rest = [w for group in order if group[0] != "--corpus" for w in group]
            assert parsed("--corpus", "C", command, *rest) == expected, rest
    assert expected is not None and expected["corpus"] == [Path("C")]
    if query:
        assert expected["query"] == "iran oil"


def test_option_spellings_and_saved_actions_parse_alike() -> None:
    assert parsed("search", "iran", "--limit=3") == parsed("search", "-n3", "iran") \
        == parsed("search", "--lim", "3", "iran") == parsed("search", "iran", "-n", "3")
    assert parsed("search", "x", "--corpus=C")["corpus"] == [Path("C")]
    assert parsed("--corpus", "A", "search", "x", "--corpus", "B")["corpus"] == \
        [Path("A"), Path("B")]
    for action, rest in (("run", ["name"]), ("list", []), ("rm", ["name"]),
                         ("add", ["name", "iran", "oil"])):
        expected = parsed("--corpus", "C", "saved", action, *rest)
        assert parsed("saved", "--corpus", "C", action, *rest) == expected
        assert parsed("saved", action, *rest, "--corpus", "C") == expected
        assert parsed("saved", action, "--corpus", "C", *rest) == expected
    assert parsed("saved", "add", "name", "iran", "-trump")["query"] == "iran -trump"
    assert parsed("saved", "run", "n", "-n", "2")["limit"] == 2


def test_dash_words_are_not_and_after_double_dash_literal() -> None:
    assert parsed("search", "iran", "-trump")["query"] == "iran -trump"
    assert parsed("search", "-trump", "iran", "--json")["query"] == "-trump iran"
    # an option of the command stays the option; after `--` it is a word to find
    assert parsed("search", "iran", "-n", "2")["limit"] == 2
    # a word that starts like a short option is still a word left out
    for command in ("search", "kwic", "facets", "timeline"):
        got = parsed(command, "iran", "-nuclear", "-weapons", "-hezbollah")
        assert got["query"] == "iran -nuclear -weapons -hezbollah", command
    assert parsed("search", "iran", "-n7")["limit"] == 7
    assert parsed("kwic", "iran", "-w12")["width"] == 12
    got = parsed("search", "iran", "--", "-n", "2")
    assert got["query"] == 'iran "-n" 2' and got["limit"] is None
    assert parsed("facets", "iran", "--", "-trump")["query"] == 'iran "-trump"'
    assert parsed("saved", "add", "--", "-name", "-x")["name"] == "-name"
    for argv in (["search", "iran", "--bogus"], ["locate", "-x"], ["-x"],
                 ["saved", "run", "s", "-x"]):
        with pytest.raises(SystemExit) as stopped:
            parsed(*argv)
        assert stopped.value.code == 2, argv


# --- argument order, through the real command ------------------------------------------

def corpus_positions(command: list[str], tail: list[str], corpus: str) -> list[list[str]]:
    """One command with --corpus before it, just after it, between its words and at the
    end, and as --corpus=PATH."""
    return [["--corpus", corpus, *command, *tail], [*command, "--corpus", corpus, *tail],
            [*command, *tail[:1], "--corpus", corpus, *tail[1:]],
            [*command, *tail, "--corpus", corpus], [*command, *tail, f"--corpus={corpus}"]]


COMMANDS = [
    (["search"], ["walrus", "oil", "--json"]),
    (["search"], ["walrus", "-n", "2"]),
    (["timeline"], ["walrus", "oil", "--json"]),
    (["kwic"], ["walrus", "--json", "-w", "8"]),
    (["facets"], ["walrus", "oil", "--json"]),
    (["actors"], ["--json"]),
    (["locate"], []),
    (["saved", "list"], ["--json"]),
    (["saved", "run"], ["pets", "--json"]),
]


# Run whole: four by default (every order of every command is parsed in process above);
# all of them with -m slow. The first as the real command, the others through main() here
# (conftest.run_here: the same argv, without 0.3 s of start-up a run).
REAL_COMMANDS = [c if c[0] in (["search"], ["facets"], ["saved", "run"])
                 else pytest.param(*c, marks=pytest.mark.slow) for c in COMMANDS]


@pytest.mark.parametrize(("command", "tail"), REAL_COMMANDS, ids=lambda v: " ".join(v))
def test_corpus_option_anywhere_in_every_command(seeds_config: Path, walrus: Path,
                                                 command: list[str], tail: list[str],
                                                 run_here) -> None:  # type: ignore[no-untyped-def]
    run = process_run if (command, tail) == COMMANDS[0] else run_here
    assert run("--corpus", str(walrus), "saved", "add", "pets", "walrus").returncode == 0
    outputs = set()
    for argv in corpus_positions(command, tail, str(walrus)):
        proc = run(*argv)
        assert proc.returncode in (0, 1), (argv, proc.stderr)  # 1: no actors in it
        assert "Traceback" not in proc.stderr
        outputs.add((proc.returncode, stable(proc)))
    assert len(outputs) == 1, outputs
    [(code, output)] = outputs
    assert code == 0 or command == ["actors"]
    if command[0] in ("search", "timeline", "facets", "saved"):
        assert re.search(r'"total": 3|"count": 3|3 hits for walrus', output), output
    if command == ["locate"]:
        assert str(walrus) in output


# (`timeline` takes a query an argument, to compare them: only its `-word` joins the query
# before it; tests/tui/cli/test_timeline.py.)
UNQUOTED = [(command, words) for command in ("search", "kwic", "facets")
            for words in (["pompeo", "khamenei"], ["soleimani", "-trump"])]
UNQUOTED += [("search", ['"drone strike"', "iraq"]), ("search", ["iran", "OR", "iraq"])]
UNQUOTED += [("timeline", ["soleimani", "-trump"])]


@pytest.mark.parametrize("every", [False, pytest.param(True, marks=pytest.mark.slow)],
                         ids=["sample", "all"])
def test_unquoted_queries_equal_quoted_ones(seeds_config: Path, every: bool,
                                            run_here) -> None:  # type: ignore[no-untyped-def]
    """Every kind of query through `search`; each other command with one kind, in turn
    (the words are joined before any command sees them: parsed in process above); every
    command with every kind: -m slow. Through main() in this process, the argv a shell
    passes (conftest.run_here): a process each was 14 starts."""
    run = run_here
    cases = UNQUOTED if every else [
        case for n, case in enumerate(UNQUOTED) if case[0] == "search" or n % 2 == n // 2 % 2]
    assert {c for c, _ in cases} == {c for c, _ in UNQUOTED}
    assert {" ".join(w) for _, w in cases} == {" ".join(w) for _, w in UNQUOTED}
    for command, words in cases:
        loose = run(command, *words, "--json")
        whole = run(command, " ".join(words), "--json")
        assert loose.returncode == whole.returncode, (command, words, loose.stderr)
        assert stable(loose) == stable(whole), (command, words)
        assert json.loads(loose.stdout)["query"] == " ".join(words)


def test_dash_word_leaves_articles_out(seeds_config: Path) -> None:
    everyone = json.loads(run("search", "soleimani", "--json").stdout)["total"]
    without = json.loads(run("search", "soleimani", "-trump", "--json").stdout)["total"]
    with_ = json.loads(run("search", "soleimani", "trump", "--json").stdout)["total"]
    assert without + with_ == everyone and 0 < without < everyone
    literal = run("search", "soleimani", "--json", "--", "-trump")
    assert json.loads(literal.stdout)["total"] == with_  # the word found, not left out


def test_a_count_below_one_is_refused_by_every_command(seeds_config: Path,
                                                       run_here) -> None:  # type: ignore[no-untyped-def]
    run = run_here  # through main() here (conftest.run_here): no start-up a command
    assert run("saved", "add", "s", "iran").returncode == 0
    for argv in (["search", "iran", "-n", "0"], ["saved", "run", "s", "-n", "0"],
                 ["kwic", "iran", "-n", "0"], ["actors", "-n", "0"],
                 ["facets", "iran", "--top", "0"], ["saved", "run", "s", "--limit", "-1"]):
        proc = run(*argv)
        assert proc.returncode == 2, argv
        assert "must be at least 1" in proc.stderr, argv


# --- output into a pipe and onto a terminal ----------------------------------------------

TEXT_COMMANDS = [["search", "soleimani"], ["kwic", "soleimani", "-w", "60"],
                 ["facets", "iran"], ["timeline", "iran"], ["actors"], ["saved", "list"],
                 ["locate"], ["help", "query"], ["--help"]]


def test_piped_text_is_neither_wrapped_nor_coloured(
        seeds_config: Path, run_here,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The first command a process of its own (the real pipe), the rest through main()
    here (conftest.run_here: 14 starts saved), under the same NO_COLOR and COLUMNS."""
    assert run_here("saved", "add", "long", "soleimani OR pompeo OR khamenei OR muhandis OR "
                    "rouhani OR zarif OR iraq OR militia").returncode == 0
    narrow = {"NO_COLOR": "", "COLUMNS": "40"}
    proc = process_run(*TEXT_COMMANDS[0], env_extra=narrow)
    assert proc.returncode in (0, 1), (TEXT_COMMANDS[0], proc.stderr)
    assert "\x1b" not in proc.stdout and "\x1b" not in proc.stderr
    with monkeypatch.context() as env:
        for key, value in narrow.items():
            env.setenv(key, value)
        for argv in TEXT_COMMANDS[1:]:
            proc = run_here(*argv)
            assert proc.returncode in (0, 1), (argv, proc.stderr)
            assert "\x1b" not in proc.stdout and "\x1b" not in proc.stderr, argv
    found = json.loads(run_here("search", "soleimani", "--json").stdout)
    text = run_here("search", "soleimani").stdout.splitlines()
    # a heading, then each hit in exactly four lines: blank, title, source, whole snippet
    assert len(text) == 1 + 4 * len(found["hits"])
    snippets = text[4::4]
    assert [s.strip() for s in snippets] == [h["snippet"].replace("\n", " ").strip()
                                            for h in found["hits"]]
    assert max(map(len, snippets)) > 80
    rows = run_here("saved", "list").stdout.splitlines()
    assert len(rows) == 2 and "militia" in rows[1]  # header and one unwrapped row
    kwic = run_here("kwic", "soleimani", "-w", "60", "--json")
    lines = run_here("kwic", "soleimani", "-w", "60").stdout.splitlines()
    assert len(lines) == 1 + len(json.loads(kwic.stdout)["lines"])


def test_on_a_terminal_colours_unless_no_color(seeds_config: Path) -> None:
    coloured = Terminal(["search", "soleimani"], {}, cols=80, rows=100)
    assert coloured.finish() == 0
    assert "5 hits for soleimani" in coloured.text
    assert COLOUR.search(coloured.raw.decode(errors="replace"))
    plain = Terminal(["search", "soleimani"], {"NO_COLOR": "1"}, cols=80, rows=100)
    assert plain.finish() == 0
    assert "5 hits for soleimani" in plain.text
    assert not COLOUR.search(plain.raw.decode(errors="replace"))


PTY_COMMANDS = [
    (["search", "pompeo", "khamenei", "--corpus", "{walrus}", "-n", "1"], "0 hits for"),
    (["search", "walrus", "oil", "--corpus", "{walrus}", "-n", "1"], "3 hits for walrus oil"),
    (["kwic", "walrus", "--corpus={walrus}", "-w", "10"], "3 matches"),
    (["facets", "--corpus", "{walrus}", "walrus", "-oil"], "0 hits for walrus -oil"),
    (["timeline", "walrus", "--by", "year", "--corpus", "{walrus}"], "3 hits for walrus"),
    (["saved", "list", "--corpus", "{walrus}"], "No saved searches yet"),
    (["locate", "--corpus", "{walrus}"], "corpus"),
]


def test_commands_in_a_terminal_take_options_anywhere(seeds_config: Path,
                                                      walrus: Path) -> None:
    for argv, shown in PTY_COMMANDS:
        words = [w.format(walrus=walrus) for w in argv]
        terminal = Terminal(words, {}, cols=80, rows=60)
        code = terminal.finish()
        assert code in (0, 1), (words, terminal.text)
        assert shown in terminal.text, (words, terminal.text)
        assert "Traceback" not in terminal.text and "error:" not in terminal.text


@pytest.fixture
def long_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A corpus whose results run to far more than a pipe's 64 KB buffer holds."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(160):
        (corpus / f"a{i:03d}.txt").write_text(
            f"Walrus {i}\n\n" + " ".join(f"The walrus number {i} swam past rock {j}."
                                         for j in range(60)))
    cfg = write_config(tmp_path / "many.yaml", [corpus], f"index:\n  dir: {tmp_path / 'i'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert run("index", "-q").returncode == 0
    return cfg


def test_a_reader_that_stops_early_ends_it_quietly(long_output: Path) -> None:
    for argv in (["search", "walrus", "-n", "160"], ["kwic", "walrus", "-n", "160"],
                 ["search", "walrus", "--format", "csv", "--all"],
                 ["search", "walrus", "--json", "-n", "160"]):
        proc = subprocess.Popen([*NEWSDESK, *argv], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.readline()
        proc.stdout.close()  # as `| head -1` does
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, (argv, err)
        assert err == "", argv


def test_a_reader_gone_before_anything_is_written(seeds_config: Path) -> None:
    for argv in (["--help"], ["help", "query"], ["completion", "bash"], ["locate"],
                 ["search", "iran"], ["search", "iran", "--json"], ["actors"],
                 ["saved", "list"], ["--version"]):
        proc = subprocess.Popen([*NEWSDESK, *argv], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, (argv, err)
        assert "Traceback" not in err and "Exception ignored" not in err, argv


def test_head_in_a_shell_pipeline(long_output: Path) -> None:
    command = " ".join(NEWSDESK) + " search walrus -n 160 | head -3; exit ${PIPESTATUS[0]}"
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stderr == ""
    assert len(proc.stdout.splitlines()) == 3


# --- the dashboard needs a terminal ---------------------------------------------------------

def test_dashboard_without_a_terminal_is_refused_at_once(seeds_config: Path) -> None:
    proc = subprocess.run(NEWSDESK, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=30)
    assert proc.returncode == 2
    assert proc.stdout == "" and "\x1b" not in proc.stderr
    assert "the dashboard needs a terminal, but standard input and output are not" \
        in proc.stderr
    assert "newsdesk search QUERY" in proc.stderr
    # only the output redirected; then only the input
    shell = f"{' '.join(NEWSDESK)} --corpus {SEEDS} > /dev/null; echo exit=$?"
    for command, missing in ((shell, "output"),
                             (f"{' '.join(NEWSDESK)} < /dev/null; echo exit=$?", "input")):
        child = pexpect.spawn("/bin/sh", ["-c", command], timeout=30, encoding="utf-8")
        child.expect(pexpect.EOF)
        assert "exit=2" in child.before, child.before
        assert f"but standard {missing} is not one" in child.before, child.before


# --- help, index PATH --------------------------------------------------------------------------

def test_help_is_whole_without_readme(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("search: [\n")
    env = {"NEWSDESK_CONFIG": str(broken)}  # help needs no config, even a broken one
    overview = run("--help", env_extra=env)
    assert overview.returncode == 0
    assert "README" not in overview.stdout
    for pointer in ("newsdesk help query", "newsdesk completion", "Exit codes", "--corpus"):
        assert pointer in overview.stdout, pointer
    query = run("help", "query", env_extra=env)
    assert query.returncode == 0
    for syntax in ('"drone strike"', "NOT trump, -trump", "date:[2020-01-01 TO 2020-03-31]",
                   "actor:", "~5", "--"):
        assert syntax in query.stdout, syntax
    assert run("help", env_extra=env).stdout == overview.stdout
    search = run("help", "search", env_extra=env)
    assert search.returncode == 0 and "--corpus" in search.stdout and "QUERY" in search.stdout
    assert run("search", "--help").stdout == search.stdout
    unknown = run("help", "nothing", env_extra=env)
    assert unknown.returncode == 2 and "help query" in unknown.stderr


def test_index_path_says_how_to_search_it_and_leaves_the_configured_index(
        seeds_config: Path, walrus: Path, tmp_path: Path,
        run_here) -> None:  # type: ignore[no-untyped-def]
    """`index PATH` and the hint typed in a shell run as processes of their own; the checks
    of the configured index around them through main() here (conftest.run_here)."""
    configured = tmp_path / "idx"
    assert run_here("index", "-q").returncode == 0
    before = {p.name: p.stat().st_mtime_ns for p in configured.rglob("*") if p.is_file()}
    built = run("index", str(walrus))
    assert built.returncode == 0, built.stderr
    assert "3 articles indexed" in built.stderr
    hint = re.search(r"newsdesk search QUERY (.+)", built.stderr)
    assert hint, built.stderr
    # the hint, typed as it is, searches what was built, without indexing again
    typed = subprocess.run(f"{' '.join(NEWSDESK)} search walrus --json {hint.group(1)}",
                           shell=True, capture_output=True, text=True, timeout=60)
    assert typed.returncode == 0, typed.stderr
    assert json.loads(typed.stdout)["total"] == 3 and "indexed" not in typed.stderr
    # the configured corpus and its index are as they were
    after = {p.name: p.stat().st_mtime_ns for p in configured.rglob("*") if p.is_file()}
    assert after == before
    assert json.loads(run_here("search", "soleimani", "--json").stdout)["total"] == 5
    assert run_here("search", "walrus").returncode == 1
    # the configured corpus named as PATH is the configured index: no hint
    again = run_here("index", str(SEEDS))
    assert again.returncode == 0 and "--corpus" not in again.stderr


# --- shell completion ---------------------------------------------------------------------------

@functools.cache
def completion_script(shell: str) -> str:
    """`newsdesk completion SHELL`, run once a test process: the script is made from the
    parser alone (no config, no corpus), and a completion test asks for it at every line
    it completes (a start of the command each: 20 in the bash test)."""
    proc = run("completion", shell)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def bash_complete(line: str, env: dict[str, str]) -> list[str]:
    """What bash's completion offers for `line` (the cursor at its end)."""
    script = completion_script("bash")
    words = line.split(" ")
    program = (f"{script}\nCOMP_WORDS=({' '.join(repr(w) for w in words)})\n"
               f"COMP_CWORD={len(words) - 1}\n_newsdesk\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"")
    proc = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=env,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def test_bash_completion_offers_commands_options_values_and_saved_names(
        seeds_config: Path, walrus: Path, tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "newsdesk").write_text(f"#!/bin/sh\nexec {' '.join(NEWSDESK)} \"$@\"\n")
    (bin_dir / "newsdesk").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    assert run("saved", "add", "mine", "iran").returncode == 0
    spaceless = tmp_path / "walrus"  # as typed on a shell line, without quoting
    spaceless.symlink_to(walrus)
    assert run("saved", "add", "theirs", "walrus", "--corpus", str(spaceless)).returncode == 0
    assert bash_complete("newsdesk se", env) == ["search"]
    assert "completion" in bash_complete("newsdesk ", env)
    assert bash_complete("newsdesk search iran --fo", env) == ["--format", "--fold"]
    assert bash_complete("newsdesk search iran --format ", env) == ["text", "json", "csv",
                                                                    "jsonl"]
    assert bash_complete("newsdesk actors --type pe", env) == ["person"]
    assert "--corpus" in bash_complete("newsdesk kwic x --", env)
    assert bash_complete("newsdesk saved ", env) == ["list", "run", "add", "rm", "group",
                                                     "export", "import"]
    edits = ["merge", "unmerge", "rename", "hide", "unhide", "type", "undo"]
    assert bash_complete("newsdesk actors ", env) == edits
    assert bash_complete("newsdesk actors --type person ", env) == edits
    assert bash_complete("newsdesk actors --pl", env) == ["--places"]
    assert bash_complete("newsdesk actors hide --", env) == ["--help", "--corpus"]
    assert bash_complete("newsdesk saved run ", env) == ["mine"]
    assert bash_complete(f"newsdesk --corpus {spaceless} saved rm ", env) == ["theirs"]
    assert bash_complete("newsdesk completion ", env) == ["bash", "zsh", "fish"]
    assert "query" in bash_complete("newsdesk help ", env)
    assert bash_complete("newsdesk search -n ", env) == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_pass_the_shells_syntax_check(shell: str, tmp_path: Path) -> None:
    made = completion_script(shell)  # (the real command's output, run once a process)
    assert made.strip() and "newsdesk" in made and "search" in made
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed here: its script is not syntax-checked")
    script = tmp_path / f"newsdesk.{shell}"
    script.write_text(made)
    check = subprocess.run([program, "-n", str(script)], capture_output=True, text=True,
                           timeout=30)
    assert check.returncode == 0, check.stderr
    if shell == "zsh":  # loaded as ~/.zshrc would: registered for newsdesk, no error
        load = (f"autoload -U compinit; compinit -u -d {tmp_path / 'zcompdump'}; "
                f"source {script}; print -r -- ${{_comps[newsdesk]}}")
        loaded = subprocess.run([program, "-f", "-c", load], capture_output=True, text=True,
                                timeout=30)
        assert loaded.stdout.strip() == "_newsdesk" and loaded.stderr == "", loaded.stderr


def test_completion_lists_every_command_and_option() -> None:
    """The scripts are made from the parser: nothing it takes is missing from any."""
    from newsdesk.tui.cli.parser import subcommand_parsers

    scripts = {shell: completion_script(shell) for shell in ("bash", "zsh", "fish")}
    for name, parser in subcommand_parsers(build_parser()).items():
        options = {o for a in parser._actions for o in a.option_strings
                   if a.help != "==SUPPRESS=="}
        for shell, script in scripts.items():
            assert name in script, (shell, name)
            for option in options:
                spelled = f"-l {option[2:]}" if shell == "fish" and option.startswith("--") \
                    else f"-s {option[1:]}" if shell == "fish" else option
                assert spelled in script or option == "--corpus", (shell, name, option)



def test_fish_completion_offers_commands_values_and_saved_names(seeds_config: Path,
                                                                tmp_path: Path) -> None:
    fish = shutil.which("fish")
    if fish is None:
        pytest.skip("fish is not installed here: its completion is not exercised")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "newsdesk").write_text(f"#!/bin/sh\nexec {' '.join(NEWSDESK)} \"$@\"\n")
    (bin_dir / "newsdesk").chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}",
           "XDG_CONFIG_HOME": str(tmp_path / "fish-config")}
    assert run("saved", "add", "mine", "iran").returncode == 0
    script = tmp_path / "newsdesk.fish"
    script.write_text(completion_script("fish"))

    def offered(line: str) -> list[str]:
        proc = subprocess.run([fish, "--no-config", "-c", f"source {script}; complete -C '{line}'"],
                              capture_output=True, text=True, env=env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return [row.split("\t")[0] for row in proc.stdout.splitlines()]

    assert offered("newsdesk se") == ["search"]
    assert offered("newsdesk search x --format ") == ["csv", "json", "jsonl", "text"]
    assert offered("newsdesk saved ") == ["add", "group", "list", "rm", "run"]
    assert offered("newsdesk saved run ") == ["mine"]
