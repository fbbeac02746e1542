"""Held-out news (issue 24, act24k): a page's buttons glued after a byline ("by Jane Doe
Share"), a page's label in capitals before a name ("WATCH Clinton"), a legislature's
numbered session ("the 100th Congress"), a law named by its aim ("Defense of Marriage Act")
and a court case's parties ("Roe v. Wade"). Generated names in generated sentences: no
corpus's names; each rule tried both ways."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.not_actors import not_actor
from newsdesk.index.actors.works import WORK
from tests.index.actors.test_precision_rules import EXTRACTOR, keys, mentions

PEOPLE = ("Karla Menditto", "Oswin Tabrey", "Priya Okonkwo-Lind", "Dag Hultqvist")
BUTTONS = ("Share", "Save", "Tweet", "Email", "Subscribe")


def test_a_button_after_a_name_is_no_part_of_it() -> None:
    for person, button in itertools.product(PEOPLE, BUTTONS):
        text = f"Photo by Lena Marsh\nreport by {person} {button} link opens in a new window"
        found = keys(text)
        assert name_key(person) in found, (text, found)
        assert not any(button.lower() in k.split() for k in found), (text, found)


def test_a_name_ending_in_a_page_word_that_names_keeps_it() -> None:
    # "News", "Watch", "Live" end names; only the page's buttons are cut.
    for name in ("Human Rights Watch", "Fox News", "Live Nation"):
        text = f"Officials at {name} declined to comment on Tuesday."
        assert name.lower() in keys(text), (text, keys(text))


def test_a_page_label_in_capitals_before_a_name_is_cut() -> None:
    for label, person, first in itertools.product(("WATCH", "VIDEO", "PHOTOS", "READ"),
                                                  (*PEOPLE, "Hultqvist"), ("MUST", "JUST")):
        text = f"The speech.\n\n{first} {label} {person}: a speech on the economy 00:59"
        found = keys(text)
        assert name_key(person) in found, (text, found)
        assert not any(label.lower() in k.split() for k in found), (text, found)


def test_a_page_word_in_a_name_in_capitals_or_written_as_a_name_stays() -> None:
    # A headline in capitals ("NEWS CORP") or a firm whose name opens with a page word.
    assert "home depot" in keys("Shares of Home Depot rose on Monday, traders said.")
    found = keys("Analysts said the Credit Suisse deal closed, and Credit Suisse gained.")
    assert "credit suisse" in found, found


def test_a_legislatures_numbered_session_is_the_legislature() -> None:
    for ordinal, body in itertools.product(("100th", "111th", "2nd", "23rd"),
                                           ("Congress", "Parliament", "National Assembly",
                                            "Legislature")):
        text = f"Lawmakers said the {ordinal} {body} passed the measure in March."
        found = keys(text)
        assert not any(k.startswith(ordinal) for k in found), (text, found)


def test_a_courts_or_a_units_number_stays_its_name() -> None:
    for ordinal, body in itertools.product(("9th", "101st"), ("Circuit", "Airborne Division")):
        text = f"Lawyers said the {ordinal} {body} acted against the state on Monday."
        assert any(k.startswith(ordinal) for k in keys(text)), (text, keys(text))


def test_a_law_named_by_its_aim_is_no_actor() -> None:
    for aim in ("Defense of Marriage", "Freedom of Information", "Protection of Children",
                "Right to Work", "Clean Water"):
        assert not_actor(f"{aim} Act".lower()), aim
        assert not_actor(f"{aim} Acts".lower()), aim
    for body in ("bank of england", "department of defense", "office of management",
                 "act party", "bureau of land management"):
        assert not not_actor(body), body


def test_a_cases_parties_take_a_works_cue() -> None:
    for a, b in (("Roe", "Wade"), ("Tabrey", "Menditto"), ("Okafor", "Board of Education")):
        text = f"Critics want to overturn {a} v. {b}, the ruling of 1973, judges said."
        marked = [(k, t) for k, t, _ in mentions(text)]
        assert (a.lower(), WORK) in marked, (text, marked)


def test_a_games_teams_take_no_cue() -> None:
    # A fixture is written "v" or "vs.": its teams are actors.
    for text in ("Tabrey Rovers v Menditto City ended 2-1 on Saturday.",
                 "The Okafor Lions vs. Hultqvist Bears game went to overtime."):
        assert all(t != WORK for _, t, _ in mentions(text)), (text, mentions(text))


def test_a_datelines_outlet_is_no_symbol_of_the_place() -> None:
    # "Cleveland (CNN) The mayor of Cleveland...": a dictionary's outlet after a place spells
    # the place's letters as a symbol would ("Apple (AAPL)"); the dictionary says it is a
    # name of its own.
    for place, outlet in (("Cleveland", "CNN"), ("Cincinnati", "CNN"), ("Blackpool", "BBC")):
        text = f"{place} ({outlet}) The mayor of {place} said police in {place} searched."
        assert EXTRACTOR.extract("", text).acronyms == [], text
    for firm, symbol in (("Tabrexon", "TBX"), ("Menditto", "MDT")):
        text = f"Shares of {firm} ({symbol}) rose on Monday, traders said."
        assert (symbol.lower(), name_key(firm)) in EXTRACTOR.extract("", text).acronyms, text
