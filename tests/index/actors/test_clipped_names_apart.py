"""A lone word is no clipped head of the one longer name it ends when it is a name of its
own (cluster.py `_clipped_heads`): Daily Mail corpora had "York" (the English city) in New
York's entry and "Sun" (The Sun of London; the star) in the Herald Sun's. Made-up names."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries

DICTIONARIES = load_dictionaries([])


def _stat(surface: str, n: int, location: int = 0, lower: int = 0, **org: int) -> KeyStats:
    return KeyStats(surface.lower(), Counter({surface: n}), n, n, location=location,
                    lower=lower, org=Counter(org))


def _groups(stats: list[KeyStats], together=None) -> dict[str, set[str]]:
    return {k: set(c.keys) for c in cluster({s.key: s for s in stats}, {}, DICTIONARIES,
                                            together) for k in c.keys}


def test_a_place_never_written_in_lower_case_is_its_own() -> None:
    longer = _stat("Nova Varnel", 40, location=17, thing=1)
    lone = _stat("Varnel", 6, location=4, modifier=4)
    assert "nova varnel" not in _groups([longer, lone])["varnel"]
    # (a common word placed as the longer name is, "in the Varnels", still joins it:
    # test_place_type_rules.py)


def test_a_word_whose_articles_never_name_the_longer_one_is_its_own() -> None:
    longer = _stat("Herald Varnel", 108, thing=89, media=17)
    lone = _stat("Varnel", 12, location=1, lower=1, modifier=9, thing=3)
    assert "herald varnel" not in _groups([longer, lone], lambda a, b: False).get("varnel", ())
    assert _groups([longer, lone], lambda a, b: True)["varnel"] == {"varnel", "herald varnel"}


def test_an_acronym_opening_a_sentence_keeps_its_capitals() -> None:
    # ("...the big banks. HSBC and Barclays offer": HSBC was cut as a sentence's capital)
    from newsdesk.index.actors.table import make_extractor
    extractor = make_extractor(DICTIONARIES)

    def keys(text: str) -> list[str]:
        return [m.key for m in extractor.extract("", text).mentions]

    assert keys("Rates fell at the big banks. HSBVC and Barclays offer less.") == \
        ["hsbvc", "barclays"]
    assert keys("Prices rose. HMRVC officials raided homes.") == ["hmrvc"]
    # no label, no sign-off, no line of capitals, no common word
    assert keys("Prices rose.\nNOTE: figures are rounded.\nREUTER") == []
    assert keys("Prices rose. CAR BOMB EXPLODES AT BASE") == []
