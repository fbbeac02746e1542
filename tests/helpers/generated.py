"""Generated articles: a small vocabulary and JSON Lines corpora of any size."""

from __future__ import annotations

import json
import random
from pathlib import Path

WORDS = [
    "oil", "price", "market", "bank", "minister", "election", "trade", "coffee", "cocoa",
    "dollar", "profit", "strike", "labour", "china", "japan", "germany", "brazil", "wheat",
    "gold", "tax", "budget", "police", "court",
]


def make_corpus(folder: Path, articles: int, seed: int = 5,
                words: list[str] | None = None) -> None:
    """`articles` of 80 to 300 `words` (WORDS by default) drawn at random, 500 a file.
    (Of 23 words, any two articles share many word pairs: near-duplicate linking meets
    every article under band keys of hundreds, 3,500 candidate pairs each at 30,000.)"""
    rng = random.Random(seed)
    words = words or WORDS
    folder.mkdir(parents=True)
    per_file = 500
    for start in range(0, articles, per_file):
        with (folder / f"part{start // per_file:03}.jsonl").open("w") as handle:
            for n in range(start, min(articles, start + per_file)):
                text = " ".join(rng.choice(words) for _ in range(rng.randint(80, 300)))
                handle.write(json.dumps({"id": f"k{n}", "title": f"Article {n}",
                                         "text": f"commonword {text}"}) + "\n")
