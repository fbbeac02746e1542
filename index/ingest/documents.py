"""An article as the index holds it: its Whoosh fields and its actor mentions. The same
for every build, local or on a cluster, so both index the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsdesk.index.actors import long_text
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.rows import mention_rows
from newsdesk.index.ingest.actor_text import actor_text
from newsdesk.index.models import Article
from newsdesk.index.storage.facet_values import facet_value

if TYPE_CHECKING:
    from newsdesk.index.storage.article_store import MentionRow


def whoosh_doc(article: Article, indexed_at: float, actor_keys: set[str]) -> dict:
    doc: dict = {"id": article.id, "title": article.title, "body": article.text,
                 "path": article.path, "indexed": int(indexed_at * 1000),
                 "facet": facet_value(article.date, article.source)}
    if actor_keys:
        doc["actors"] = ",".join(sorted(actor_keys))
    if article.url:
        doc["url"] = article.url
    if article.source:
        doc["source"] = article.source
    if article.date:
        doc["date"] = article.date
    return doc


@dataclass(slots=True)
class Extracted:
    """What actor extraction found in a run of articles, as the store keeps it."""

    mentions: list[MentionRow] = field(default_factory=list)
    acronyms: list[tuple[str, str, str]] = field(default_factory=list)
    # Articles whose extraction failed (a fault in a rule): (id, the error). They are
    # indexed without actors and said as the corpus's problems; the run goes on.
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Articles whose actors were read from a part of their text (actor_text.py): (id,
    # characters read, characters in all); said as the corpus's problems.
    capped: list[tuple[str, int, int]] = field(default_factory=list)

    def extend(self, other: Extracted) -> None:
        """Another run's findings after these (a batch's parts, in their order)."""
        self.mentions.extend(other.mentions)
        self.acronyms.extend(other.acronyms)
        self.failed.extend(other.failed)
        self.capped.extend(other.capped)

    def add(self, extractor: Extractor, article: Article) -> set[str]:
        """Extract one article's actors; the keys of those it mentions."""
        return self.add_text(extractor, article.id, article.title, article.text)

    def add_text(self, extractor: Extractor, article_id: str, title: str, text: str
                 ) -> set[str]:
        """`add` of an article's id, title and text (no Article made: a frozen dataclass
        takes 2 us to make, field by field through object.__setattr__)."""
        read = actor_text(text)
        if len(read) < len(text):
            self.capped.append((article_id, len(read), len(text)))
            text = read
        try:
            found = extractor.extract(title, text)
        except Exception as exc:  # noqa: BLE001 (one article's fault stops no build)
            # A rule that fails on one article's text (a tester's "Iran and People's
            # Republic of China" stopped every build of a corpus, and every command after
            # it) costs that article its actors, not the run.
            self.failed.append((article_id, f"{type(exc).__name__}: {exc}"))
            return set()
        if len(text) > long_text.LONG:
            long_text.forget()
        self.mentions.extend(mention_rows(article_id, found))
        self.acronyms.extend((article_id, a, e) for a, e in found.acronyms)
        return {m.key for m in found.mentions}
