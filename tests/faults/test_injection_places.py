"""Every place hostile text can enter (tests/faults/hostile_places.py) with the whole
catalogue of payloads (hostile_texts.CATALOGUE) in it, through the real `newsdesk`:

- every subcommand, its stdout and stderr bytes, piped: no ESC, BEL, C1, bidi or
  invisible character at all (newsdesk writes no colour when not on a terminal); JSON
  keeps the data exact for a program;
- the same subcommands on a terminal (a pseudo-terminal): the only escape sequences are
  newsdesk's own colours and cursor moves (SGR, erase, show/hide cursor), never one of
  the data's;
- the dashboard in a pseudo-terminal read back by pyte: indexing (file names in the
  progress label), typing a query (the wide layout previews the first hit: its id in the
  reader's header), moving through the hits, facets, concordance, the palette with saved
  searches, actors and history, and the actor pane: the terminal's title never changes,
  no clipboard (OSC 52) or other data sequence is written, nothing crashes, and the
  inert stand-ins are on the screen."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pexpect
import pytest

from newsdesk.tui.cli.main import main
from newsdesk.tui.safe_text import terminal_safe
from tests.faults.hostile_places import (
    SIGNATURES,
    World,
    broken_files,
    build_world,
    for_argv,
    write_user_data,
)
from tests.faults.hostile_texts import CATALOGUE
from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, ROOT, write_config
from tests.helpers.terminal import Terminal

# Nothing a terminal acts on (newline aside) may be in piped output.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e"
                       "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")
# On a terminal: newsdesk's own sequences (Rich's colours, its progress bar's cursor moves)
# are the only ones allowed.
TEXTUAL_OSC = re.compile(rb"\x1b\]22;[\w-]*\x07")
OWN_SEQUENCE = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[[0-9]*[AG]|\r\n?")


def _env(world_env: dict[str, str], **extra: str) -> dict[str, str]:
    env = {**os.environ, **world_env, "COLUMNS": "200", **extra}
    env.pop("TERM", None) if "TERM" not in extra else None
    return env


def _run(env: dict[str, str], *args: str) -> tuple[bytes, bytes, int]:
    done = subprocess.run([*NEWSDESK, *args], cwd=ROOT, env=env, capture_output=True,
                          timeout=180)
    return done.stdout, done.stderr, done.returncode


def _run_here(capture: pytest.CaptureFixture[bytes], env: dict[str, str],
              *args: str) -> tuple[bytes, bytes, int]:
    """`newsdesk ARGS` through main() in this process, under exactly `env` and in ROOT, its
    stdout and stderr as the bytes a pipe would get (captured at the file descriptors): a
    process of its own costs a start-up, ~0.7 s CPU, and the piped test runs 43."""
    saved_env, saved_cwd = dict(os.environ), os.getcwd()
    capture.readouterr()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(ROOT)
    try:
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse's refusals: the status a process exits with
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    out, err = capture.readouterr()
    return out, err, code


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    world = build_world(tmp_path_factory.mktemp("places"))
    saved_env = {k: os.environ.get(k) for k in world.env}
    os.environ.update(world.env)
    try:
        write_user_data(world)
    finally:
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    out, err, code = _run(_env(world.env, NO_COLOR="1"), "index")
    assert code == 0, err.decode("utf-8", "replace")
    return world


def _commands(world: World) -> list[tuple[str, ...]]:
    """Every subcommand, text and JSON, and every way data comes back in an argument."""
    osc0 = next(i for i, (what, _) in enumerate(CATALOGUE) if what == "OSC 0 title, BEL")
    actor, name = for_argv(world.actors[osc0]), for_argv(world.saved[osc0][0])
    hostile = [for_argv(p) for _, p in CATALOGUE]
    commands: list[tuple[str, ...]] = [
        ("index",), ("locate",),
        ("search", "walrus", "-n", "5000"), ("search", "walrus", "--json", "-n", "5000"),
        ("kwic", "walrus", "--limit", "5000"), ("kwic", "walrus", "--json", "--limit", "5000"),
        ("facets", "walrus", "--top", "1000"), ("facets", "walrus", "--json", "--top", "1000"),
        ("timeline", "walrus"), ("timeline", "walrus", "--json"),
        ("actors", "-n", "5000"), ("actors", "--json", "-n", "5000"),
        ("actors", "--with", actor), ("actors", "--with", actor + " nobody"),
        ("saved", "list"), ("saved", "list", "--json"), ("saved", "run", name),
        ("saved", "run", name + " missing"), ("saved", "add", name, "walrus"),
        ("saved", "add", hostile[3] + " new", hostile[40]), ("saved", "rm", hostile[3] + " new"),
        ("search", "walrus", "--limit", hostile[osc0]), (hostile[osc0],),
    ]
    # Queries: each payload typed as a query (packed 72 to a command: each run of the real
    # command costs a start-up), echoed in the head line or in the refusal of a malformed query.
    for start in range(0, len(hostile), 72):
        query = " ".join(hostile[start:start + 72])
        commands += [("search", query), ("search", "--json", query), ("kwic", query),
                     ("facets", query), ("timeline", query)]
    return commands


def _forbidden(data: bytes) -> list[str]:
    text = data.decode("utf-8", "replace")
    return [f"{m.group()!r} at {m.start()}: {text[max(0, m.start() - 30):m.start() + 30]!r}"
            for m in FORBIDDEN.finditer(text)]


def test_every_subcommand_piped_writes_nothing_a_terminal_acts_on(
        world: World, figures: Record, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    """The first two commands run as processes of their own (the real command's pipes);
    the rest through main() in this process, the same code writing to the same file
    descriptors."""
    env = _env(world.env, NO_COLOR="1")
    failures: list[str] = []
    commands = _commands(world)
    for number, command in enumerate(commands):
        if number < 2:
            out, err, code = _run(env, *command)
        else:
            out, err, code = _run_here(capfdbinary, env, *command)
        label = " ".join(command)[:80]
        if b"Traceback" in err or b"internal error" in err:
            failures.append(f"{label}: {err[-300:]!r}")
        failures += [f"{label} stdout: {f}" for f in _forbidden(out)[:3]]
        failures += [f"{label} stderr: {f}" for f in _forbidden(err)[:3]]
        if "--json" in command and command[0] == "search" and command[1] == "walrus":
            ids = {hit["id"] for hit in json.loads(out)["hits"]}
            assert ids == set(world.ids)  # JSON keeps the data exact for a program
    figures("hostile places through the CLI, piped", len(commands),
            len(failures), f"{len(CATALOGUE)} payloads in ids, titles, sources, urls, file "
            f"and folder names, actors, saved searches and queries x {len(commands)} commands")
    assert failures == []


def _on_terminal(env: dict[str, str], *args: str) -> bytes:
    child = pexpect.spawn(NEWSDESK[0], [*NEWSDESK[1:], *args], env=env, cwd=str(ROOT),
                          dimensions=(50, 200), timeout=180)
    data = b""
    while True:
        try:
            data += child.read_nonblocking(65536, timeout=180)
        except pexpect.EOF:
            break
    child.close()
    return data


def _foreign_sequences(data: bytes) -> list[str]:
    """What is left once newsdesk's own sequences are taken out: none of it may be a
    character a terminal acts on."""
    rest = OWN_SEQUENCE.sub("", data.decode("utf-8", "replace"))
    return _forbidden(rest.encode())


def test_every_subcommand_on_a_terminal_writes_only_its_own_colours(
        world: World, figures: Record) -> None:
    env = _env(world.env, TERM="xterm-256color")
    env.pop("NO_COLOR", None)
    hostile_query = " ".join(for_argv(p) for _, p in CATALOGUE[:60])
    commands = [("search", "walrus", "-n", "5000"), ("search", "walrus", "--format", "csv",
                                                      "--all"),
                ("search", "walrus", "--format", "jsonl", "--all"),
                ("kwic", "walrus", "--limit", "5000"), ("facets", "walrus", "--top", "1000"),
                ("timeline", "walrus"), ("actors", "-n", "5000"), ("saved", "list"),
                ("locate",), ("search", hostile_query), ("kwic", hostile_query)]
    failures: list[str] = []
    coloured = 0
    for command in commands:
        data = _on_terminal(env, *command)
        coloured += b"\x1b[" in data
        label = " ".join(command)[:60]
        if b"Traceback" in data or b"internal error" in data:
            failures.append(f"{label}: {data[-300:]!r}")
        failures += [f"{label}: {f}" for f in _foreign_sequences(data)[:3]]
        failures += [f"{label}: raw {s!r}" for s in SIGNATURES if s.encode() in data]
    assert coloured, "on a terminal newsdesk colours its output: the test would see it"
    figures("hostile places through the CLI, on a terminal", len(commands),
            len(failures), f"commands incl. CSV/JSON Lines export, colour on, over "
            f"{len(CATALOGUE)} payloads")
    assert failures == []


ERROR_COMMANDS = (("search", "walrus"), ("actors",), ("locate",))


def _errors_quoting_hostile_files(root: Path, every_command: bool,
                                  capture: pytest.CaptureFixture[bytes]
                                  ) -> tuple[set[tuple[str, str]], list[str]]:
    """Each broken config or dictionary (a place x a payload family) under `search`,
    `actors` and `locate`: all three each (`every_command`), or one each in turn, so that
    every place and every family still meets every command (4 places a family: the
    command moves on by one each case). The first case's commands run as processes of
    their own, the rest through main() here (_run_here: no start-up each)."""
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Walrus\n\nwalrus text\n")
    failures: list[str] = []
    tried: set[tuple[str, str]] = set()  # (case, command)
    cases = broken_files(root / "broken")
    for n, (what, folder, extra) in enumerate(cases):
        config = write_config(folder / f"{n}-{time.monotonic_ns()}.yaml", [corpus], extra)
        env = _env({"NEWSDESK_CONFIG": str(config), "XDG_DATA_HOME": str(folder / "data"),
                    "XDG_CACHE_HOME": str(folder / "cache")}, NO_COLOR="1")
        commands = ERROR_COMMANDS if every_command else \
            [ERROR_COMMANDS[n % len(ERROR_COMMANDS)]]
        for command in commands:
            out, err, _ = _run(env, *command) if n == 0 else _run_here(capture, env, *command)
            tried.add((what, command[0]))
            label = f"{what}: {' '.join(command)}"
            if b"Traceback" in err or b"internal error" in err:
                failures.append(f"{label}: {err[-300:]!r}")
            failures += [f"{label}: {f}" for f in (_forbidden(out) + _forbidden(err))[:3]]
    return tried, failures


def test_errors_quoting_hostile_config_and_dictionaries_are_inert(
        tmp_path: Path, figures: Record, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    tried, failures = _errors_quoting_hostile_files(tmp_path, False, capfdbinary)
    for part in (0, 1):  # each place, and each payload family, met every command
        met: dict[str, set[str]] = {}
        for what, command in tried:
            met.setdefault(what.rstrip(")").split(" (")[part], set()).add(command)
        assert all(len(commands) == len(ERROR_COMMANDS) for commands in met.values()), met
    figures("hostile config and dictionary errors", len(tried), len(failures),
            "control, sequence, bidi and markup text in config values, paths, actor types "
            "and keys: one of search, actors, locate each (all three: -m slow)")
    assert failures == []


@pytest.mark.slow
def test_errors_quoting_hostile_config_and_dictionaries_are_inert_in_every_command(
        tmp_path: Path, figures: Record, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    tried, failures = _errors_quoting_hostile_files(tmp_path, True, capfdbinary)
    figures("hostile config and dictionary errors", len(tried), len(failures),
            "control, sequence, bidi and markup text in config values, paths, actor types "
            "and keys: search, actors, locate")
    assert failures == []


def _screen_failures(term: Terminal, title: str) -> list[str]:
    raw = bytes(term.raw)
    failures = [f"raw {s!r}" for s in SIGNATURES if s.encode() in raw]
    failures += [f"raw C1 {m.group()!r}" for m in re.finditer(rb"\xc2[\x80-\x9f]", raw)][:3]
    rest = TEXTUAL_OSC.sub(b"", raw)  # Textual's own pointer-shape sequence aside,
    for sequence in (b"\x07", b"\x1b]", b"\x1bP", b"\x1b_", b"\x1b^"):  # no OSC, DCS...
        if sequence in rest:
            at = rest.index(sequence)
            failures.append(f"raw {sequence!r} in {rest[max(0, at - 80):at + 40]!r}")
    if term.screen.title != title:
        failures.append(f"title changed to {term.screen.title!r}")
    if "Traceback" in term.text or "internal error" in term.text:
        failures.append("crashed:\n" + term.text)
    return failures


def test_dashboard_shows_every_place_inert(world: World, figures: Record) -> None:
    term = Terminal([], world.env, cols=150, rows=45)
    failures: list[str] = []
    tried = 0
    try:
        term.wait_for(("articles indexed", "hits"), timeout=120)  # the label showed names
        title = term.screen.title
        term.send("walrus")
        term.wait_for(" hits", timeout=60)
        # The first hit previewed: its id in the reader's header, shown by its stand-in.
        stand_ins = tuple({terminal_safe(i, False)[:14] for i in world.ids})
        try:
            term.wait_for(stand_ins, timeout=20)
        except AssertionError:
            failures.append(f"no id's stand-in on the screen:\n{term.text}")
        term.send("\x1b[B")  # to the results: every hit passes through the reader
        for _ in range(16):
            term.send("\x1b[B")
            term.settle(0.15)  # the highlight moved, then the reader previewed the hit
            tried += 1
        failures += _screen_failures(term, title)
        for key in ("v", "c", "\x1b"):  # facets (sources), concordance, back
            term.send(key)
            term.settle()
            tried += 1
            failures += _screen_failures(term, title)
        for word in ("Saved", "Actor", "History"):  # the palette lists names and queries
            term.send("\x10")  # Ctrl+P
            term.wait_for("Search for commands", timeout=20)
            term.send(word)
            term.settle(0.4)  # the palette searches its providers as the word is typed
            for _ in range(10):
                term.send("\x1b[B")
                term.settle(0.05)
            tried += 1
            failures += _screen_failures(term, title)
            term.send("\x1b")
            term.settle()
        term.send("a")  # the actor pane's list of hostile names (from the results: a key)
        term.settle(0.4)
        tried += 1
        failures += _screen_failures(term, title)
        assert term.child.isalive(), term.text
    finally:
        code = term.quit()
    if code != 0:
        failures.append(f"exit {code}")
    figures("hostile places in the dashboard", tried, len(failures),
            f"screens over {len(CATALOGUE)} payloads: indexing label, reader header (ids), "
            "results, facets, concordance, palette (saved, actors, history), actor pane")
    assert failures == [], "\n".join(failures)
