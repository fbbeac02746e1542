"""A body's name with "and" inside, defined by an acronym that spells the whole run (stranger13
A1: "National Transport and Safety Authority (NTSA)" was cut in two at "and", the acronym
given to the first half); and the mirror, two firms each with its legal form joined by "and"
(A5: "Bank of America Corp and Citigroup Inc" was one name). Generated variants."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
FIRSTS = ["National Transport", "Independent Electoral", "Federal Mediation",
          "Rural Roads", "Coastal Fisheries", "Maritime Ports"]
SECONDS = ["Safety Authority", "Boundaries Commission", "Conciliation Service",
           "Wildlife Board", "Licensing Agency"]


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w != "and").upper()


@pytest.mark.parametrize(("first", "second"), product(FIRSTS, SECONDS))
def test_an_acronym_spelling_the_whole_run_keeps_its_and(first: str, second: str) -> None:
    whole = f"{first} and {second}"
    short = initials(whole)
    text = (f"The {whole} ({short}) said on Monday that it would act. {short} officials "
            f"met reporters. Later the {whole} said it had enough funds.")
    out = EXTRACTOR.extract("", text)
    keys = [m.key for m in out.mentions]
    assert keys.count(name_key(whole)) == 2, keys
    assert name_key(first) not in keys and name_key(second) not in keys, keys
    assert (name_key(short), name_key(whole)) in out.acronyms, out.acronyms
    assert all(e != name_key(first) for _, e in out.acronyms), out.acronyms


@pytest.mark.parametrize(("first", "second"), product(FIRSTS[:3], SECONDS[:3]))
def test_an_acronym_of_one_half_is_no_acronym_of_the_other(first: str, second: str) -> None:
    """Letter for letter: an acronym of the first half's initials only, after the second
    half, gives neither half the whole name, nor the first half the acronym."""
    whole = f"{first} and {second}"
    short = initials(first) + "X"
    out = EXTRACTOR.extract("", f"The {whole} ({short}) said on Monday it would act.")
    keys = [m.key for m in out.mentions]
    assert name_key(whole) not in keys, keys
    assert (name_key(short), name_key(first)) not in out.acronyms, out.acronyms


FIRMS = ["Bank of America", "Citigroup", "Wells Fargo", "General Motors", "Morgan Stanley"]
FORMS = ["Corp", "Inc", "Co", "Ltd", "Plc"]


@pytest.mark.parametrize(("a", "b", "form_a", "form_b"),
                         [(a, b, fa, fb) for a, b in product(FIRMS, FIRMS) if a != b
                          for fa, fb in product(FORMS[:3], FORMS[1:4])])
def test_two_firms_each_with_its_legal_form_are_two_names(a: str, b: str, form_a: str,
                                                          form_b: str) -> None:
    one, two = f"{a} {form_a}", f"{b} {form_b}"
    out = EXTRACTOR.extract("", f"Shares of {one} and {two} fell on Monday.")
    keys = [m.key for m in out.mentions]
    assert name_key(f"{one} and {two}") not in keys, keys
    assert name_key(two) in keys, keys
