"""The status line gives way in its own order when the terminal is narrow (issue 23): what
the results are and the filters stay, notes go first, and a line that lost a part ends with
an ellipsis. At 80 columns a filter was cut behind the prefix note ("filters: act…")."""

from __future__ import annotations

from rich.text import Text

from newsdesk.index.config import Settings
from newsdesk.index.models import Results
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.panes.status import StatusLine, results_parts
from newsdesk.tui.render import counted
from newsdesk.tui.status_fit import MORE, Part, fit
from tests.helpers.pilot import dashboard, wait_for, wait_ready


def _parts() -> list[Part]:
    return [Part(Text("5 hits of 99 articles"), short=Text("5 hits"), shorten=4),
            Part(Text("filters: source:A (x removes)"), short=Text("filters: source:A"),
                 shorten=6),
            Part(Text("soleim… as a prefix"), 5, Text("soleim…"), 7),
            Part(Text("12 ms"), 10)]


def test_parts_give_way_in_their_order() -> None:
    whole = "5 hits of 99 articles · filters: source:A (x removes) · soleim… as a prefix · 12 ms"
    assert fit(_parts(), 200).plain == whole
    assert fit(_parts(), 0).plain == whole  # not laid out yet
    assert fit(_parts(), len(whole)).plain == whole
    # The time goes first, then the prefix note is shortened, then "(x removes)".
    assert fit(_parts(), len(whole) - 1).plain == (
        "5 hits of 99 articles · filters: source:A (x removes) · soleim… as a prefix" + MORE)
    assert fit(_parts(), 70).plain == (
        "5 hits of 99 articles · filters: source:A (x removes) · soleim…" + MORE)
    assert fit(_parts(), 60).plain == "5 hits of 99 articles · filters: source:A · soleim…" + MORE
    # Then the note goes, then the count is shortened; the filter stays to the end.
    assert fit(_parts(), 45).plain == "5 hits of 99 articles · filters: source:A" + MORE
    assert fit(_parts(), 30).plain == "5 hits · filters: source:A" + MORE
    cut = fit(_parts(), 20).plain
    assert len(cut) == 20 and cut.startswith("5 hits · filters") and cut.endswith("…")


def _status_line(app: NewsdeskApp) -> str:
    """The status line as painted."""
    status = app.query_one(StatusLine)
    return "".join(segment.text for segment in status.render_line(0)).strip()


async def test_the_filter_stays_on_the_status_line(indexed_app_settings: Settings) -> None:
    """At 200x50 the whole line; at 80x24 and 60 columns (the same session resized: the line
    gives way again at each width) the filter whole, the notes given way."""
    clause = 'actor:"Qassem Soleimani"'
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        main.search.filters.append(clause)
        main.box.focus()
        await pilot.press(*"revenge AND soleim")  # the last word as a prefix
        await wait_for(pilot, lambda: "soleim…" in _status_line(app))
        line = _status_line(app)
        hits = counted(main.results.total, "hit")
        assert line.startswith(f"{hits} of 5 articles · filters: {clause} (x removes) · "
                               "soleim… as a prefix (Enter: as typed) · "), line
        assert line.endswith(" ms · default AND"), line
        for width, expected in (
                (80, f"{hits} of 5 articles · filters: {clause} · soleim… · …"),
                (60, f"{hits} · filters: {clause} · …")):
            await pilot.resize_terminal(width, 24)
            await wait_for(pilot, lambda w=width: len(_status_line(app)) <= w - 2)
            assert _status_line(app) == expected


def test_no_hits_keep_their_notes_at_80_columns() -> None:
    """A query with no hits says why before anything else gives way (the note on an unknown
    actor: name was the first part dropped, and "0 hits" alone said nothing of it)."""
    note = ('actor:"Nobody Atall": no actor has this name or one close to it; f in the '
            "actor pane, or `newsdesk actors --find TEXT`, finds actors by a part of their name")
    line = fit(results_parts(Results('actor:"Nobody Atall"', 0, [], 0.01, notes=[note]),
                             1593, "AND"), 78).plain
    assert line.startswith('0 hits · actor:"Nobody Atall": no actor has this name or one')
    found = fit(results_parts(Results("iran", 3, [], 0.01, notes=[note]), 1593, "AND"), 78)
    assert "no actor" not in found.plain  # with hits, notes give way first, as before


def test_a_name_offered_for_no_hits_is_shown_whole_at_80_columns() -> None:
    """'did you mean actor:"United …' at 80 columns: the name offered was cut; the note
    gives way to the offer alone, whole, before anything is cut."""
    for typed, offered in [("Britian", "United Kingdom"), ("Tony Blare", "Tony Blair"),
                           ("Federal Reserve Bord", "Board of Governors of the Fed")]:
        note = (f'actor:"{typed}": no actor has this name; did you mean '
                f'actor:"{offered}"?')
        for width in (70, 78, 118):
            line = fit(results_parts(Results(f'actor:"{typed}"', 0, [], 0.01, notes=[note]),
                                     2225, "AND"), width).plain
            assert f'actor:"{offered}"?' in line, (width, line)
            assert len(line) <= width
        wide = fit(results_parts(Results(f'actor:"{typed}"', 0, [], 0.01, notes=[note]),
                                 2225, "AND"), 200).plain
        assert note in wide  # (whole where it fits)
