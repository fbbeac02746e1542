"""The social media platforms quoted across every domain of news are the curated
dictionary's (news_actors.yaml): typed media whatever their article's cues
(a health corpus had "Twitter" typed other), their "Inc" forms theirs too."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key

DICTIONARIES = load_dictionaries([])


@pytest.mark.parametrize("name", ["Twitter", "Facebook", "Instagram", "YouTube", "Youtube",
                                  "TikTok", "WhatsApp", "Facebook Inc", "Twitter Inc"])
def test_a_platform_is_a_dictionary_medium(name: str) -> None:
    head = DICTIONARIES.alias[name_key(name)]
    entry = DICTIONARIES.entries[head]
    assert entry.type == "media" and entry.source.startswith("Wikipedia"), entry


@pytest.mark.parametrize(("name", "kind"), [
    ("LinkedIn", "media"), ("Reddit", "media"), ("PRNewswire", "media"),
    ("PR Newswire", "media"), ("Business Wire", "media"), ("GlobeNewswire", "media"),
    ("Motley Fool", "media"), ("Seeking Alpha", "media"), ("CNBC", "media"),
    ("NYSE", "organisation"), ("LSEG", "organisation"), ("Euronext", "organisation"),
    ("Tokyo Stock Exchange", "organisation")])
def test_business_wires_media_and_exchanges_are_the_dictionarys(name: str, kind: str) -> None:
    entry = DICTIONARIES.entries[DICTIONARIES.alias[name_key(name)]]
    assert entry.type == kind and entry.source.startswith("Wikipedia"), entry


@pytest.mark.parametrize("name", ["Nasdaq", "LSE", "TSX", "BSE", "Insider", "Fool"])
def test_a_name_an_exchange_shares_with_another_thing_is_no_alias(name: str) -> None:
    assert name_key(name) not in DICTIONARIES.alias
