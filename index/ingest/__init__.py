"""A corpus into the index: files read and cleaned into Articles and Problems (corpus.py,
cleaning.py), and the incremental indexer (indexer.py) that writes the article store,
actor mentions and the Whoosh index in batches, recovers from a crash and rebuilds an index
of another version from the store. It may import every room below it: base, storage,
userdata, query, actors, views."""
