"""Modal screens over the dashboard: ask for a name, confirm, pick a choice, and help."""
