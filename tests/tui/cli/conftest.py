"""Configs the `newsdesk` command runs under: the seeds, or generated wire articles with
sources, dates and actors (indexed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers.articles import views_article
from tests.helpers.command import run
from tests.helpers.paths import SEEDS, write_config


@pytest.fixture
def seeds_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = write_config(tmp_path / "cfg.yaml", [SEEDS],
                       f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    return cfg


@pytest.fixture
def wire_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "wire.jsonl", "w", encoding="utf-8") as out:
        for i in range(120):
            out.write(json.dumps(views_article(i)) + "\n")
    cfg = write_config(tmp_path / "cfg.yaml", [corpus], f"index:\n  dir: {tmp_path / 'idx'}\n")
    monkeypatch.setenv("NEWSDESK_CONFIG", str(cfg))
    assert run("index", "-q").returncode == 0
    return cfg
