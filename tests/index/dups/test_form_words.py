"""The near-duplicate signatures of a batch made from the word forms the segment writer
split its bodies into (dups/form_words.py) are those made from the texts, whatever the
texts hold, batch after batch and when the writer's vocabulary starts again."""

from __future__ import annotations

import random

import pytest

from newsdesk.index.dups import presign
from newsdesk.index.dups.form_words import split_alike
from newsdesk.index.storage import term_ids
from newsdesk.index.storage.term_ids import Vocabulary
from tests.helpers.paths import SEEDS

# Texts where splitting by forms could go wrong: dotted words and addresses (one form,
# several sketch words), case folding that lengthens a word (ß, İ, ligatures), a
# character that is no word character but folds into one (U+0345), apostrophes, digits,
# scripts other than Latin, an empty text, a text of one letter.
ODD = [
    "The U.S. and e.g. bbc.co.uk, 3.5% and v2.7.5; John.Smith@example.com wrote.",
    "Straße İstanbul ﬁne ﬂow ǅemal Ⅻ ½ ſun",
    "Ca\u0345t and x\u0345y: ypogegrammeni \u0345 between words",
    "Soleimani’s men — «quoted» “text” ‘here’ Province.The end…",
    "Ελληνικά ΣΊΣΥΦΟΣ σοφός; русский ТЕКСТ; 日本語のテキスト; עברית",
    "",
    "a",
    "snake_case words_with_underscores __init__ 42 0x1F",
]


def _texts() -> list[str]:
    rng = random.Random(5)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts = list(ODD)
    for _ in range(40):
        text = rng.choice(seeds)
        start = rng.randrange(len(text))
        texts.append(text[start:start + rng.randrange(50, 3000)] + rng.choice(ODD))
    rng.shuffle(texts)
    return texts


def _signed_by_forms(vocabulary: Vocabulary, ids: list[str], texts: list[str]
                     ) -> presign.Signed:
    vocabulary.start_batch()
    tokens = vocabulary.tokens(texts, None, keep_forms=True)
    assert tokens.forms is not None
    return presign.sign_docs([{"id": i, "body": t} for i, t in zip(ids, texts, strict=True)],
                             tokens.forms)


@pytest.mark.parametrize("chunk", [7, presign.CHUNK])
def test_signatures_from_forms_are_those_from_texts(monkeypatch: pytest.MonkeyPatch,
                                                    chunk: int) -> None:
    monkeypatch.setattr(presign, "CHUNK", chunk)
    texts = _texts()
    ids = [f"a{n}" for n in range(len(texts))]
    expected = presign.sign(ids, texts)
    vocabulary = Vocabulary()
    half = len(texts) // 2
    for _ in range(2):  # two batches, the second with the forms of the first known
        first = _signed_by_forms(vocabulary, ids[:half], texts[:half])
        second = _signed_by_forms(vocabulary, ids[half:], texts[half:])
        assert first + second == expected


def test_a_vocabulary_started_again_gives_the_same_signatures(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(term_ids, "MAX_FORMS", 50)  # starts again at every batch
    texts = _texts()
    ids = [f"a{n}" for n in range(len(texts))]
    vocabulary = Vocabulary()
    for part in (slice(0, 20), slice(20, None), slice(0, 20)):
        assert _signed_by_forms(vocabulary, ids[part], texts[part]) == \
            presign.sign(ids[part], texts[part])


def test_texts_that_split_otherwise_are_told() -> None:
    assert split_alike("plain ASCII, U.S. and all")
    assert split_alike("Straße İstanbul “quoted”")
    assert not split_alike("x\u0345y")


def _split_alike_whole(text: str) -> bool:
    """split_alike as it was, the Han, Kana and Thai characters searched for in the whole
    text."""
    from newsdesk.index.analysis import CJK_CHAR
    from newsdesk.index.dups.form_words import _ANY_WORD, _ASCII_RUNS, _folds_to_word

    if text.isascii():
        return True
    if CJK_CHAR.search(text):
        return False
    others = set(_ASCII_RUNS.sub("", text))
    return not any(_folds_to_word(char) for char in others if not _ANY_WORD.match(char))


def test_the_scripts_written_without_spaces_are_looked_for_outside_ascii_only() -> None:
    """split_alike looks for Han, Kana and Thai among a text's characters outside ASCII,
    not through the whole text: the same answers on random texts of ASCII, those
    scripts (BMP and beyond), combining marks and punctuation."""
    rng = random.Random(35)
    alphabet = ["a", "Z", " ", ".", "7", "_", "é", "’", "“", "£", "\u0345", "ß", "İ", "ﬁ",
                "日", "の", "テ", "ก", "ມ", "\U00020001", "々", "ｱ", "Ω", "\u200d"]
    answers = set()
    for _ in range(600):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 10)))
        answer = split_alike(text)
        assert answer == _split_alike_whole(text), text
        answers.add(answer)
    assert answers == {True, False}
