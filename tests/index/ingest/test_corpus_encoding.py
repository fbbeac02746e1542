"""corpus.encoding (global, or a corpus source's own): files without a byte-order mark
read in that codec, .txt/.md/.jsonl/.csv/.json alike; a change of it reads the files again;
bytes it cannot read and an unknown codec name are said with the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.index.config import ConfigError, Reading, Settings, default_fields, load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.helpers.paths import write_config

TEXT = "Café crème at the Zürich fête, 20 € each"


def _files(folder: Path, codec: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_bytes(f"Old {TEXT}\n\n{TEXT}.\n".encode(codec))
    (folder / "b.jsonl").write_bytes((json.dumps({"id": "j", "title": TEXT, "text": TEXT},
                                                 ensure_ascii=False) + "\n").encode(codec))
    (folder / "c.csv").write_bytes(f'id,title,text\nc,"{TEXT}","{TEXT}"\n'.encode(codec))
    (folder / "d.json").write_bytes(json.dumps([{"id": "k", "title": TEXT, "text": TEXT}],
                                               ensure_ascii=False).encode(codec))


@pytest.mark.parametrize("codec", ["cp1252", "iso-8859-15"])
@pytest.mark.parametrize("own", [False, True])
def test_files_read_in_the_configured_codec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            codec: str, own: bool) -> None:
    corpus = tmp_path / "corpus"
    _files(corpus, codec)
    setting = (f"corpus:\n  sources:\n    - {{path: {corpus}, encoding: {codec}}}\n" if own
               else f"corpus:\n  sources: [{corpus}]\n  encoding: {codec}\n")
    cfg = write_config(tmp_path / "cfg.yaml", [], setting + f"index:\n  dir: {tmp_path}/i\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    settings = load_settings()
    report = Indexer(settings).run()
    assert report.total == 4 and not report.problems, report.problems
    with Engine(settings) as engine:
        assert engine.search('"café crème"').total == 4
        hits = engine.search("zürich", limit=10).hits
        assert len(hits) == 4 and all(TEXT in engine.document(h.id).article.text for h in hits)


def test_a_change_of_encoding_reads_again_and_bad_bytes_are_said(
        corpus_settings: Settings, corpus_dir: Path) -> None:
    (corpus_dir / "a.txt").write_bytes(f"T\n\n{TEXT}\n".encode("cp1252"))
    first = Indexer(corpus_settings).run()
    assert first.total == 0 and "not valid UTF-8" in first.problems[0].reason
    corpus_settings.corpus.encoding = "cp1252"
    again = Indexer(corpus_settings).run()
    assert again.total == 1 and not again.problems
    (corpus_dir / "b.jsonl").write_bytes(b'{"id": "x", "text": "a \x81 b"}\n')  # cp1252: no 0x81
    third = Indexer(corpus_settings).run()
    said = [p for p in third.problems if p.path.endswith("b.jsonl")]
    assert said and "not valid cp1252 (byte 0x81" in said[0].reason and said[0].line == 1


@pytest.mark.parametrize(("value", "message"), [
    ("klingon", "unknown encoding 'klingon'"), ("utf-16", "does not keep ASCII"),
    ("''", "must be a codec name"), ("[cp1252]", "corpus.encoding must be"),
])
def test_an_unknown_codec_is_refused_with_file_and_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(f"corpus:\n  encoding: {value}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(path))
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert str(info.value).startswith(f"{path}:2:") and message in str(info.value)


def test_utf8_and_null_mean_the_default() -> None:
    from newsdesk.index.config import _encoding

    assert _encoding("UTF8", "x", "y") is None and _encoding(None, "x", "y") is None
    assert _encoding("Latin-1", "x", "y") == "iso8859-1"
    assert Reading(default_fields()).encoding is None
