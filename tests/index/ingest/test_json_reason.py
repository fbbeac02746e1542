"""A malformed JSON line's message reads as a sentence: Python's "Invalid control character
at" came out as "at at column 27"."""

from __future__ import annotations

import json

import pytest

from newsdesk.index.ingest.corpus import json_reason

BROKEN = ['{"a": "x\x01"}', '{"a": "never closed', '{"a" 1}', '{"a": 1,}', '{"a": [1 2]}',
          '{"a": tru}', "{'a': 1}", '{"a": 1} x', "", "{", '{"a": "\\q"}', '{"a": -}']


@pytest.mark.parametrize("line", BROKEN)
def test_no_doubled_word_and_the_column(line: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(line)
    said = json_reason(caught.value)
    words = said.split()
    assert all(a != b for a, b in zip(words, words[1:], strict=False)), said
    assert said.endswith(f"at column {caught.value.colno}")
