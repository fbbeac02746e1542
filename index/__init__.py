"""newsdesk's engine: corpus reading, indexing and search. Imports neither textual nor rich."""
