"""The benchmark's queries, by class, drawn from the corpus itself with a fixed seed and
written in each engine's own syntax (None where an engine has no such query)."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from newsdesk.index.analysis import STOP_WORDS

CLASSES = ("common term", "rare term", "AND", "OR", "phrase", "proximity", "prefix",
           "wildcard", "fuzzy", "actor filter", "date range")
_WORD = re.compile(r"[a-z]{4,}")


@dataclass(frozen=True, slots=True)
class BenchQuery:
    cls: str
    newsdesk: str
    whoosh: str | None
    fts5: tuple[str | None, tuple[str, str] | None] | None
    tantivy: str | None
    grep: list[list[str]] | None  # grep stages: the first reads the corpus, the rest filter


def _vocabulary(corpus: Path, sample: int) -> tuple[Counter[str], list[list[str]],
                                                     list[date]]:
    df: Counter[str] = Counter()
    texts: list[list[str]] = []
    dates: list[date] = []
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= sample:
                break
            try:
                record = json.loads(line)
            except ValueError:
                continue  # an unreadable record: every engine skips it
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                continue
            words = _WORD.findall(f"{record.get('title') or ''} {record['text']}".lower())
            df.update(set(words) - STOP_WORDS)
            texts.append(words)
            day = record_date(record)
            if day is not None:
                dates.append(day)
    return df, texts, dates


def record_date(record: dict) -> date | None:
    """A record's day, if its date is an ISO date (what every engine here reads)."""
    value = record.get("date")
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def why_missing(queries: list[BenchQuery], actors: list[str], newsdesk_runs: bool,
                sample: int = 20_000) -> dict[str, str]:
    """Each query class with no query drawn, and why: a table row of n/a alone would not
    say whether an engine failed or the corpus had nothing to ask."""
    drawn = {q.cls for q in queries}
    reasons = {}
    for cls in CLASSES:
        if cls in drawn:
            continue
        if cls == "date range":
            reasons[cls] = (f"no article of the corpus (of its first {sample:,}) has an ISO "
                            "date")
        elif cls == "actor filter":
            reasons[cls] = ("newsdesk found no actors in the corpus" if newsdesk_runs
                            else "only newsdesk finds actors, and it is not in this run")
        else:
            reasons[cls] = "the corpus has too few distinct words to draw such queries"
    return reasons


def _w(word: str) -> list[str]:
    return ["-w", "-e", word]


def build(corpus: Path, per_class: int, actors: list[str], seed: int = 7,
          sample: int = 20_000) -> list[BenchQuery]:
    rng = random.Random(seed)
    df, texts, dates = _vocabulary(corpus, sample)
    # Ties broken by the word: a Counter fed from sets keeps the order of str hashes, which
    # differs from process to process (PYTHONHASHSEED), and so did the words drawn, most of
    # all the rare ones: two runs timed two different sets of rare terms.
    ranked = [w for w, _ in sorted(df.items(), key=lambda item: (-item[1], item[0]))
              if w.isalpha()]
    common = ranked[:per_class * 2]
    middle = ranked[100:1500]
    rare = sorted(w for w, n in df.items() if 3 <= n <= 8)
    rng.shuffle(rare)
    out: list[BenchQuery] = []

    def add(cls: str, newsdesk: str, whoosh: str | None, fts5: tuple | None,
            tantivy: str | None, grep: list[list[str]] | None) -> None:
        out.append(BenchQuery(cls, newsdesk, whoosh, fts5, tantivy, grep))

    for word in rng.sample(common, per_class):
        add("common term", word, word, (word, None), word, [_w(word)])
    for word in rare[:per_class]:
        add("rare term", word, word, (word, None), word, [_w(word)])
    for _ in range(per_class):
        a, b = rng.sample(middle, 2)
        add("AND", f"{a} {b}", f"{a} AND {b}", (f"{a} AND {b}", None), f"+{a} +{b}",
            [_w(a), _w(b)])
        c, d = rng.sample(middle, 2)
        add("OR", f"{c} OR {d}", f"{c} OR {d}", (f"{c} OR {d}", None), f"{c} OR {d}",
            [["-w", "-e", c, "-e", d]])
    phrases = 0
    while phrases < per_class:
        words = rng.choice(texts)
        if len(words) < 10:
            continue
        i = rng.randrange(len(words) - 6)
        a, b = words[i], words[i + 1]
        if a in STOP_WORDS or b in STOP_WORDS:
            continue
        phrase = f'"{a} {b}"'
        add("phrase", phrase, phrase, (phrase, None), phrase, [["-F", "-e", f"{a} {b}"]])
        far = words[i + 4]
        if far not in STOP_WORDS:
            near = f'"{a} {far}"~5'
            add("proximity", near, near, (f"NEAR({a} {far}, 5)", None), near, None)
        phrases += 1
    for word in rng.sample(middle, per_class):
        prefix = word[:4]
        add("prefix", f"{prefix}*", f"{prefix}*", (f"{prefix}*", None), None,
            [["-E", "-e", rf"\b{prefix}[a-z]*"]])
        pattern = word[0] + "?" + word[2:5] + "*"
        add("wildcard", pattern, pattern, None, None,
            [["-E", "-e", rf"\b{word[0]}[a-z]{word[2:5]}[a-z]*"]])
    for word in rng.sample(common[:per_class * 2], per_class):
        typo = word[:2] + word[3] + word[2] + word[4:] if len(word) > 4 else word + "x"
        add("fuzzy", f"{typo}~1", f"{typo}~1", None, None, None)
    for name in actors[:per_class]:
        add("actor filter", f'actor:"{name}"', None, None, None, None)
    if dates:
        dates.sort()
        for _ in range(per_class):
            start = rng.choice(dates[: max(1, len(dates) * 3 // 4)])
            end = date.fromordinal(start.toordinal() + rng.randint(7, 90))
            word = rng.choice(middle)
            s, e = start.isoformat(), end.isoformat()
            add("date range", f"{word} date:[{s} TO {e}]",
                f"{word} date:[{s.replace('-', '')} to {e.replace('-', '')}]",
                (word, (s, e)), f"{word} AND date:[{s}T00:00:00Z TO {e}T23:59:59Z]",
                [_w(word), ["-E", "-e", f'"date": "({_months(start, end)})']])
    return out


def _months(start: date, end: date) -> str:
    """A regular expression for the days from start to end (grep has no date type)."""
    days = [date.fromordinal(n) for n in range(start.toordinal(), end.toordinal() + 1)]
    return "|".join(d.isoformat() for d in days)


def save(queries: list[BenchQuery], path: Path) -> None:
    path.write_text(json.dumps([asdict(q) for q in queries]))


def load(path: Path) -> list[BenchQuery]:
    return [BenchQuery(**{**q, "fts5": tuple(q["fts5"]) if q["fts5"] else None})
            for q in json.loads(path.read_text())]
