"""The shape of a result set, as plain data: facets and the timeline (facets.py), keyword
in context (kwic.py) and export to CSV or JSON Lines (export.py). It imports the base,
storage/ and query/; the engine hands it searchers and hits."""
