"""The dictionaries shipped with newsdesk: countries.yaml is what its generator writes (and
writes the same twice), no ISO code stands as an alias but the few that are the usual name,
no alias names two actors, every entry says where it comes from, and the fast reader reads
them as the YAML parser would."""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from pathlib import Path

import pytest

from newsdesk.index.actors.dictionaries import (
    SHIPPED_DICTIONARIES,
    DictionaryError,
    Entry,
    _entry,
    _entry_lines,
    load_dictionaries,
    load_dictionary,
)
from newsdesk.index.actors.names import name_key
from newsdesk.index.option_values import ACTOR_TYPES
from newsdesk.index.userdata.yaml_files import entries, load_yaml

COUNTRIES, NEWS_ACTORS = SHIPPED_DICTIONARIES
# ISO 3166-1 codes that are themselves the usual name of what they stand for, so aliases
# (matched only as written, in capitals): the United States, Islamic State's "IS"
# (Iceland's alpha-2 code; "is" the word is never matched), and Hong Kong's "HK" ("HK$",
# Reuters' "H.K. Dlrs": "H.K." was an actor of its own beside Hong Kong in its top 100).
ISO_CODES_ALLOWED = {"US", "USA", "IS", "HK"}
PACKAGES = ("pycountry", "countryinfo")


def shipped() -> list[tuple[Path, Entry]]:
    return [(path, e) for path in SHIPPED_DICTIONARIES for e in load_dictionary(path)]


# -- the generator ------------------------------------------------------------------------------


def _generator():  # noqa: ANN202 - the module, imported only when its packages are there
    missing = [p for p in PACKAGES if importlib.util.find_spec(p) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install -e '.[test]')")
    from tests.data_gen import countries

    return countries


def test_the_committed_countries_are_what_the_generator_writes() -> None:
    countries = _generator()
    installed = countries.versions()
    stamp = ", ".join(f"{p} {installed[p]}" for p in PACKAGES)
    committed = COUNTRIES.read_text(encoding="utf-8")
    if f"# generated-from: {stamp}\n" not in committed:
        pytest.skip(f"installed {stamp}; countries.yaml was generated from other versions")
    first = countries.render()
    assert first == countries.render(), "two runs of the generator differ"
    assert first == committed, "countries.yaml differs from a fresh run: make actor-data"


def test_the_generator_check_tells_a_stale_file(tmp_path: Path) -> None:
    countries = _generator()
    out = tmp_path / "countries.yaml"
    assert countries.main(["--output", str(out)]) == 0
    assert countries.main(["--check", "--output", str(out)]) == 0
    out.write_text(out.read_text().replace('"Iran"', '"Persia"', 1))
    assert countries.main(["--check", "--output", str(out)]) == 1


def test_every_curated_country_item_says_its_source() -> None:
    countries = _generator()
    extras = countries.load_extras()
    assert extras and all(item.get("source") for item in extras.values())


# -- what the shipped dictionaries hold ---------------------------------------------------------


def _iso_codes() -> set[str]:
    """Every ISO 3166-1 alpha-2 and alpha-3 code (pycountry's), or where it is not
    installed the alpha-3 codes the country entries carry."""
    if importlib.util.find_spec("pycountry") is not None:
        import pycountry

        return {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    return {e.code for e in load_dictionary(COUNTRIES) if e.code}


def test_no_iso_code_is_an_alias_but_the_usual_names() -> None:
    codes = _iso_codes()
    assert len(codes) > 240
    found = {a for _, e in shipped() for a in (e.name, *e.aliases)
             if a.replace(".", "") in codes}
    assert found == ISO_CODES_ALLOWED


def test_the_iso_codes_that_are_aliases_match_in_capitals_only() -> None:
    dictionaries = load_dictionaries([])
    for code in ISO_CODES_ALLOWED:
        assert name_key(code) in dictionaries.capital_keys, code


def test_every_alias_names_one_actor_only() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for path, e in shipped():
        for key in e.name_keys():
            owners[key].add(f"{path.name}: {e.name}")
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert shared == {}, "an alias of two entries: drop it from both, or say why it stays"


def test_every_entry_says_its_source_and_type() -> None:
    found = shipped()
    assert len(found) > 600
    assert all(e.source for _, e in found)
    assert all(e.type in ACTOR_TYPES for _, e in found)
    countries = [e for path, e in found if path == COUNTRIES and e.type == "country"]
    assert len(countries) > 240
    # ISO 3166-1 alpha-3, or ISO 3166-2 for the United Kingdom's nations
    assert all(re.fullmatch(r"[A-Z]{3}|GB-[A-Z]{3}", e.code or "") for e in countries)
    assert {e.name for e in countries if "-" in (e.code or "")} == \
        {"England", "Scotland", "Wales", "Northern Ireland"}


def test_capitals_are_places_that_stand_for_their_country() -> None:
    by_name = {e.name: e for _, e in shipped()}
    for capital, country in (("Washington", "United States"), ("Moscow", "Russia"),
                             ("Tehran", "Iran"), ("Beijing", "China"), ("Kyiv", "Ukraine")):
        assert by_name[capital].type == "location"
        assert by_name[capital].metonym_for == country
        assert capital not in by_name[country].aliases
    assert "Kiev" in by_name["Kyiv"].aliases


def test_the_issues_world_knowledge_aliases() -> None:
    dictionaries = load_dictionaries([])

    def entry(name: str) -> str:
        return dictionaries.entries[dictionaries.alias[name_key(name)]].name

    assert {entry(n) for n in ("ISIS", "ISIL", "Daesh", "Islamic State")} == {"Islamic State"}
    assert {entry(n) for n in ("Tories", "Conservatives")} == {"Conservative Party"}
    assert entry("Fed") == "Federal Reserve"
    assert entry("Britons") == "United Kingdom" and entry("Americans") == "United States"
    assert entry("UK") == "United Kingdom" and entry("US") == "United States"
    assert dictionaries.entries[name_key("Pentagon")].type == "government"


def test_shipped_dictionaries_are_read_fast_and_as_yaml_reads_them() -> None:
    """One entry a line, read by json: the same entries, at the same lines, as by YAML."""
    for path in SHIPPED_DICTIONARIES:
        fast = _entry_lines(path)
        assert fast is not None, f"{path.name}: a line the fast reader does not take"
        data, node = load_yaml(path, DictionaryError)
        slow = entries(data, node, "actors", path, DictionaryError)
        assert fast == slow


def test_a_dictionary_in_block_style_is_read_by_yaml(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text('actors:\n  - {"name": "Acme", "type": "organisation"}\n'
                    "  - name: Zorbia Front\n    type: militia\n")
    assert _entry_lines(path) is None
    assert [e.name for e in load_dictionary(path)] == ["Acme", "Zorbia Front"]
    assert _entry({"name": "Acme"}, "x:1").where == "x:1: actor 'Acme'"
