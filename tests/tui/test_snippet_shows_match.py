"""A snippet holds a match where the article has one, and so do the list's rows of it: for a
40,000-word single-line article whose only match is its last word, the list's two snippet
lines showed only the words before it (the CLI, printing the whole snippet, ended in it)."""

from __future__ import annotations

import pytest

from newsdesk.index.models import Hit
from newsdesk.index.query.highlight import snippet
from newsdesk.tui.panes.results import SNIPPET_LINES, hit_rows


@pytest.mark.parametrize("where", ["last", "near the end", "first", "middle"])
@pytest.mark.parametrize("width", [40, 60, 120])
def test_the_list_rows_show_the_match(where: str, width: int) -> None:
    words = ["word"] * 40_000
    at = {"last": len(words) - 1, "near the end": len(words) - 12, "first": 0,
          "middle": 20_000}[where]
    words[at] = "oilfield"
    text = " ".join(words)
    start = text.index("oilfield") if where != "last" else text.rindex("oilfield")
    shown = snippet(text, [(start, start + len("oilfield"))], 180)
    assert "oilfield" in shown.text and shown.spans
    hit = Hit(id="a", title="T", date=None, source=None, url=None, path="p", score=1.0,
              snippet=shown)
    rows = hit_rows(hit, width)[2:2 + SNIPPET_LINES]
    assert any("oilfield" in row.plain for row in rows), [row.plain for row in rows]
