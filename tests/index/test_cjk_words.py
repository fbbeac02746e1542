"""Chinese and Japanese are written without spaces: `\\w+` made a clause one token, so
`東京` (Tokyo) and `岸田` (Kishida) found nothing in "東京都は新しい政策を発表した。岸田首相が
会見した。". Each Han or Kana character is a token of its own, and a run of them in a query
is the phrase of its characters: a word is found wherever it is written, inside a longer
run too. Hangul is written with spaces between words and stays as it was."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from newsdesk.index import analysis
from newsdesk.index.engine import Engine
from tests.helpers.indexed import indexed

TEXTS = {
    "jp": "東京都は新しい政策を発表した。岸田首相が会見した。Tokyo announced a policy.",
    "cn": "北京市今天发布了新的政策。习近平主席出席了会议。",
    "kana": "カタカナのニュースとひらがなのことば。",
    "ko": "서울 시장이 새로운 정책을 발표했다.",
    "en": "Tokyo and Beijing are capitals; nothing else here.",
}


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("cjk")
    lines = [json.dumps({"id": k, "title": f"Story {k}", "text": t}) for k, t in TEXTS.items()]
    (folder / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Engine(indexed(folder, [folder / "a.jsonl"])) as built:
        yield built


def test_each_han_and_kana_character_is_a_token() -> None:
    assert analysis.terms("東京都は") == ["東", "京", "都", "は"]
    assert analysis.terms("ABC東京") == ["abc", "東", "京"]
    assert len(analysis.terms("서울 시장이")) == 2  # Hangul: words, as before
    # Other words in a text with Han or Kana are the words they always were
    assert [w for w, _, _ in analysis.words("U.S.と東京 bbc.co.uk Sole\u00adimani")] == \
        ["u.s", "と", "東", "京", "bbc.co.uk", "soleimani"]


@pytest.mark.parametrize(("query", "ids"), [
    ("東京", {"jp"}), ("岸田", {"jp"}), ("首相", {"jp"}), ("政策", {"jp", "cn"}),
    ("北京", {"cn"}), ("习近平", {"cn"}), ("カタカナ", {"kana"}), ("ひらがな", {"kana"}),
    ("京東", set()), ("서울", {"ko"}), ("tokyo", {"jp", "en"}), ('"東京 岸田"', set()),
    ("東京 岸田", {"jp"}), ("東京 OR 北京", {"jp", "cn"}),
])
def test_a_word_is_found_where_it_is_written(engine: Engine, query: str, ids: set[str]
                                             ) -> None:
    assert {hit.id for hit in engine.search(query).hits} == ids


def test_the_word_is_marked(engine: Engine) -> None:
    hit = engine.search("岸田").hits[0]
    text = TEXTS["jp"]
    assert [text[s:e] for s, e in hit.spans] == ["岸田"]  # (a phrase of its characters: one)


def test_typing_and_a_wildcard_search_the_run(engine: Engine) -> None:
    """Typed, 政策を was a prefix: 政 OR 策 OR を. 東京* expanded against words beginning 東京:
    none."""
    assert {h.id for h in engine.search("政策を", typing=True).hits} == {"jp"}  # not cn's 政
    assert {h.id for h in engine.search("政策", typing=True).hits} == {"jp", "cn"}
    found = engine.search("東京*")
    assert {h.id for h in found.hits} == {"jp"}
    assert any("each Chinese, Japanese or Thai character is a word" in n for n in found.notes)


def test_kana_keep_their_marks_and_half_width_is_full_width() -> None:
    """Folding dropped kana's voicing marks as accents: が was か, パン was ハン."""
    assert analysis.terms("が") != analysis.terms("か")
    assert analysis.terms("パン") != analysis.terms("ハン")
    assert analysis.terms("ｶﾀｶﾅ") == analysis.terms("カタカナ")
