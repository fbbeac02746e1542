"""Hits folded into stories: each group of near-duplicates among the hits shows once, under
its best-ranked hit, with the others as its copies (in rank order).

A page of folded results counts stories, not hits: `stories_cut` says how many of the ranked
hits make the first N stories, so that ten hits of which five are copies do not show as
five stories (Engine.search with fold=True ranks REACH times the stories asked for, then
REACH times that, and builds hits only for those it keeps)."""

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
    copies: list[Hit] = field(default_factory=list)


def fold(hits: list[Hit]) -> list[Story]:
    """The hits as stories, in the order of each story's first hit."""
    stories: list[Story] = []
    heads: dict[str, Story] = {}
    for hit in hits:
        if hit.group is None:
            stories.append(Story(hit))
            continue
        story = heads.get(hit.group)
        if story is None:
            story = heads[hit.group] = Story(hit)
            stories.append(story)
        else:
            story.copies.append(hit)
    return stories


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
