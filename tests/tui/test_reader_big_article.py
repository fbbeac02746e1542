"""The reader on a big article (a few hundred KB here: tests/tui/test_reader_memory.py has
the 20 MB ones, behind -m slow): the text held once, the matches and the actor mentions as
arrays (Mentions, the reader's Marks) found for each painted line by bisection. At the
start, the middle and the end: "match i of N" right, the current match painted where the
text has it, every match on screen highlighted and every mention underlined, nothing else."""

from __future__ import annotations

import random
import re

from textual.app import App, ComposeResult

from newsdesk.index.models import Article, Document, Mentions
from newsdesk.tui.panes.reader import ArticleView
from newsdesk.tui.render import ACTOR, CURRENT, MATCH

WORDS = ["the", "oil", "price", "rose", "in", "Tehran", "while", "markets", "fell",
         "sharply", "and", "traders", "said", "oilfield", "Tehrani"]


def _text(paragraphs: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 120)))
                       for _ in range(paragraphs))


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield ArticleView()


def _screen(reader: ArticleView) -> list[list[tuple[str, str]]]:
    """Each visible row as (text, what) segments: "current", "match", "actor" or ""."""
    rows = []
    for y in range(reader.scrollable_content_region.height):
        row = []
        for segment in reader.render_line(y):
            style = segment.style
            what = ""
            if style is not None and style.bgcolor == CURRENT.bgcolor:
                what = "current"
            elif style is not None and style.bgcolor == MATCH.bgcolor:
                what = "match"
            elif style is not None and style.underline and style.color == ACTOR.color:
                what = "actor"
            row.append((segment.text, what))
        rows.append(row)
    return rows


def _check_screen(reader: ArticleView, text: str, current: tuple[int, int]) -> None:
    rows = _screen(reader)
    currents = []
    for row in rows:
        plain = "".join(part for part, _ in row)
        x = 0
        for part, what in row:
            if what in ("current", "match"):
                assert part == "oil", row
            elif what == "actor":
                assert part == "Tehran", row
            else:  # the rest holds no whole word "oil" nor "Tehran"
                assert not re.search(r"\b(oil|Tehran)\b", part), row
            if what == "current":
                currents.append((plain.rstrip(), x))
            x += len(part)
    assert len(currents) == 1, currents
    # The row with the current match shows the text around the match's own offset.
    row, x = currents[0]
    start = current[0] - x
    assert row == text[start:start + len(row)]


async def test_the_reader_on_a_big_article_counts_and_marks_start_middle_and_end() -> None:
    text = _text(1_500)  # about 630 KB
    spans = [m.span() for m in re.finditer(r"\boil\b", text)]
    found = [m.span() for m in re.finditer(r"\bTehran\b", text)]
    mentions = Mentions([s for s, _ in found], [e for _, e in found], [0] * len(found),
                        [(1, "Tehran")])
    count = len(spans)
    assert 3_000 < count < 10_000
    document = Document(Article("big", "p", "A big article", text), spans, [], mentions)
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.query_one(ArticleView)
        reader.show(document)
        reader.focus()
        await pilot.pause()
        assert reader.match_count == count
        assert str(reader.border_subtitle) == f"match 1 of {count:,}"
        _check_screen(reader, text, spans[0])
        middle = count // 2
        reader.go_to_match(middle)
        await pilot.press("n")
        await pilot.pause()
        assert str(reader.border_subtitle) == f"match {middle + 2:,} of {count:,}"
        assert reader.visible_match_on_screen()
        _check_screen(reader, text, spans[middle + 1])
        reader.go_to_match(0)
        await pilot.press("N")  # round to the last
        await pilot.pause()
        assert str(reader.border_subtitle) == f"match {count:,} of {count:,}"
        assert reader.visible_match_on_screen()
        _check_screen(reader, text, spans[-1])
        await pilot.press("n")  # and round to the first
        await pilot.pause()
        assert reader.current == 0 and reader.visible_match_on_screen()
        _check_screen(reader, text, spans[0])
