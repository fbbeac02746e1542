"""Everything a person sees, imported as `newsdesk.tui`: the Textual dashboard, its panes,
and the command line."""

if __name__ != "newsdesk.tui":
    raise ImportError(f"newsdesk's interface is imported as newsdesk.tui, not as {__name__}")

import os

# Frames at up to 120 a second rather than Textual's 60: a change waits for the next frame,
# on average half a frame, so results typed for show 4 ms sooner (8 at the 95th
# percentile); a frame is drawn only when something changed, so an idle dashboard costs
# nothing more. Read by Textual when it is first imported; TEXTUAL_FPS set by the user wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
