"""Everything a person sees, imported as `newsdesk.tui`: the Textual dashboard, its panes,
and the command line."""

if __name__ != "newsdesk.tui":
    raise ImportError(f"newsdesk's interface is imported as newsdesk.tui, not as {__name__}")
