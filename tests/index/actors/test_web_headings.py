"""A web article's section headings ("### Voices from the Ground", "<h3>Beyond the Resume</h3>",
"A Timeline of Escalation" on a line of its own) are title case, not names: a word capitalised
there is an actor only where the article's running prose names it too (a Kenyan site's
headings made actors of "Voices", "Timeline", "Illusion", "Beyond"). Generated: made-up
words (no list of heading words) in headings of each kind, with and without the prose."""

from __future__ import annotations

import random

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)
_SYLLABLES = ["bar", "vel", "dor", "mik", "san", "tul", "gro", "fen", "lis", "mar", "kot",
              "ren", "zab", "wen", "pol", "dak", "nir", "sov", "hal", "tep"]
# Heading shapes: {0} and {1} are the made-up words; the small words title case leaves low.
_SHAPES = ["{0} from the {1}", "The {0} of {1}", "A {0} of the {1}", "{0} and {1}",
           "Three {0} from the {1}", "Beyond the {0} {1}", "{0} {1}", "Why the {0} Is {1}"]
_MARKS = ["# {}", "## {}", "### {}", "#### {}", "<h2>{}</h2>", "<h3>{}</h3>", "{}"]
_INTRO = "The council met on Monday and the talks went on for hours.\n\n"
_PROSE = "\n\nThe traders said the market was quiet and prices were flat.\n"


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()


def _keys(text: str) -> set[str]:
    return {m.key.lstrip("^") for m in EXTRACTOR.extract("", text).mentions}


def test_a_heading_alone_gives_no_name() -> None:
    rng = random.Random(24)
    kept = []
    for _ in range(300):
        a, b = _word(rng), _word(rng)
        heading = rng.choice(_MARKS).format(rng.choice(_SHAPES).format(a, b))
        found = _keys(f"{_INTRO}{heading}{_PROSE}")
        if {a.lower(), b.lower()} & {w for k in found for w in k.split()}:
            kept.append((heading, found))
    assert not kept, kept[:10]


def test_a_heading_name_the_prose_uses_is_kept() -> None:
    rng = random.Random(25)
    missed = []
    for _ in range(200):
        a, b = _word(rng), _word(rng)
        heading = rng.choice(_MARKS[:-1]).format(f"Talks With {a} {b}")
        prose = f"\n\nOfficials said {a} {b} would sign the deal on Friday.\n"
        if f"{a} {b}".lower() not in _keys(f"{_INTRO}{heading}{prose}"):
            missed.append(heading)
    assert not missed, missed[:10]


def test_a_sentence_case_heading_opens_with_a_sentence_first_word() -> None:
    """After the "#" marks a heading's first word is its sentence's first: "### Beyond the
    resume" names no "Beyond" (a mid-sentence capital before the marks were read so)."""
    rng = random.Random(26)
    for _ in range(100):
        a = _word(rng)
        text = f"{_INTRO}{rng.choice(_MARKS[:4]).format(a + ' of the week')}{_PROSE}"
        assert a.lower() not in _keys(text), text


def test_a_heading_run_into_its_paragraph_keeps_the_prose_names() -> None:
    """"<h2>The Showdown</h2> Kenyan media personality ...": an HTML heading is a heading up
    to its closing tag, the paragraph after it prose; a Markdown heading the page ran into
    its paragraph ("## The Illusion of Fairness Ghana to sue ...") is read as prose, its
    lead sentence's names kept."""
    rng = random.Random(27)
    for _ in range(100):
        a, b, c = _word(rng), _word(rng), _word(rng)
        html = f"{_INTRO}<h2>The {a} of {b}</h2> Officials said {c} Holdings would pay.{_PROSE}"
        found = _keys(html)
        assert a.lower() not in found and b.lower() not in found, (html, found)
        assert f"{c.lower()} holdings" in found, (html, found)
        glued = f"{_INTRO}## Talks went on as {c} Holdings said it would pay.{_PROSE}"
        assert f"{c.lower()} holdings" in _keys(glued), glued


def test_hashtags_and_prose_lines_are_read_as_before() -> None:
    for text, key in (("Fans wrote #Grelborn all day. Then Grelborn Holdings said no.\n",
                       "grelborn holdings"),
                      ("Prices fell.\nKenya Airways chief Allan Kilavuka said it grew\n",
                       "allan kilavuka")):
        assert key in _keys(text), text
