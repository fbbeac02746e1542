"""Three classes found on a health-news corpus newsdesk had not seen (FakeHealth's news
stories and releases): degrees after a name ("Dennis Crawford, MD, PhD") listed as actors;
bodies' names going on after "for" split in two ("Centers | Disease Control and
Prevention", "Office | National Statistics"); a condition named after a person listed as an
organisation ("Alzheimer's disease")."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.not_actors import not_actor
from newsdesk.index.actors.table import make_extractor
from tests.helpers.clustered import names_of_keys

DICTIONARIES = load_dictionaries([])
EXTRACTOR = make_extractor(DICTIONARIES)


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.key, m.org_type) for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize("degree", ["MD", "M.D.", "PhD", "Ph.D.", "MPH", "FACC", "DrPH", "RN"])
def test_a_degree_after_a_name_is_no_actor(degree: str) -> None:
    text = f"The study was led by Dennis Crawford, {degree}, of the university."
    keys = [k for k, _ in _found(text)]
    assert "dennis crawford" in keys
    assert all(not_actor(k) for k in keys if k != "dennis crawford"), keys


def test_degrees_that_are_names_too_stay() -> None:
    for key in ("ma", "ms", "jack ma", "md anderson"):
        assert not not_actor(key), key


HEADS = ("Centers", "Office", "Institute", "Society", "Agency", "Department", "Alliance")
TAILS = ("Disease Control and Prevention", "National Statistics", "Fiscal Studies",
         "Work and Pensions")


def test_a_bodys_name_goes_on_after_for() -> None:
    for head, tail in itertools.product(HEADS, TAILS):
        name = f"{head} for {tail}"
        found = _found(f"Figures from the {name} showed a rise on Monday.")
        assert [k for k, _ in found] == [name.lower()], (name, found)
        assert found[0][1] in ("organisation", "government"), (name, found)


def test_no_join_after_a_firm_or_before_a_demonym_or_a_common_word() -> None:
    for text, keys in (
            ("Texaco Inc for Getty Oil paid 10 dlrs.", {"getty oil"}),
            ("They asked the Commission for Greek aid.", {"greek"}),
            ("The Institute for Monday talks met in Paris.", {"paris"}),
            ("A spokesman for Pfizer Inc said so.", {"pfizer inc"})):
        got = {k for k, _ in _found(text)}
        assert keys <= got and not any(" for " in k for k in got), (text, got)


def _actors(texts: list[str]) -> dict[str, str]:
    return names_of_keys(EXTRACTOR, DICTIONARIES, texts)


@pytest.mark.parametrize("name,noun", [("Alzheimer's", "disease"), ("Parkinson's", "disease"),
                                       ("Crohn's", "disease"), ("Tourette", "syndrome"),
                                       ("Lyme", "disease"), ("Cabir", "virus")])
def test_a_condition_named_after_someone_is_no_actor(name: str, noun: str) -> None:
    texts = [f"Patients with {name} {noun} were seen at the Mayo Clinic in week {n}. "
             f"Doctors said {name} {noun} is rare." for n in range(6)]
    actors = _actors(texts)
    assert "mayo clinic" in actors
    assert not any(k.startswith(name.lower().rstrip("'s")) for k in actors), actors


def test_a_person_whose_name_a_condition_bears_stays_where_named_as_one() -> None:
    texts = [f"Lou Gehrig played for the Yankees in {1925 + n}. Gehrig said he was ready."
             for n in range(6)] + ["Lou Gehrig disease is rare, doctors said."]
    assert "lou gehrig" in _actors(texts)
