"""Hostile article text on screen: the catalogue in hostile_texts.py put into titles, texts
and sources, shown in the result list, the reader, the concordance and the facets of the
real `newsdesk` in a pseudo-terminal (read back by pyte), and in every CLI output.

A sequence is inert when the screen shows its stand-in (ESC as ␛, BEL as ␇, a bidi override
as ⎕, ...) and the raw bytes newsdesk wrote never hold the sequence itself; the terminal's
title, clipboard and palette are never touched."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.tui.safe_text import terminal_safe
from tests.faults.hostile_texts import PAYLOADS
from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, ROOT, write_config
from tests.helpers.terminal import Terminal

# Nothing a terminal acts on may reach it from the corpus (newline aside).
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060"
                       "\u2066-\u2069\ufeff]")
# Whole sequences newsdesk itself never writes: if one shows up raw, it came from the corpus.
NEVER_RAW = [b"\x1b]0;pwned", b"\x1b]2;pwned", "\x9d0;pwned".encode(), b"\x1b]52;c;cHduZWQt",
             b"\x1b]52;c;?", b"\x1b]4;1;rgb", b"\x1b]11;#ff00ff", b"\x1b]8;;http://evil",
             b"\x1b]7;file", b"\x1bPq#0", b"\x1b_Gf=100", b"\x1b^privacy", b"\x1b[6n",
             b"\x1b[21t", b"\x1b[>c", b"\x1b]10;?", b"\x1b#8", b"\x1b(0lqqk", b"\x0eshifted",
             b"\x1b[?5h", b"\x1b[31mRED", b"\x1b[5;7mBLINK", b"\x1b[10;10Hmoved",
             "\u202egpj".encode(), "zero\u200bwidth".encode(), b"secret\x08"]


def _record(i: int, payload: str) -> dict[str, str]:
    return {"id": f"h{i:02d}", "title": f"Hostile {i} {payload[:300]}",
            "source": f"Src {i} {payload[:80]}", "date": f"2020-01-{1 + i % 28:02d}",
            "url": f"https://example.org/{i}?{payload[:40]}",
            "text": f"hostilemarker{i} walrus\n{payload}\nend{i} walrus again"}


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    corpus.mkdir()
    with open(corpus / "hostile.jsonl", "w", encoding="utf-8") as out:
        for i, (_, payload) in enumerate(PAYLOADS):
            out.write(json.dumps(_record(i, payload)) + "\n")
    cfg = write_config(root / "cfg.yaml", [corpus], f"index:\n  dir: {root / 'idx'}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "XDG_DATA_HOME": str(root / "data"),
           "XDG_CONFIG_HOME": str(root / "config"), "XDG_CACHE_HOME": str(root / "cache")}
    os.environ["NEWSDESK_CONFIG"] = str(cfg)
    try:
        report = Indexer(load_settings()).run()
        with Engine(load_settings()) as engine:
            shown = {}
            for i in range(len(PAYLOADS)):
                document = engine.document(f"h{i:02d}")
                assert document is not None, report.problems
                line = document.article.text.split("\n")[1]
                shown[f"h{i:02d}"] = terminal_safe(line, False)
    finally:
        del os.environ["NEWSDESK_CONFIG"]
    assert report.total == len(PAYLOADS) >= 50
    return root, {**env, "shown": json.dumps(shown)}


def _cli(env: dict[str, str], *args: str) -> str:
    full = {**os.environ, **{k: v for k, v in env.items() if k != "shown"}, "NO_COLOR": "1",
            "COLUMNS": "200"}
    run = subprocess.run([*NEWSDESK, *args], cwd=ROOT, env=full,
                         capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr
    return run.stdout + run.stderr


CLI_VIEWS = [("search", "walrus", "--limit", "100"), ("search", "walrus", "--json", "-n", "100"),
             ("kwic", "walrus", "--limit", "100"), ("kwic", "walrus", "--json"),
             ("facets", "walrus", "--top", "100"), ("facets", "walrus", "--json"),
             ("timeline", "walrus"), ("actors", "-n", "500"), ("actors", "--json")]


def test_cli_output_is_inert(hostile_index: tuple[Path, dict[str, str]],
                             figures: Record) -> None:
    _, env = hostile_index
    failures = []
    for view in CLI_VIEWS:
        out = _cli(env, *view)
        for bad in FORBIDDEN.finditer(out):
            failures.append(f"{' '.join(view)}: {bad.group()!r} at {bad.start()}")
        if view[0] == "search" and "--json" not in view:
            assert all(f"Hostile {i} " in out for i in range(len(PAYLOADS)))
    figures("hostile texts in CLI output", len(PAYLOADS) * len(CLI_VIEWS), len(failures),
            f"{len(PAYLOADS)} texts x {len(CLI_VIEWS)} commands")
    assert failures == []


def _screen_failures(term: Terminal, title_before: str) -> list[str]:
    failures = [f"raw {sig!r}" for sig in NEVER_RAW if sig in term.raw]
    if term.screen.title != title_before:
        failures.append(f"title changed to {term.screen.title!r}")
    return failures


def _dashboard(env: dict[str, str], count: int) -> tuple[int, list[str]]:
    shown: dict[str, str] = json.loads(env["shown"])
    repository = set(ROOT.iterdir())
    term = Terminal([], {k: v for k, v in env.items() if k != "shown"}, cols=150, rows=45)
    failures: list[str] = []
    tried = 0
    try:
        term.wait_for("articles indexed")
        title = term.screen.title
        term.send("walrus")
        term.wait_for(f"{len(PAYLOADS)} hits")
        term.send("\x1b[B")  # Down: to the results
        for _ in range(3):  # the result list, then the facets (sources), the concordance
            tried += 1
            term.settle()
            failures += _screen_failures(term, title)
            term.send(("v", "c", "\x1b")[_])
        term.wait_for("Concordance")
        term.settle()  # ESC then "/" at once would read as Alt+/
        term.send("/")
        for i in range(count):
            article = f"h{i:02d}"
            # The box's text is selected: typing replaces it. The space ends the word: the
            # last word being typed is a prefix (hostilemarker1 would find 10-19 too).
            term.send(f"hostilemarker{i} ")
            # Its own title in the list: "1 hit" or "match 1 of" may still be the last
            # article's (the wide layout previews the top hit).
            term.wait_for(f"Hostile {i} ")
            term.send("\x1b[B\r")  # keys arrive in order: Enter opens the highlighted hit
            tried += 1
            # The reader has the focus once the article is open: its keys in the footer.
            # (The text itself is in the hit's title in the list as well.)
            term.wait_for("Next match")
            expected = shown[article][:40].rstrip()
            try:
                term.wait_for(expected or ("match 1 of", "no matches"), timeout=10)
            except AssertionError:
                failures.append(f"{article}: {expected!r} not shown")
            failures += [f"{article}: {f}" for f in _screen_failures(term, title)]
            term.send("/")
        term.settle()  # what the last article drew
        failures += _screen_failures(term, title)
    finally:
        code = term.quit()
    if code != 0 or b"Traceback" in term.raw:
        failures.append(f"exit {code}")
    # A key gone astray (o: the pager; e: an export) writes where the app runs; never the
    # repository, which a fresh clone's `make test` once found a stray file in.
    failures += [f"wrote {path}" for path in term.stray_files()]
    failures += [f"wrote {path}" for path in set(ROOT.iterdir()) - repository
                 if path.name not in (".pytest_cache", ".ruff_cache")]
    return tried, failures


def test_dashboard_shows_hostile_texts_inert(hostile_index: tuple[Path, dict[str, str]],
                                             figures: Record) -> None:
    _, env = hostile_index
    tried, failures = _dashboard(env, count=8)  # all of them: -m slow
    figures("hostile texts in the dashboard", tried, len(failures),
            "result list, facets, concordance, then 8 articles in the reader")
    assert failures == []


@pytest.mark.slow
def test_dashboard_shows_every_hostile_text_inert(hostile_index: tuple[Path, dict[str, str]],
                                                  figures: Record) -> None:
    _, env = hostile_index
    tried, failures = _dashboard(env, count=len(PAYLOADS))
    figures("hostile texts in the dashboard", tried, len(failures),
            f"result list, facets, concordance, then all {len(PAYLOADS)} in the reader")
    assert failures == []
