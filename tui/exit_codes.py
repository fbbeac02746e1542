"""The exit codes of every newsdesk command and of the dashboard."""

EXIT_HITS = 0  # done; a search found something
EXIT_NO_HITS = 1  # a search found nothing
EXIT_ERROR = 2  # a usage, config or query error, or an internal error (with a report)
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C: 128 + SIGINT, as a shell reports it
