"""Near-duplicates grouped at ingest (index/dups), through the real indexer: copies of the
seed articles group with them and nothing else does; adding, editing and removing articles
updates the groups incrementally; a run with nothing new signs nothing; dup:ID and the
hits' groups in the engine.

The wire report seeds/003 spins is not in the repository: its stand-in is 003 spun once more
(a sixth of its words replaced, tests/eval/dups/generate.py) and cut to its first part, a
copy at least as far from 003 as 003 is from its report.

Behind the slow marker (several indexer runs each): the suite's smoke versions are
test_update.py (the same updates on a store alone) and tests/tui/cli/test_search_fold.py
(an ingest, then dup: and --fold)."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsdesk.index.config import Settings, load_settings
from newsdesk.index.dups import groups
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from newsdesk.index.paths import index_paths
from tests.eval.dups import generate
from tests.helpers.paths import SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _seed(number: str) -> Path:
    return next(p for p in SEED_FILES if p.name.startswith(number))


def _words(text: str) -> list[str]:
    return sorted({w.lower() for w in generate._WORD.findall(text) if len(w) > 3})


def _settings(tmp_path: Path) -> Settings:
    settings = load_settings()
    settings.corpus.sources = [tmp_path / "corpus"]
    settings.index.dir = tmp_path / "index"
    return settings


def _groups(settings: Settings) -> dict[str, set[str]]:
    """group -> its article ids (the file names' stems), as the store keeps them."""
    db = sqlite3.connect(index_paths(settings).store)
    try:
        found: dict[str, set[str]] = {}
        for article, group in db.execute("SELECT article, grp FROM dup_groups"):
            found.setdefault(group, set()).add(Path(article).stem[:3] if "_" in article
                                               else article)
        return found
    finally:
        db.close()


def _stems(settings: Settings) -> list[set[str]]:
    return sorted((ids for ids in _groups(settings).values()), key=sorted)


def _report_of_003(rng: random.Random) -> str:
    text = _seed("003").read_text(encoding="utf-8")
    fallback = _words(text)
    return generate.spun(generate.trimmed(text, rng), rng, 1 / 6, fallback)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SEED_FILES:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.slow
def test_copies_group_with_their_originals_and_updates_are_incremental(
        corpus: Path, tmp_path: Path) -> None:
    # Five reports of one event (Soleimani's killing), none a copy of another.
    settings = _settings(tmp_path)
    Indexer(settings).run()
    assert _groups(settings) == {}
    rng = random.Random(3)
    (corpus / "003-report.txt").write_text(_report_of_003(rng), encoding="utf-8")
    text_000 = _seed("000").read_text(encoding="utf-8")
    (corpus / "000-syndicated.txt").write_text(text_000, encoding="utf-8")
    text_002 = _seed("002").read_text(encoding="utf-8")
    (corpus / "002-trimmed.txt").write_text(
        generate.reparagraphed(generate.trimmed(text_002, rng), rng), encoding="utf-8")
    signed: list[groups.DupReport] = []
    update = groups.update

    def counted(*args: object, **kwargs: object) -> groups.DupReport:
        signed.append(update(*args, **kwargs))  # type: ignore[arg-type]
        return signed[-1]

    groups.update = counted  # type: ignore[assignment]
    try:
        Indexer(settings).run()
        assert _stems(settings) == [{"000", "000-syndicated"}, {"002", "002-trimmed"},
                                    {"003", "003-report"}]
        assert signed[-1].signed == 3  # the seeds were signed by the first run

        # Nothing changed: the next run signs nothing (it does not even look).
        Indexer(settings).run()
        assert len(signed) == 1

        # A copy added: only it is signed, and it joins its original's group.
        (corpus / "004-copy.txt").write_text(_seed("004").read_text(encoding="utf-8"),
                                             encoding="utf-8")
        Indexer(settings).run()
        assert signed[-1].signed == 1
        assert {"004", "004-copy"} in _stems(settings)

        # Edited into another story: it leaves the group.
        (corpus / "004-copy.txt").write_text(_seed("001").read_text(encoding="utf-8")[:900],
                                             encoding="utf-8")
        Indexer(settings).run()
        assert signed[-1].signed == 1 and signed[-1].dropped == 1
        stems = _stems(settings)
        assert not any("004" in group for group in stems)
        assert {"001", "004-copy"} in stems

        # Removed: its group goes with it; the others stay as they were.
        (corpus / "004-copy.txt").unlink()
        (corpus / "000-syndicated.txt").unlink()
        Indexer(settings).run()
        assert signed[-1].signed == 0 and signed[-1].dropped == 2
        assert _stems(settings) == [{"002", "002-trimmed"}, {"003", "003-report"}]
    finally:
        groups.update = update  # type: ignore[assignment]


@pytest.mark.slow
def test_engine_dup_queries_and_hit_groups(corpus: Path, tmp_path: Path) -> None:
    rng = random.Random(5)
    (corpus / "003-report.txt").write_text(_report_of_003(rng), encoding="utf-8")
    settings = _settings(tmp_path)
    Indexer(settings).run()
    with Engine(settings) as engine:
        members = engine.dup_members("003-report")
        assert len(members) == 2 and "003-report" in members
        original = next(m for m in members if m != "003-report")
        found = engine.search(f"dup:{original}")
        assert sorted(h.id for h in found.hits) == sorted(members)
        assert len({h.group for h in found.hits}) == 1 and found.hits[0].group in members
        # An article without copies is its own group of one; an unknown id finds nothing.
        alone = next(p.stem for p in SEED_FILES if p.name.startswith("001"))
        single = engine.search(f"dup:{alone}")
        assert [h.id for h in single.hits] == [alone] and single.hits[0].group is None
        assert engine.search("dup:no-such-article").total == 0
        # Combined with words, like any field.
        assert engine.search(f"dup:{original} AND ravanchi").total == 2
