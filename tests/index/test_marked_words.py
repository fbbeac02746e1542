"""Words with combining marks are whole words: Devanagari, Bengali, Tamil, Telugu and
Gurmukhi vowel signs and viramas, Thai vowels and tones, Arabic harakat, Hebrew niqqud and
Latin accents written decomposed (NFD) were cut into pieces at every mark (`\\w` stops at
one), so `मोदी` gave nothing ("too short to be indexed") and NFD "Zürich" was found by
`rich` only. Generated words of each script, written composed or decomposed, vocalized or
plain, are found exactly where a regex over the text (composed, lower case, accents,
harakat and niqqud dropped) finds them, and each mark covers the word as written."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator

import pytest

from newsdesk.index import analysis
from newsdesk.index.engine import Engine
from newsdesk.index.folding import fold
from newsdesk.index.marks import MARKS, UNIDATA_VERSION
from tests.helpers.indexed import indexed_texts


def _chars(low: int, high: int, category: str) -> list[str]:
    return [chr(c) for c in range(low, high + 1)
            if unicodedata.category(chr(c)).startswith(category)]


# (consonants, vowel signs, virama or None): syllables of consonant [virama consonant]
# [vowel sign] [anusvara-like sign]
INDIC = {
    "devanagari": (_chars(0x0915, 0x0939, "Lo"), _chars(0x093E, 0x094C, "M"), "\u094d",
                   "\u0902"),
    "bengali": (_chars(0x0995, 0x09B9, "Lo"), _chars(0x09BE, 0x09CC, "M"), "\u09cd", "\u0982"),
    "tamil": (_chars(0x0B95, 0x0BB9, "Lo"), _chars(0x0BBE, 0x0BCC, "M"), "\u0bcd", None),
    "telugu": (_chars(0x0C15, 0x0C39, "Lo"), _chars(0x0C3E, 0x0C4C, "M"), "\u0c4d", "\u0c02"),
    "gurmukhi": (_chars(0x0A15, 0x0A39, "Lo"), _chars(0x0A3E, 0x0A4C, "M"), "\u0a4d",
                 "\u0a70"),
}
ARABIC_LETTERS = _chars(0x0628, 0x064A, "Lo")
HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b"]
HEBREW_LETTERS = _chars(0x05D0, 0x05EA, "Lo")
NIQQUD = [chr(c) for c in range(0x05B0, 0x05BD)]
LATIN_ACCENTS = ["\u0301", "\u0308", "\u0303", "\u0300", "\u030c", "\u0327"]
THAI_CONSONANTS = _chars(0x0E01, 0x0E2E, "Lo")
THAI_MARKS = ["\u0e34", "\u0e35", "\u0e36", "\u0e37", "\u0e38", "\u0e39", "\u0e31",
              "\u0e48", "\u0e49", "\u0e4a", "\u0e4b", "\u0e47", "\u0e4c"]
THAI_LEADING = ["\u0e40", "\u0e41", "\u0e42", "\u0e43", "\u0e44"]
# The marks a reader types or not at will: dropped by the reference folding below.
ACCENTS = set(HARAKAT) | set(NIQQUD) | set(LATIN_ACCENTS) | {"\u0640"}


def _indic_word(rng: random.Random, script: str) -> str:
    consonants, signs, virama, nasal = INDIC[script]
    word = ""
    for _ in range(rng.randint(2, 3)):
        word += rng.choice(consonants)
        if rng.random() < 0.3:
            word += virama + rng.choice(consonants)
        if rng.random() < 0.7:
            word += rng.choice(signs)
        if nasal and rng.random() < 0.15:
            word += nasal
    return word + (virama if rng.random() < 0.2 else "")


def _plain_word(rng: random.Random, letters: list[str]) -> str:
    """An Arabic or Hebrew word as written plain (_vocalize: with harakat or niqqud)."""
    return "".join(rng.choice(letters) for _ in range(rng.randint(3, 6)))


def _latin_word(rng: random.Random) -> str:
    while True:
        word = "".join(rng.choice("bcdfgklmnprtvz") + rng.choice("aeiou")
                       + (rng.choice(LATIN_ACCENTS) if rng.random() < 0.4 else "")
                       for _ in range(rng.randint(2, 3))) + rng.choice("klmnrt")
        plain = _reference(word)
        # Porter leaves it as it is, and it has an accent: a stem is no regex
        if analysis.stem(plain) == plain and plain != unicodedata.normalize("NFC", word):
            return unicodedata.normalize("NFC", word.capitalize())


def _thai_word(rng: random.Random) -> str:
    word = rng.choice(THAI_LEADING) if rng.random() < 0.3 else ""
    for _ in range(rng.randint(2, 4)):
        word += rng.choice(THAI_CONSONANTS)
        if rng.random() < 0.5:
            word += rng.choice(THAI_MARKS)
    return word


def _reference(text: str) -> str:
    """The text as a regex looks for a word in it: composed, lower case, without the
    marks that are accents. Independent of the tokenizer and folding under test."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in ACCENTS))


