"""A shipped region's name (regions.yaml) is a known spelling, as a dictionary's is: a name
of the same transliteration form joins it only within one edit and ten times rarer
(cluster.py's rule 1). "Mysore" (an Indian city) had been joined to "Missouri" on a Wikinews
corpus. Generated over regions and names near them."""

from __future__ import annotations

import pytest

from newsdesk.index.actors.regions import region_keys
from tests.index.actors.test_precision_rules import clusters, stat

# (a shipped region, another place's name of its transliteration form, more than an edit
# away)
APART = [("Missouri", "Mysore"), ("Colorado", "Culuradu"), ("Tennessee", "Tenesi"),
         ("Virginia", "Virgeenia"), ("Oregon", "Uregun")]
# (a shipped region, a slip of it one edit away of the same form)
SLIPS = [("Missouri", "Missoury"), ("Colorado", "Kolorado"), ("California", "Kalifornia"),
         ("Arizona", "Arizuna")]


def test_the_regions_are_shipped() -> None:
    assert {k.lower() for k, _ in APART + SLIPS} <= region_keys()


@pytest.mark.parametrize("region,other", APART)
@pytest.mark.parametrize("n_other", [2, 5, 22])
def test_another_name_of_a_regions_form_stays_apart(region: str, other: str,
                                                    n_other: int) -> None:
    got = clusters([stat(region, 60, location=40), stat(other, n_other, location=n_other)])
    assert got[other.lower()][2] == {other.lower()}, got


@pytest.mark.parametrize("region,slip", SLIPS)
def test_a_slip_of_a_regions_name_joins_it(region: str, slip: str) -> None:
    got = clusters([stat(region, 60, location=40), stat(slip, 2, location=2)])
    assert got[slip.lower()][0] == region, got


@pytest.mark.parametrize("region,slip", [("Tennessee", "Tennesse"),
                                         ("Massachusetts", "Massachussetts"),
                                         ("Mato Grosso", "Matto Grosso")])
def test_one_edit_in_a_long_regions_name_is_a_slip_however_common(region: str,
                                                                    slip: str) -> None:
    got = clusters([stat(region, 60, location=40), stat(slip, 20, location=10)])
    assert got[slip.lower()][0] == region, got


@pytest.mark.parametrize("region,other", [("Munster", "Monster"), ("Henan", "Heenan"),
                                          ("Gombe", "Gombi"), ("Unity", "Unite")])
def test_one_edit_in_a_short_regions_name_used_as_much_is_another_name(region: str,
                                                                       other: str) -> None:
    got = clusters([stat(region, 30, location=20), stat(other, 10, location=5)])
    assert got[other.lower()][2] == {other.lower()}, got
