"""How the index is kept on disk, and the only room that touches Whoosh's internals: the
Whoosh schema, newsdesk's codec (posting blocks of 512, word positions packed as arrays),
posting arrays for numpy, the pages of a cold index asked for ahead, segment merging, the
two-process batch writer, the Whoosh fixes (as subclasses handed out by the codec and the
file storage), the lean import of Whoosh, the SQLite article store,
the index lock. It imports only the top-level base (models, locations, analysis, config,
paths) and Whoosh; everything above reaches Whoosh's private parts through it."""
