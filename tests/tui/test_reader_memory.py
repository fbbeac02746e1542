"""The dashboard's reader on one article of 20 MB, in a process of its own
(tests/bench/reader_memory.py: opened from the results, 20 matches stepped with n, G,
20 pages down, 20 matches back with N, closed): its peak resident size under the project's
bound of 500 MB, and the matches it says. Slow: building the index of real text takes a
minute or two (the corpora's texts joined, as BENCHMARKS.md's membound made real20); the
article of one repeated word seconds. tests/tui/test_reader_big_article.py is the quick
check of what the reader shows."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.index.query.highlight import MAX_MATCHES
from tests.helpers.paths import CORPORA, NEWSDESK, ROOT, write_config

BOUND_MB = 500
ARTICLE_BYTES = 20_400_000  # under the ingest's max_file_mb (20 MiB) as one record


def _real_text() -> str:
    """The BBC texts, then Reuters', joined by blank lines till ARTICLE_BYTES."""
    parts: list[str] = []
    size = 0
    for name in ("bbc-news-2225.jsonl", "reuters-21578.jsonl"):
        with (CORPORA / name).open(encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get("text") or ""
                parts.append(text)
                size += len(text.encode("utf-8")) + 2
                if size >= ARTICLE_BYTES:
                    return "\n\n".join(parts)
    return "\n\n".join(parts)


def _built(root: Path, text: str) -> dict[str, str]:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "big.jsonl").write_text(
        json.dumps({"id": "big", "title": "One big article", "text": text}) + "\n",
        encoding="utf-8")
    cfg = write_config(root / "cfg.yaml", [corpus], f"index:\n  dir: {root / 'index'}\n")
    env = {"NEWSDESK_CONFIG": str(cfg), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
           "XDG_DATA_HOME": str(root), "XDG_CACHE_HOME": str(root),
           "XDG_CONFIG_HOME": str(root)}
    built = subprocess.run([*NEWSDESK, "index", "-q"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr
    return env


def _read(env: dict[str, str], query: str) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-m", "tests.bench.reader_memory", "--size",
                           "80x24", query], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=1800)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    peak = re.search(r"closed, peak (\d+) MB", done.stdout)
    assert peak is not None, done.stdout
    return done.stdout, int(peak.group(1))


@pytest.mark.slow
def test_the_reader_of_one_word_20_mb_long_stays_under_the_bound(tmp_path: Path) -> None:
    env = _built(tmp_path, "iran " * 4_100_000)
    out, peak = _read(env, "iran")
    assert f"{MAX_MATCHES} matches (match 1 of the first {MAX_MATCHES:,}; more after" in out
    assert peak < BOUND_MB, out


@pytest.mark.slow
@pytest.mark.skipif(not CORPORA.is_dir(), reason="needs the shared corpora")
def test_the_reader_of_20_mb_of_real_text_stays_under_the_bound(tmp_path: Path) -> None:
    env = _built(tmp_path, _real_text())
    out, peak = _read(env, "said")
    assert f"{MAX_MATCHES} matches (match 1 of the first {MAX_MATCHES:,}; more after" in out
    assert peak < BOUND_MB, out
