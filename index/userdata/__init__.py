"""What a person keeps of a corpus, apart from the index: saved searches and query history
(bookmarks.py), the YAML reading they share with the actor dictionaries, and the atomic
write (temporary file, fsync, rename, .bak) every user file goes through. It imports only
the top-level base; it never touches Whoosh or the index."""
