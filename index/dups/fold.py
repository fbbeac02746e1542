"""Hits folded into stories: each group of near-duplicates among the hits shows once, under
its best-ranked hit, with the others as its copies (in rank order). A folded search builds
hits (snippets, highlights) for the stories only; their copies stay ids and scores until
someone opens them (Engine.copy_hits): a page of 20 stories reached 95 hits on a corpus full
of copies, and highlighted all of them at every keystroke.

A page of folded results counts stories, not hits: `stories_cut` says how many of the ranked
hits make the first N stories, so that ten hits of which five are copies do not show as
five stories (Engine.search with fold=True ranks REACH times the stories asked for, then
REACH times that, and builds hits only for the stories it keeps)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.index.models import Hit

REACH = 4  # hits ranked a story asked for; a second try ranks REACH times as many
TRIES = 2
# Hits ranked at least: a story's "+N copies" counts its copies among these, whatever the
# page size (`search --fold -n 3` ranked 12 and showed none of a story's five copies that
# a page of 20 stories showed).
LEAST_REACH = 100


@dataclass(slots=True)
class Story:
    hit: Hit  # the best-ranked hit of its group (or a hit with no copies)
    copies: list[str] = field(default_factory=list)  # its copies' ids, in rank order


def stories_of(hits: list[Hit], copies: dict[str, list[tuple[str, float]]]) -> list[Story]:
    """A folded search's stories (Results.hits, one a story, and Results.copies)."""
    return [Story(hit, [i for i, _ in copies.get(hit.id, ())]) for hit in hits]


def story_positions(ranked: list[str], keep: int, group_of: dict[str, str]
                    ) -> list[tuple[int, list[int]]]:
    """The stories of the first `keep` of the `ranked` ids, in the order of each story's
    first hit: (its position, the positions of its copies, in rank order). A story's copies
    are all those the ranking reached (`with_copies`)."""
    found: list[tuple[int, list[int]]] = []
    heads: dict[str, list[int]] = {}
    for n in with_copies(ranked, keep, group_of):
        group = group_of.get(ranked[n])
        copies = heads.get(group) if group is not None else None
        if copies is not None:
            copies.append(n)
            continue
        found.append((n, []))
        if group is not None:
            heads[group] = found[-1][1]
    return found


def with_copies(ranked: list[str], keep: int, group_of: dict[str, str]) -> list[int]:
    """The positions in `ranked` of the first `keep` hits and of the copies of their
    stories ranked after them (in rank order): a story's copies are all of those the
    ranking reached, not only those ranked before the next story began."""
    kept = {group_of[i] for i in ranked[:keep] if i in group_of}
    return [*range(keep), *(n for n in range(keep, len(ranked))
                            if group_of.get(ranked[n]) in kept)]


def stories_cut(ids: list[str], group_of: dict[str, str], stories: int) -> tuple[int, int]:
    """(how many of the ranked `ids` to keep, how many stories they are): the first
    `stories` stories and the copies of them ranked before the next story begins.
    `group_of`: article -> its group, for those in one."""
    seen: set[str] = set()
    for n, article in enumerate(ids):
        story = group_of.get(article, article)
        if story in seen:
            continue
        if len(seen) == stories:
            return n, stories
        seen.add(story)
    return len(ids), len(seen)
