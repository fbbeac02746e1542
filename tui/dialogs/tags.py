"""Star, tags and note of one article (t in the results or the reader): the tags as words,
the word being typed completed from the tags already in use (Tab or → takes the completion),
the tags in use that it matches listed below with their counts, a note of one line, and the
star. Enter saves, Escape leaves the article as it was."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Checkbox, Input, Label

from newsdesk.index.models import NewsdeskError
from newsdesk.index.userdata.tags import Marks, clean_note, clean_tag
from newsdesk.tui.ordered_input import OrderedInput
from newsdesk.tui.render import plain
from newsdesk.tui.safe_text import terminal_safe

SHOWN_TAGS = 8  # tags in use listed under the box


@dataclass(frozen=True, slots=True)
class TagEdit:
    """What the dialog was left with: the article's tags, note and star as they should be."""

    starred: bool
    tags: list[str]
    note: str


def completions(value: str, known: list[str]) -> list[str]:
    """The tags in use (most used first) that the word being typed begins, leaving out
    those already typed; every tag when nothing is being typed."""
    words = value.lower().split()
    typing = "" if not value or value[-1].isspace() else words.pop()
    return [t for t in known if t.startswith(typing) and t not in words and t != typing]


def completed(value: str, known: list[str]) -> str | None:
    """`value` with its last word completed to the most used tag it begins (None: none)."""
    if not value or value[-1].isspace():
        return None
    found = completions(value, known)
    if not found:
        return None
    head, _, _ = value.rpartition(" ")
    return (head + " " if head else "") + found[0] + " "


class TagSuggester(Suggester):
    """Shows the completion of the last word typed (→ takes it)."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        return completed(value, self.known)


class TagInput(OrderedInput):
    """Tab completes the word being typed, as a shell does (worked out at the key, not
    waiting for the suggestion shown, which comes a moment later: a quick "o" Tab
    completed nothing); with nothing to complete it moves on."""

    BINDINGS = [Binding("tab", "complete", "Complete", show=False)]

    def __init__(self, known: list[str], **kwargs: object) -> None:
        super().__init__(suggester=TagSuggester(known), **kwargs)  # type: ignore[arg-type]
        self.known = known

    def action_complete(self) -> None:
        value = completed(self.value, self.known) if self.cursor_at_end else None
        if value is not None:
            self.value = value
            self.cursor_position = len(value)
        else:
            self.screen.focus_next()


class StarBox(Checkbox):
    """The star: its label says the state in words (a terminal without colour showed the
    same box on and off); Space toggles it, Enter saves the dialog as everywhere in it."""

    BINDINGS = [Binding("enter", "save", "Save", show=False)]

    def __init__(self, starred: bool, **kwargs: object) -> None:
        super().__init__(self.label_for(starred), starred, **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def label_for(starred: bool) -> str:
        return "★ starred (Space unstars)" if starred else "☆ not starred (Space stars)"

    def watch_value(self) -> None:
        super().watch_value()  # the -on class and the Changed message
        self.label = self.label_for(self.value)

    def action_save(self) -> None:
        self.post_message(self.SaveAsked())

    class SaveAsked(Message):
        pass


class TagDialog(ModalScreen[TagEdit | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, title: str, marks: Marks, known: list[tuple[str, int]],
                 focus_note: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.marks = marks
        self.known = known  # (tag, articles), most used first
        self.focus_note = focus_note

    def compose(self) -> ComposeResult:
        names = [t for t, _ in self.known]
        with Vertical(classes="dialog", id="tag-dialog"):
            yield Label(plain(f"Tags and note: {self.title_text}"), classes="dialog-title",
                        id="tag-title")
            yield TagInput(names, value=" ".join(self.marks.tags), id="tag-words",
                           placeholder="tags, space between (lead todo)")
            yield Label("", id="tag-known", classes="dialog-hint")
            yield OrderedInput(value=self.marks.note, id="tag-note", placeholder="a note "
                               "(one line)")
            yield StarBox(self.marks.starred, id="tag-star")
            yield Label("Enter saves · Tab completes a tag · Escape cancels",
                        classes="dialog-hint", id="tag-hint")

    def on_mount(self) -> None:
        words = self.query_one("#tag-words", Input)
        words.cursor_position = len(words.value)
        if words.value:
            words.value += " "
            words.cursor_position = len(words.value)
        self._show_known(words.value)
        self.query_one("#tag-note" if self.focus_note else "#tag-words", Input).focus()

    @on(Input.Changed, "#tag-words")
    def _typed(self, event: Input.Changed) -> None:
        self._show_known(event.value)

    def _show_known(self, value: str) -> None:
        counts = dict(self.known)
        found = completions(value, [t for t, _ in self.known])[:SHOWN_TAGS]
        line = Text("in use: " if found else "", style="dim")
        for tag in found:
            line.append(terminal_safe(tag, False), style="bold")
            line.append(f" {counts[tag]:,}  ", style="dim")
        if not self.known:
            line = Text("no tags in use yet", style="dim italic")
        self.query_one("#tag-known", Label).update(line)

    @on(Input.Submitted)
    @on(StarBox.SaveAsked)
    def _save(self) -> None:
        words = self.query_one("#tag-words", Input).value.split()
        try:
            tags = sorted({clean_tag(w) for w in words})
            note = clean_note(self.query_one("#tag-note", Input).value)
        except NewsdeskError as exc:
            self.query_one("#tag-hint", Label).update(Text(terminal_safe(str(exc), False),
                                                           style="red"))
            return
        self.dismiss(TagEdit(self.query_one("#tag-star", Checkbox).value, tags, note))

    def action_cancel(self) -> None:
        self.dismiss(None)
