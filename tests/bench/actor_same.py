"""Whether actor extraction and clustering give the same output as another revision, byte
for byte: every article's store rows (key, surface, spans, cues) and acronyms, and the
actor list. Dev-time, for rewrites meant to change speed only:

    .venv/bin/python -m tests.bench.actor_same --ref main CORPUS.jsonl ...

runs the working tree and `git archive REF index` (in a subprocess of its own) over the
seeds and the corpora, and names the first articles that differ. Both run with one hash
seed: the clustering rules iterate sets of names, and on Reuters their actor list is not
the same from one seed to another. Without --ref, prints the
working tree's digests."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def articles(paths: list[Path], limit: int | None = None) -> list[tuple[str, str, str]]:
    """(id, title, text) of the seeds' articles and the corpora's (first `limit` of each)."""
    out: list[tuple[str, str, str]] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.append((path.stem, "", path.read_text(encoding="utf-8")))
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if limit is not None and n >= limit:
                    break
                if line.strip():
                    a = json.loads(line)
                    out.append((f"{path.name}:{a['id']}", a.get("title") or "",
                                a.get("text") or ""))
    return out


def digests(items: list[tuple[str, str, str]]) -> dict[str, str]:
    """One digest per article (its rows and acronyms) and one per corpus for its actors."""
    from newsdesk.index.actors.cluster import KeyStats, cluster
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.table import make_extractor, mention_rows
    from tests.bench.corpus_totals import CorpusTotals

    dictionaries = load_dictionaries([])
    extractor = make_extractor(dictionaries)
    out: dict[str, str] = {}
    corpora: dict[str, CorpusTotals] = {}
    for article, title, text in items:
        found = extractor.extract(title, text)
        rows = mention_rows(article, found)
        out[article] = hashlib.sha1(repr((rows, found.acronyms)).encode(
            "utf-8", "surrogatepass")).hexdigest()
        corpora.setdefault(article.partition(":")[0] if ":" in article else "seeds",
                           CorpusTotals()).add(article, rows, found.acronyms, KeyStats)
    for name, totals in corpora.items():
        totals.finish()
        clusters = cluster(totals.stats, totals.acronyms, dictionaries, totals.together)
        listed = sorted(repr((c.name, c.type, c.code, c.hidden, c.keys)) for c in clusters)
        out[f"actors of {name}"] = hashlib.sha1("\n".join(listed).encode(
            "utf-8", "surrogatepass")).hexdigest()
    return out


def unpack_revision(ref: str, folder: Path) -> None:
    """Revision `ref`'s index/ as the package `newsdesk.index` in `folder`: with `folder`
    first on PYTHONPATH, the newsdesk a process imports is that revision's."""
    package = folder / "newsdesk"
    package.mkdir()
    (package / "__init__.py").write_text("")
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "index"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(package)], input=archive, check=True)


def reference(ref: str, paths: list[Path], limit: int | None) -> dict[str, str]:
    """The digests of revision `ref`'s index/ (the rules and code of that revision)."""
    with tempfile.TemporaryDirectory() as tmp:
        unpack_revision(ref, Path(tmp))
        # That revision's newsdesk first; tests/ (corpus_totals) from this checkout.
        env = {**os.environ, "PYTHONPATH": os.pathsep.join((tmp, str(ROOT)))}
        args = [sys.executable, "-P", __file__, "--json",
                *(["--limit", str(limit)] if limit is not None else []), *map(str, paths)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, cwd=tmp)
        if done.returncode:
            sys.exit(f"{ref} failed:\n{done.stderr}")
        return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path, nargs="*")
    parser.add_argument("--ref", help="a git revision to compare with (e.g. main)")
    parser.add_argument("--limit", type=int, help="the first N articles of each corpus")
    parser.add_argument("--json", action="store_true", help="print the digests as JSON")
    args = parser.parse_args()
    if "PYTHONHASHSEED" not in os.environ:  # the rules iterate sets of names: one seed
        os.execve(sys.executable, [sys.executable, "-m", "tests.bench.actor_same",
                                   *sys.argv[1:]], {**os.environ, "PYTHONHASHSEED": "0"})
    here = digests(articles(args.corpus, args.limit))
    if args.json:
        print(json.dumps(here))
        return
    if not args.ref:
        for name, digest in here.items():
            if name.startswith("actors of"):
                print(name, digest)
        print(len(here), "digests")
        return
    there = reference(args.ref, args.corpus, args.limit)
    differ = [name for name in here if here[name] != there.get(name)]
    differ += [name for name in there if name not in here]
    print(f"{len(here)} digests against {args.ref}: {len(differ)} differ")
    for name in differ[:20]:
        print("  differs:", name)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
