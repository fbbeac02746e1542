"""The corpus's actors: built from the stored mentions and the dictionaries, kept in the
article store, and read by the engine, the CLI and the dashboard.

Whoosh indexes each article's name *keys*, not actor ids, so merging, renaming or hiding an
actor only rebuilds this table (a second or so); no article is indexed again."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.curation import Curation, curation_path
from newsdesk.index.actors.dictionaries import Dictionaries, load_dictionaries
from newsdesk.index.actors.extract import Extraction, Extractor
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.sort_orders import order_by
from newsdesk.index.config import Settings
from newsdesk.index.folding import fold
from newsdesk.index.models import Actor, ActorMention, QueryError, Span
from newsdesk.index.option_values import DEFAULT_ACTOR_SORT, PLACE_TYPES
from newsdesk.index.storage.article_store import MentionRow, Store
from newsdesk.index.userdata.lock import locked

__all__ = ["ActorTable", "Curation", "curation_path", "recluster", "recluster_if_changed"]

def dictionary_paths(settings: Settings) -> list[Path]:
    """In order of precedence, lowest first: each corpus folder's actors.yaml, the config's
    dictionaries, the user's curation. (The general dictionary comes before all.)"""
    corpus = [s / "actors.yaml" for s in settings.corpus.sources if s.is_dir()]
    return [*corpus, *settings.actors.dictionaries, curation_path(settings)]


def make_extractor(dictionaries: Dictionaries) -> Extractor:
    return Extractor(frozenset(dictionaries.alias), dictionaries.demonym_keys)


def mention_rows(article_id: str, extraction: Extraction) -> list[MentionRow]:
    """The store's rows for one article: one per (key, surface)."""
    grouped: dict[tuple[str, str], list] = {}
    for m in extraction.mentions:
        row = grouped.setdefault((m.key, m.surface), [[], [], 0, 0, Counter(), False])
        (row[1] if m.in_title else row[0]).append(f"{m.start}-{m.end}")
        row[2] += m.person_cue
        row[3] += m.location_cue
        if m.org_type:
            row[4][m.org_type] += 1
        row[5] = row[5] or m.lower_seen
    return [(article_id, key, surface, len(body) + len(title), " ".join(body), " ".join(title),
             person, location, org.most_common(1)[0][0] if org else "", int(lower))
            for (key, surface), (body, title, person, location, org, lower) in grouped.items()]


def _spans(text: str) -> list[Span]:
    out = []
    for item in text.split():
        start, _, end = item.partition("-")
        out.append((int(start), int(end)))
    return out


def dictionaries_stamp(paths: list[Path]) -> str:
    """Changes when any dictionary file changes (size and time, not contents)."""
    parts = []
    for path in paths:
        try:
            st = path.stat()
            parts.append(f"{path}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{path}:-")
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


