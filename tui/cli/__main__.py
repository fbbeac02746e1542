"""`python -m newsdesk.tui.cli`: the `newsdesk` command without its console script."""

import sys

from newsdesk.tui.cli.start import main

sys.exit(main())
