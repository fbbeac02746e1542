"""A seeded test set of near-duplicate articles made from a real corpus: some articles are
given copies, each copy made by one or more of the ways copies arise in news archives:

- syndicated: the same text under another source and id, the title lightly changed;
- trimmed: only the first paragraphs (a copy cut to fit), 40 to 90% of the text;
- re-paragraphed: paragraphs joined and split at other sentences;
- spun: a share of its words replaced by synonyms (tests/eval/dups/synonyms.py), as
  article spinners do (seeds/003 is one).

Every article of the corpus is kept, so the set also holds everything the grouping must
leave apart. `python -m tests.eval.dups.generate CORPUS OUT.jsonl [--stories N]` writes it
as JSON Lines, with each copy's `copy_of` (its original's id) and `how`."""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.eval.dups import synonyms

WAYS = ("syndicated", "trimmed", "reparagraphed", "spun")
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


@dataclass(slots=True)
class Copy:
    record: dict
    copy_of: str
    how: list[str] = field(default_factory=list)


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def trimmed(text: str, rng: random.Random) -> str:
    """The first paragraphs, 40 to 90% of the text (never less than one paragraph)."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    goal = len(text) * rng.uniform(0.4, 0.9)
    kept, size = [], 0
    for paragraph in paragraphs:
        if kept and size + len(paragraph) > goal:
            break
        kept.append(paragraph)
        size += len(paragraph)
    return "\n\n".join(kept)


def reparagraphed(text: str, rng: random.Random) -> str:
    """The same sentences, broken into paragraphs at other places."""
    sentences = _SENTENCE_END.split(" ".join(p.strip() for p in text.split("\n\n")))
    paragraphs, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if rng.random() < 0.35:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def spun(text: str, rng: random.Random, share: float, fallback: list[str]) -> str:
    """`share` of the words that have a synonym replaced by one, its case kept; without
    WordNet, by a word of `fallback` (the corpus's words) drawn at random."""
    table = synonyms.table()

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        options = table.get(lower) if table else (fallback if len(lower) > 3 else None)
        if not options or rng.random() >= share:
            return word
        new = rng.choice(options)
        if new == lower:
            return word
        if word.isupper() and len(word) > 1:
            return new.upper()
        return new.capitalize() if word[0].isupper() else new

    return _WORD.sub(swap, text)


def make_copy(original: dict, number: int, rng: random.Random, fallback: list[str]) -> Copy:
    ways = [w for w in WAYS if rng.random() < 0.5] or [rng.choice(WAYS)]
    text, title = original["text"], original["title"]
    if "trimmed" in ways:
        text = trimmed(text, rng)
    if "reparagraphed" in ways:
        text = reparagraphed(text, rng)
    if "spun" in ways:
        share = rng.uniform(0.1, 0.3)
        text = spun(text, rng, share, fallback)
        title = spun(title, rng, share, fallback)
    if "syndicated" in ways:
        title = title if rng.random() < 0.5 else f"{title} ({rng.choice(['update', 'wire'])})"
    record = {**original, "id": f"{original['id']}~copy{number}", "title": title,
              "text": text, "source": f"{original.get('source') or 'wire'} (copy)"}
    return Copy(record, original["id"], ways)


def build(records: list[dict], stories: int, seed: int) -> tuple[list[dict], list[Copy]]:
    """The corpus and its copies: `stories` of its articles (drawn with `seed`) get one to
    three copies each."""
    rng = random.Random(seed)
    fallback = sorted({w.lower() for r in records[:500] for w in _WORD.findall(r["text"])
                       if len(w) > 3})
    chosen = rng.sample(records, min(stories, len(records)))
    copies = []
    for original in chosen:
        for number in range(1, rng.randint(1, 3) + 1):
            copies.append(make_copy(original, number, rng, fallback))
    return records, copies


def as_lines(records: list[dict], copies: list[Copy]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False)
    for c in copies:
        yield json.dumps({**c.record, "copy_of": c.copy_of, "how": c.how}, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=300)
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    records, copies = build(read(args.corpus), args.stories, args.seed)
    args.out.write_text("\n".join(as_lines(records, copies)) + "\n", encoding="utf-8")
    print(f"{len(records)} articles, {len(copies)} copies of {args.stories} of them "
          f"({'WordNet' if synonyms.available() else 'random corpus words'} for synonyms)")


if __name__ == "__main__":
    main()
