"""A corpus of good articles mixed with hostile files: every good article is indexed and
searchable, every bad file or record is reported once with its reason, nothing raises.
A few hundred files in every run; over a thousand with -m slow, with 50 MB single lines.
Unreadable files and folders are tried as an unprivileged user (root reads everything)."""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.faults import hostile_corpus
from tests.helpers.figures import Record
from tests.helpers.paths import NEWSDESK, ROOT, write_config


def one_line_files(folder: Path, megabytes: int) -> int:
    """A single line of `megabytes` MB as a text file and as a JSON Lines record: both are
    over the size limit (1 MB in this test), so both are reported, and neither is loaded
    into the index."""
    folder.mkdir(parents=True, exist_ok=True)
    line = b"word " * (megabytes * 1024 * 1024 // 5)
    (folder / "oneline.txt").write_bytes(line)
    (folder / "oneline.jsonl").write_bytes(b'{"id": "long", "text": "' + line + b'"}\n')
    return 2


def build(folder: Path, rounds: int, seed: int = 3, line_mb: int = 2) -> tuple[set[str], int]:
    """Write `rounds` of every kind; return the good articles' tokens and how many bad items
    (files or records) were written."""
    rng = random.Random(seed)
    good: set[str] = set()
    bad = one_line_files(folder / "long", line_mb)
    for n in range(rounds):
        sub = folder / f"r{n}"
        deep = sub.joinpath(*[f"d{i}" for i in range(12)])
        deep.mkdir(parents=True)
        token = f"goodtoken{n}x"

        def ok(path: Path, suffix: str, encoding: str = "utf-8", token: str = token) -> None:
            word = f"{token}{suffix}"
            path.write_bytes(f"Title {word}\n\nBody with {word} in it.\n".encode(encoding))
            good.add(word)

        ok(sub / "plain.txt", "a")
        ok(deep / "deep.md", "b")
        ok(sub / "bom.txt", "c", "utf-8-sig")
        (sub / "u16.txt").write_bytes(codecs.BOM_UTF16_LE + f"T\n\nu16 {token}d".encode(
            "utf-16-le"))
        good.add(f"{token}d")
        (sub / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(2048)) + b"\0")
        (sub / "nul.md").write_bytes(b"Title\n\nText\x00with NUL")
        (sub / "latin1.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1"))
        (sub / "mixed.txt").write_bytes("ok é ".encode() + b"\xff\xfe\xfa broken")
        (sub / "empty.txt").write_bytes(b"")
        (sub / "blank.md").write_bytes(b" \n\t\n  ")
        (sub / "huge.txt").write_bytes(b"x" * (1024 * 1024 + 10))  # over max_file_mb: 1
        (sub / "loop").symlink_to(sub, target_is_directory=True)  # not followed, not a problem
        bad += 7
        records = [
            json.dumps({"id": f"{token}j1", "title": "J", "text": f"jsonl {token}e"}),
            "{broken json",
            json.dumps([1, 2]),
            json.dumps({"id": f"{token}j2", "text": ""}),
            json.dumps({"id": f"{token}j1", "text": "duplicate id"}),
            "\x00\x01 not json",
            json.dumps({"id": f"{token}j3", "text": f"bad date {token}f", "date": "nope"}),
        ]
        (sub / "feed.jsonl").write_text("\n".join(records) + "\n")
        good.update({f"{token}e", f"{token}f"})
        bad += 5  # broken, list, no text, duplicate, NUL (the bad date is kept: a warning)
        (sub / "sheet.csv").write_text(
            "id,title,text\n"
            f"{token}c1,Fine,csv {token}g\n"
            f"{token}c2,Ragged\n"
            f"{token}c3,Stray \"quote\" inside,a field is text {token}i\n"
            f"{token}c4,\"Multi\nline\",\"more {token}h\"\n"
            f"{token}c5,Unclosed,\"never closed\n"
            f"{token}c6,After,still read {token}j\n")
        good.update({f"{token}g", f"{token}h", f"{token}i", f"{token}j"})
        bad += 2  # the ragged row, the unclosed quote
    return good, bad


def check(tmp_path: Path, rounds: int, line_mb: int = 2) -> tuple[int, int, int]:
    corpus = tmp_path / "corpus"
    good, bad = build(corpus, rounds, line_mb=line_mb)
    settings = load_settings()
    settings.corpus.sources = [corpus]
    settings.corpus.max_file_mb = 1
    settings.index.dir = tmp_path / "idx"
    report = Indexer(settings).run()
    skipped = [p for p in report.problems if p.skipped]
    assert len(skipped) == bad, "\n".join(map(str, report.problems[:40]))
    assert len({(p.path, p.line) for p in skipped}) == len(skipped)  # each reported once
    assert all(p.reason for p in report.problems)
    missing = []
    with Engine(settings) as engine:
        for word in sorted(good):
            if engine.search(word).total != 1:
                missing.append(word)
    assert missing == []
    again = Indexer(settings).run()  # nothing changed: nothing reported again
    assert again.problems == [] and again.total == report.total
    files = sum(1 for p in corpus.rglob("*") if p.is_file())
    return files, len(good), len(skipped)


