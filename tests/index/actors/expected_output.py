"""What actor extraction and clustering found before a rewrite meant to change speed only,
kept in tests/index/actors/expected/ and compared by test_same_output.py: every seed's store
rows and acronym definitions in full, and the seeds' actor list; digests of the first
`SAMPLE` articles of BBC and Reuters one by one, and of each whole corpus (rows and actors).

A change of the rules changes these on purpose: regenerate, and read the diff of the seeds'
rows to see that it is what the change meant to do:

    .venv/bin/python -m tests.index.actors.expected_output

(It runs under one hash seed, as actor_same does.)"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.paths import CORPORA, SEEDS

EXPECTED = Path(__file__).resolve().parent / "expected" / "mentions.json"
CORPUS_FILES = ("bbc-news-2225.jsonl", "reuters-21578.jsonl")
SAMPLE = 150  # articles of each corpus compared one by one in the default suite


def _digest(value: object) -> str:
    return hashlib.sha1(repr(value).encode("utf-8", "surrogatepass")).hexdigest()


def _corpus(path: Path, limit: int | None = None) -> Iterator[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if limit is not None and n >= limit:
                break
            if line.strip():
                a = json.loads(line)
                yield str(a["id"]), a.get("title") or "", a.get("text") or ""


def _actors(totals, dictionaries) -> list[list]:  # noqa: ANN001 (the code under test's types)
    from newsdesk.index.actors.cluster import cluster

    totals.finish()
    clusters = cluster(totals.stats, totals.acronyms, dictionaries, totals.together)
    return sorted([c.name, c.type, c.code, c.hidden, sorted(c.keys)] for c in clusters)


def seeds_output() -> dict[str, object]:
    """Each seed's rows and acronyms, and the seeds' actors, with the dictionaries the seeds
    are indexed with (the shipped ones and seeds/actors.yaml)."""
    from newsdesk.index.actors.cluster import KeyStats
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.table import make_extractor, mention_rows
    from tests.bench.corpus_totals import CorpusTotals

    dictionaries = load_dictionaries([SEEDS / "actors.yaml"])
    extractor = make_extractor(dictionaries)
    articles: dict[str, object] = {}
    totals = CorpusTotals()
    for path in sorted(SEEDS.glob("*.txt")):
        found = extractor.extract("", path.read_text(encoding="utf-8"))
        rows = mention_rows(path.stem, found)
        totals.add(path.stem, rows, found.acronyms, KeyStats)
        articles[path.stem] = {"rows": [list(r[1:]) for r in rows],
                               "acronyms": [list(a) for a in found.acronyms]}
    return {"articles": articles, "actors": _actors(totals, dictionaries)}


def corpus_digests(path: Path, limit: int | None) -> dict[str, str]:
    """One digest per article (rows and acronyms) of the first `limit` articles; with no
    limit, also one of all of them and one of the corpus's actor list."""
    from newsdesk.index.actors.cluster import KeyStats
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.table import make_extractor, mention_rows
    from tests.bench.corpus_totals import CorpusTotals

    dictionaries = load_dictionaries([])
    extractor = make_extractor(dictionaries)
    out: dict[str, str] = {}
    whole = hashlib.sha1()
    totals = CorpusTotals()
    for n, (article, title, text) in enumerate(_corpus(path, limit)):
        found = extractor.extract(title, text)
        rows = mention_rows(article, found)
        digest = _digest((rows, found.acronyms))
        if n < SAMPLE:
            out[article] = digest
        if limit is None:
            whole.update(digest.encode())
            totals.add(article, rows, found.acronyms, KeyStats)
    if limit is None:
        out["all articles"] = whole.hexdigest()
        out["actors"] = _digest(_actors(totals, dictionaries))
    return out


def _dump(value: object, depth: int = 0) -> str:
    """JSON with one row, actor or digest a line, so that a diff reads as a list of names."""
    if isinstance(value, dict) and depth < 4:
        pad = " " * (depth + 1)
        items = [f"{pad}{json.dumps(k)}: {_dump(v, depth + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}" + ("\n" if not depth else "")
    if isinstance(value, list) and value and isinstance(value[0], list):
        pad = " " * (depth + 1)
        rows = [pad + json.dumps(v, ensure_ascii=False) for v in value]
        return "[\n" + ",\n".join(rows) + "\n" + " " * depth + "]"
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":  # as actor_same: one hash seed
        os.execve(sys.executable, [sys.executable, "-m", "tests.index.actors.expected_output",
                                   *sys.argv[1:]], {**os.environ, "PYTHONHASHSEED": "0"})
    expected: dict[str, object] = {"seeds": seeds_output(), "corpora": {}}
    for name in CORPUS_FILES:
        if not (CORPORA / name).exists():
            sys.exit(f"{CORPORA / name} is missing: the expected file needs both corpora")
        expected["corpora"][name] = corpus_digests(CORPORA / name, None)  # type: ignore[index]
    EXPECTED.write_text(_dump(expected), encoding="utf-8")
    print(f"wrote {EXPECTED}")


if __name__ == "__main__":
    main()