class ActorTable:
    def __init__(self, store: Store) -> None:
        self.store = store

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """The store's connection, under its lock, left with no transaction open. A write
        (top_in's temporary table) opens one implicitly; left open, it kept the connection
        on its snapshot for good: a dashboard that had listed its results' actors never
        saw the articles an indexer added after (counted by Whoosh, dropped as "deleted"
        by the store: "1 hit, showing top 0")."""
        with self.store.lock:
            db = self.store.db
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.rollback()
                raise
            if db.in_transaction:
                db.commit()

    # -- building ----------------------------------------------------------------------------

    def rebuild(self, dictionaries: Dictionaries, stamp: str = "") -> int:
        """Cluster every stored mention into actors and replace the table; the number of
        actors. One transaction: readers see the old table or the new one."""
        with self._db() as db:
            stats: dict[str, KeyStats] = {}  # from the totals kept per key (key_totals.py)
            for key, articles, mentions, person, location, lower in db.execute(
                    "SELECT key, articles, mentions, person, location, lower FROM key_totals"):
                s = stats[key] = KeyStats(key)
                s.articles, s.mentions, s.person, s.location, s.lower = \
                    articles, mentions, person, location, lower
            for key, surface, n in db.execute("SELECT key, surface, n FROM key_surfaces"):
                stats[key].surfaces[surface] += n
            for key, org, n in db.execute("SELECT key, org, n FROM key_orgs"):
                stats[key].org[org] += n
            acronyms: dict[str, Counter[str]] = {}
            for acronym, expansion, n in db.execute(
                    "SELECT acronym, expansion, count(*) FROM acronyms GROUP BY 1, 2"):
                acronyms.setdefault(acronym, Counter())[expansion] += n
        clusters = cluster(stats, acronyms, dictionaries)
        with self._db() as db, db:
            db.execute("DELETE FROM actors")
            db.execute("DELETE FROM actor_keys")
            db.execute("DELETE FROM actor_aliases")
            db.executemany("INSERT INTO actors (id, name, type, code, hidden) VALUES (?,?,?,?,?)",
                           [(number, c.name, c.type, c.code, int(c.hidden))
                            for number, c in enumerate(clusters, start=1)])
            db.executemany("INSERT OR REPLACE INTO actor_keys VALUES (?, ?)",
                           [(k, number) for number, c in enumerate(clusters, start=1)
                            for k in c.keys])
            db.execute(
                "UPDATE actors SET articles = s.a, mentions = s.m FROM ("
                " SELECT k.actor AS actor, sum(t.articles) AS a, sum(t.mentions) AS m"
                " FROM key_totals t JOIN actor_keys k ON k.key = t.key GROUP BY k.actor) AS s"
                " WHERE actors.id = s.actor")
            # An article naming an actor by two of its keys counts once: exact counts for
            # the actors of several keys, from their mentions alone.
            db.execute(
                "UPDATE actors SET articles = s.a FROM ("
                " SELECT k.actor AS actor, count(DISTINCT m.article) AS a"
                " FROM actor_keys k JOIN mentions m ON m.key = k.key WHERE k.actor IN"
                "  (SELECT actor FROM actor_keys GROUP BY actor HAVING count(*) > 1)"
                " GROUP BY k.actor) AS s WHERE actors.id = s.actor")
            db.execute("INSERT INTO actor_aliases SELECT k.actor, s.surface, sum(s.n) "
                       "FROM key_surfaces s JOIN actor_keys k ON k.key = s.key "
                       "GROUP BY k.actor, s.surface")
            db.execute("DELETE FROM actors WHERE mentions = 0")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('actor_dictionaries', ?)", (stamp,))
        return len(clusters)

    def stamp(self) -> str | None:
        return self.store.meta("actor_dictionaries")

    # -- reading ---------------------------------------------------------------------------------

    def _actors(self, where: str, args: tuple, order: str = order_by(DEFAULT_ACTOR_SORT),
                limit: int | None = None) -> list[Actor]:
        sql = (f"SELECT id, name, type, code, hidden, articles, mentions FROM actors "
               f"WHERE {where} ORDER BY {order}")
        if limit:
            sql += f" LIMIT {int(limit)}"
        with self._db() as db:
            rows = db.execute(sql, args).fetchall()
            aliases: dict[int, list[tuple[str, int]]] = {}
            ids = [r[0] for r in rows]
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                for actor, surface, n in db.execute(
                        f"SELECT actor, surface, n FROM actor_aliases WHERE actor IN "
                        f"({','.join('?' * len(chunk))}) ORDER BY n DESC", chunk):
                    aliases.setdefault(actor, []).append((surface, n))
        return [Actor(id=r[0], name=r[1], type=r[2], code=r[3], hidden=bool(r[4]),
                      articles=r[5], mentions=r[6], aliases=aliases.get(r[0], []))
                for r in rows]

    def list(self, kind: str | None = None, sort: str = DEFAULT_ACTOR_SORT,
             limit: int | None = None, hidden: bool = False,
             places: bool | None = None, only_hidden: bool = False) -> list[Actor]:
        """The actors by `sort`: of one type (`kind`), or only the places (`places` True),
        only the others (False) or both (None); hidden ones too with `hidden`, or those
        alone with `only_hidden`."""
        where, args = ("hidden = 1" if only_hidden else "1" if hidden else "hidden = 0", ())
        if kind:
            where, args = f"{where} AND type = ?", (kind,)
        elif places is not None:
            where = f"{where} AND {'' if places else 'NOT '}{IS_PLACE.format(a='actors')}"
        return self._actors(where, args, order_by(sort), limit)

    def get(self, actor_id: int) -> Actor | None:
        found = self._actors("id = ?", (actor_id,))
        return found[0] if found else None

    def resolve(self, name: str) -> Actor | None:
        """The actor a name means: any alias, or the canonical name, case and accents aside."""
        key = name_key(name)
        with self._db() as db:
            row = db.execute("SELECT actor FROM actor_keys WHERE key = ?", (key,)).fetchone()
            if row is None:
                folded = fold(name.strip())
                row = next((r for r in db.execute("SELECT id, name FROM actors")
                            if fold(r[1]) == folded), None)
        return self.get(row[0]) if row else None

    def keys_of(self, actor_id: int) -> list[str]:
        with self._db() as db:
            return [r[0] for r in db.execute("SELECT key FROM actor_keys WHERE actor = ?",
                                             (actor_id,))]

    def filter_keys(self, name: str) -> list[str]:
        """The keys an `actor:` filter searches for; QueryError for an unknown name."""
        from rapidfuzz import process  # here: 15 ms to import, needed for a misspelled name

        actor = self.resolve(name)
        if actor is None:
            with self._db() as db:
                names = [r[0] for r in db.execute("SELECT name FROM actors WHERE hidden = 0")]
            close = process.extractOne(name, names, score_cutoff=80) if names else None
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise QueryError(f"no actor named '{name}'{hint}")
        return self.keys_of(actor.id)

    def mentions_in(self, article_id: str) -> tuple[list[ActorMention], list[ActorMention]]:
        """Every mention of a visible actor in one article: (in the text, in the title)."""
        body: list[ActorMention] = []
        title: list[ActorMention] = []
        with self._db() as db:
            rows = db.execute(
                "SELECT m.spans, m.title_spans, a.id, a.name FROM mentions m "
                "JOIN actor_keys k ON k.key = m.key JOIN actors a ON a.id = k.actor "
                "WHERE m.article = ? AND a.hidden = 0", (article_id,)).fetchall()
        for spans, title_spans, actor_id, name in rows:
            body += [ActorMention(s, actor_id, name) for s in _spans(spans)]
            title += [ActorMention(s, actor_id, name) for s in _spans(title_spans)]
        return sorted(body, key=lambda m: m.span), sorted(title, key=lambda m: m.span)

    def top_in(self, article_ids: list[str], limit: int = 20,
               each_kind: bool = False) -> list[tuple[Actor, int]]:
        """The actors of a result set, by how many of its articles mention them: the top
        `limit`, or with `each_kind` the top `limit` places and the top `limit` others."""
        if not article_ids:
            return []
        with self._db() as db:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (article TEXT PRIMARY KEY)")
            db.execute("DELETE FROM chosen")
            db.executemany("INSERT OR IGNORE INTO chosen VALUES (?)", [(i,) for i in article_ids])
            rows = db.execute(_ranked(
                # CROSS JOIN: drive from the few chosen articles through the mentions'
                # article index (the planner, knowing nothing of the temp table, would
                # scan every mention: 150 ms at 100,000 articles).
                "FROM chosen CROSS JOIN mentions m ON m.article = chosen.article "
                "JOIN actor_keys k ON k.key = m.key "
                "JOIN actors a ON a.id = k.actor WHERE a.hidden = 0", each_kind),
                (limit,)).fetchall()
            db.execute("DELETE FROM chosen")
        return self._with_actors(rows)

    def cooccurring(self, actor_id: int, limit: int = 20,
                    each_kind: bool = False) -> list[tuple[Actor, int]]:
        """The actors that appear in the most articles together with this one (the top
        `limit`, or with `each_kind` the top `limit` places and the top `limit` others)."""
        with self._db() as db:
            rows = db.execute(
                "WITH mine AS (SELECT DISTINCT m.article FROM mentions m "
                " JOIN actor_keys k ON k.key = m.key WHERE k.actor = ?) " + _ranked(
                    "FROM mentions m JOIN mine USING (article) "
                    "JOIN actor_keys k ON k.key = m.key "
                    "JOIN actors a ON a.id = k.actor WHERE a.hidden = 0 AND k.actor != ?",
                    each_kind),
                (actor_id, actor_id, limit)).fetchall()
        return self._with_actors(rows)

    def _with_actors(self, rows: list[tuple[int, int]]) -> list[tuple[Actor, int]]:
        if not rows:
            return []
        ids = [r[0] for r in rows]
        found = {a.id: a for a in self._actors(f"id IN ({','.join('?' * len(ids))})",
                                                tuple(ids))}
        return [(found[i], n) for i, n in rows if i in found]


