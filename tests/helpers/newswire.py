"""Wire stories written from templates with a fixed seed: news-like titles, paragraphs,
dates (1987 and 1988) and sources, for the tests that need a corpus of realistic shape
where ../shared/corpora is absent. Every word is ours, so it ships with the repository.

The vocabulary covers what those tests ask for: common words (oil, said, market,
government, prices, bank, trade, company, election), prefixes (comm*, tran*, over*),
phrases ("last year", "oil prices", "the company said", "said it would", "new york", "hong
kong", "prime minister") and actors (Reuters, London, the United States, Japan, OPEC)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

SOURCES = ["Reuters", "BBC News"]
PLACES = ["London", "New York", "Tokyo", "Hong Kong", "Paris", "Frankfurt", "Washington",
          "Brussels", "Sydney", "Toronto", "Geneva", "Singapore"]
COUNTRIES = ["the United States", "Japan", "Britain", "France", "West Germany", "Canada",
             "Brazil", "Saudi Arabia", "China", "Australia", "Mexico", "Nigeria", "Kuwait"]
COMPANIES = ["General Motors", "Exxon Corp", "British Petroleum", "Mitsubishi Corp",
             "Texaco Inc", "Barclays Bank", "Citicorp", "Nippon Steel", "Chrysler Corp",
             "Commonwealth Edison", "Transamerica Corp", "Overseas Shipholding"]
GOODS = ["oil", "gold", "coffee", "cocoa", "wheat", "sugar", "copper", "grain", "crude",
         "natural gas", "steel", "cotton", "silver"]
MOVES = ["rose", "fell", "climbed", "dropped", "slipped", "jumped", "eased", "gained"]
PEOPLE = ["finance minister", "central bank governor", "oil minister", "trade secretary",
          "company spokesman", "chief executive", "senior analyst", "union leader",
          "prime minister"]
TOPICS = ["interest rates", "the trade deficit", "the budget", "commodity prices",
          "the dollar", "oil prices", "share prices", "the stock market", "bank lending",
          "transport costs", "the money supply", "farm subsidies", "overseas investment"]
SENTENCES = [
    "{good} prices {move} {n} pct on the {place} market after the {person} said supplies "
    "would stay tight.",
    "The company said it would {act} its {good} operations in {country} by the end of "
    "this year.",
    "{company} said net profit {move} to {n} mln dlrs from {m} mln dlrs last year.",
    "The government of {country} said it would review {topic} before the next meeting "
    "of OPEC ministers in {place}.",
    "Traders in {place} said the market was waiting for figures on {topic}, due next week.",
    "The {person} told Reuters that {topic} were likely to {act2} over the coming months.",
    "{country} and {country2} agreed to hold trade talks in {place} on {topic}.",
    "Analysts said the bank would probably {act2} its forecast for {topic} by {n} pct.",
    "{company} said it had agreed to buy a stake in a {good} venture for {n} billion dlrs.",
    "Oil prices {move} in New York as OPEC members said output would fall last month.",
    "The commission said there was no sign that {topic} would {act2} before the election.",
    "Shares in {company} {move} {n} cents in Hong Kong after the company said it would "
    "pay a special dividend.",
    "Government officials in {country} said the transport strike had cut {good} exports.",
    "The {person} said over {n} mln tonnes of {good} had been shipped since last year.",
    "A mining company in {country} said it would give its workers a {n} pct rise, "
    "following the fall in gold prices.",
    "Japan said it would open its {good} market to imports from the United States.",
    "Bankers in London said the dollar {move} against the yen in quiet trade.",
    "The prime minister of {country} said the election would not change its policy on "
    "{topic}.",
]
TITLES = [
    "{company} profit {move} {n} pct", "{good} prices {move} in {place}",
    "{country} to review {topic}", "OPEC ministers meet in {place}",
    "{country} and {country2} in trade talks", "{company} to buy {good} venture",
    "{place} market {move} on {topic}", "Oil prices {move} after OPEC talks",
]
ACTIONS = ["expand", "sell", "close", "restructure", "double", "review", "cut"]
SLOW_ACTIONS = ["rise", "fall", "ease", "recover", "change", "cut"]


def _fill(template: str, rng: random.Random) -> str:
    country, country2 = rng.sample(COUNTRIES, 2)
    text = template.format(
        good=rng.choice(GOODS), move=rng.choice(MOVES), n=rng.randint(2, 95),
        m=rng.randint(2, 95), place=rng.choice(PLACES), person=rng.choice(PEOPLE),
        country=country, country2=country2, company=rng.choice(COMPANIES),
        topic=rng.choice(TOPICS), act=rng.choice(ACTIONS), act2=rng.choice(SLOW_ACTIONS))
    return text[0].upper() + text[1:]


def records(count: int = 600, seed: int = 3) -> Iterator[dict]:
    """`count` stories of one to seven paragraphs, each of one to four sentences."""
    rng = random.Random(seed)
    start = datetime(1987, 3, 1)  # as in Reuters-21578: January 1987 has no stories
    for number in range(count):
        paragraphs = [" ".join(_fill(rng.choice(SENTENCES), rng)
                               for _ in range(rng.randint(1, 4)))
                      for _ in range(rng.randint(1, 7))]
        date = start + timedelta(days=rng.randrange(730), seconds=rng.randrange(86400))
        yield {"id": f"wire-{number:05d}", "title": _fill(rng.choice(TITLES), rng),
               "date": date.isoformat(), "source": rng.choice(SOURCES),
               "text": "\n".join(paragraphs)}


def write(path: Path, count: int = 600, seed: int = 3) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(record) + "\n" for record in records(count, seed))
    return path
