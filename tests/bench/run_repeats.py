"""How often a batch's capitalised runs repeat, alone and with the text around them: the
most a memo of the runs' classification could save (issue 25). Dev-time:
`.venv/bin/python -m tests.bench.run_repeats CORPUS.jsonl [--batch 3750] [--context 0,20,40]`.

The runs are those `Extractor._extract` classifies (`_tokens`, then `_spans`), batch by batch
as the build sends them. A run is a repeat if an earlier run of its batch has the same
surface (context 0) or the same surface with the same N characters either side. What a
run's words alone say is memoised already (`Extractor._facts`, `_name_facts`); the rest of
`_mentions`/`_mention` reads the text around the run (the words before and after it, the
sentence's start, the article's other capitals), so only repeats with their context could
skip it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsdesk.index.actors.extract import _spans, _tokens


def repeats(texts: list[str], batch: int, contexts: list[int]) -> tuple[int, dict[int, int]]:
    """(runs, {context: runs repeated within their batch with that context})."""
    runs = 0
    repeated = dict.fromkeys(contexts, 0)
    seen: dict[int, set[str]] = {c: set() for c in contexts}
    for i, text in enumerate(texts):
        if i % batch == 0:
            for kept in seen.values():
                kept.clear()
        for run in _spans(_tokens(text, 0, [], set()), text, 0):
            runs += 1
            start, end = run[0].start, run[-1].end
            for context, kept in seen.items():
                form = text[max(0, start - context):end + context]
                if form in kept:
                    repeated[context] += 1
                else:
                    kept.add(form)
    return runs, repeated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--batch", type=int, default=3750, help="articles a batch")
    parser.add_argument("--context", default="0,20,40",
                        help="characters either side, comma-separated")
    parser.add_argument("--limit", type=int, default=0, help="the first N articles only")
    args = parser.parse_args(argv)
    contexts = [int(c) for c in args.context.split(",")]
    texts: list[str] = []
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line).get("text") or "")
                if args.limit and len(texts) >= args.limit:
                    break
    runs, repeated = repeats(texts, args.batch, contexts)
    print(f"{args.corpus.name}: {len(texts)} articles, {runs} runs "
          f"({runs / max(1, len(texts)):.1f} an article), batches of {args.batch}")
    for context, n in repeated.items():
        print(f"  repeated with {context} characters either side: {n / max(1, runs):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