def _vocalize(rng: random.Random, word: str, points: list[str]) -> str:
    out = ""
    for char in word:
        out += char
        if rng.random() < 0.6:
            out += rng.choice(points)
        elif points is HARAKAT and rng.random() < 0.1 and out[-1] != word[-1]:
            out += "\u0640"
    return out


def _written(rng: random.Random, word: str) -> str:
    """The word as a text writes it: composed or decomposed."""
    return unicodedata.normalize(rng.choice(("NFC", "NFD")), word)


SCRIPTS = [*INDIC, "arabic", "hebrew", "latin", "thai"]


def _vocabulary(rng: random.Random) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for script in SCRIPTS:
        if script in INDIC:
            made = [_indic_word(rng, script) for _ in range(14)]
        elif script == "arabic":
            made = [_plain_word(rng, ARABIC_LETTERS) for _ in range(14)]
        elif script == "hebrew":
            made = [_plain_word(rng, HEBREW_LETTERS) for _ in range(14)]
        elif script == "latin":
            made = [_latin_word(rng) for _ in range(14)]
        else:
            made = [_thai_word(rng) for _ in range(10)]
        words[script] = list(dict.fromkeys(made))
    return words


def _article(rng: random.Random, vocabulary: dict[str, list[str]]) -> str:
    scripts = rng.sample(SCRIPTS, 3)
    pieces = []
    for _ in range(rng.randint(15, 30)):
        script = rng.choice(scripts)
        word = rng.choice(vocabulary[script])
        if script == "arabic":
            word = _vocalize(rng, word, HARAKAT) if rng.random() < 0.5 else word
        elif script == "hebrew":
            word = _vocalize(rng, word, NIQQUD) if rng.random() < 0.5 else word
        elif script == "thai":  # no spaces between words: a clause of two or three
            word += "".join(rng.choice(vocabulary[script]) for _ in range(rng.randint(0, 2)))
        pieces.append(_written(rng, word) + rng.choice([" ", " ", ", ", ". ", " (", ") "]))
    return "".join(pieces)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Engine, dict[str, str], dict[str, list[str]]]]:
    rng = random.Random(20261206)
    vocabulary = _vocabulary(rng)
    texts = {f"a{i}": _article(rng, vocabulary) for i in range(60)}
    folder = tmp_path_factory.mktemp("marked")
    with Engine(indexed_texts(folder, texts)) as built:
        yield built, texts, vocabulary


_BOUNDARY = r"[\s,.()]"


def _expected(texts: dict[str, str], word: str, thai: bool) -> set[str]:
    """The articles a regex finds the word in: a whole word between spaces and punctuation,
    or for Thai (no spaces between words) anywhere in a clause, if no mark follows."""
    wanted = re.escape(_reference(word))
    if thai:
        pattern = re.compile(f"{wanted}(?![{MARKS}])")
    else:
        pattern = re.compile(f"(?<![^\\s,.()]){wanted}(?={_BOUNDARY}|$)")
    return {key for key, text in texts.items() if pattern.search(_reference(text))}


def _queries(rng: random.Random, script: str, word: str) -> list[str]:
    forms = [unicodedata.normalize("NFC", word), unicodedata.normalize("NFD", word)]
    if script == "arabic":
        forms.append(_vocalize(rng, word, HARAKAT))
    elif script == "hebrew":
        forms.append(_vocalize(rng, word, NIQQUD))
    elif script == "latin":
        forms += [_reference(word), word.upper()]
    return forms


def test_the_mark_ranges_are_unicodes() -> None:
    """index/marks.py lists every character of categories Mn, Mc and Me: all of them when
    it was generated from this Python's Unicode, none that is no mark in any case."""
    # (Marks are in planes 0, 1 and 14 only: the others are not read, for time.)
    planes = "".join(map(chr, [*range(0x20000), *range(0xE0000, 0xE1000)]))
    listed = set(re.findall(f"[{MARKS}]", planes))
    marks = {c for c in planes if unicodedata.category(c)[0] == "M"}
    assert not re.search(f"[{MARKS}]", "".join(map(chr, range(0x20000, 0xE0000))))
    if unicodedata.unidata_version == UNIDATA_VERSION:
        assert listed == marks
    else:
        assert listed <= marks


@pytest.mark.parametrize("script", SCRIPTS)
def test_each_word_is_found_where_a_regex_finds_it(
        corpus: tuple[Engine, dict[str, str], dict[str, list[str]]], script: str) -> None:
    engine, texts, vocabulary = corpus
    rng = random.Random(script)
    searched = 0
    for word in vocabulary[script]:
        expected = _expected(texts, word, script == "thai")
        for query in _queries(rng, script, word):
            found = engine.search(query, limit=100)
            assert {h.id for h in found.hits} == expected, (query, found.notes)
            assert not any("too short" in note for note in found.notes), (query, found.notes)
            searched += bool(expected)
            for hit in found.hits:
                _assert_whole_words(texts[hit.id], hit.spans, word, script == "thai")
    assert searched >= len(vocabulary[script])  # (most words are in some article)


