"""Candidates for the gold lists, counted without newsdesk: the most frequent runs of
capitalised words ("Bank of England", "Tony Blair") and acronyms ("IMF", "U.S.") in a
corpus, with the number of articles each is in and a line of context, so that each can be
judged from the text.

    python -m tests.eval.actors.candidates CORPUS [-n 200] [--contexts 2]
    python -m tests.eval.actors.candidates CORPUS --grep "Blair"   # every context of a form
"""

from __future__ import annotations

import argparse
import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from tests.eval.actors.corpus_text import Text, read_corpus

# A capitalised word (with inner apostrophes and hyphens, "Kata'ib", "Al-Muhandis", or a
# lower-case article before a hyphen, "al-Muhandis"; "U.S." as initials), or an
# all-capitals one; lower-case connectors may join two of them.
_WORD = (r"(?:(?:[A-Z]\.){1,4}(?![a-z])|(?:(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn)-)?"
         r"[A-Z][\w'’&-]*\w|[A-Z])")
_JOIN = r"(?:of|the|de|du|da|del|van|von|der|al|el|bin|ibn|and|for|on|la|le)"
RUN = re.compile(rf"{_WORD}(?:(?:\s+{_JOIN})*\s+{_WORD})*")
SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")
# A line in capitals (Reuters titles repeated in the text, bylines) is not counted.
SHOUTED = re.compile(r"^[^a-z]*$")
# Cut from a run before counting: a possessive, a leading article or honorific; and runs
# that are English contractions ("It's") or calendar words are never names.
_POSSESSIVE = re.compile(r"['’]s?$")
_LEADING = re.compile(r"^(?:The|A|An|Mr|Mrs|Ms|Dr|Sir)\s+(?=[A-Z])")
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t|s)$", re.IGNORECASE)
_PRONOUNS = frozenset((
    "I", "It", "That", "There", "What", "He", "She", "We", "You", "They", "Here", "Who", "Let",
    "Don", "Can", "Isn", "Didn", "Doesn", "Wasn", "Aren", "Won", "Couldn", "Wouldn", "Shouldn"))
CALENDAR = frozenset(name for name in (*calendar.month_name, *calendar.day_name) if name)


def runs(text: str) -> Iterator[tuple[str, int, bool]]:
    """(run, start, at a sentence start) for every capitalised run of a text."""
    for line_start, line in _lines(text):
        if SHOUTED.match(line) and len(line.split()) > 2:
            continue
        for m in RUN.finditer(line):
            before = line[max(0, m.start() - 3): m.start()]
            initial = m.start() == 0 or bool(SENTENCE_END.search(before))
            run = m.group(0).rstrip(".")
            if " " not in run and _CONTRACTION.search(run) and run.split("'")[0] in _PRONOUNS:
                continue
            cut = _LEADING.sub("", _POSSESSIVE.sub("", run))
            if cut in CALENDAR or not cut:
                continue
            yield cut, line_start + m.start() + (len(run) - len(_LEADING.sub("", run))), initial


def _lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


class Counts:
    def __init__(self) -> None:
        self.mentions: Counter[str] = Counter()
        self.articles: Counter[str] = Counter()
        self.initial: Counter[str] = Counter()
        self.examples: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.lower: Counter[str] = Counter()

    def add(self, article: Text, contexts: int) -> None:
        seen: set[str] = set()
        for text in (article.title, article.body):
            for word in re.findall(r"\b[a-z]+\b", text):
                self.lower[word] += 1
            for run, start, initial in runs(text):
                self.mentions[run] += 1
                self.initial[run] += initial
                if run not in seen:
                    seen.add(run)
                    self.articles[run] += 1
                    if len(self.examples[run]) < contexts:
                        self.examples[run].append((article.id, snippet(text, start,
                                                                       start + len(run))))

    def common_word(self, run: str) -> bool:
        """A single word seen mostly at sentence starts and often in lower case ("The",
        "But", "However"): not a name."""
        if " " in run or run.isupper():
            return False
        return self.initial[run] * 2 > self.mentions[run] and \
            self.lower[run.lower()] >= self.mentions[run]


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width): start].split("\n")[-1]
    right = text[end: end + width].split("\n")[0]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def count(path: Path, contexts: int) -> Counts:
    counts = Counts()
    for article in read_corpus(path):
        counts.add(article, contexts)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--contexts", type=int, default=2)
    parser.add_argument("--grep", help="print every context of this exact form instead")
    parser.add_argument("--max", type=int, default=40, help="contexts shown by --grep")
    args = parser.parse_args(argv)
    if args.grep:
        return _grep(args.corpus, args.grep, args.max)
    counts = count(args.corpus, args.contexts)
    ranked = [r for r, _ in counts.articles.most_common() if not counts.common_word(r)]
    for rank, run in enumerate(ranked[: args.n], 1):
        print(f"{rank:4} {counts.articles[run]:6} {counts.mentions[run]:6}  {ascii(run)[1:-1]}")
        for article_id, line in counts.examples[run]:
            print(f"{'':19}{article_id}: {ascii(line)[1:-1]}")
    return 0


def _grep(path: Path, form: str, most: int) -> int:
    pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
    shown = articles = 0
    for article in read_corpus(path):
        found = False
        for text in (article.title, article.body):
            for m in pattern.finditer(text):
                found = True
                if shown < most:
                    shown += 1
                    print(f"{article.id}: {ascii(snippet(text, m.start(), m.end()))[1:-1]}")
        articles += found
    print(f"-- {form!r} in {articles} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
