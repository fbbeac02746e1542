"""Near-duplicate articles: syndicated copies, light edits and synonym-spun rewrites of one
story, grouped at ingest with MinHash signatures and locality-sensitive hashing (LSH)."""
