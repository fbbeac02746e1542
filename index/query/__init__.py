"""From the text a person types to ranked hits: the query language (language.py), the tree
compiled to Whoosh queries and highlight plans (compile.py), the exact set of matching
documents (matching.py), BM25F ranking over posting arrays (ranking.py, phrases.py,
best_hits.py), spans and snippets (highlight.py) and "did you mean" (suggestions.py). It
imports the base and storage/ (for postings and scoring inputs), and Whoosh's public query
and searching modules only."""
