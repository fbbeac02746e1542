"""A .json file in a corpus folder is read (stranger4 B2: it was passed over without a
word): an array of article objects in any layout, an object holding such an array, one
article object, JSON Lines under a .json name; what is not articles is said, per file."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.index.ingest.test_corpus import read_all

RECORDS = [{"id": f"j{n}", "title": f"Title {n} [a, b]", "text": f"Text {n}: {{ok}}, \"q\"."}
           for n in range(6)]


def _forms(rng: random.Random) -> dict[str, str]:
    records = RECORDS[:rng.randint(1, len(RECORDS))]
    indent = rng.choice([None, 1, 2, 4, "\t"])
    array = json.dumps(records, indent=indent, ensure_ascii=rng.random() < 0.5)
    return {
        "array": array,
        "array, space before": "\n\n  " + array + "\n",
        "articles key": json.dumps({"source": "x", "count": len(records),
                                    "articles": records}, indent=indent),
        "data key, late": json.dumps({"meta": {"n": [1, 2]}, "data": records}, indent=indent),
        "json lines": "".join(json.dumps(r) + "\n" for r in records),
        "BOM": "\ufeff" + array,
    }


@pytest.mark.parametrize("seed", range(3))
def test_every_form_gives_its_articles_at_their_lines(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for form, text in _forms(rng).items():
        folder = tmp_path / f"{seed}-{form}"
        folder.mkdir()
        (folder / "a.json").write_text(text, encoding="utf-8")
        articles, problems = read_all(folder)
        wanted = json.loads(text.lstrip("\ufeff").splitlines()[0]) if form == "json lines" \
            else None
        assert problems == [], (form, problems)
        ids = [a.id for a in articles]
        assert ids == [f"j{n}" for n in range(len(ids))] and ids, form
        assert articles[0].title == RECORDS[0]["title"] and articles[0].text == \
            RECORDS[0]["text"], form
        if wanted is not None:
            assert len(ids) == len(text.splitlines())


def test_one_article_object(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps(RECORDS[0], indent=2))
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["j0"] and problems == []


def test_a_record_line_is_where_it_begins(tmp_path: Path) -> None:
    text = '[\n  {"id": "a", "text": "x"},\n  7,\n\n  {"id": "b"}\n]\n'
    (tmp_path / "mixed.json").write_text(text)
    articles, problems = read_all(tmp_path)
    assert [a.id for a in articles] == ["a"]
    said = {p.line: p.reason for p in problems}
    assert "record is not a JSON object" in said[3]
    assert "no 'text' key" in said[5]


@pytest.mark.parametrize("text, reason", [
    ('[{"id": "a", "text": "x"}', "malformed JSON"),
    ('"just a string"', "a JSON array or object of articles"),
    ("[]", "empty file"), ("", "empty file"), ("   \n", "empty file"),
])
def test_what_is_not_articles_is_said(tmp_path: Path, text: str, reason: str) -> None:
    (tmp_path / "odd.json").write_text(text)
    articles, problems = read_all(tmp_path)
    assert articles == [] and len(problems) == 1 and reason in problems[0].reason, problems
    assert problems[0].path.endswith("odd.json")
