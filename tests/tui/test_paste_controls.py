"""Control characters and sequences in a paste (an outside tester's U2): the box holds the
words, not the sequence's remains, and a query that cannot run never shows a list that
reads as its hits."""

from __future__ import annotations

import random

import pytest
from textual import events

from newsdesk.index import analysis
from newsdesk.index.config import Settings
from newsdesk.index.control_sequences import reduced
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.results import ResultsList
from newsdesk.tui.panes.status import StatusLine
from newsdesk.tui.paste_text import one_line
from newsdesk.tui.safe_text import UNSAFE_RUN, terminal_safe
from tests.helpers.pilot import dashboard, search, wait_for, wait_ready

# What a copied line can carry between its words: sequences (CSI, OSC with either end,
# nF, their C1 forms), C0 and C1 controls, DEL, NUL, bidi marks and overrides, zero-width
# and invisible characters, tabs, line ends.
NOISE = ["\x1b[31m", "\x1b[0m", "\x1b[1;38;5;196m", "\x1b[?25l", "\x1b]0;title\x07",
         "\x1b]8;;https://example.com/a?b=1\x1b\\", "\x1b(B", "\x9b2J", "\x9d0;t\x9c",
         "\x00", "\x07", "\x08", "\x7f", "\x85", "\x9c", "\u200e", "\u200f", "\u202e",
         "\u202c", "\u2066", "\u2069", "\u061c", "\u200b", "\u200c", "\u2060", "\u00ad",
         "\ufeff", "\t", "\n", "\r\n", "\u2028", " "]
WORDS = ["federal", "reserve", "bernanke", "Zürich", "मोदी", "東京", "rate", "OPEC", "al-Naimi",
         "3.5", "U.S."]


def _pastes(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(WORDS) + "".join(rng.choices(NOISE, k=rng.randint(0, 3)))
                    for _ in range(rng.randint(1, 6))) for _ in range(count)]


@pytest.mark.parametrize("pasted", _pastes(33, 60))
def test_a_paste_is_one_line_of_the_words_the_index_would_see(pasted: str) -> None:
    line = one_line(pasted)
    assert UNSAFE_RUN.search(line) is None and "\n" not in line
    assert terminal_safe(line) == line  # nothing left to show as a symbol
    # The words searched are those of the same text as an article (stored with each
    # sequence cut to its introducer, a word break), in order.
    assert analysis.terms(line) == analysis.terms(reduced(pasted))
    assert "31m" not in line and "[" not in line


def test_the_reported_paste() -> None:
    assert one_line('federal reserve\nbernanke "rate cut"\x1b[31m\tAND\n') == \
        'federal reserve bernanke "rate cut" AND'


async def test_a_pasted_sequence_leaves_the_query_as_typed(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        app.post_message(events.Paste("\x1b[1msoleimani\x1b[0m\u202e"))
        await wait_for(pilot, lambda: main.box.value.strip() == "soleimani")
        results = app.query_one(ResultsList)
        await wait_for(pilot, lambda: results.shown_query.strip() == "soleimani")
        assert len(results.hits) == 5


@pytest.mark.parametrize(("before", "query", "enter"), [
    ("", 'federal reserve "rate cut" AND', False),  # (the paste as reported, cleaned)
    ("", "(iran OR", False), ("", "title:(", True), ("soleimani", '"drone', True),
    ("soleimani", "AND", True), ("soleimani", "(iran OR", False)])
async def test_a_query_that_cannot_run_lists_nothing_that_reads_as_hits(
        indexed_app_settings: Settings, before: str, query: str, enter: bool) -> None:
    """Over no search yet, the list of the newest articles went dim under "unclosed '['":
    still 3,000 articles listed, read as hits (U2). A query being typed keeps the last
    query's hits, dimmed and named; one that cannot run as written (Enter) lists nothing."""
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        results, status = app.query_one(ResultsList), app.query_one(StatusLine)
        await wait_for(pilot, lambda: len(results.hits) == 5)  # the newest articles
        if before:
            await search(pilot, before)
        main = dashboard(app)
        main.box.value = query
        await wait_for(pilot, lambda: status.message_kind in ("hint", "error"))
        if enter:
            main.box.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: status.message_kind == "error")
        shown = str(status.render())
        if before and not enter:
            assert results.hits and results.has_class("-stale")
            assert f"showing {before}" in shown
        else:
            assert results.hits == [] and not results.has_class("-stale"), shown
            assert "not searched" in shown
            assert "every article" not in shown
