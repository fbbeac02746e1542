"""Rules for corpora newsdesk was not written against (issue 24): a line a corpus repeats
(repeated_lines.py), outlets named by what outlets do (outlet_cues.py), a person's cues
against a stray body's (person_votes.py, table._stray), and where people work or study
(workplaces.py)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from newsdesk.index.actors.cluster import KeyStats, _type
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.key_stats import read_key_stats
from newsdesk.index.actors.person_votes import person_by_pronouns, person_over_org
from newsdesk.index.actors.repeated_lines import (
    LINE,
    SHORT,
    line_mark,
    repeated_line,
    split_marks,
)
from newsdesk.index.actors.table import _row_cue, make_extractor
from tests.helpers.clustered import names_of_keys
from tests.index.actors.curated_tables import curated_table

DICTIONARIES = load_dictionaries([])

# Ten articles of different news, each with the site's line under its headline.
_STORIES = [
    ("Harbour plan", "Mayor Dana Velt said the harbour would reopen in May."),
    ("Rail strike", "Drivers at Northline walked out, the union said on Monday."),
    ("Flood warning", "Rivers rose across the valley and Kell Pharma closed its plant."),
    ("School meals", "Councillor Ana Rivas said the meals would be free from June."),
    ("Bridge repairs", "The Ostvale bridge shut for repairs; Tomas Brill said it was late."),
    ("Budget vote", "The council voted for the budget after Dana Velt spoke."),
    ("Bus routes", "Greyline buses will run later, Greyline said in a statement."),
    ("Museum", "The museum reopened with a show of Lena Ortiz's paintings."),
    ("Hospital", "St Agna hospital opened a new ward, its director Paul Moss said."),
    ("Market", "Stallholders at the Friday market asked for lower fees, said Ana Rivas."),
]
_LINE = "% of readers think this story is Fact. Add your two cents."


def _with_line(title: str, body: str) -> str:
    return f"{title}\n\n{_LINE}\n\n{body}"


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def test_a_word_of_a_line_every_article_repeats_is_no_actor(extractor: Extractor) -> None:
    names = names_of_keys(extractor, DICTIONARIES, [_with_line(*s) for s in _STORIES])
    assert "fact" not in names
    assert names.get("dana velt") == "Dana Velt" and "ana rivas" in names  # (the news kept)
    # Without the line's repeats (two articles) the word stays what it was.
    few = names_of_keys(extractor, DICTIONARIES, [_with_line(*s) for s in _STORIES[:2]])
    assert "fact" in few


def test_a_story_held_many_times_keeps_the_names_it_is_about(extractor: Extractor) -> None:
    """A duplicated story repeats its lines too: a name it writes more than once is kept."""
    story = ("Dana Velt said the harbour would reopen. Dana Velt met the board.\n\n"
             "The board thanked Dana Velt for the plan.")
    names = names_of_keys(extractor, DICTIONARIES, [story] * 10)
    assert names.get("dana velt") == "Dana Velt"


def test_the_store_reads_marks_apart_from_cues(tmp_path: Path, extractor: Extractor) -> None:
    articles = [(title, _with_line(title, body)) for title, body in _STORIES]
    with curated_table(tmp_path, articles, extractor) as made:
        assert made.table.resolve("Fact") is None
        assert made.table.resolve("Dana Velt") is not None
        stats, _ = read_key_stats(made.table.store.db)
        assert stats["fact"].line == 10 and not stats["fact"].org
        assert not any(cue.startswith(LINE) for s in stats.values() for cue in s.org)


def test_a_line_mark_is_its_text_s_only_in_a_short_line() -> None:
    text = f"Title\n{_LINE}\nOther words and Fact here.\n" + "Long " * 60 + "Fact."
    at = text.index("Fact")
    assert line_mark(text, at, at + 4) == line_mark(f"x\n  {_LINE}\n", 6 + _LINE.index("Fact"),
                                                    6 + _LINE.index("Fact") + 4)
    other = text.index("Fact", at + 1)
    assert line_mark(text, other, other + 4) != line_mark(text, at, at + 4)
    last = text.rindex("Fact")
    assert line_mark(text, last, last + 4) is None  # (a paragraph of its own words)


def test_marks_split_and_the_share_that_makes_a_repeat() -> None:
    org = {"line 07": 9, "line 1a": 2, "thing": 3}
    assert split_marks(org) == 9 and org == {"thing": 3}
    assert split_marks({"media": 2}) == 0
    assert repeated_line(9, 12) and not repeated_line(9, 20) and not repeated_line(5, 5)


@pytest.mark.parametrize(("text", "outlet"), [
    ("(Reuters Health) - People who drink tea may live longer, doctors said.",
     "Reuters Health"),
    ("It was chilling, one longtime insider told Radar after hearing the message.", "Radar"),
    ("Inside sources have told Us Weekly that the couple split.", "Us Weekly"),
    ("As Us Weekly previously reported, the singer moved on.", "Us Weekly"),
    ("A spokesman for the company told Reuters the plant would close.", "Reuters"),
])
def test_an_outlet_is_named_by_what_outlets_do(extractor: Extractor, text: str,
                                               outlet: str) -> None:
    cues = {m.surface: m.org_type for m in extractor.extract("", text).mentions}
    assert cues[outlet] == "media", cues


def test_people_told_things_are_no_outlets(extractor: Extractor) -> None:
    text = "He told Dana Velt that he would go. Dana Velt said she was glad."
    assert all(m.org_type != "media" for m in extractor.extract("", text).mentions)


def test_a_stray_body_cue_is_outvoted_by_a_person_s_in_the_same_row() -> None:
    # "with KSNV, a Las Vegas television station, Trump said": one media cue among fifty.
    assert _row_cue({"media": 1, "personal": 6, "modifier": 10}, 50, 1) == ""
    assert _row_cue({"media": 1}, 50, 0) == "media"  # (no person's cue: the body's)
    assert _row_cue({"organisation": 1}, 4, 2) == "organisation"  # (not three times)


def test_a_person_s_cues_and_pronouns_outvote_a_stray_body_cue() -> None:
    assert person_over_org(person=3, personal=8, org_votes=7, full_name=True)
    assert not person_over_org(person=0, personal=8, org_votes=2, full_name=True)
    assert not person_over_org(person=3, personal=1, org_votes=7, full_name=True)
    assert person_by_pronouns(person=2, personal=12, neuter=2)
    assert not person_by_pronouns(person=0, personal=12, neuter=0)
    assert not person_by_pronouns(person=2, personal=5, neuter=2)


def test_a_full_name_s_person_cues_outvote_a_few_medium_s_cues() -> None:
    # An entertainment corpus's Jennifer Aniston: 120 mentions, 3 person cues, "she" after
    # 8, 7 media cues (under a third: no majority of their own), 4 place cues.
    aniston = KeyStats("jennifer aniston", Counter({"Jennifer Aniston": 120}), 120, 36,
                       person=3, location=4, org=Counter(media=7, personal=8))
    assert _type([aniston], set()) == "person"
    firm = KeyStats("dana velt media", Counter({"Dana Velt Media": 120}), 120, 36,
                    person=3, location=4, org=Counter(media=7))  # (no "she": the body's)
    assert _type([firm], set()) == "media"


def test_a_word_called_she_with_a_person_s_cue_is_a_person() -> None:
    beyonce = KeyStats("beyonce", Counter({"Beyonce": 85}), 85, 23, person=2, location=6,
                       org=Counter(neuter=2, personal=12))
    assert _type([beyonce], set()) == "person"
    assert _type([KeyStats("beyonce", Counter({"Beyonce": 85}), 85, 23, location=6,
                           org=Counter(neuter=2, personal=12))], set()) == "other"


@pytest.mark.parametrize("text", [
    "The drug worked, said researchers at Harvard.",
    "The School of Medicine at Mount Sinai ran the trial.",
    "A physician at Mount Sinai said the trial was small.",
])
def test_where_people_work_or_study_is_no_place(extractor: Extractor, text: str) -> None:
    found = [m for m in extractor.extract("", text).mentions
             if m.surface in ("Harvard", "Mount Sinai")]
    assert found and not found[0].location_cue and found[0].org_type == "organisation"


def test_a_unit_stationed_at_a_base_leaves_the_base_a_place(extractor: Extractor) -> None:
    text = "The troops are from the 82nd Airborne Division at Fort Bragg, North Carolina."
    found = [m for m in extractor.extract("", text).mentions if m.key == "fort bragg"]
    assert found and found[0].location_cue


def test_line_mark_looks_no_further_than_a_short_line_and_finds_the_plain_one() -> None:
    """`line_mark` reads at most a short line's reach around a mention: the mark of the
    whole line found with no bound, or None where that line is longer than `SHORT`."""
    rng = random.Random(3)
    for _ in range(3000):
        letters = "ab \n" if rng.random() < 0.5 else "abcdef  "
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 500)))
        start = rng.randrange(len(text))
        end = rng.randrange(start, min(len(text), start + 10) + 1)
        if "\n" in text[start:end]:
            continue
        begin = text.rfind("\n", 0, start) + 1
        stop = text.find("\n", end) % (len(text) + 1)
        plain = None if stop - begin > SHORT else line_mark(text[begin:stop], 0, 0)
        assert line_mark(text, start, end) == plain, (text, start, end)
