"""Market indices and other figures are no actors, by their head noun ("Nasdaq Composite
Index", "Dow Jones Industrial Average", "Shanghai Composite", "Reuters Estimates"), while the
exchange or publisher named alone is (Nasdaq, Dow Jones), nor is the Internet; a platform is
a body by the nouns its name qualifies ("YouTube channel", "Twitter account", "Facebook
page"), not "other"."""

from __future__ import annotations

import random

from newsdesk.index.actors.not_actors import not_actor
from tests.index.actors.test_precision_rules import clusters, mentions, stat


def test_a_market_index_is_no_actor_and_its_publisher_is() -> None:
    rng = random.Random(24)
    owners = ["Nasdaq", "Dow Jones", "Shanghai", "Hang Seng", "Zorbex", "Kospi", "Stoxx"]
    heads = ["Index", "Composite", "Composite Index", "Industrial Average", "Average",
             "Price Index", "Transportation Average", "All-Share Index"]
    for _ in range(60):
        name = f"{rng.choice(owners)} {rng.choice(heads)}"
        found = clusters([stat(name, rng.randrange(2, 200), thing=rng.randrange(0, 9))])
        assert found == {}, name
    for owner in ("Nasdaq", "Dow Jones", "Index Ventures", "Average Joe's Corp"):
        assert not not_actor(owner.lower().replace("'s", "")), owner
    assert clusters([stat("Dow Jones", 40, organisation=15)])["dow jones"][1] == "organisation"
    # Figures a publisher gives ("Reuters Estimates"), and the Internet, are no actors.
    for name in ("Reuters Estimates", "Zorbex Estimate", "Internet", "Web"):
        assert clusters([stat(name, 100, organisation=3, media=10)]) == {}, name


def test_the_nouns_a_platform_qualifies_make_it_a_body() -> None:
    rng = random.Random(24)
    nouns = ["channel", "account", "accounts", "page", "users", "user", "subscribers"]
    for platform in ("YouTube", "Twitter", "Instagram", "Zorbgram"):
        text = " ".join(f"He read the {platform} {rng.choice(nouns)} about it." for _ in range(4))
        found = [(k, t) for k, t, _ in mentions(text)]
        assert found and all(t == "media" for _, t in found), found
    # Few such cues among many plain mentions ("posted on YouTube") still type it.
    youtube = stat("YouTube", 211, location=49, modifier=42, media=44)
    assert clusters([youtube])["youtube"][1] == "media"
