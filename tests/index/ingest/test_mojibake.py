"""Double-encoded UTF-8 (a UTF-8 file read as Windows-1252 and written as UTF-8 again) is
decoded once more where an article's strings are made storable: an outside tester's Times
of India corpus listed "Â Â" (a no-break space so mangled) as its top actor. Text in any
language that merely has those letters stays as written."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from ftfy import fix_encoding

from newsdesk.index.ingest import cleaning
from newsdesk.index.ingest.cleaning import storable

WORDS = ["café", "police’s", "“quoted”", "naïve", "Zürich", "São Paulo", "no\u00a0break",
         "Ångström", "€5", "Köln — Bonn"]


def _mangled(text: str) -> str:
    """`text` as a tool makes it: its UTF-8 bytes read as Windows-1252, the five bytes
    that codec leaves undefined as Latin-1 (C1 controls), written out again."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b)
                   for b in text.encode("utf-8"))


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("frame", ["{w}", "The {w} said so.", "{w} {w} and {w}"])
def test_double_encoded_text_is_decoded_once_more(word: str, frame: str) -> None:
    text = frame.format(w=word)
    assert storable(_mangled(text)) == text


@pytest.mark.parametrize("text", ["related storiesÂ narendra modi visits",
                                  "leadersÂ he made 200 calls", "peace in gujaratÂ gujarat",
                                  "stories:\nÂ Â modi visits"])
def test_a_mangled_no_break_space_made_a_space_is_one_again(text: str) -> None:
    assert storable(text) == text.replace("Â ", "\u00a0")


@pytest.mark.parametrize("text", ["Gruß aus Köln — “quoted” ’", "Âpropos", "À la carte",
                                  "ÂGE", "Ça va", "plain ascii", "â"])
def test_text_that_only_has_the_letters_stays(text: str) -> None:
    assert storable(text) == text


def test_an_indexed_mangled_corpus_lists_no_mangled_names(tmp_path: Path) -> None:
    from newsdesk.index.actors.dictionaries import load_dictionaries
    from newsdesk.index.actors.table import make_extractor

    raw = "Officials of the\u00a0Reserve Bank said so.\u00a0\u00a0The\u00a0bank agreed."
    mangled = raw.encode("utf-8").decode("cp1252")
    line = json.dumps({"text": mangled})
    text = storable(json.loads(line)["text"])
    keys = [m.key for m in make_extractor(load_dictionaries([])).extract("", text).mentions]
    assert keys and all("\u00c2" not in k and "â" not in k for k in keys), keys


@pytest.mark.parametrize("mangled_lines", [[1], [2, 5], [1, 2, 3, 4, 5, 6], [6]])
def test_a_files_mangled_records_are_said_once_with_their_count(
        tmp_path: Path, mangled_lines: list[int]) -> None:
    """A whole export mangled so gave one "lone surrogate" line a record (128 for an outside
    tester's file), which it was not: one line for the file now, saying what was done,
    with the count and the first's line; a real lone surrogate still said on its line."""
    from tests.index.ingest.test_corpus import read_all

    rows = [{"id": f"r{n}", "text": (_mangled if n in mangled_lines else str)(
        f"The café of Zürich, story {n}.")} for n in range(1, 7)]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.append('{"id": "s", "text": "before \\ud800 after"}')
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert [a.text for a in articles[:6]] == [f"The café of Zürich, story {n}."
                                              for n in range(1, 7)]
    said = [(p.line, p.count, p.reason) for p in problems]
    assert len(said) == 2, said
    assert said[0][:2] == (7, 1) and "surrogate" in said[0][2] and "line" not in said[0][2]
    count = len(mangled_lines)
    assert said[1][:2] == (mangled_lines[0], count) and "double-encoded" in said[1][2]
    assert (f"{count} records' texts" if count > 1 else "a record's text") in said[1][2]
    assert all(not p.skipped for p in problems)


def _first_characters(pattern: str) -> set[str]:
    """The characters a match of `pattern` (a union of branches, each starting with a
    literal or a class of literals and ranges) can start with."""
    from re import _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern)
    assert len(parsed) == 1 and parsed[0][0] is _parser.BRANCH
    firsts: set[str] = set()
    for branch in parsed[0][1][1]:
        op, value = branch[0]
        if op is _parser.LITERAL:
            firsts.add(chr(value))
        else:
            assert op is _parser.IN
            for item_op, item in value:
                if item_op is _parser.LITERAL:
                    firsts.add(chr(item))
                else:
                    assert item_op is _parser.RANGE
                    firsts.update(map(chr, range(item[0], item[1] + 1)))
    return firsts


def test_the_search_is_skipped_only_where_no_match_can_start() -> None:
    """storable_fixes searches a text for double-encoded UTF-8 only where it holds one of
    MOJIBAKE_LEADS: every match starts with one of them, and each of them is looked for."""
    assert _first_characters(cleaning._MOJIBAKE.pattern) == set(cleaning.MOJIBAKE_LEADS)
    for lead in cleaning.MOJIBAKE_LEADS:
        assert cleaning._may_be_mojibake(f"x{lead}y")
    assert not cleaning._may_be_mojibake("Gruß aus Köln — “quoted” ’ À la carte")


def test_the_gated_fixes_are_those_of_the_search_everywhere() -> None:
    """Random texts of ASCII, the leads, what may follow them and other letters: the same
    text and fixes as the search of every text gives."""
    rng = random.Random(35)
    alphabet = ["a", " ", "\n", "é", "’", "“", "\u00a0", "\u0080", "\u00a9", "€", "\u009f",
                *cleaning.MOJIBAKE_LEADS, "Ã©", "â€™", "Â "]
    seen_fixed = seen_plain = 0
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        found, fixes = cleaning.storable_fixes(text)
        if cleaning._MOJIBAKE.search(text) is None:
            assert (found, fixes) == (text, ())
            seen_plain += 1
        else:
            fixed = fix_encoding(text).replace("\u00c2 ", "\u00a0")
            assert found == fixed
            assert fixes == ((cleaning.DOUBLE_ENCODED,) if fixed != text else ())
            seen_fixed += 1
    assert seen_fixed > 50 and seen_plain > 50
