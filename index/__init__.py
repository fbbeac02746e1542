"""newsdesk's engine: corpus reading, indexing and search. Imports neither textual nor rich."""

from index.lean_imports import install

install()
