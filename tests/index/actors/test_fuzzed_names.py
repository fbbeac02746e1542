"""No text stops actor extraction or clustering: random runs of the words the rules read
(titles, honorifics, particles, connectors, possessives, initials, acronyms, brackets,
slashes) extracted and clustered as a corpus. Two outside testers' single sentences did
("Iran and People's Republic of China" in extraction, "Sheikh El Al spoke." in
clustering), each stopping every build of its corpus."""

from __future__ import annotations

import random

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

DICTIONARIES = load_dictionaries([])
WORDS = [word for line in (
    "Sheikh Haj Martyr Comrade President Mr. Dr. Minister General Chief Police Saint St.",
    "El Al al- Le La de von van bin Bin Ibn Mc O' Kim Jong Un Xi Smith Blair Iran China",
    "Korea Party Union Army Workers' People's Democratic Republic of the and or & , . ( )",
    "- – / \" ” National Council Ltd Inc Co BBC DPRK U.S. UN ROK PA/PA A.J. J.P. II III",
    "Times Following The In New York's Court Front") for word in line.split()]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 24))) + "."


@pytest.mark.parametrize("seed", range(8))
def test_random_name_shaped_text_never_stops_extraction_or_clustering(seed: int) -> None:
    rng = random.Random(seed)
    extractor = make_extractor(DICTIONARIES)
    texts = [_text(rng) for _ in range(150)]
    texts += ["Sheikh El Al spoke.", "Iran and People’s Republic of China.",
              "The pilgrim Haj El Al arrived."]
    names = names_of_keys(extractor, DICTIONARIES, texts)
    assert all(name.strip() for name in names.values())
