"""Issue 24, people's names and types (outside testers' celebrity, business, politics and
Indian news): one-name people typed other, a full name and the same name with one more
surname split, titles left inside names, regnal names typed other or organisation."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.extract import Extractor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import clusters_of, types_of

DICTIONARIES = load_dictionaries([])
# Names no list of given names holds and real one-name stars alike.
STAGE_NAMES = ["Beyoncé", "Drake", "Rihanna", "Zendaya", "Neymar", "Kovalo", "Brixanne"]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return make_extractor(DICTIONARIES)


def _types(extractor: Extractor, texts: list[str]) -> dict[str, str]:
    return types_of(extractor, DICTIONARIES, texts)


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


@pytest.mark.parametrize("firm", ["Mark IV", "Ralph II", "Henry VI"])
def test_a_firms_short_form_with_a_regnal_number_is_no_person(extractor: Extractor,
                                                             firm: str) -> None:
    """"Mark IV Industries Inc" then "Mark IV currently owns": the firm's (Reuters)."""
    texts = [f"A court barred {firm} Industries Inc from buying shares. The company said "
             f"{firm} currently owns 17 pct. Lawyers for {firm} appealed.",
             f"Shares of {firm} Corp rose. Analysts said {firm} would bid again."]
    assert _types(extractor, texts).get(firm) != "person"


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


ADDED = [("Kim Kardashian", "West"), ("Mohamed Ragheb", "Hussein"), ("Hillary Rodham", "Clinton"),
         ("Ana Lucia", "Ferreira"), ("Tarek Amer", "Mahmoud")]


def _added_texts(short: str, added: str) -> list[str]:
    last = short.split()[-1]
    return [f"{short} {added}, 36, said on Monday that the company would grow.",
            f"Analysts cheered when {short} {added} spoke. {added} said sales rose.",
            f"{short}, 36, told reporters that she would travel to Cairo.",
            f"Shares rose after {short} spoke on Tuesday. {last} said the plan was sound."]


@pytest.mark.parametrize("short,added", ADDED)
def test_a_full_name_with_a_surname_added_is_one_person(extractor: Extractor, short: str,
                                                        added: str) -> None:
    clusters = clusters_of(extractor, DICTIONARIES, _added_texts(short, added))
    [person] = [c for c in clusters if short.split()[0] in c.name]
    assert person.type == "person" and person.name in (short, f"{short} {added}")
    assert {short.lower(), f"{short} {added}".lower()} <= set(person.keys)


@pytest.mark.parametrize("short,added", ADDED[1:])
def test_two_longer_names_leave_the_shorter_to_neither(extractor: Extractor, short: str,
                                                       added: str) -> None:
    """"Ahmed Hassan" beside "Ahmed Hassan Ali" and "Ahmed Hassan Mahmoud": either's."""
    other = "Nassar" if added != "Nassar" else "Saleh"
    texts = [*_added_texts(short, added), f"Rivals said {short} {other}, 50, had left. "
             f"{other} said he would return.", f"Later {short} {other} said he was fine."]
    names = {c.name for c in clusters_of(extractor, DICTIONARIES, texts)}
    assert {short, f"{short} {added}", f"{short} {other}"} <= names


@pytest.mark.parametrize("short,added", [("John Smith", "Jr"), ("Louis", "XIV"),
                                         ("Ann Lee", "March"), ("Ahmed Hassan", "Group"),
                                         ("Karim Awad", "Cairo")])
def test_no_suffix_title_body_or_place_is_an_added_surname(extractor: Extractor, short: str,
                                                           added: str) -> None:
    texts = [f"Officials said {short} {added} would meet investors on Monday.",
             f"The letter from {short} {added} arrived. {short}, 40, said he agreed.",
             f"Later {short} said he was pleased."]
    keys = [set(c.keys) for c in clusters_of(extractor, DICTIONARIES, texts)]
    assert not [k for k in keys if {short.lower(), f"{short} {added}".lower()} <= k]


@pytest.mark.parametrize("given,surnames", [("Kim", "Kardashian West"), ("Ana", "Botin Sanz"),
                                             ("Hillary", "Rodham Clinton")])
