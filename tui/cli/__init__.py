"""The `newsdesk` command, imported as `newsdesk.tui.cli`: `main` parses the arguments and
runs one module per subcommand; `common` holds what the subcommands share."""
