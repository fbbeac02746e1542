"""Corpus files not in UTF-8: a Latin-1 file is reported with its file, line and column and
the command that converts it (once a file; later lines point at the first); UTF-16 and
UTF-32 record files with a byte-order mark are read as what they are, not as lines of NUL
bytes."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from newsdesk.index.config import Settings
from newsdesk.index.ingest.encodings import MULTIBYTE
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.ingest.problem_log import last_found
from newsdesk.index.paths import index_paths
from tests.helpers.command import run
from tests.index.ingest.test_corpus import read_all

RECORDS = [{"id": "r1", "title": "Café society", "text": "Le café est ouvert à Paris."},
           {"id": "r2", "title": "Plain", "text": "Plain words only."},
           {"id": "r3", "title": "Crème", "text": "Crème brûlée and 𝄞 music, 東京."}]


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_a_latin1_jsonl_names_file_line_and_how_to_convert(tmp_path: Path) -> None:
    (tmp_path / "old.jsonl").write_bytes(_jsonl(RECORDS).encode("latin-1", "replace"))
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["r2"]  # the UTF-8 (ASCII) line is still read
    assert [p.line for p in problems] == [1, 3]
    first, second = problems
    assert first.path.endswith("old.jsonl") and first.skipped
    assert "not valid UTF-8" in first.reason and "byte 0xe9 at column 27" in first.reason
    old, new = tmp_path / "old.jsonl", tmp_path / "old-utf8.jsonl"
    assert f"iconv -f cp1252 -t utf-8 {old} > {new}" in first.reason
    assert f"mv {new} {old}" in first.reason
    assert "not valid UTF-8" in second.reason and "see line 1" in second.reason
    assert "iconv" not in second.reason  # said once a file


def test_a_latin1_text_file_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "old story.txt").write_bytes("Title\n\nA café.\n".encode("latin-1"))
    articles, problems = read_all(tmp_path)
    assert articles == [] and len(problems) == 1
    problem = problems[0]
    assert problem.line == 3 and "column 6" in problem.reason
    assert f"'{tmp_path}/old story.txt' > '{tmp_path}/old story-utf8.txt'" in problem.reason
    assert str(problem).startswith(f"{tmp_path / 'old story.txt'}:3: not valid UTF-8")


def test_a_latin1_csv_row(tmp_path: Path) -> None:
    (tmp_path / "rows.csv").write_bytes("id,title,text\nc1,Caf\xe9,Le caf\xe9\nc2,Plain,"
                                        "plain\n".encode("latin-1"))
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["c2"]
    assert [(p.line, "iconv -f cp1252" in p.reason) for p in problems] == [(2, True)]


def test_bytes_windows_1252_cannot_hold_are_no_latin1(tmp_path: Path) -> None:
    """Latin-1 reads 0x81 as a control character: advised, it converted a Shift-JIS file
    into mojibake (an outside tester's U4). The encoding is the user's to find."""
    (tmp_path / "odd.jsonl").write_bytes(b'{"id": "x", "text": "a \x81 b"}\n')
    _, problems = read_all(tmp_path)
    assert "-f latin1" not in problems[0].reason and "cannot tell" in problems[0].reason
    assert "iconv -f ENCODING -t utf-8" in problems[0].reason


# Text of other scripts in their legacy encodings: East Asian multibyte ones, and Cyrillic
# and Greek single-byte ones whose letters are all above 0x7f.
LEGACY = [("東京で安倍晋三首相が会見した。", "shift_jis"), ("東京で会見した。", "euc_jp"),
          ("北京市政府今天发布了新的政策。", "gbk"), ("台北市政府今天發布新聞。", "big5"),
          ("서울에서 기자회견이 열렸다.", "euc_kr"), ("Москва сегодня объявила", "cp1251"),
          ("Москва сегодня", "koi8_r"), ("Αθήνα σήμερα ανακοίνωσε", "cp1253")]


@pytest.mark.parametrize(("text", "codec"), LEGACY)
@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_other_scripts_get_no_western_guess(tmp_path: Path, text: str, codec: str,
                                            kind: str) -> None:
    """No Latin-1 or Windows-1252 command for a file of another script: the reason names
    the East Asian encodings that read it, its own among them where it is one."""
    words = f"{text} Tokyo news {text}"
    data = (f"Title\n\n{words}\n" if kind == "txt" else
            json.dumps({"id": "a", "text": words}, ensure_ascii=False) + "\n").encode(codec)
    (tmp_path / f"story.{kind}").write_bytes(data)
    _, problems = read_all(tmp_path)
    reason = problems[0].reason
    assert "not valid UTF-8" in reason and "cannot tell" in reason, reason
    assert "-f latin1" not in reason and "-f cp1252" not in reason, reason
    if codec in MULTIBYTE:
        assert codec in reason.split("reads without error as ", 1)[1].split(")")[0], reason


@pytest.mark.parametrize("text", ["Café “society” naïve — déjà vu", "Zürich’s Straße",
                                  "São Paulo, Bogotá y Peñalolén", "“Quoted” – and…"])
def test_western_text_keeps_its_windows_1252_command(tmp_path: Path, text: str) -> None:
    (tmp_path / "old.txt").write_bytes(f"Title\n\n{text} {text}\n".encode("cp1252"))
    _, problems = read_all(tmp_path)
    assert "iconv -f cp1252 -t utf-8" in problems[0].reason


def test_utf16_and_utf32_records_with_a_bom_are_read(tmp_path: Path) -> None:
    text = _jsonl(RECORDS)
    for name, encoding in (("le.jsonl", "utf-16"), ("be.jsonl", "utf-16-be"),
                           ("wide.jsonl", "utf-32")):
        data = text.replace('"id": "r', '"id": "r' + name[0]).encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
    header = "id,title,text\r\nc1,Café,\"Le café, à Paris\"\r\n"
    (tmp_path / "sheet.csv").write_bytes(header.encode("utf-16"))
    articles, problems = read_all(tmp_path)
    assert problems == []
    by_id = {a.id: a for a in articles}
    assert by_id["c1"].text == "Le café, à Paris"
    for prefix in "lbw":
        assert by_id[f"r{prefix}3"].text == "Crème brûlée and 𝄞 music, 東京."
        assert by_id[f"r{prefix}1"].title == "Café society"
    assert len(articles) == 10


def test_utf16_damage_is_reported_with_its_line_and_earlier_records_kept(
        tmp_path: Path) -> None:
    good = _jsonl(RECORDS[:2]).encode("utf-16")
    (tmp_path / "cut.jsonl").write_bytes(good + _jsonl(RECORDS[2:]).encode("utf-16-le")[:-1])
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["r1", "r2"]
    assert len(problems) == 1 and problems[0].line == 3
    assert "not valid UTF-16" in problems[0].reason and "rest of the file" in problems[0].reason


def test_utf16_lone_surrogate_and_long_line(tmp_path: Path) -> None:
    """A lone surrogate is kept as U+FFFD with a warning, as a JSON escape of one is; a
    line over the record limit is skipped and the next one read."""
    lone = '{"id": "s1", "text": "before \ud800 after"}\n'.encode("utf-16-le", "surrogatepass")
    big = _jsonl([{"id": "big", "text": "word " * 150_000}]).encode("utf-16-le")
    tail = _jsonl(RECORDS[1:2]).encode("utf-16-le")
    (tmp_path / "mixed.jsonl").write_bytes(b"\xff\xfe" + lone + big + tail)
    articles, problems = read_all(tmp_path, max_mb=1)
    assert [a.id for a in articles] == ["s1", "r2"]
    assert articles[0].text == "before \ufffd after"
    assert [(p.line, p.skipped) for p in problems] == [(1, False), (2, True)]
    assert "surrogate" in problems[0].reason and "over the" in problems[1].reason


def test_utf16_without_a_bom_is_named_with_how_to_convert(tmp_path: Path) -> None:
    (tmp_path / "nobom.jsonl").write_bytes(_jsonl(RECORDS[:2]).encode("utf-16-le"))
    (tmp_path / "nobom.txt").write_bytes("Title\n\nSome text.\n".encode("utf-16-be"))
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100 + b"\n"
                                         + _jsonl(RECORDS[1:2]).encode() + b"\x00\x01\n")
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["r2"]  # bin.jsonl's one good line
    by_file = {(Path(p.path).name, p.line): p.reason for p in problems}
    # One problem for the file, not one a line (F15: a one-record file said "line 1" and
    # "line 2", its trailing NUL byte).
    assert f"iconv -f utf-16le -t utf-8 {tmp_path}/nobom.jsonl" in by_file["nobom.jsonl", None]
    assert "UTF-16 without a byte-order mark" in by_file["nobom.jsonl", None]
    assert sum(Path(p.path).name == "nobom.jsonl" for p in problems) == 1
    assert f"iconv -f utf-16be -t utf-8 {tmp_path}/nobom.txt" in by_file["nobom.txt", None]
    assert by_file["bin.jsonl", 1] == "binary data (NUL bytes)"  # binary stays binary
    assert by_file["bin.jsonl", 3] == "binary data (NUL bytes; see line 1)"


def test_index_command_prints_the_latin1_hint(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "old.jsonl").write_bytes(_jsonl(RECORDS).encode("latin-1", "replace"))
    done = run("--corpus", str(corpus), "index")
    assert done.returncode == 0, done.stderr
    assert f"{corpus / 'old.jsonl'}:1: not valid UTF-8" in done.stderr
    assert f"iconv -f cp1252 -t utf-8 {corpus}/old.jsonl" in done.stderr
    assert "Traceback" not in done.stderr


def test_problems_as_last_read_are_kept_for_index_problems(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """A run lists the problems of the files it reads; those of files it does not read
    (nothing changed) stay listed by `newsdesk index --problems`, until a file is fixed."""
    (corpus_dir / "old.jsonl").write_bytes(_jsonl(RECORDS).encode("latin-1", "replace"))
    (corpus_dir / "old.txt").write_bytes("Title\n\nA caf\xe9.\n".encode("latin-1"))
    store = index_paths(corpus_settings).store

    def kept() -> set[tuple[str, int | None]]:
        return {(Path(p.path).name, p.line) for p in last_found(store)}

    assert kept() == set()  # no index yet
    first = Indexer(corpus_settings).run()
    assert {(Path(p.path).name, p.line) for p in first.problems} == kept() == {
        ("old.jsonl", 1), ("old.jsonl", 3), ("old.txt", 3)}
    assert Indexer(corpus_settings).run().problems == []  # nothing read again
    assert len(kept()) == 3
    (corpus_dir / "old.txt").write_text("Title\n\nA café.\n", encoding="utf-8")  # fixed
    Indexer(corpus_settings).run()
    assert kept() == {("old.jsonl", 1), ("old.jsonl", 3)}
    listed = run("--corpus", str(corpus_dir), "index", "--problems",
                 env_extra={"NEWSDESK_CONFIG": ""})
    assert listed.returncode == 0, listed.stderr
    assert f"{corpus_dir / 'old.jsonl'}:1: not valid UTF-8" in listed.stderr
    assert "2 problems in the corpus's files as last read (2 skipped, 0 kept)" in listed.stderr


async def test_the_dashboard_sends_people_where_the_problems_are(
        app_settings: Settings) -> None:
    """It reads the files itself: its notice names the command that lists them after."""
    from newsdesk.tui.app import NewsdeskApp
    from tests.helpers.pilot import wait_for, wait_ready

    (app_settings.corpus.sources[0] / "old.jsonl").write_bytes(
        _jsonl(RECORDS).encode("latin-1", "replace"))
    app = NewsdeskApp(app_settings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_ready(pilot)
        await wait_for(pilot, lambda: any("problems while indexing" in str(n.message)
                                          for n in app._notifications))
        notice = next(str(n.message) for n in app._notifications
                      if "problems while indexing" in str(n.message))
    assert "`newsdesk index --problems` lists them" in notice
    assert Indexer(app_settings).run().problems == []  # a plain run: nothing to read
    assert {p.line for p in last_found(index_paths(app_settings).store)} == {1, 3}


def test_files_the_listing_cannot_take_are_kept_for_index_problems(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """A named pipe and a dangling link are reported by the run and never stamped: --problems
    said "No problems" after the run had listed both."""
    import os

    os.mkfifo(corpus_dir / "fifo.txt")
    (corpus_dir / "broken.txt").symlink_to(corpus_dir / "gone.txt")
    store = index_paths(corpus_settings).store
    reported = {Path(p.path).name for p in Indexer(corpus_settings).run().problems}
    assert reported == {"fifo.txt", "broken.txt"}
    assert {Path(p.path).name for p in last_found(store)} == reported
    (corpus_dir / "broken.txt").unlink()  # gone: the next run no longer lists it
    (corpus_dir / "new.txt").write_text("Title\n\nFresh text.\n", encoding="utf-8")
    Indexer(corpus_settings).run()
    assert {Path(p.path).name for p in last_found(store)} == {"fifo.txt"}


@pytest.mark.parametrize("seed", range(8))
def test_a_binary_file_is_one_problem_and_text_files_beside_it_are_read(
        tmp_path: Path, seed: int) -> None:
    """Random bytes under a .jsonl, .csv or .txt name: one problem for the file (a random
    file's lines were each reported, some with advice to convert it to UTF-8); a Latin-1
    file and a file with one damaged line beside them are read as before."""
    rng = random.Random(seed)
    junk = bytes(rng.randrange(256) for _ in range(rng.randrange(200, 20_000)))
    name = rng.choice(["binary.jsonl", "binary.csv", "binary.jsonl"])
    (tmp_path / name).write_bytes(junk)
    (tmp_path / "latin.jsonl").write_bytes(
        _jsonl([{"id": "l1", "text": "Caf\u00e9 in S\u00e3o Paulo opened."}]).encode("latin-1"))
    (tmp_path / "damaged.jsonl").write_bytes(
        _jsonl(RECORDS[:1]).encode() + junk[:300].replace(b"\n", b" ") + b"\n"
        + _jsonl(RECORDS[1:2]).encode())
    articles, problems = read_all(tmp_path)
    assert {a.id for a in articles} >= {RECORDS[0]["id"], RECORDS[1]["id"]}
    mine = [p for p in problems if Path(p.path).name == name]
    assert len(mine) == 1 and mine[0].reason.startswith("binary data, not text"), mine
    assert "iconv" not in mine[0].reason
    assert any(Path(p.path).name == "latin.jsonl" and "iconv" in p.reason for p in problems)


@pytest.mark.parametrize("records", [1, 2, 7, 300])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".jsonl", ".txt"])
@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_utf16_without_a_bom_is_one_problem_naming_the_file_and_the_fix(
        tmp_path: Path, records: int, encoding: str, suffix: str, ending: str) -> None:
    rng = random.Random(records)
    words = ["café", "words", "Paris", "Zürich", "news"]
    rows = [{"id": f"u{n}", "title": f"Title {n}", "text": " ".join(
        rng.choice(words) for _ in range(rng.randint(3, 40)))} for n in range(records)]
    text = ending.join(json.dumps(r, ensure_ascii=False) for r in rows) + ending \
        if suffix == ".jsonl" else "Title\n\n" + " ".join(r["text"] for r in rows) + ending
    path = tmp_path / f"wide{suffix}"
    path.write_bytes(text.encode(encoding))
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert len(problems) == 1, [p.reason for p in problems]
    problem = problems[0]
    assert problem.path == str(path) and problem.skipped
    assert "UTF-16 without a byte-order mark" in problem.reason
    assert f"iconv -f {encoding.replace('-le', 'le').replace('-be', 'be')} -t utf-8 {path}" \
        in problem.reason
