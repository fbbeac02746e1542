"""Every action of the dashboard in one table: its key(s), what it does, and where it is
bound. The key bindings of the main screen and of each pane, the help screen (? / F1) and
the command palette (Ctrl+P) are all made from it, so they cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Action:
    id: str  # the binding's id (a keymap can rebind it)
    action: str  # the Textual action it runs, in the namespace of `where`
    keys: str  # Textual key names, comma separated; "" for a palette-only action
    description: str  # in the footer and the help screen
    where: str  # "everywhere" (the main screen) or the pane it is bound in
    show: bool = True  # in the footer
    priority: bool = False
    bound: bool = True  # False: Textual itself handles the key; listed in help only
    palette: str = ""  # its name in the command palette; "" when it is not offered there
    palette_help: str = ""
    # Run when typed before newsdesk had the terminal, when a Ctrl+Q typed with it may have
    # been taken by the terminal (tui/early_keys.py): an action that moves, searches or
    # shows. One that opens a dialog or another program or changes what newsdesk keeps is
    # not: False.
    early: bool = False
    # What the footer says of it where `description` (the help screen's) is too long for
    # a footer of 80 columns; "" for the description.
    footer: str = ""


def _list_keys(where: str, back: str, back_action: str) -> list[Action]:
    """Keys every list pane shares: j / k move like the arrows, g / G to the first and last
    row as Home / End (and as in the results), Escape goes back."""
    return [
        Action(f"{where}.down", "cursor_down", "j", "Down", where, show=False, early=True),
        Action(f"{where}.up", "cursor_up", "k", "Up", where, show=False, early=True),
        Action(f"{where}.top", "first", "g", "Top", where, show=False, early=True),
        Action(f"{where}.bottom", "last", "G", "Bottom", where, show=False, early=True),
        Action(f"{where}.back", back_action, "escape", back, where, early=True),
    ]


ACTIONS: tuple[Action, ...] = (
    Action("app.search", "focus_search", "slash", "Search", "everywhere",
           palette="Focus search box", palette_help="Jump to the search box (/)", early=True),
    Action("app.help", "help", "question_mark,f1", "Help", "everywhere",
           palette="Help: keys and query language",
           palette_help="Every key binding and the query syntax (?)"),
    Action("app.quit", "app.quit", "q", "Quit", "everywhere",
           palette="Quit", palette_help="Leave newsdesk (q)", early=True),
    Action("app.quit2", "app.quit", "ctrl+q", "Quit", "everywhere", show=False,
           priority=True, early=True),
    # Ctrl+C out of habit: a text box copies its selection; with none it did nothing at all.
    Action("app.quit_hint", "quit_hint", "ctrl+c", "Copy a selection; else says Ctrl+Q quits",
           "everywhere", show=False, early=True),
    Action("app.save", "save_search", "ctrl+s", "Save search", "everywhere",
           palette="Save current search",
           palette_help="Save the query under a name (Ctrl+S)"),
    Action("app.saved", "focus_saved", "b", "Saved", "everywhere",
           palette="Saved searches", palette_help="Go to the saved searches (b)", early=True),
    Action("app.actors", "focus_actors", "a", "Actors", "everywhere",
           palette="Actors", palette_help="Go to the actor list (a)", early=True),
    Action("app.unfilter", "remove_filter", "x", "Drop filter", "everywhere", early=True),
    Action("app.facets", "show_facets", "v", "Facets", "everywhere", palette="Facets",
           palette_help="Hits by source, period and actor; Enter narrows (v)", early=True),
    Action("app.kwic", "show_kwic", "c", "Concordance", "everywhere",
           palette="Concordance (keyword in context)",
           palette_help="Every match on a line, sortable (c)", early=True),
    Action("app.chart", "show_chart", "C", "Chart over time", "everywhere",
           palette="Chart: queries compared over time",
           palette_help="Hits per period of up to five queries or saved searches (C)", early=True),
    Action("app.keyness", "show_keyness", "K", "Keywords", "everywhere",
           palette="Keywords, phrases and collocates of the results",
           palette_help="What sets the results apart from the corpus; Enter narrows (K)",
           early=True),
    Action("app.export", "export", "e", "Export results to CSV / JSON Lines", "everywhere",
           show=False, palette="Export results",
           palette_help="Write the results to a CSV or JSON Lines file (e)"),
    Action("app.copy", "copy", "y", "Copy url, title, text or query", "everywhere",
           show=False, palette="Copy url, title, text or query",
           palette_help="To the clipboard, over SSH too (y)"),
    Action("app.pager", "pager", "o", "Open the article in $PAGER", "everywhere",
           show=False, palette="Open article in pager",
           palette_help="Read the article in $PAGER (o)"),
    Action("app.browser", "open_url", "O", "Open the article's url in a browser",
           "everywhere", show=False, palette="Open article url in browser",
           palette_help="Where there is a browser (O)"),
    Action("app.history", "history_search", "ctrl+r", "Search the query history",
           "everywhere", show=False, palette="Search the query history",
           palette_help="Narrow the past queries as you type; Enter runs one (Ctrl+R)"),
    Action("app.sort", "cycle_sort", "ctrl+o", "Sort: relevance, newest, oldest", "everywhere",
           show=False, palette="Sort results: relevance / newest / oldest",
           palette_help="Order the hits by relevance or by date; s in the results (Ctrl+O)",
           early=True),
    # F5 refreshes, as in browsers and file managers; Ctrl+R is history search in shells.
    Action("app.reindex", "reindex", "f5", "Update index", "everywhere", show=False,
           palette="Update index now",
           palette_help="Index new and changed files of the corpus (F5)"),
    Action("app.palette", "command_palette", "ctrl+p",
           "Command palette: every action by name", "everywhere", bound=False),
    Action("app.next_pane", "focus_next", "tab,shift+tab", "Next / previous pane",
           "everywhere", bound=False, early=True),
    Action("app.back", "back", "escape", "Back: reader -> results -> search box",
           "everywhere", bound=False, early=True),
    Action("palette.results", "focus_results", "", "Move to the list of hits", "everywhere",
           bound=False, palette="Focus results", palette_help="Move to the list of hits"),
    Action("palette.open", "open_selected", "", "Show the highlighted hit in the reader",
           "everywhere", bound=False, palette="Open selected article",
           palette_help="Show the highlighted hit in the reader"),
    Action("palette.unfilter_all", "clear_filters", "", "Remove all filters", "everywhere",
           bound=False, palette="Remove all filters",
           palette_help="Search without the actor, source or date filters"),
    Action("palette.copies", "toggle_copies", "",
           "Show or fold the near-duplicate copies of the highlighted story", "everywhere",
           bound=False, palette="Show / fold copies of this story",
           palette_help="Syndicated copies, light edits and spun rewrites fold under "
                        "their story as +N copies; d in the results"),
    Action("palette.clear", "clear_search", "", "Empty the search box", "everywhere",
           bound=False, palette="Clear search", palette_help="Empty the search box"),
    Action("palette.actor_undo", "actor_undo", "", "Undo the last actor edit", "everywhere",
           bound=False, palette="Undo last actor edit",
           palette_help="Take back the newest merge, rename, hide or unmerge; u in Actors"),
    Action("palette.actor_unmerge", "actor_unmerge", "", "Unmerge the highlighted actor",
           "everywhere", bound=False, palette="Unmerge actor",
           palette_help="Take a merge of yours, or a name the rules joined, back out of the "
                        "highlighted actor; U in Actors"),
    Action("palette.actor_places", "actor_places", "", "Places / actors in the actor list",
           "everywhere", bound=False, palette="Places / actors (switch the actor list)",
           palette_help="Cities, regions and sites are listed apart from the actors; "
                        "p in Actors"),
    Action("palette.tags", "edit_tags", "", "Star, tag and note the article", "everywhere",
           bound=False, palette="Tag article…",
           palette_help="Tags (completed from those in use), a note and the star of the "
                        "article you are on; t in the results and the reader"),
    Action("palette.note", "edit_note", "", "Note on the article", "everywhere",
           bound=False, palette="Note on article…",
           palette_help="A line of your own on the article you are on (searched with "
                        "is:noted); t then Tab in the results and the reader"),
    Action("palette.star", "toggle_star", "", "Star or unstar the article", "everywhere",
           bound=False, palette="Star / unstar article",
           palette_help="The article you are on; * in the results and the reader"),
    Action("palette.starred", "show_starred", "", "The starred articles", "everywhere",
           bound=False, palette="Starred articles",
           palette_help="Search is:starred; tag:NAME finds a tag, is:tagged any tag"),
    Action("palette.group", "batch_group", "", "Saved-search group from a file",
           "everywhere", bound=False, palette="Saved-search group from a file…",
           palette_help="One query a line (a list of names): each becomes a saved search "
                        "of a group named after the file, with its live count"),
    Action("palette.ungroup", "remove_group", "", "Delete a saved-search group",
           "everywhere", bound=False, palette="Delete saved-search group",
           palette_help="The group of the saved search highlighted, with all its "
                        "searches; asks first"),
    Action("palette.actor_hidden", "actor_hidden", "", "List the hidden actors",
           "everywhere", bound=False, palette="Hidden actors (unhide)",
           palette_help="The actors you hid; h unhides one; H in Actors"),

    Action("search.older", "history_back", "up", "Older query", "search", show=False, early=True),
    Action("search.newer", "history_forward", "down", "Newer query, then the results",
           "search", show=False, early=True),
    # Shown in the footer while the box has the focus (it has at start, where the one-letter
    # keys are text: an outside tester's `a` `f` typed "af"): how to leave it. Input's own
    # Enter action, and the app's Tab, bound here only to be shown.
    Action("search.submit", "submit", "enter", "Go to results, or accept a suggestion; "
           "a paste of several lines stays in the box, one line", "search",
           early=True, footer="Results"),
    Action("search.next_pane", "app.focus_next", "tab", "Next pane (the actors, saved "
           "searches; Shift+Tab the previous)", "search", early=True, footer="Next pane"),

    Action("results.down", "cursor_down", "j", "Down", "results", show=False, early=True),
    Action("results.up", "cursor_up", "k", "Up", "results", show=False, early=True),
    Action("results.top", "first", "g", "Top", "results", show=False, early=True),
    Action("results.bottom", "last", "G", "Bottom", "results", show=False, early=True),
    Action("results.open", "select", "enter", "Open", "results", early=True),
    Action("results.back", "screen.focus_search", "escape", "Search", "results", early=True),
    Action("results.sort", "screen.cycle_sort", "s", "Sort", "results", show=False, early=True),
    Action("results.copies", "toggle_copies", "d", "Copies: show / fold", "results",
           show=False, early=True),
    Action("results.star", "screen.toggle_star", "asterisk", "Star", "results"),
    Action("results.tags", "screen.edit_tags", "t", "Tags", "results"),

    Action("reader.next", "next_match", "n", "Next match", "reader",
           palette="Next match in article",
           palette_help="Jump to the next match in the reader (n)", early=True),
    Action("reader.prev", "previous_match", "N", "Prev match", "reader",
           palette="Previous match in article",
           palette_help="Jump to the previous match (N)", early=True),
    Action("reader.down", "scroll_down", "j,down", "Down", "reader", show=False, early=True),
    Action("reader.up", "scroll_up", "k,up", "Up", "reader", show=False, early=True),
    Action("reader.pgdn", "page_down", "space,pagedown", "Page down", "reader", show=False,
           early=True),
    Action("reader.pgup", "page_up", "b,pageup", "Page up", "reader", show=False, early=True),
    Action("reader.top", "scroll_home", "g,home", "Top", "reader", show=False, early=True),
    Action("reader.bottom", "scroll_end", "G,end", "Bottom", "reader", show=False, early=True),
    Action("reader.back", "close", "escape", "Back", "reader", early=True),
    Action("reader.star", "screen.toggle_star", "asterisk", "Star", "reader", show=False),
    Action("reader.tags", "screen.edit_tags", "t", "Tags and note", "reader", show=False),

    Action("facets.narrow", "select", "enter", "Narrow to this", "facets", early=True),
    Action("facets.period", "period", "p", "Period", "facets", early=True),
    *_list_keys("facets", "Back to results", "screen.close_view"),

    Action("kwic.open", "select", "enter", "Open at match", "kwic", early=True),
    Action("kwic.sort", "sort", "s", "Sort", "kwic", early=True),
    *_list_keys("kwic", "Back to results", "screen.close_view"),

    Action("chart.search", "select", "enter", "Search this line's query", "chart",
           bound=False, early=True),
    Action("chart.pin", "pin", "plus", "Keep the query on the chart", "chart", early=True),
    Action("chart.saved", "add_saved", "s", "Add a saved search", "chart"),
    Action("chart.remove", "remove", "d,delete", "Take the line off", "chart", early=True),
    Action("chart.share", "share", "percent_sign", "Counts / share of all articles", "chart",
           early=True),
    Action("chart.period", "period", "p", "Period", "chart", early=True),
    Action("chart.down", "cursor_down", "j", "Down", "chart", show=False, early=True),
    Action("chart.up", "cursor_up", "k", "Up", "chart", show=False, early=True),
    Action("chart.back", "screen.close_view", "escape", "Back to results", "chart", early=True),

    Action("keyness.narrow", "select", "enter", "Narrow to this", "keyness", early=True),
    Action("keyness.word", "next_word", "w", "Collocates of the next query word", "keyness",
           early=True),
    *_list_keys("keyness", "Back to results", "screen.close_view"),

    Action("saved.open", "select", "enter", "Open", "saved"),
    Action("saved.rename", "rename", "r", "Rename", "saved"),
    Action("saved.delete", "delete", "d,delete", "Delete", "saved"),
    Action("saved.undo", "undo", "u", "Undo delete/rename", "saved", show=False),
    Action("saved.sort", "sort", "s", "Sort: as saved, name, count, newest", "saved",
           show=False),
    *_list_keys("saved", "Search", "screen.focus_search"),

    Action("actors.filter", "select", "enter", "Filter by actor", "actors", early=True),
    # The same key in the places list, where the footer says what Enter does there.
    Action("actors.filter_place", "select_place", "enter", "Filter by place", "actors", early=True),
    Action("actors.sort", "sort", "s", "Sort", "actors", early=True),
    Action("actors.merge", "merge", "m", "Merge into…", "actors"),
    Action("actors.rename", "rename", "r", "Rename", "actors"),
    Action("actors.hide", "hide", "h", "Hide / unhide", "actors"),
    Action("actors.retype", "retype", "t", "Type: person, organisation, place…", "actors",
           show=False),
    Action("actors.unmerge", "unmerge", "U", "Unmerge: a merge, or a name joined by rule",
           "actors", show=False),
    Action("actors.undo", "undo", "u", "Undo actor edit", "actors", show=False),
    Action("actors.hidden", "hidden", "H", "Hidden actors and places", "actors", show=False,
           early=True),
    Action("actors.places", "places", "p", "Places / actors", "actors", show=False, early=True),
    Action("actors.find", "find", "f", "Find", "actors", early=True),
    Action("actors.with", "with", "w", "Appears with…", "actors", early=True),
    *_list_keys("actors", "Search", "back"),

    # The filter box's keys, in the footer while it has the focus (it showed none: the
    # list's keys are the list's, and letters typed here are the filter).
    Action("actors.filter_top", "submit", "enter", "Filter the search by the highlighted "
           "actor, else the top one", "actor-filter", early=True, footer="Filter by actor"),
    Action("actors.tolist", "to_list", "down", "To the list", "actor-filter", early=True),
    Action("actors.filterback", "unfilter", "escape", "Clear the filter, back to the list",
           "actor-filter", early=True, footer="Clear filter"),
)

# The help screen's sections, in order: (where, title).
HELP_SECTIONS: tuple[tuple[str, str], ...] = (
    ("everywhere", "Everywhere"),
    ("search", "Search box"),
    ("results", "Results"),
    ("reader", "Reader"),
    ("facets", "Facets (v): sources, hits by period, top actors, tags"),
    ("kwic", "Concordance (c): every match in context"),
    ("chart", "Chart (C): up to five queries or saved searches over time"),
    ("keyness", "Keywords (K): words, phrases and collocates that set the results apart"),
    ("saved", "Saved searches"),
    ("actors", "Actors"),
    ("actor-filter", "Actor filter box (f)"),
)

# The command palette's actions, in the order it lists them (by Action.id).
PALETTE_ORDER: tuple[str, ...] = (
    "app.search", "palette.results", "palette.open", "reader.next", "reader.prev",
    "app.save", "app.saved", "app.actors", "palette.actor_places", "palette.actor_undo",
    "palette.actor_unmerge", "palette.actor_hidden", "palette.unfilter_all", "app.facets",
    "app.kwic", "app.chart", "app.keyness", "palette.star", "palette.tags", "palette.note",
    "palette.starred", "palette.group", "palette.ungroup", "app.sort", "palette.copies",
    "app.export", "app.copy", "app.pager", "app.browser", "app.history", "app.reindex",
    "palette.clear", "app.help", "app.quit",
)


# Keys as people write them, not as Textual names them ("slash", "question_mark").
_KEY_LABELS = {
    "slash": "/", "question_mark": "?", "escape": "Esc", "enter": "Enter", "tab": "Tab",
    "space": "Space", "up": "↑", "down": "↓", "left": "←", "right": "→", "home": "Home",
    "end": "End", "pageup": "PgUp", "pagedown": "PgDn", "delete": "Del",
    "backspace": "Backspace", "asterisk": "*", "plus": "+", "percent_sign": "%",
}


def key_label(key: str) -> str:
    """One Textual key name as shown to people: "/", "?", "Ctrl+R", "Shift+Tab", "F1", "G"."""
    *mods, last = key.strip().split("+")
    function_key = last[0] == "f" and last[1:].isdigit()
    name = _KEY_LABELS.get(last) or (last.upper() if function_key or mods else last)
    return "+".join([m.capitalize() for m in mods] + [name])


def keys_label(keys: str) -> str:
    """A comma separated list of key names, as shown in help: "?, F1"."""
    return ", ".join(key_label(k) for k in keys.split(",") if k.strip())


def _binding(action: Action, footer: bool = True) -> Binding:
    """Its binding, described as the footer shows it (`footer`) or as help does."""
    said = action.footer if footer and action.footer else action.description
    return Binding(action.keys, action.action, said, show=action.show,
                   priority=action.priority, id=action.id)


def bindings(where: str) -> list[Binding]:
    """The BINDINGS of the screen ("everywhere") or of a pane."""
    return [_binding(a) for a in ACTIONS if a.where == where and a.bound]


def help_sections() -> list[tuple[str, list[Binding]]]:
    """(title, bindings) of each section of the help screen: every action with a key."""
    return [(title, [_binding(a, footer=False) for a in ACTIONS if a.where == where and a.keys])
            for where, title in HELP_SECTIONS]


def palette_actions() -> list[Action]:
    """The actions the command palette offers by name, in its order."""
    by_id = {a.id: a for a in ACTIONS}
    return [by_id[action_id] for action_id in PALETTE_ORDER]
