"""The bulk segment writer's short cuts for one-term fields make the terms Whoosh's own
`field.index` makes: a date's trie terms, an id's single term."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from newsdesk.index.storage import bulk_segment
from newsdesk.index.storage.schema import build_schema


def test_a_dates_terms_are_whooshs() -> None:
    field = build_schema()["date"]
    rng = random.Random(1)
    for _ in range(500):
        when = datetime(1970, 1, 1) + timedelta(seconds=rng.randrange(2 * 10**9),
                                                microseconds=rng.randrange(10**6))
        assert bulk_segment._datetime_terms(field, when) == list(field.index(when))
    for when in (datetime(1, 1, 1), datetime(1969, 12, 31, 23, 59, 59, 999999),
                 datetime(1970, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999)):
        assert bulk_segment._datetime_terms(field, when) == list(field.index(when))


def test_an_ids_term_is_whooshs() -> None:
    schema = build_schema()
    for name in ("id", "url", "path"):
        assert bulk_segment._is_whole_value(schema[name])
    assert not any(bulk_segment._is_whole_value(schema[name])
                   for name in ("title", "body", "source", "actors", "date", "indexed"))
    docs = [{"id": value} for value in ("a1", "Ünïcode id", "with space", " padded ")]
    found, _ = bulk_segment._analysed(schema["id"], "id", docs)
    assert found.terms == [t for doc in docs for t, *_ in schema["id"].index(doc["id"])]


def test_comma_keywords_terms_are_whooshs() -> None:
    from whoosh import fields

    schema = build_schema()
    field = schema["actors"]
    assert bulk_segment._is_comma_keywords(field)
    assert not any(bulk_segment._is_comma_keywords(schema[name])
                   for name in ("id", "title", "body", "source", "date", "indexed"))
    assert not bulk_segment._is_comma_keywords(fields.KEYWORD(commas=True, lowercase=True))
    assert not bulk_segment._is_comma_keywords(fields.KEYWORD())
    boosted = fields.KEYWORD(commas=True, field_boost=2.5)
    for value in ("tony blair,us", "a,b,a", " x , y,,z, ", ",", " , ", "é,É", "a b,a b", "",
                  "x", "iran,iran,iran"):
        for keywords in (field, boosted):
            made = bulk_segment._comma_terms(value, keywords.format.field_boost)
            assert made == list(keywords.index(value)), value


def test_stable_order_is_numpys_stable_argsort() -> None:
    import numpy as np

    rng = np.random.default_rng(7)
    for top in (1, 2, 300, 1 << 16, (1 << 16) + 5, 1 << 20, (1 << 32) - 1):
        for size in (0, 1, 1000):
            keys = rng.integers(0, top, size, dtype=np.int64).astype(
                np.int32 if top < 1 << 31 else np.int64)
            assert np.array_equal(bulk_segment.stable_order(keys),
                                  np.argsort(keys, kind="stable"))
