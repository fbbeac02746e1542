"""Hits folded into stories: each group of near-duplicates among the hits shows once, under
its best-ranked hit, with the others as its copies (in rank order)."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsdesk.index.models import Hit


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