def test_a_double_surname_alone_is_no_canonical_name(extractor: Extractor, given: str,
                                                     surnames: str) -> None:
    texts = [f"Fans cheered as {given} {surnames}, 36, arrived. {surnames} said she was "
             f"happy. Later {surnames} waved.",
             f"Critics said {given} {surnames} had won. {surnames} said she would sue.",
             f"Reporters asked {surnames} about it. {surnames} said no."]
    [person] = [c for c in clusters_of(extractor, DICTIONARIES, texts)
                if surnames.split()[-1] in c.name]
    assert person.name == f"{given} {surnames}"


@pytest.mark.parametrize("first,middle,last", [("Hillary", "Rodham", "Clinton"),
                                               ("James", "Wright", "Foley"),
                                               ("Robert", "Francis", "Kennedy")])
def test_a_middle_name_joins_a_name_opening_sentences(extractor: Extractor, first: str,
                                                      middle: str, last: str) -> None:
    """"Hillary Clinton said" first in its sentences has no person's cue; its articles
    call it "Clinton" alone, as a person's name."""
    texts = [f"{first} {last} won the primary on Tuesday. {last} told supporters she was "
             "grateful.", f"{first} {last} spoke in Ohio. {last} said the race was close.",
             f"Publishers said {first} {middle} {last} would publish a memoir. "
             f"{first} {middle} {last} said it was personal."]
    names = {c.name: set(c.keys) for c in clusters_of(extractor, DICTIONARIES, texts)}
    assert any({f"{first} {last}".lower(), f"{first} {middle} {last}".lower()} <= keys
               for keys in names.values())


BEARERS = [("Hillary", "Bill", "Clinton"), ("Serena", "Venus", "Williams"),
           ("Ed", "David", "Miliband"), ("Sonia", "Rahul", "Gandhi")]


@pytest.mark.parametrize("main,other,surname", BEARERS)
def test_a_surname_two_people_of_an_article_bear_is_neithers(
        extractor: Extractor, main: str, other: str, surname: str) -> None:
    """The lone surname of an article naming both bearers went to whichever the corpus
    names most (the lone-surname rule's 80%), though the article says nothing of which."""
    texts = [f"Voters in {place} heard {main} {surname} speak on Monday. Later that day "
             f"{surname} said the economy was strong." for place in
             ("Ohio", "Iowa", "Texas", "Maine", "Utah", "Idaho", "Kansas", "Nevada")]
    texts.append(f"Both {other} {surname} and {main} {surname} visited Ohio on Monday. In "
                 f"Columbus, {surname} said the economy was weak.")
    clusters = clusters_of(extractor, DICTIONARIES, texts)
    assert {c.name for c in clusters} >= {f"{main} {surname}", f"{other} {surname}"}
    # (the articles of one bearer resolve their lone surname in the article: the lone
    # word's key is the article of both's, and no actor's)
    assert not [c.name for c in clusters if surname.lower() in c.keys]


@pytest.mark.parametrize("given,other,surname", [("Steven", "Steve", "Gerrard"),
                                                 ("Joseph", "Joe", "Biden"),
                                                 ("Mohammed", "Mohamed", "Salah")])
def test_one_persons_two_given_names_are_no_two_bearers(
        extractor: Extractor, given: str, other: str, surname: str) -> None:
    texts = [f"Fans in {place} cheered {given} {surname} on Monday. Later that day "
             f"{surname} said the team was strong." for place in ("Leeds", "Derby", "Bath")]
    texts.append(f"Critics said {given} {surname} had played well; {other} {surname} agreed. "
                 f"In Liverpool, {surname} said the team was tired.")
    # (the lone surname kept for the corpus's rules, not dropped as neither's)
    clusters = clusters_of(extractor, DICTIONARIES, texts)
    assert [c for c in clusters if surname.lower() in c.keys]


@pytest.mark.parametrize("n,name", enumerate(STAGE_NAMES[:5]))
def test_one_fans_cue_an_article_makes_no_body_of_a_lone_name(extractor: Extractor, n: int,
                                                              name: str) -> None:
    """An article's one "Drake fans" beside its "Drake said he" was the cue of all its
    mentions (a row's cue counts for each): every article so, the name was a body's."""
    pronoun = ("he", "she")[n % 2]
    texts = [f"Tickets for {name} went on sale on {day}. On {day}, {name} said {pronoun} was "
             f"humbled. Thousands of {name} fans queued outside the stadium overnight."
             for day in ("Monday", "Friday", "Sunday")]
    assert _types(extractor, texts).get(name) == "person"
