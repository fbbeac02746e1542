"""The panes of the main screen, one per module. Each shows one thing and runs the workers
that fetch it (through the engine the screen hands it once the index is open), and posts
what the screen must act on as messages."""
