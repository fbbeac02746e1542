"""A title and "of" before a body's or a place's name is a role, not a name: the body is
named there, the title nowhere (index/actors/roles.py, extract.py). Made-up names, many
titles, each written several ways; the titles that name their holder stay whole."""

from __future__ import annotations

import itertools

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor

DICTIONARIES = load_dictionaries([])
EXTRACTOR = Extractor(frozenset(DICTIONARIES.alias), DICTIONARIES.demonym_keys,
                      DICTIONARIES.capital_keys)

PEOPLE = ["John Tolmand", "Maria Okarro", "Ahmed Quastel"]
BODIES = ["Tolvane Developments", "Okarro Group", "Quastel Holdings", "Brevik Bank"]
TITLES = ["CEO", "Chairman", "Chief Executive Officer", "Chief Executive", "Deputy CEO",
          "Vice Chairman", "Acting Chairman", "Senior Vice President", "Managing Director",
          "Executive Director", "President", "Director", "Chairwoman", "Vice-President",
          "Deputy Chief Executive Officer", "Founder and CEO", "Chief Operating Officer"]
WRITINGS = ["Mr {p}, {t} of {b}, said the tower was ready.",
            "The {t} of {b}, {p}, said the tower was ready.",
            "{p}, the {t} of {b}, opened the tower.",
            "Speaking at the launch, {t} of {b} {p} said so."]


def keys(text: str) -> set[str]:
    return {m.key.lstrip("^") for m in EXTRACTOR.extract("", text).mentions}


def test_a_title_of_a_body_names_the_body_and_the_person_never_the_title() -> None:
    for (p, b), t, writing in itertools.product(zip(PEOPLE * 2, BODIES, strict=False),
                                                TITLES, WRITINGS):
        text = writing.format(p=p, t=t, b=b)
        found = keys(text)
        assert b.lower() in found, text
        assert p.lower() in found, text
        title = t.lower().split()[-1].split("-")[-1]
        assert not any(title in k.split() for k in found), (text, found)


def test_a_title_of_a_place_names_the_place() -> None:
    for t in ("Ruler", "Governor", "Mayor", "Vice President"):
        found = keys(f"Sheikh Varik bin Tolmand, {t} of Dubai, opened the fair.")
        assert "dubai" in found and not any(t.lower().split()[-1] in k for k in found), found


def test_a_title_of_a_portfolio_is_cut_whole_before_its_holder() -> None:
    for t, p in itertools.product(("Chief of Staff", "Minister of Finance",
                                   "Secretary of Health", "Director of Communications",
                                   "Secretaries of State"), PEOPLE):
        found = keys(f"They met {t} {p} on Monday.")
        assert found == {p.lower()}, (t, found)


def test_a_title_before_a_name_is_cut_with_its_variants() -> None:
    for t, p in itertools.product(("Special Agent", "Agent", "Chief Executive", "Ruler"), PEOPLE):
        found = keys(f"The Acme {t} {p} said so.") | keys(f"Then {t} {p} said so.")
        assert p.lower() in found and not any(t.split()[-1].lower() in k for k in found), \
            (t, found)
    for t, p in itertools.product(("Secretary of", "Deputy Secretary of"), PEOPLE):
        found = keys(f"Then {t} {p} said so.")
        assert p.lower() in found and not any(t.split()[-1].lower() in k for k in found), \
            (t, found)


def test_titles_that_name_their_holder_and_real_names_stay_whole() -> None:
    # A monarch's, a peer's, a prelate's territory names its holder; "Chief Executive"
    # before one word and "Agent" before a thing cut nothing off a name.
    for text, key in (("The Prince of Tolvane said so.", "prince of tolvane"),
                      ("The Archbishop of Tolvane said so.", "archbishop of tolvane"),
                      ("The Duke of Tolvane said so.", "duke of tolvane"),
                      ("The Emir of Tolvane said so.", "emir of tolvane"),
                      ("Victims of Agent Orange met.", "agent orange"),
                      ("The Bank of England said so.", "bank of england")):
        assert key in keys(text), (text, keys(text))


def test_a_portfolio_or_common_word_after_of_is_no_body() -> None:
    # Nothing after "of" that the article writes in lower case is taken for a body.
    text = "The Director of Planning said planning was slow."
    assert "planning" not in keys(text)
    text = "Its Head of Tolvane said tolvane exports fell."
    assert "tolvane" not in keys(text)


def test_a_title_after_a_bodys_name_names_the_body() -> None:
    for b, t in itertools.product(BODIES, ("Chairman", "CEO", "Director", "Founder")):
        found = keys(f"On Monday the {b} {t} said so.")
        assert b.lower() in found and not any(t.lower() in k for k in found), (b, t, found)
    # A title head that is a surname too stays a name's word.
    assert "john major" in keys("On Monday John Major said so.")


def test_an_office_of_a_portfolio_with_no_holder_is_no_name() -> None:
    for t in ("Director of Human Resources", "Head of Marketing", "Minister of Finance",
              "Chief of Staff", "Vice President of Sales", "Inspector General of Police"):
        assert keys(f"On Monday the {t} said so.") == set(), t


def test_founders_and_joint_titles_are_cut() -> None:
    for p, b, join in itertools.product(PEOPLE, BODIES, (" and ", " & ")):
        found = keys(f"Mr {p}, Founder{join}Chairman of {b}, said so.")
        assert found == {p.lower(), b.lower()}, found
