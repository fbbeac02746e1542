"""An Engine over realistic articles (tests.bench.generate_corpus: real paragraphs
recombined) built once for a test module: the actor and suggestion tests draw at random
from what such a corpus holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdesk.index.config import load_settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.bench import generate_corpus


@contextmanager
def generated_engine(root: Path, articles: int, seed: int) -> Iterator[Engine]:
    """Index `articles` generated with `seed` under `root`, and open them."""
    (root / "corpus").mkdir()
    generate_corpus.write(articles, root / "corpus" / "news.jsonl", seed=seed)
    settings = load_settings()
    settings.corpus.sources = [root / "corpus"]
    settings.index.dir = root / "index"
    Indexer(settings).run()
    with Engine(settings) as opened:
        yield opened
