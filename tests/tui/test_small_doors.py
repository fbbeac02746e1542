"""Small doors of the dashboard a stranger found shut: the help dialog scrolls with Space and
j as a pager does (PageDown and Down did, Space and j did not); Ctrl+C, out of habit, says
how to quit (it did nothing, in the search box or out of it)."""

from __future__ import annotations

from textual.containers import VerticalScroll

from newsdesk.index.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.dialogs.help import HelpScreen
from tests.helpers.pilot import dashboard, drawn, notices, wait_for, wait_ready


def _notices(app: NewsdeskApp) -> list[str]:
    return notices(app)  # raised, expired or not: a busy machine looks late


async def test_help_scrolls_with_space_and_j_and_ctrl_c_says_how_to_quit(
        indexed_app_settings: Settings) -> None:
    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        assert app.focused is main.box
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: any("Ctrl+Q quits" in n for n in _notices(app)))
        assert app.is_running
        app.clear_notifications()
        main.action_focus_results()
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: any("Ctrl+Q quits" in n for n in _notices(app)))
        main.action_help()
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen)
                       and bool(app.screen.query("#help-body")))
        body = app.screen.query_one("#help-body", VerticalScroll)
        await wait_for(pilot, lambda: body.max_scroll_y > 0)
        assert body.max_scroll_y > body.size.height  # more than a page to scroll
        await pilot.press("space")
        await wait_for(pilot, lambda: body.scroll_y >= body.size.height - 2)
        paged = body.scroll_y
        await pilot.press("j")
        await wait_for(pilot, lambda: body.scroll_y == paged + 1)
        await pilot.press("k", "k")
        await wait_for(pilot, lambda: body.scroll_y == paged - 1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_at_80_columns_the_footer_and_placeholder_are_cut_whole(
        indexed_app_settings: Settings) -> None:
    """The footer cut its last key mid-word ("^s Save searc") and the placeholder cut an
    example mid-token: keys and examples are now left out whole, with an ellipsis."""
    from textual.widgets._footer import FooterKey

    from newsdesk.tui.panes.footer import FittedFooter
    from newsdesk.tui.panes.search_box import PLACEHOLDER

    app = NewsdeskApp(indexed_app_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_ready(pilot)
        main = dashboard(app)
        box = main.box
        shown = box.placeholder
        assert len(shown) < box.content_region.width
        assert shown.endswith("(? help)")
        assert all(part in PLACEHOLDER for part in shown.split(", ")[:-1])
        main.action_focus_results()  # the results have more keys than 80 columns hold
        footer = main.query_one(FittedFooter)

        def cut_whole() -> bool:
            # Looked at in one go: the keys can change again once the results arrive (a
            # busy machine), and the footer is then composed again and fitted anew.
            mores = footer.query("#footer-more")
            if footer.pending or not mores:
                return False
            more = mores.first()
            palette = next(k for k in footer.query(FooterKey)
                           if k.has_class("-command-palette"))
            visible = [k for k in footer.query(FooterKey) if k.display and k is not palette]
            return (bool(visible) and all(k.region.right <= more.region.x for k in visible)
                    and more.region.right <= palette.region.x)

        await drawn(pilot, cut_whole)  # looked at once every screen is drawn
        # Wide enough again: every key, no ellipsis.
        await pilot.resize_terminal(200, 50)
        await wait_for(pilot, lambda: not footer.query("#footer-more")
                       and all(k.display for k in footer.query(FooterKey)))
        assert box.placeholder == ", ".join(PLACEHOLDER)
