"""A line repeated across a corpus is a site's line when it is in many different stories,
not when it is in many copies of one story (repeated_lines.py, `stories`): the store's
texts tell the two apart."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.index.config import Settings
from newsdesk.index.engine import Engine
from newsdesk.index.ingest.indexer import Indexer
from tests.index.actors.test_unseen_corpus_cues import _LINE, _STORIES

# A paragraph long enough to be a story's own words (repeated_lines.SHORT).
_PROSE = ("The report runs to forty pages and sets out how the work will be paid for over "
          "the coming years, with the costs shared between the region and its towns, and "
          "a review of the plan promised before the end of the year by the board.")


def _index(folder: Path, settings: Settings, articles: list[tuple[str, str]]) -> None:
    rows = [{"id": f"a{n}", "title": title, "text": text}
            for n, (title, text) in enumerate(articles)]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    Indexer(settings).run()


def test_a_line_in_many_different_stories_still_makes_no_actor(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    articles = [(title, f"{title}\n\n{_LINE}\n\n{body}") for title, body in _STORIES]
    _index(corpus_dir, corpus_settings, articles)
    with Engine(corpus_settings) as engine:
        assert engine.actors.resolve("Fact") is None
        assert engine.actors.resolve("Dana Velt") is not None


def test_a_name_written_once_in_copies_of_one_story_keeps_its_actor(
        corpus_dir: Path, corpus_settings: Settings) -> None:
    """A wire story in ten papers, each with its own headline and sign-off: the one short
    line that names Dana Velt is in every copy, and is still the story's name."""
    story = (f"Rivers rose across the valley on Monday. {_PROSE}\n\n"
             "Mayor Dana Velt visited the valley on Tuesday.\n\n"
             f"Engineers said the water would fall by Friday. {_PROSE}")
    articles = [(f"Valley floods, edition {n}", f"{story}\n\nFiled for paper {n}.")
                for n in range(10)]
    _index(corpus_dir, corpus_settings, articles)
    with Engine(corpus_settings) as engine:
        actor = engine.actors.resolve("Dana Velt")
        assert actor is not None and actor.articles == 10
        assert engine.count('actor:"Dana Velt"') == 10
