"""A site's page furniture run into its articles' text, with no lines to repeat: its names'
windows are marked (repeated_lines.py) and a name most of whose articles write it only in
one repeated window is none; a run of capitalised words in headline case or repeating itself
is no one name (headline_runs.py)."""

from __future__ import annotations

import random

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.repeated_lines import LONG_PAGE, mark, marks_count, marks_of
from newsdesk.index.actors.rows import mention_rows
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

DICTIONARIES = load_dictionaries([])
FOOTER = ("Contact Advertise Customer Care Jobs Press Center Use of this site constitutes "
          "acceptance of our User Agreement and Privacy Policy and Cookie Statement and Your "
          "California Privacy Rights. Condor Media may earn a portion of sales.")
PEOPLE = ["Alan Brook", "Maria Okafor", "Tomas Lindqvist", "Priya Raman", "Kofi Mensah",
          "Elena Petrova", "Jorge Salinas", "Mei Tanaka", "Omar Haddad", "Lena Vogel",
          "Ravi Menon", "Sofia Greco"]
# A page's own words, no names: enough of them to make it a long page (LONG_PAGE).
PROSE = "the pumps ran again and the flow held, so the tests went on. " * 70
assert LONG_PAGE < len(PROSE) < LONG_PAGE + 500


def _article(n: int, person: str) -> str:
    # (No line breaks: the scraper ran the page's footer into the story.)
    return (f"The engineer {person} said on day {n} that the new design worked well, and "
            f"{person} would test it again; {PROSE}{FOOTER}")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def test_a_footer_run_into_every_article_gives_no_actors(extractor: Extractor) -> None:
    texts = [_article(n, p) for n, p in enumerate(PEOPLE)]
    names = names_of_keys(extractor, DICTIONARIES, texts)
    assert "privacy policy" not in names and "cookie statement" not in names
    assert names.get("maria okafor") == "Maria Okafor" and "sofia greco" in names
    # (The same in any order: the marks are each article's own, counted over the corpus.)
    random.Random(3).shuffle(texts)
    assert names_of_keys(extractor, DICTIONARIES, texts) == names
    # Too few articles repeat it: the footer's names stay what they were.
    assert "privacy policy" in names_of_keys(extractor, DICTIONARIES, texts[:3])


def test_a_window_mark_is_of_the_text_around_a_name_in_its_line() -> None:
    one = f"Ana Brill wrote a long paragraph about the harbour and its boats. {PROSE}{FOOTER}"
    two = f"Some other story of another day, about rail fares and buses. {PROSE}{FOOTER}"
    at_one, at_two = one.index("Privacy Policy"), two.index("Privacy Policy")
    # (A mark: its window's bucket, then its text's length modulo LENGTHS.)
    assert mark(one, at_one, at_one + 14)[:-1] == mark(two, at_two, at_two + 14)[:-1]
    # (The article's own words around a name are its own.)
    assert mark(one, 0, 9)[:-1] != mark(f"Ana Brill said the ferry was late. {PROSE}", 0, 9)[:-1]
    # A line's start bounds a window: a list of headlines on a line of its own.
    menu = "Gear Everything Announced at the Event Brenda Lane Business Sam Reed Built a Boat"
    assert mark(f"{one}\n{menu}", len(one) + 1, len(one) + 5)[:-1] \
        == mark(f"Other.\n{menu}", 7, 11)[:-1]


def test_a_name_mostly_in_one_window_of_an_article_gets_its_mark() -> None:
    text = f"{FOOTER} Words. {FOOTER} More of the story here about Cookie Statement. {PROSE}"
    spans = [(i, i + 16) for i in range(len(text)) if text.startswith("Cookie Statement", i)]
    assert len(spans) == 3
    assert marks_of(text, spans[:2]) == mark(text, *spans[0])  # (the footer twice)
    assert marks_of(text, spans) == mark(text, *spans[0])  # (two places of three: most)
    # (As often in its own words: the mark of both places' texts.)
    assert marks_of(text, spans[1:]) not in ("", mark(text, *spans[0]))
    # (Twice in one line of its own: one place, no mark.)
    line = f"Cookie Statement said so. Cookie Statement left.\n{PROSE}"
    assert marks_of(line, [(0, 16), (26, 42)]) == ""


def test_a_story_held_many_times_keeps_its_names(extractor: Extractor) -> None:
    # (Its copies' marks all of one length: copies, not a site's pages.)
    text = ("Prime Minister Kwame Asante met Maria Okafor in Accra. Kwame Asante said the "
            f"talks went well; {PROSE}{FOOTER}")
    names = names_of_keys(extractor, DICTIONARIES, [text] * 12)
    assert "kwame asante" in names and "maria okafor" in names


def test_short_texts_and_dictionary_names_get_no_window_marks(extractor: Extractor) -> None:
    # (A text shorter than a page's furniture: its long lines are its own paragraphs.)
    short = f"Ana Brill wrote a long paragraph about the harbour. {FOOTER}"
    at = short.index("Privacy Policy")
    assert len(short) < LONG_PAGE and mark(short, at, at + 14) == ""
    assert marks_of(short, [(0, 9), (at, at + 14)]) == ""
    # (A short line is marked in any text: main's repeated lines.)
    assert mark(f"{short}\nShare on Facebook\n{short}", len(short) + 10, len(short) + 18)
    # (A dictionary's name is never dropped as a repeated line's: no mark to count.)
    page = f"{FOOTER} Germany and Alan Brook. {PROSE}"
    rows = {row[1]: row[8] for row in mention_rows("a", extractor.extract("", page))}
    assert rows["germany"] == "" and rows["alan brook"].startswith("line ")


def test_a_mark_s_articles_all_of_one_length_are_copies() -> None:
    assert marks_count({"line 0a0": 3, "line 0a1": 4, "line 0a2": 2, "line 0a3": 3}) == 12
    assert marks_count({"line 0a2": 12}) == 0  # (one story twelve times)
    assert marks_count({"line 0a2": 10, "line 0a1": 1, "line 07": 5}) == 5
    assert marks_count({"line 0a": 9}) == 9  # (a store's from before lengths)


def test_a_long_run_of_capitalised_words_is_no_name_unless_a_company_s(
        extractor: Extractor) -> None:
    def keys(text: str) -> set[str]:
        return {m.key for m in extractor.extract("", text).mentions}

    menu = keys("Featured Topics Newsletters Events Podcasts Featured Topics Newsletters "
                "Events Podcasts. The rest follows.")
    assert not any(len(k.split()) >= 6 for k in menu)
    headlines = keys("Read more: Science Everyone Was Wrong About Why Cats Purr today.")
    assert not any(len(k.split()) >= 6 for k in headlines)
    assert "credit suisse first boston asia ltd" in keys(
        "The bonds were led by Credit Suisse First Boston Asia Ltd on Monday.")
