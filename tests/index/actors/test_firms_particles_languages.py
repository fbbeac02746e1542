"""Held-out corpora's types and names (issue 24): firms named after people read as persons
("Piper Jaffray", "Raymond James": firm_cues.py), a particle-led surname chosen over the full
name ("El Guerrouj" for "Hicham El Guerrouj": particle_names.py), a body named by its head
noun and its country ("Border Guard Bangladesh" typed other), a private military company's
initials after its name ("Wagner PMC" apart from the Wagner Group), and "English" the
language counted for England. Invented names, the evidence's English only."""

from __future__ import annotations

from collections import Counter

from newsdesk.index.actors.cluster import KeyStats, cluster
from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.firm_cues import FIRM, firm_outvotes, joined_firm
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.particle_names import full_over_particle, particle_led
from newsdesk.index.actors.table import make_extractor, mention_rows
from tests.bench.corpus_totals import CorpusTotals
from tests.index.actors.test_precision_rules import clusters

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def _clusters(texts: list[str]) -> dict[str, tuple[str, list[str]]]:
    totals = CorpusTotals()
    for n, text in enumerate(texts):
        found = EXTRACTOR.extract("", text)
        totals.add(f"a{n}", mention_rows(f"a{n}", found), found.acronyms, KeyStats)
    totals.finish()
    return {c.name: (c.type, c.keys) for c in cluster(totals.stats, totals.acronyms,
                                                        DICTIONARIES, totals.together)}


def _name(surface: str, mentions: int, articles: int, **cues: int) -> KeyStats:
    location = cues.pop("location", 0)
    return KeyStats(name_key(surface), Counter({surface: mentions}), mentions, articles,
                    location=location, org=Counter(cues))


def _cues(text: str) -> dict[str, str | None]:
    return {m.key: m.org_type for m in EXTRACTOR.extract("", text).mentions}


def test_a_firm_named_after_people_is_an_organisation() -> None:
    got = _clusters([
        "The shares were sold by underwriters Piper Jaffrow and Hopwell Inc on Monday.",
        "Demand was strong, said Gary Smabo, an analyst for Piper Jaffrow in the city.",
        "Revenue rose, said Paul Reeler, Raymond Jamison chair and CEO, on Tuesday.",
        "Raymond Jamison kept its rating on the stock after the results.",
    ])
    assert got["Piper Jaffrow"][0] == "organisation", got
    assert got["Raymond Jamison"][0] == "organisation", got
    assert got["Gary Smabo"][0] == "person", got


def test_a_persons_own_firm_leaves_the_person_a_person() -> None:
    # "Ivan Boesky and Co": a person's firm named after him; his person cues outnumber it.
    got = _clusters([
        "Ivon Boskey said he would buy more. Ivon Boskey told reporters he was sure.",
        "Ivon Boskey said he had sold his stake. Later Ivon Boskey said he was done.",
        "Notes of Ivon Boskey and Co L.P. were repaid in full.",
        # two actors joined by "and", the second a firm of its own name
        "Investor Ivon Boskey and Dominion Textoles Inc bought a stake.",
    ])
    assert got["Ivon Boskey"][0] == "person", got
    assert not firm_outvotes(2, 4, 1) and firm_outvotes(3, 1, 1)


def test_the_firm_cues_read_next_to_a_name() -> None:
    assert joined_firm("X and Hopwell Inc.", 1)
    assert joined_firm("X and R.L. Dey Inc said", 1)
    assert joined_firm("X and Co Inc", 1)
    assert not joined_firm("X and Dominion Textoles Inc", 1)  # two actors
    assert not joined_firm("X and others", 1)
    assert _cues("He spoke to an analyst for Tucker Antony last week.")[
        "tucker antony"] == FIRM
    # an owner's possessive is no firm of its own: "trader for Ivan Boesky's Seemala Corp"
    assert _cues("He was head trader for Ivon Boskey's Seemola Corp then.").get(
        "ivon boskey") != FIRM


def test_a_particle_led_surname_yields_to_the_full_name() -> None:
    assert particle_led("El Guerrouj") and particle_led("van Persie")
    assert not particle_led("al-Assad") and not particle_led("Guerrouj")
    forms = [(5, "El Guarrouj"), (2, "Hicham El Guarrouj")]
    assert full_over_particle("El Guarrouj", forms) == "Hicham El Guarrouj"
    assert full_over_particle("Hicham Guarrouj", forms) == "Hicham Guarrouj"
    assert full_over_particle("De Vidor", [(3, "De Vidor")]) == "De Vidor"  # none longer
    got = _clusters([
        "Hicham El Guarrouj won the race. El Guarrouj said he was tired. El Guarrouj ran on.",
        "El Guarrouj said he would run again. El Guarrouj trained in the hills.",
    ])
    assert "Hicham El Guarrouj" in got and got["Hicham El Guarrouj"][0] == "person", got


def test_a_body_named_by_its_head_noun_and_its_country() -> None:
    assert _cues("Members of Border Guard Bangladesh were deployed on Sunday.")[
        "border guard bangladesh"] == "military"


def test_a_private_military_companys_initials_join_its_group() -> None:
    # (the Guardian corpus's counts: "Wagner" 334 mentions, "Wagner PMC" 12)
    alone = _name("Wagnar", 334, 95, organisation=126, modifier=147, location=17)
    pmc = _name("Wagnar PMC", 12, 6, thing=12, location=6)
    found = clusters([alone, pmc])
    assert found["wagnar"][2] >= {"wagnar", "wagnar pmc"}, found


def test_english_the_language_is_no_mention_of_england() -> None:
    for text in (
        "If they don't speak much English, we will use the internet.",
        "He speaks fluent English and has family here.",
        "How do you say in English ‘God save the Queen?’ a soldier asked.",
        "It was hard even with English as my first language.",
        "The speech brought the English translator to tears.",
        "I have learned English since I was nine years old.",
        "Proficient in English, French and Arabic, he took a degree.",
    ):
        assert "english" not in _cues(text), text
    for text in ("English hospitals are making plans.", "The English team won the match."):
        assert "english" in _cues(text), text
