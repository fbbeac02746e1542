"""Everything a person sees: the Textual dashboard, its widgets, and the command line."""