def test_hostile_files_short(tmp_path: Path, figures: Record) -> None:
    files, good, bad = check(tmp_path, rounds=20)
    assert (files, good, bad) == (20 * 13 + 2, 20 * 10, 20 * 14 + 2)
    figures("hostile files", files, 0, f"{good} good articles found, {bad} bad items "
            "reported once")


@pytest.mark.slow
def test_hostile_files_long(tmp_path: Path, figures: Record) -> None:
    files, good, bad = check(tmp_path, rounds=80, line_mb=50)
    figures("hostile files", files, 0, f"{good} good articles found, {bad} bad items "
            "reported once, 50 MB single lines")


def test_unreadable_files_and_folders(tmp_path: Path, figures: Record) -> None:
    """chmod 000 on a file and on a folder: each is reported with its reason, the rest is
    indexed. Root reads through permissions, so as root the indexer runs without the
    capabilities that allow it (setpriv)."""
    command = [*NEWSDESK, "index"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "as root, permissions are tested with setpriv (util-linux): install it"
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "fine.txt").write_text("Fine\n\nA readable okapi article.\n")
    (corpus / "secret.txt").write_text("Secret\n\nUnreadable.\n")
    (corpus / "locked" / "inside.txt").write_text("Inside\n\nNever reached.\n")
    (corpus / "secret.txt").chmod(0)
    (corpus / "locked").chmod(0)
    try:
        cfg = write_config(tmp_path / "cfg.yaml", [corpus],
                           f"index:\n  dir: {tmp_path / 'idx'}\n")
        env = {**os.environ, "NEWSDESK_CONFIG": str(cfg), "NO_COLOR": "1"}
        run = subprocess.run(command, cwd=ROOT, env=env, text=True, capture_output=True,
                             timeout=120)
    finally:
        (corpus / "secret.txt").chmod(0o600)
        (corpus / "locked").chmod(0o700)
    problems = [line for line in run.stderr.splitlines() if "cannot read" in line]
    failed = int(run.returncode != 0) + int("Traceback" in run.stderr)
    failed += int(not any("secret.txt" in p and "ermission denied" in p for p in problems))
    failed += int(not any("locked" in p and "ermission denied" in p for p in problems))
    failed += int("1 article indexed" not in run.stderr.replace(",", ""))
    figures("unreadable files and folders", 2, failed)
    assert failed == 0, run.stderr


# -- generated hostile corpora through the real command -------------------------------------

