"""The people, organisations and countries the articles mention: mentions found by rule in
one article (extract.py), name keys and transliteration (names.py), spelling variants
merged into actors (cluster.py), the PETRARCH-style YAML dictionaries (dictionaries.py),
the actor table with its queries and the user's curation (table.py) and the orders of the
list (sort_orders.py). It imports the base, storage/ (the article store holds mentions) and
userdata/ (curation is a user file)."""
