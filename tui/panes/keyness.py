"""What sets the results apart: their keywords and two-word phrases (log-likelihood against
the rest of the corpus, as AntConc's keyword list), and the collocates of a query word
within five words. Enter narrows the search to the highlighted line (a filter, shown in
the status line; x removes it); `w` takes the collocates of the query's next word.

Computed in the pane's own worker from a bounded sample of the hits
(index/views/keyness.py); a result of a search the user has moved on from is dropped."""

from __future__ import annotations

import time
from copy import copy
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.index.models import Stopped
from newsdesk.tui import messages as msg
from newsdesk.tui.actions import bindings
from newsdesk.tui.panes.option_width import option_width
from newsdesk.tui.render import counted, plain
from newsdesk.tui.safe_text import terminal_safe

if TYPE_CHECKING:  # Whoosh and numpy load after the first frame
    from newsdesk.index.engine import Engine
    from newsdesk.index.views.keyness import Keyness, KeyTerm


PAINT_PAUSE = 0.1  # seconds the worker waits after handing over the words


class KeynessReady(msg.WorkerReport):
    def __init__(self, key: tuple, found: Keyness) -> None:
        super().__init__()
        self.key = key
        self.found = found


class KeynessView(OptionList):
    BINDINGS = bindings("keyness")

    class Chosen(Message):
        def __init__(self, term: KeyTerm) -> None:
            super().__init__()
            self.term = term

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.engine: Engine | None = None
        self.found: Keyness | None = None
        self.query = ""  # the results' query
        self.typing = False
        self.node: str | None = None  # the query word chosen for collocates (None: first)
        self.terms: dict[str, KeyTerm] = {}
        self.shown_key: tuple | None = None
        self._rows: list[Option] = []  # the options of the list being drawn
        self._width = 0
        self.generation = 0

    def on_mount(self) -> None:
        self.border_title = "Keywords"
        self.show(None)

    def key(self) -> tuple:
        return self.query, self.node, self.typing

    def follow(self, query: str, typing: bool = False) -> None:
        """The results now show `query`: their keywords, unless on show already."""
        if query != self.query:
            self.node = None
        self.query, self.typing = query, typing
        if not query.strip():
            self.found = self.shown_key = None
            self.show(None)
            return
        if self.key() == self.shown_key:
            return
        self.generation += 1
        self.border_subtitle = plain("reading a sample of the hits…")
        self.compute(self.key(), self.generation)

    @work(thread=True, exclusive=True, group="keyness", exit_on_error=False)
    def compute(self, key: tuple, generation: int) -> None:
        engine = self.engine
        query, node, typing = key
        time.sleep(0.03)  # keys still coming: let the next search have the interpreter
        stale = lambda: self.generation != generation  # noqa: E731
        if engine is None or stale():
            return
        try:
            def first(words: Keyness) -> None:
                self.post_message(KeynessReady(key, copy(words)))
                # Let the app's thread paint them before the phrases take the interpreter.
                time.sleep(PAINT_PAUSE)

            found = engine.keyness(query, node=node, stop=stale, typing=typing, first=first)
            self.post_message(KeynessReady(key, found))
        except Stopped:
            return
        except Exception as exc:  # noqa: BLE001 - a view must never take the app down
            self.post_message(msg.BackgroundError("Keywords", str(exc)))

    def on_keyness_ready(self, message: KeynessReady) -> None:
        message.stop()
        if message.key != self.key():
            return
        first = self.shown_key is None or self.shown_key[0] != message.key[0]
        self.shown_key = message.key
        self.show(message.found)
        probe = getattr(self.parent, "probe", None)  # the views pane's (bench runs only)
        if first and probe is not None and probe.on:
            self.call_after_refresh(probe.view_painted, "keyness", message.found.query)

    # -- drawing ---------------------------------------------------------------------------

    def show(self, found: Keyness | None) -> None:
        self.found = found
        keep = self.highlighted_option.id if self.highlighted_option else None
        self.terms = {}
        self._rows = []
        if found is None or not found.total:
            self.set_options([Option(plain("Keywords of the results show here once a search "
                                           "has hits.", style="dim italic"), disabled=True)])
            self.border_subtitle = ""
            return
        width = self._width = option_width(self, 30, 60)
        if found.sample_words >= found.corpus_words:
            self._rows.append(Option(Text("Keywords", style="bold"), disabled=True))
            self._rows.append(Option(Text("  the results are the whole corpus: there is no "
                                        "rest to set them against", style="dim italic"),
                                   disabled=True))
        else:
            self._keywords(found, width)
        if found.node:
            title = f"Collocates of {terminal_safe(found.node, False)} (±{found.window} words)"
            if len(found.nodes) > 1:
                title += " · w: next word"
            self._section(title, found.collocates, "colloc", width, "log-likelihood, MI")
        else:
            self._rows.append(Option(Text("Collocates", style="bold"), disabled=True))
            self._rows.append(Option(Text("  the query has no word to take collocates of",
                                        style="dim italic"), disabled=True))
        # All at once: an option added at a time was measured and laid out at a time.
        self.set_options(self._rows)
        ids = [o.id for o in self.options if o.id and not o.disabled]
        if keep in ids:
            self.highlighted = self.get_option_index(keep)
        elif ids:
            self.highlighted = self.get_option_index(ids[0])
        sample = f"{found.sampled:,} of {counted(found.total, 'hit')}" \
            if found.sampled < found.total else \
            ("the one hit" if found.total == 1 else f"all {counted(found.total, 'hit')}")
        self.border_subtitle = plain(f"from {sample} ({found.sample_words:,} words) · "
                                     f"Enter narrows")

    def _keywords(self, found: Keyness, width: int) -> None:
        self._section("Keywords", found.words, "word", width,
                      "log-likelihood against the rest of the corpus")
        if found.phrases_pending:
            self._rows.append(Option(Text("Two-word phrases", style="bold"), disabled=True))
            self._rows.append(Option(Text("  counting them in the corpus…", style="dim italic"),
                                   disabled=True))
        else:
            self._section("Two-word phrases", found.phrases, "phrase", width, "")

    def _section(self, title: str, terms: list[KeyTerm], kind: str, width: int,
                 measure: str) -> None:
        head = Text(title, style="bold")
        if measure:
            head.append(f"  {measure}", style="dim")
        head.truncate(width, overflow="ellipsis")
        self._rows.append(Option(head, disabled=True))
        if terms:
            self._rows.append(Option(self.columns(kind, width), disabled=True))
        if not terms:
            self._rows.append(Option(Text("  none often enough in the sample",
                                        style="dim italic"), disabled=True))
            return
        for number, term in enumerate(terms):
            option_id = f"{kind}:{number}"
            self.terms[option_id] = term
            self._rows.append(Option(self.row(term, kind, width), id=option_id))

    @staticmethod
    def columns(kind: str, width: int) -> Text:
        """What the figures of the rows below are, in the words that fit `width` (the
        longest that does): the rows are bare numbers without it."""
        if kind == "colloc":
            said = ("  times within the window · LL log-likelihood · MI mutual information",
                    "  times near · LL log-likelihood · MI mutual info",
                    "  near: times · LL, MI: scores")
        else:
            said = ("  in results / in the rest of the corpus · LL log-likelihood",
                    "  in results / in the rest · LL log-likelihood",
                    "  results / rest · LL log-likelihood",
                    "  results / rest · LL")
        fits = next((s for s in said if len(s) <= width), said[-1])
        text = Text(fits, style="dim italic")
        text.truncate(width, overflow="ellipsis")
        return text

    @staticmethod
    def row(term: KeyTerm, kind: str, width: int) -> Text:
        """The word or phrase, then its figures: hits-sample count / rest-of-corpus count
        and the score (collocates: co-occurrences, log-likelihood and MI)."""
        if kind == "colloc":
            figures = f"{term.freq:>5,} near  LL {term.score:>7.1f}  MI {term.mi:4.1f}"
        else:
            figures = f"{term.freq:>5,} / {term.other:>7,}  LL {term.score:>7.1f}"
        label = Text(terminal_safe(term.text, False))
        label.truncate(max(6, width - len(figures) - 1), overflow="ellipsis", pad=True)
        row = Text()
        row.append_text(label)
        row.append(" " + figures, style="cyan")
        return row

    def on_resize(self) -> None:
        if self.found is not None and option_width(self, 30, 60) != self._width:
            self.show(self.found)

    # -- keys ------------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        term = self.terms.get(event.option.id or "")
        if term is not None:
            self.post_message(self.Chosen(term))

    def action_next_word(self) -> None:
        found = self.found
        if found is None or len(found.nodes) < 2:
            self.notify("The query has no other word to take collocates of.", timeout=2)
            return
        at = found.nodes.index(found.node) if found.node in found.nodes else -1
        self.node = found.nodes[(at + 1) % len(found.nodes)]
        self.generation += 1
        self.compute(self.key(), self.generation)
