"""A possessive inside a name (stranger14, corpus B: "National People’s Power (NPP)" was
"National People", "Power" and "NPP", three actors): an acronym after the run that spells
the whole "X's Y", not the run after the possessive alone, joins it, and so does the same
run written again in the article; an owner that is a name of its own stays its own
("Iran's", "Sri Lanka's Election Commission (EC)"). Generated variants."""

from __future__ import annotations

from itertools import product

import pytest

from newsdesk.index.actors.dictionaries import load_dictionaries
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.table import make_extractor

EXTRACTOR = make_extractor(load_dictionaries([]))
OWNERS = ["National People", "Tamil People", "United Women", "Free Children",
          "Kandyan People", "Northern Women"]
BODIES = ["Power", "Voice", "Front", "Freedom Platform", "Liberation Force"]
MARKS = ["’s", "'s"]


def initials(name: str) -> str:
    return "".join(w[0] for w in name.split()).upper()


def keys_of(text: str) -> list[str]:
    return [m.key for m in EXTRACTOR.extract("", text).mentions]


@pytest.mark.parametrize(("owner", "body", "mark"), product(OWNERS, BODIES, MARKS))
def test_an_acronym_spelling_the_whole_possessive_run_keeps_it_one_name(
        owner: str, body: str, mark: str) -> None:
    whole = f"{owner}{mark} {body}"
    short = initials(f"{owner} {body}")
    text = (f"The {whole} ({short}) won the election. {short} officials met reporters. "
            f"Later the {whole} said it had a majority.")
    out = EXTRACTOR.extract("", text)
    keys = [m.key for m in out.mentions]
    assert keys.count(name_key(whole)) == 2, keys
    assert name_key(owner) not in keys and name_key(body) not in keys, keys
    assert (name_key(short), name_key(whole)) in out.acronyms, out.acronyms


@pytest.mark.parametrize(("owner", "body"), product(["Sri Lanka", "Iran", "Kenya", "India"],
                                                    ["Election Commission", "Foreign Ministry",
                                                     "Revolutionary Guards"]))
def test_an_owner_of_its_own_stays_its_own(owner: str, body: str) -> None:
    """The body's own acronym ("EC"), or one spelling a dictionary's name and the body,
    leaves the owner a name of its own."""
    for short in (initials(body), initials(f"{owner} {body}")):
        keys = keys_of(f"{owner}'s {body} ({short}) said so on Monday. {owner}'s {body} "
                       f"spoke again.")
        assert name_key(owner) in keys and name_key(f"{owner}'s {body}") not in keys, \
            (short, keys)


@pytest.mark.parametrize(("owner", "body"), product(OWNERS[:3], ["Green Voice", "Solar Power",
                                                                 "Freedom Platform"]))
def test_an_acronym_of_the_body_alone_joins_nothing(owner: str, body: str) -> None:
    keys = keys_of(f"The {owner}'s {body} ({initials(body)}) met on Monday.")
    assert name_key(f"{owner}'s {body}") not in keys, keys


@pytest.mark.parametrize(("owner", "body", "mark"), product(OWNERS, ["Power", "Voice"], MARKS))
def test_a_peoples_possessive_run_written_twice_is_one_name(owner: str, body: str,
                                                           mark: str) -> None:
    """No bracket: the same capitalised run written again in the article joins it; written
    once it is left as it was."""
    whole = f"{owner}{mark} {body}"
    keys = keys_of(f"Officials of the {whole} said so. The {whole} will form a government.")
    assert keys.count(name_key(whole)) == 2, keys
    keys = keys_of(f"Officials of the {whole} said so on Monday.")
    assert name_key(whole) not in keys, keys
