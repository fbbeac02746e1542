"""Many files of one other encoding are said once, with the setting that reads them
(stranger8 F17: 65 lines of iconv advice for a folder of Windows-1252 files, no word of
`corpus.encoding`); a few keep their own lines; other problems are never folded in."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.tui.problem_lines import GROUP_FROM, problem_lines
from tests.helpers.paths import write_config
from tests.index.ingest.test_corpus import read_all

CONFIG = Path("/home/someone/.config/newsdesk/config.yaml")
# A byte Windows-1252 reads (a right quote) and one it does not (no text's in Latin-1, a
# control character: an encoding newsdesk cannot tell, never a setting said for all).
BYTES = {"cp1252": "Minister\x92s ", "unknown": "Zone\x81 "}


def _write(path: Path, codec: str, kind: str) -> None:
    words = BYTES[codec].encode("latin-1")
    if kind == "txt":
        path.write_bytes(b"Title\n\n" + words + b"text.\n")
    elif kind == "jsonl":
        path.write_bytes(b'{"id": "%s", "text": "ok"}\n{"id": "%s2", "text": "' % (
            path.stem.encode(), path.stem.encode()) + words + b'"}\n')
    else:
        path.write_bytes(b"id,title,text\n" + path.stem.encode() + b",T," + words + b"\n")


@pytest.mark.parametrize("seed", range(12))
def test_files_of_one_encoding_are_said_once_from_a_few(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    made: dict[str, list[str]] = {"cp1252": [], "unknown": []}
    for codec in made:
        for i in range(rng.choice([0, 1, 2, GROUP_FROM, 7, 30])):
            name = f"{codec} file {i}.{rng.choice(['txt', 'jsonl', 'csv'])}"
            _write(corpus / name, codec, name.rpartition(".")[2])
            made[codec].append(str(corpus / name))
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "bad.jsonl").write_text('{"id": "b1", "text": "fine"}\n{oops\n')
    _, problems = read_all(corpus)
    lines = problem_lines(problems, CONFIG)
    text = "\n".join(lines)
    assert "binary.txt" in text and "bad.jsonl:2: malformed JSON" in text  # never folded
    for codec, paths in made.items():
        said = [line for line in lines if f"`encoding: {codec}`" in line]
        mine = [line for line in lines if any(path in line for path in paths)]
        if codec == "unknown":
            assert said == [] and len(mine) == len(paths)  # each its own line, no setting
            assert all("cannot tell" in line and "-f latin1" not in line for line in mine)
        elif len(paths) >= GROUP_FROM:
            assert len(said) == 1, said
            assert said[0].startswith(f"{len(paths)} files above not valid UTF-8")
            assert str(CONFIG) in said[0] and "--problems" in said[0]
            # each file still said with its line, in short: no advice of its own
            assert {p for p in paths if any(line.startswith(f"{p}:") for line in mine)} \
                == set(paths)
            assert not any("iconv" in line for line in mine)
        else:
            assert said == [], said
            assert len(mine) == len(paths)  # each its own line, with its command
            assert all(f"iconv -f {codec}" in line for line in mine)
    assert len(lines) == len(problems) + (len(made["cp1252"]) >= GROUP_FROM)


def test_the_setting_named_reads_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            run_here: Callable[..., object]) -> None:
    """The advice followed as printed (the config file it names, the key it gives) indexes
    every file that was skipped."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):
        _write(corpus / f"story{i}.txt", "cp1252", "txt")
    config = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'i'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(config))
    first = run_here("index")
    said = [line for line in first.stderr.splitlines()  # type: ignore[attr-defined]
            if "`encoding: cp1252` under `corpus:`" in line]
    assert len(said) == 1 and str(config) in said[0], first.stderr  # type: ignore[attr-defined]
    assert "0 articles indexed" in first.stderr  # type: ignore[attr-defined]
    config.write_text(config.read_text().replace("corpus:\n", "corpus:\n  encoding: cp1252\n"))
    again = run_here("index")
    assert "5 articles indexed: 5 added" in again.stderr, again.stderr  # type: ignore[attr-defined]
    assert "not valid" not in again.stderr  # type: ignore[attr-defined]
