"""Market indices and other figures are no actors, by their head noun ("Nasdaq Composite
Index", "Dow Jones Industrial Average", "Shanghai Composite", "Reuters Estimates"), while the
exchange or publisher named alone is (Nasdaq, Dow Jones), nor is the Internet; a platform is
a body by the nouns its name qualifies ("YouTube channel", "Twitter account", "Facebook
page"), not "other"."""

from __future__ import annotations

import random

from newsdesk.index.actors.names import name_key
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
    nouns = ["channel", "account", "accounts", "page", "channels", "pages"]
    for platform in ("YouTube", "Twitter", "Instagram", "Zorbgram"):
        text = " ".join(f"He read the {platform} {rng.choice(nouns)} about it." for _ in range(4))
        found = [(k, t) for k, t, _ in mentions(text)]
        assert found and all(t == "media" for _, t in found), found
    # A service's users or subscribers are a company's as well ("Vodafone users"): a body,
    # no medium.
    for name in ("Vodafone", "Zorbgram", "Zorbtel"):
        text = " ".join(f"He read that {name} {noun} rose." for noun in ("users", "subscribers"))
        found = [(k, t) for k, t, _ in mentions(text)]
        assert found and all(t == "organisation" for _, t in found), found
    # Few such cues among many plain mentions ("posted on YouTube") still type it.
    youtube = stat("YouTube", 211, location=49, modifier=42, media=44)
    assert clusters([youtube])["youtube"][1] == "media"


def test_a_name_read_as_an_index_is_no_actor_and_its_company_is() -> None:
    """"The Dow Jones industrial average" (Reuters 2006-13: 150 of "Dow Jones"'s 171
    mentions) is the index, as the gold of Reuters-21578 says, no mention of Dow Jones;
    "Dow Jones & Co" is the company. "Siemens industrial unit" says nothing of the kind."""
    index_forms = ["the {} industrial average fell", "the {} index rose",
                   "the {} composite gained", "the {} industrial averages"]
    for owner in ("Dow Jones", "Hang Seng", "Zorbex", "TSX"):
        for form in index_forms:
            text = "Stocks moved. " + form.format(owner) + " 1 percent."
            found = [(k, t) for k, t, _ in mentions(text) if k == name_key(owner)]
            # A body's name of several words: no mention of it (market_terms.py); one word or
            # capitals: a work's cue, the name dropped whole by their share.
            assert (not found) if " " in owner else (
                found and all(t == "work" for _, t in found)), (text, found)
    text = "Stocks moved. Shares of Dow Jones & Co rose, and Siemens industrial unit grew."
    found = {k: t for k, t, _ in mentions(text)}
    assert found.get("dow jones co") != "work" and found.get("siemens") != "work", found
    index = stat("Dow Jones", 171, work=150, organisation=4)
    company = stat("Dow Jones & Co", 9, organisation=5)
    assert "dow jones" not in clusters([index, company])
    assert "dow jones co" in clusters([index, company])
