"""Help: every key of the dashboard and of each pane, with what it does (from the table of
actions, tui/actions.py), and the query language."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from newsdesk.tui.actions import help_sections, keys_label

QUERY_HELP = [
    ("iran militia", "both words (the default operator is AND; see config.yaml)"),
    ("iran OR iraq, NOT trump, -trump", "either word; leave a word out"),
    ('"drone strike"', "the exact phrase, words as written (unquoted: by stem)"),
    ('"soleimani revenge"~5', "the words within 5 words of each other"),
    ("milit*, hezb?llah", "wildcards (at least one letter first)"),
    ("Soleimany~, kassem~1", "fuzzy: spelling variants within 1-2 edits"),
    ("title:iran, source:\"Arab News\"", "one field: title, text, source, id, url"),
    ("date:2020-01, date:[2020-01-01 TO 2020-03-31]", "a day, month, year or range; * is open"),
    ("dup:ID", "the article and its near-duplicates; the list folds them as +N copies (d)"),
    ("tag:lead, is:starred", "your tags and stars (t and * on a hit); is:tagged, is:noted"),
    ("(a OR b) AND c", "group with parentheses"),
]


def _table(title: str, key_style: str) -> Table:
    # One fixed width for the keys of every section, so the columns line up down the page.
    table = Table(title=title, title_justify="left", box=None, show_header=False,
                  padding=(0, 1), expand=True, title_style="bold")
    table.add_column("keys", style=key_style, no_wrap=True, width=KEYS_WIDTH)
    table.add_column("does", ratio=1)
    return table


KEYS_WIDTH = 16  # the widest entry: "Space, PgDn"; query examples wrap within theirs


class HelpScreen(ModalScreen[None]):
    # Scrolled as a pager is: Space a page (PageDown and Down worked, Space and j did not).
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
                Binding("space", "scroll('page_down')", "Page down", show=False),
                Binding("shift+space,b", "scroll('page_up')", "Page up", show=False),
                Binding("j", "scroll('down')", "Down", show=False),
                Binding("k", "scroll('up')", "Up", show=False),
                Binding("g", "scroll('home')", "Top", show=False),
                Binding("G", "scroll('end')", "Bottom", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.sections = help_sections()
        self.tables: list[Table] = []

    def action_scroll(self, how: str) -> None:
        # At once, from where the last key left it: Textual's scroll_up and kin scroll after
        # the next frame, from the target then, so two keys before a frame went from the
        # same place and k k scrolled one line (tests/tui/test_small_doors.py).
        body = self.query_one("#help-body", VerticalScroll)
        page, at = body.scrollable_content_region.height, body.scroll_target_y
        to = {"page_down": at + page, "page_up": at - page, "down": at + 1, "up": at - 1,
              "home": 0, "end": body.max_scroll_y}[how]
        body.scroll_to(y=min(max(0, to), body.max_scroll_y), animate=False, immediate=True)

    def plain_text(self, width: int = 100) -> str:
        console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
        for table in self.tables:
            console.print(table)
        return console.export_text()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "newsdesk help · Escape closes"
            for title, bindings in self.sections:
                table = _table(title, "bold cyan")
                for binding in bindings:
                    table.add_row(Text(keys_label(binding.key)),
                                  Text(binding.description or binding.action))
                self.tables.append(table)
                yield Static(table, classes="help-section")
            query = Table(title="Query language", title_justify="left", box=None,
                          show_header=False, padding=(0, 1), expand=True, title_style="bold")
            query.add_column("type", style="bold green", ratio=1)
            query.add_column("finds", ratio=1)
            for example, meaning in QUERY_HELP:
                query.add_row(Text(example), Text(meaning))
            self.tables.append(query)
            yield Static(query, classes="help-section")
