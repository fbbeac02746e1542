"""A corpus with near-duplicates for the tests of folding: the five seed articles and
copies of three of them (000 syndicated word for word, 002 trimmed and re-paragraphed,
003 spun once more and cut: the stand-in for the wire report it spins), as .txt files."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from tests.eval.dups import generate
from tests.helpers.paths import SEEDS

# The copies, by file stem, and the seed (by its number) each copies.
COPIES = {"000-syndicated": "000", "002-trimmed": "002", "003-report": "003"}


def seed_path(number: str) -> Path:
    return next(p for p in sorted(SEEDS.glob("*.txt")) if p.name.startswith(number))


def seed_id(number: str) -> str:
    return seed_path(number).stem


def write_copies_corpus(folder: Path, seed: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    rng = random.Random(seed)
    text = {n: seed_path(n).read_text(encoding="utf-8") for n in ("000", "002", "003")}
    words = sorted({w.lower() for w in generate._WORD.findall(text["003"]) if len(w) > 3})
    (folder / "000-syndicated.txt").write_text(text["000"], encoding="utf-8")
    (folder / "002-trimmed.txt").write_text(
        generate.reparagraphed(generate.trimmed(text["002"], rng), rng), encoding="utf-8")
    (folder / "003-report.txt").write_text(
        generate.spun(generate.trimmed(text["003"], rng), rng, 1 / 6, words),
        encoding="utf-8")
    return folder
