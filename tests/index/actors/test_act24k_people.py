"""Issue 24, people's names and types (outside testers' celebrity, business, politics and
Indian news): one-name people typed other, a full name and the same name with one more
surname split, titles left inside names, regnal names typed other or organisation."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import clusters_of

DICTIONARIES = load_dictionaries([])
# Names no list of given names holds and real one-name stars alike.
STAGE_NAMES = ["Beyoncé", "Drake", "Rihanna", "Zendaya", "Neymar", "Kovalo", "Brixanne"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _types(extractor: Extractor, texts: list[str]) -> dict[str, str]:
    return {c.name: c.type for c in clusters_of(extractor, DICTIONARIES, texts)}


@pytest.mark.parametrize("n,name", enumerate(STAGE_NAMES))
def test_a_lone_name_said_he_or_she_is_a_person(extractor: Extractor, n: int,
                                                name: str) -> None:
    """"Drake said he": the pronoun after a verb of saying is the name's own, a person's
    cue a lone word lacked (it was typed other, or by one stray "fans" or "to X")."""
    pronoun = ("he", "she")[n % 2]
    stray = [f"Thousands of {name} fans queued outside the arena.",
             f"The award went to {name} for the second year.",
             f"Fans cheered at {name}'s show in London."][n % 3]
    texts = [f"Tickets for {name} went on sale on Monday. On Monday, {name} said {pronoun} "
             "was humbled by the response.",
             f"Critics praised the album. In a statement, {name} says {pronoun} would tour "
             "in the spring.", stray]
    assert _types(extractor, texts).get(name) == "person"


@pytest.mark.parametrize("role", ["singer-songwriter", "ex-wife", "co-founder", "footballer",
                                  "megastar", "golfer"])
def test_a_role_noun_or_a_hyphened_one_before_a_lone_name(extractor: Extractor,
                                                          role: str) -> None:
    name = STAGE_NAMES[len(role) % len(STAGE_NAMES)]
    texts = [f"Crowds waited for the {role} {name} outside the hotel.",
             f"The show was delayed when the {role} {name} arrived late.",
             f"Tickets for {name} sold out within an hour."]
    assert _types(extractor, texts).get(name) == "person"


@pytest.mark.parametrize("firm", ["Texaco", "Quorvex", "Hallbrook"])
def test_said_he_after_a_preposition_is_another_persons(extractor: Extractor,
                                                        firm: str) -> None:
    """"The chairman of Texaco said he": the pronoun is the chairman's."""
    texts = [f"The chairman of {firm} said he would retire next year.",
             f"A spokesman for {firm} said he could not comment.",
             f"Shares in {firm} fell 3% on the news."]
    assert _types(extractor, texts).get(firm) != "person"


REGNAL = ["John Paul II", "Benedict XVI", "Elizabeth II", "Louis XIV", "Felipe VI",
          "Henry VIII", "Pius XII"]


@pytest.mark.parametrize("name", REGNAL)
def test_a_regnal_number_after_a_given_name_is_a_person(extractor: Extractor,
                                                        name: str) -> None:
    """No "said", no title: a monarch's or a pope's name was typed other (organisation
    where an "it" followed)."""
    texts = [f"An exhibition about {name} opened at the museum on Thursday.",
             f"Crowds gathered as the portrait of {name} was unveiled; it drew praise.",
             f"Historians say {name} changed the country."]
    assert _types(extractor, texts).get(name) == "person"


def test_a_number_after_no_given_name_is_no_regnal_name(extractor: Extractor) -> None:
    texts = ["The Apollo XI mission was celebrated at the Saturn V hall in Houston.",
             "Visitors to Apollo XI exhibits queued; it opened on Monday.",
             "Tickets for Apollo XI sold out."]
    assert _types(extractor, texts).get("Apollo XI") != "person"


TITLED = [("CM", "Arvind Kejriwal"), ("Dy CM", "Manish Sisodia"), ("Dy. CM", "Sukhjinder Randhawa"),
          ("Ex-CM", "Kamal Nath"), ("Ex-PM", "Manmohan Singh"), ("Ex-MP", "Mani Shankar Aiyar"),
          ("Former PM", "Nawaz Sharif"), ("PM", "Narendra Modi"), ("Ex-MLA", "Kapil Mishra"),
          ("Ex-Gov.", "Andrew Cuomo")]


@pytest.mark.parametrize("title,name", TITLED)
def test_abbreviated_and_former_titles_are_cut(extractor: Extractor, title: str,
                                               name: str) -> None:
    """"CM Arvind Kejriwal", "Ex-PM Manmohan Singh" were names of their own, titles kept."""
    texts = [f"{title} {name} on Monday inaugurated a new school in the city.",
             f"Speaking at the event, {title} {name} said the budget had grown.",
             f"Officials said {name} would visit the district next week."]
    clusters = clusters_of(extractor, DICTIONARIES, texts)
    assert [c.name for c in clusters if name.split()[-1] in c.name] == [name]
    assert not [k for c in clusters for k in c.keys if k.startswith(("ex ", "cm ", "dy ", "pm "))]


@pytest.mark.parametrize("body", ["Democratic National Committee", "Labour Party",
                                  "Federal Reserve"])
def test_ex_before_a_body_is_cut(extractor: Extractor, body: str) -> None:
    texts = [f"Critics include Ex-{body} chair Donna Brazile, who wrote a book.",
             f"The {body} said on Monday that it would meet.",
             f"Donors to the {body} gave less this year."]
    names = [c.name for c in clusters_of(extractor, DICTIONARIES, texts)]
    assert body in names and not [n for n in names if n.startswith("Ex")]


def test_ex_inside_a_firms_name_is_kept(extractor: Extractor) -> None:
    texts = ["Ex-Im Bank said it would lend $1 billion to the project.",
             "The loan from Ex-Im Bank was approved on Monday.",
             "Shares of Ex-Cell-O Corp rose 2 dlrs."]
    names = {c.name for c in clusters_of(extractor, DICTIONARIES, texts)}
    assert "Ex-Im Bank" in names
