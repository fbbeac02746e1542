"""Mentions (index/models.py): an article's actor mentions as arrays, read as the list of
ActorMention they replace (the reader of an article of 20 MB held 216,000 of those)."""

from __future__ import annotations

import pytest

from newsdesk.index.models import ActorMention, Mentions


def test_mentions_read_as_the_list_they_replace() -> None:
    listed = [ActorMention((0, 4), 7, "Iran"), ActorMention((10, 16), 9, "Tehran"),
              ActorMention((20, 24), 7, "Iran")]
    mentions = Mentions.of(listed)
    assert len(mentions) == 3 and list(mentions) == listed and mentions == listed
    assert mentions[1] == listed[1] and mentions[-1] == listed[-1]
    assert mentions[1:] == listed[1:]
    assert mentions.actors == [(7, "Iran"), (9, "Tehran")]  # each actor once
    assert {m.actor for m in mentions} == {"Iran", "Tehran"}
    assert mentions != listed[:2] and Mentions() == []
    with pytest.raises(IndexError):
        mentions[3]
    with pytest.raises(ValueError):
        Mentions([1], [2], [], [(7, "Iran")])