def _unprivileged(command: list[str]) -> list[str]:
    """As root, the command runs without the capabilities that read through file modes, so
    chmod 000 is tried as it is for everyone else."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    assert setpriv, "as root, permissions are tested with setpriv (util-linux): install it"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]


def _newsdesk(cfg: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSDESK_CONFIG": str(cfg), "NO_COLOR": "1"}
    return subprocess.run(_unprivileged([*NEWSDESK, *args]), cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=timeout)


def _clean(run: subprocess.CompletedProcess[str]) -> list[str]:
    """What must never be seen: a traceback or an internal error."""
    out = run.stdout + run.stderr
    return [why for why in ("Traceback", "internal error") if why in out]


def _reported(expected: hostile_corpus.Expected, lines: list[str]) -> bool:
    """A problem line names the file (by a piece of its path), the line if there is one,
    the reason, and whether the item was kept."""
    verdict = "(kept)" if expected.kept else "(skipped)"
    where = re.escape(expected.fragment) + (rf"[^:]*:{expected.line}: " if expected.line
                                            else r"[^:]*: ")
    return any(re.search(where, line) for line in lines
               if expected.reason in line and line.endswith(verdict))


def check_hostile_corpus(tmp_path: Path, rounds: int) -> tuple[int, int, int, list[str]]:
    """Index a generated hostile corpus with the real `newsdesk index`, then search, chart
    and facet it with the real commands; (items tried, good, bad, failures)."""
    corpus = hostile_corpus.build(tmp_path / "corpus", rounds)
    failures: list[str] = []
    try:
        cfg = write_config(tmp_path / "cfg.yaml", [corpus.root],
                           f"  max_file_mb: {hostile_corpus.LIMIT_MB}\n"
                           f"index:\n  dir: {tmp_path / 'idx'}\n")
        first = _newsdesk(cfg, "index")
        failures += [f"index: {why}" for why in _clean(first)]
        if first.returncode != 0:
            failures.append(f"index exit {first.returncode}: {first.stderr[-2000:]}")
        lines = first.stderr.splitlines()
        failures += [f"not reported: {e}" for e in corpus.expected if not _reported(e, lines)]
        found = _newsdesk(cfg, "search", "--all", "--format", "jsonl", hostile_corpus.MARKER)
        failures += [f"search: {why}" for why in _clean(found)]
        hits = [json.loads(line) for line in found.stdout.splitlines()]
        shown = " ".join(f"{h['title']} {h['snippet']}" for h in hits)
        failures += [f"not found: {token}" for token in sorted(corpus.good)
                     if f"{token} " not in shown + " "]
        for args in (["search", "--all", hostile_corpus.MARKER],
                     ["search", "--json", hostile_corpus.MARKER], ["timeline", "x OR kiwimarker"],
                     ["facets", hostile_corpus.MARKER], ["kwic", hostile_corpus.MARKER],
                     ["search", "date:9999-12-31"], ["search", "date:[2020 TO 9999-12-31]"],
                     ["index"]):
            run = _newsdesk(cfg, *args)
            failures += [f"{' '.join(args)}: {why}" for why in _clean(run)]
            if run.returncode not in (0, 1):
                failures.append(f"{' '.join(args)}: exit {run.returncode} {run.stderr[-500:]}")
    finally:
        corpus.tidy()
    tried = len(corpus.good) + len(corpus.expected)
    return tried, len(corpus.good), len(corpus.expected), failures


def test_generated_hostile_corpus_real_command(tmp_path: Path, figures: Record) -> None:
    tried, good, bad, failures = check_hostile_corpus(tmp_path, rounds=1)
    figures("generated hostile corpora (real command)", tried, len(failures),
            f"{good} good articles found, {bad} bad items reported with file and line")
    assert failures == [], "\n".join(failures[:40])


@pytest.mark.slow
def test_generated_hostile_corpus_real_command_long(tmp_path: Path, figures: Record) -> None:
    tried, good, bad, failures = check_hostile_corpus(tmp_path, rounds=5)
    figures("generated hostile corpora (real command)", tried, len(failures),
            f"{good} good articles found, {bad} bad items reported with file and line")
    assert failures == [], "\n".join(failures[:40])


@pytest.mark.parametrize("suffix", ["txt", "jsonl", "csv"])
def test_files_growing_without_end_while_indexing(tmp_path: Path, suffix: str,
                                                  figures: Record) -> None:
    """A writer appends one endless line to a corpus file for as long as `newsdesk index`
    runs (a live log): the run ends, having read no more than the limit (text) or the size
    the file had when listed (records, the long line skipped in pieces, never held), and
    the good article beside it is indexed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Steady okapi\n\nThe okapi stays put.\n")
    growing = corpus / f"growing.{suffix}"
    growing.write_text({"txt": "Growing\n\n", "jsonl": '{"text": "first gnu"}\n',
                        "csv": "id,text\n1,first gnu\n"}[suffix])
    cfg = write_config(tmp_path / "cfg.yaml", [corpus],
                       f"  max_file_mb: 1\nindex:\n  dir: {tmp_path / 'idx'}\n")
    stop = threading.Event()
    chunk = b"more words " * (1024 * 1024 // 11)  # one line without end, 20 MB/s

    def grow() -> None:
        with open(growing, "ab") as out:
            while not stop.wait(0.05) and out.tell() < 200 * 1024 * 1024:
                out.write(chunk)
                out.flush()

    writer = threading.Thread(target=grow, daemon=True)
    writer.start()
    try:
        run = _newsdesk(cfg, "index", timeout=120)
        found = _newsdesk(cfg, "search", "okapi", timeout=120)
    finally:
        stop.set()
        writer.join()
    failures = _clean(run) + _clean(found)
    failures += [] if run.returncode == 0 else [f"exit {run.returncode}: {run.stderr[-500:]}"]
    failures += [] if "Steady okapi" in found.stdout else ["the good article is missing"]
    figures("files growing while indexed", 1, len(failures), suffix)
    assert failures == [], failures


def test_a_duplicate_comes_in_once_the_first_copy_is_deleted(tmp_path: Path) -> None:
    """The second copy of an id is skipped while the first is there, and indexed by the
    first run after the first copy's file is deleted (it was never retried)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, word in (("a", "walrus"), ("b", "narwhal")):
        (corpus / f"{name}.jsonl").write_text(json.dumps({"id": "same", "text": word}) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    first = _newsdesk(cfg, "index")
    assert "b.jsonl:1: duplicate id 'same'" in first.stderr
    assert "0 added" in _newsdesk(cfg, "index").stderr  # nothing changed: nothing re-read
    (corpus / "a.jsonl").unlink()
    after = _newsdesk(cfg, "index")
    assert "duplicate" not in after.stderr and "1 added" in after.stderr, after.stderr
    assert "narwhal" in _newsdesk(cfg, "search", "narwhal").stdout
    assert _newsdesk(cfg, "search", "walrus").returncode == 1