def _assert_whole_words(text: str, spans: list[tuple[int, int]], word: str, thai: bool
                        ) -> None:
    """Each mark covers the word as written, marks and all (Thai: a letter with its marks,
    the marks of a word's letters side by side, covering it)."""
    assert spans
    mark = re.compile(f"[{MARKS}]")
    if not thai:
        for start, end in spans:
            assert _reference(text[start:end]) == _reference(word), text[start:end]
            assert start == 0 or re.match(_BOUNDARY, text[start - 1])
            assert end == len(text) or re.match(_BOUNDARY, text[end])
        return
    runs: list[list[int]] = []
    for start, end in spans:
        assert not mark.match(text[start]) and not mark.match(text[end:end + 1])
        if runs and runs[-1][1] == start:
            runs[-1][1] = end
        else:
            runs.append([start, end])
    assert all(_reference(word) in _reference(text[s:e]) for s, e in runs)


@pytest.mark.parametrize(("text", "words"), [
    ("प्रधानमंत्री नरेंद्र मोदी ने बिहार", ["प्रधानमंत्री", "नरेंद्र", "मोदी", "ने", "बिहार"]),
    ("சென்னையில் இன்று", ["சென்னையில்", "இன்று"]),
    ("কলকাতায় বৃষ্টি", ["কলকাতায়", "বৃষ্টি"]),
    ("Zu\u0308rich and Sa\u0303o Paulo", ["Zu\u0308rich", "and", "Sa\u0303o", "Paulo"]),
    ("قالَ الرَّئِيسُ", ["قالَ", "الرَّئِيسُ"]),
    ("מִלְחָמָה גְּדוֹלָה", ["מִלְחָמָה", "גְּדוֹלָה"]),
    ("เชียงใหม่", ["เ", "ชี", "ย", "ง", "ใ", "ห", "ม่"]),
    ("U.S. Province.E\u0301lan bbc.co.uk", ["U.S", "Province", "E\u0301lan", "bbc.co.uk"]),
    # Brahmi, its vowel sign beyond the BMP; an emoji is no word
    ("\U00011013\U00011038\U0001102c \U0001f600 मोदी", ["\U00011013\U00011038\U0001102c", "मोदी"]),
])
def test_the_tokenizer_keeps_marks_in_their_word(text: str, words: list[str]) -> None:
    pattern = analysis.word_regex(text)
    assert pattern.findall(text) == words
    assert analysis.unindexed(text) == [w for w in words if w == "and"]


def test_composed_and_decomposed_vocalized_and_plain_fold_alike() -> None:
    assert fold("Zu\u0308rich") == fold("Zürich") == "zurich"
    assert fold("الرَّئِيسُ") == fold("الرئيس") == fold("الـرئيس")  # (a tatweel)
    assert fold("מִלְחָמָה") == fold("מלחמה")
    # A vowel sign or virama is a letter of its word: कमल (lotus) is not कमला, nor क्रम करम
    assert fold("कमल") != fold("कमला") and fold("क्रम") != fold("करम")
    assert fold("\u0928\u093c") == fold("\u0929")  # ऩ decomposed and composed
    assert fold("ก่") != fold("ก")  # a Thai tone is no accent
    assert fold("서울") == "서울"  # Hangul folds to itself (its syllables, not their jamo)


def test_texts_without_marks_keep_the_plain_tokenizer() -> None:
    assert analysis.word_regex("The £5 fee — “quoted”") is analysis.WORD
    assert analysis.word_regex("Zürich, São Paulo") is analysis.WORD
    assert analysis.word_regex("Zu\u0308rich") is analysis.WORD_MARKS
    assert analysis.word_regex("东京 and मोदी") is analysis.WORD_CJK
    assert analysis.word_regex("मोदी \U0001f600") is analysis.WORD_MARKS_ALL


def test_actors_of_a_decomposed_text_are_those_of_the_composed_one() -> None:
    """NFD "Krako\u0301w" was the actor "Krako": the scan's letters stop at a mark. The
    mentions are the composed text's, their spans over the text as written."""
    from newsdesk.index.actors.extract import Extractor

    nfc = ("Novak Đoković met Zoë Müller-Sánchez in São Paulo on Monday. "
           "Later Đoković and Müller-Sánchez flew to Kraków, officials said.")
    nfd = unicodedata.normalize("NFD", nfc)
    extractor = Extractor()
    composed_found = extractor.extract("Đoković in São Paulo", nfc)
    written = extractor.extract(unicodedata.normalize("NFD", "Đoković in São Paulo"), nfd)
    assert [(m.key, m.surface, m.in_title) for m in written.mentions] == \
        [(m.key, m.surface, m.in_title) for m in composed_found.mentions]
    assert {m.key for m in written.mentions} >= {"sao paulo", "krakow"}
    for m in written.mentions:
        source = unicodedata.normalize("NFD", "Đoković in São Paulo") if m.in_title else nfd
        assert unicodedata.normalize("NFC", source[m.start:m.end]) == m.surface
    assert written.text == nfd