# SQL: whether the actor in table (or alias) `a` is a place.
IS_PLACE = "{a}.type IN (" + ", ".join(f"'{t}'" for t in PLACE_TYPES) + ")"


def _ranked(source: str, each_kind: bool) -> str:
    """(actor, articles) counted over `source` (FROM ... WHERE, joining `k` actor_keys,
    `m` mentions and `a` actors), most first; its last parameter is the limit, taken over
    all or, with `each_kind`, over the places and over the others apart."""
    count = "count(DISTINCT m.article)"
    if not each_kind:
        return (f"SELECT k.actor, {count} AS c {source} GROUP BY k.actor "
                "ORDER BY c DESC, a.articles DESC LIMIT ?")
    return (f"SELECT actor, c FROM (SELECT k.actor AS actor, {count} AS c, a.articles AS n, "
            f"row_number() OVER (PARTITION BY {IS_PLACE.format(a='a')} "
            f"ORDER BY {count} DESC, a.articles DESC) AS r {source} GROUP BY k.actor) "
            "WHERE r <= ? ORDER BY c DESC, n DESC")


def recluster(settings: Settings, table: ActorTable) -> None:
    """Apply the dictionaries as they are now (after a curation edit) without re-indexing.
    Under the curation's lock: two processes re-clustering at once rebuild one after the
    other, the later from the newer files, so the table ends as the files are."""
    paths = dictionary_paths(settings)
    with locked(curation_path(settings)):
        table.rebuild(load_dictionaries(paths), dictionaries_stamp(paths))


def recluster_if_changed(settings: Settings, table: ActorTable) -> bool:
    """Re-cluster if a dictionary changed since the table was built (another process, or a
    person with an editor, changed the curation); whether it did. A few stats when not."""
    if table.stamp() == dictionaries_stamp(dictionary_paths(settings)):
        return False
    recluster(settings, table)
    return True
