"""Writes index/actors/data/countries.yaml, the country part of the actor dictionary shipped
with newsdesk, from maintained data packages (dev time only: `make actor-data`):

- pycountry (ISO 3166-1, LGPL-2.1): each country's short, official and common names, and its
  alpha-3 code as the entry's `code` (never as an alias);
- countryinfo (MIT): the demonym, the capital and the population, and the English short name
  where ISO's is inverted ("Congo, The Democratic Republic of the");
- tests/data_gen/country_extras.yaml: what both lack or get wrong, curated by hand, each item
  with its source.

Rules, so that every alias names one country only:
- a demonym several entries share ("French": France, Martinique, Réunion...) goes to the one
  that has ten times the people of the next, else to none ("Channel Islander");
- a plural is made only for demonyms that take an -s ("Afghan" -> "Afghans", not "Swiss");
- the nations of the United Kingdom come from ISO 3166-2 (pycountry's subdivisions: a
  state whose top level is mostly of type "Country"), and former states from ISO 3166-3
  where the curated file names them (pycountry's historic countries);
- capitals are `location` entries of their own with `metonym_for: <country>`, for
  countries of at least a million people, and for smaller ones where no word of the
  capital's name is a given name (Douglas, Hamilton, Stanley, Victoria are people's names
  too) or curated, and not where the capital's name is the country's (Singapore);
- an alias that is an ISO alpha-2 or alpha-3 code is refused unless the curated file gives it.

The runtime never imports this module or the packages: the YAML it writes is committed, and
tests/index/actors/test_country_data.py checks it against a fresh run."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from newsdesk.index.actors.names import name_key
from tests.data_gen import generated_file

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "index" / "actors" / "data" / "countries.yaml"
EXTRAS = Path(__file__).resolve().parent / "country_extras.yaml"

CAPITAL_MIN_POPULATION = 1_000_000
DEMONYM_SHARE = 10  # a shared demonym goes to an entry with 10x the people of the next
PLURAL_ENDINGS = ("an", "er", "i", "ot", "k", "o", "ene")


@dataclass(slots=True)
class Country:
    code: str
    name: str
    type: str
    aliases: list[str]
    demonyms: list[str]
    population: int
    capital: str | None
    capital_aliases: list[str] = field(default_factory=list)
    capital_metonym_for: str | None = None
    curated: bool = False
    capital_curated: bool = False  # the capital's name or spellings are curated
    capital_named: bool = False  # the capital itself is (countryinfo has none, or a stale one)
    origin: str = ""  # "ISO 3166-3": a former state, from pycountry alone


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {"pycountry": version("pycountry"), "countryinfo": version("countryinfo")}


def _clean(name: str | None) -> str | None:
    """A name fit to be an alias: no inverted ISO form ("Iran, Islamic Republic of"), no
    bracketed note, no leading lower-case article ("the State of Eritrea")."""
    if not name or "," in name or "(" in name:
        return None
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    return name or None


def _countryinfo_by_alpha3() -> dict[str, dict[str, Any]]:
    """countryinfo's record for each alpha-3 code. Where it has several (GBR: United Kingdom
    and Wales; MMR: Myanmar and Burma), the one with the most people, its other names kept."""
    from countryinfo._cache import load_countries  # the public API reads one country a call

    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in load_countries()["countries"].values():
        alpha3 = (record.get("ISO") or {}).get("alpha3")
        if alpha3:
            grouped.setdefault(alpha3, []).append(record)
    out = {}
    for alpha3, records in grouped.items():
        records.sort(key=lambda r: (-(r.get("population") or 0), r["name"]))
        best = dict(records[0])
        # Another record's name is kept only where the two name each other as alternative
        # spellings (Burma / Myanmar), not where one is a part (Wales, under GBR).
        best["other_names"] = [
            r["name"] for r in records[1:]
            if r["name"] in (best.get("altSpellings") or [])
            or best["name"] in (r.get("altSpellings") or [])]
        out[alpha3] = best
    return out


def _demonyms(text: str | None, name: str) -> list[str]:
    """countryinfo's demonym field: "Bosnian,Herzegovinian"; none where it is the name, or
    joins two ("Kittian and Nevisian": news write each)."""
    out = []
    for part in (text or "").split(","):
        part = part.strip()
        if part and name_key(part) != name_key(name) and " and " not in part:
            out.append(part)
    return out


def _plural(demonym: str) -> str | None:
    return demonym + "s" if demonym.endswith(PLURAL_ENDINGS) else None


def _capital(record: dict[str, Any]) -> str | None:
    capital = record.get("capital")
    if isinstance(capital, list):
        capital = capital[0] if capital else None
    return capital.strip() if isinstance(capital, str) and capital.strip() else None


def load_extras(path: Path = EXTRAS) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    extras = data["countries"]
    known = {"name", "aliases", "drop", "type", "capital", "capital_aliases",
             "capital_metonym_for", "source"}
    for code, item in extras.items():
        unknown = set(item) - known
        if unknown or not item.get("source"):
            raise SystemExit(f"{path}: {code}: unknown keys {sorted(unknown)} or no source")
    return extras


def collect(extras: dict[str, dict[str, Any]]) -> list[Country]:
    import pycountry

    info = _countryinfo_by_alpha3()
    out: list[Country] = []
    for iso in pycountry.countries:
        record = info.get(iso.alpha_3, {})
        extra = extras.get(iso.alpha_3, {})
        common = getattr(iso, "common_name", None)
        official = getattr(iso, "official_name", None)
        bare = re.sub(r"\s*\([^)]*\)", "", iso.name)  # "Cocos (Keeling) Islands"
        candidates = [common, iso.name, record.get("name"), official, bare]
        # The last resort keeps a comma: "Bonaire, Sint Eustatius and Saba" is its name.
        name = extra.get("name") or next((c for c in map(_clean, candidates) if c), iso.name)
        aliases = [_clean(n) for n in (common, iso.name, official, record.get("name"),
                                       *record.get("other_names", []))]
        capital = extra["capital"] if "capital" in extra else _capital(record)
        out.append(Country(
            code=iso.alpha_3, name=name, type=extra.get("type", "country"),
            aliases=[a for a in aliases if a] + list(extra.get("aliases", [])),
            demonyms=_demonyms(record.get("demonym"), name),
            population=int(record.get("population") or 0),
            capital=capital, capital_aliases=list(extra.get("capital_aliases", [])),
            capital_metonym_for=extra.get("capital_metonym_for"),
            curated=bool(extra),
            capital_curated=any(k.startswith("capital") for k in extra),
            capital_named="capital" in extra))
    out.extend(_nations(extras))
    current = {name_key(n) for c in out for n in (c.name, *c.aliases)}
    out.extend(_historic(extras, current))
    _share_demonyms(out)
    for country in out:
        drop = {name_key(d) for d in extras.get(country.code, {}).get("drop", [])}
        demonyms = [d for d in country.demonyms if name_key(d) not in drop]
        names = [*country.aliases, *demonyms, *(p for p in map(_plural, demonyms) if p)]
        seen = {name_key(country.name)} | drop
        kept = []
        for alias in names:
            key = name_key(alias)
            if key and key not in seen:
                seen.add(key)
                kept.append(alias)
        country.aliases = kept
    _refuse_iso_codes(out, extras)
    return sorted(out, key=lambda c: name_key(c.name))


def _nations(extras: dict[str, dict[str, Any]]) -> list[Country]:
    """The nations of a state whose ISO 3166-2 top level is mostly of type "Country" (the
    United Kingdom: England, Scotland, Wales, and Northern Ireland beside them): countries
    to news, though not in ISO 3166-1."""
    import pycountry
    from countryinfo._cache import load_countries

    records = load_countries()["countries"]
    top: dict[str, list[Any]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            top.setdefault(sub.country_code, []).append(sub)
    out = []
    for subs in top.values():
        if sum(sub.type == "Country" for sub in subs) * 2 <= len(subs):
            continue
        for sub in subs:
            name = re.sub(r"\s*\[.*\]", "", sub.name)  # "Wales [Cymru GB-CYM]"
            if pycountry.countries.get(name=name) is not None:
                continue
            record = records.get(name.lower(), {})
            extra = extras.get(sub.code, {})
            out.append(Country(
                code=sub.code, name=extra.get("name", name), type="country",
                aliases=list(extra.get("aliases", [])),
                demonyms=_demonyms(record.get("demonym"), name),
                population=int(record.get("population") or 0),
                capital=extra["capital"] if "capital" in extra else _capital(record),
                capital_aliases=list(extra.get("capital_aliases", [])),
                capital_metonym_for=extra.get("capital_metonym_for"),
                curated=bool(extra),
                capital_curated=any(k.startswith("capital") for k in extra),
                capital_named="capital" in extra))
    return out


def _historic(extras: dict[str, dict[str, Any]], current: set[str]) -> list[Country]:
    """Former states of ISO 3166-3 that the curated file names (the Soviet Union, East
    Germany, Yugoslavia...: older news is full of them), with ISO's names as aliases where
    no current state has them ("Viet-Nam", "Yemen")."""
    import pycountry

    out = []
    for iso in pycountry.historic_countries:
        extra = extras.get(iso.alpha_3)
        if extra is None:
            continue
        # "USSR, Union of Soviet Socialist Republics": both parts are names; "Zaire,
        # Republic of": the second is an inverted tail, not a name.
        parts = [p.strip() for p in iso.name.split(", ")]
        names = [p for p in parts if p[:1].isupper() and not p.endswith(" of")
                 and name_key(p) not in current]
        out.append(Country(
            code=iso.alpha_3, name=extra.get("name") or names[0], type="country",
            aliases=names + list(extra.get("aliases", [])), demonyms=[], population=0,
            capital=None, curated=True, origin="ISO 3166-3"))
    return out


def _share_demonyms(countries: list[Country]) -> None:
    owners: dict[str, list[Country]] = {}
    for country in countries:
        for demonym in country.demonyms:
            owners.setdefault(name_key(demonym), []).append(country)
    for key, group in owners.items():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: -c.population)
        winner = group[0] if group[0].population >= DEMONYM_SHARE * group[1].population \
            else None
        for country in group:
            if country is not winner:
                country.demonyms = [d for d in country.demonyms if name_key(d) != key]


def _refuse_iso_codes(countries: list[Country], extras: dict[str, dict[str, Any]]) -> None:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    curated = {a for e in extras.values() for a in e.get("aliases", [])}
    for country in countries:
        country.aliases = [a for a in country.aliases
                           if a.replace(".", "") not in codes or a in curated]


def _unlike_a_persons(capital: str) -> bool:
    """Whether a small country's capital can be a dictionary's place: no word of it a given
    name (Douglas, Stanley, Victoria are people's names too), not several towns ("Kralendijk
    / Oranjestad / The Bottom"), not a phrase ("The Valley", "West Island"). Honiara, Port
    Vila, Nuku'alofa, Apia, Suva were left out with them, and "in Honiara Ruth Liloqula" made
    the capital a person's alias (stranger9)."""
    words = capital.split()
    return "/" not in capital and words[0] not in ("The", "West", "East", "North", "South") \
        and not any(w.lower() in _given_words() for w in words)


@lru_cache(maxsize=1)
def _given_words() -> frozenset[str]:
    """The given names of both lists the runtime reads, lower case."""
    from newsdesk.index.actors.given_names import given_names

    wide = (ROOT / "index" / "actors" / "data" / "given_names_wide.txt").read_text().split()
    return frozenset(given_names()) | {w.lower() for w in wide}


def capitals(countries: list[Country]) -> list[dict[str, Any]]:
    taken = {name_key(n) for c in countries for n in (c.name, *c.aliases)}
    seen: dict[str, dict[str, Any]] = {}
    for country in countries:
        if not country.capital or country.type != "country" or (
                country.population < CAPITAL_MIN_POPULATION and not country.capital_curated
                and not _unlike_a_persons(country.capital)):
            continue
        key = name_key(country.capital)
        if key in taken:
            continue
        if key in seen:  # one city, two countries' capital: it stands for neither
            seen[key].pop("metonym_for", None)
            continue
        seen[key] = {
            "name": country.capital, "type": "location",
            "aliases": country.capital_aliases,
            "metonym_for": country.capital_metonym_for or country.name,
            "source": (f"curated (capital of {country.name})" if country.capital_named
                       else f"countryinfo (capital of {country.name})"
                       + ("; curated" if country.capital_curated else "")),
        }
    return sorted(seen.values(), key=lambda e: name_key(e["name"]))


def _flow(entry: dict[str, Any]) -> str:
    """One entry on one line, in the subset of YAML that JSON is (the loader reads such
    lines with json: index/actors/dictionaries.py)."""
    kept = {k: v for k, v in entry.items() if v is not None and v != []}
    return "  - " + json.dumps(kept, ensure_ascii=False) + "\n"


def render() -> str:
    v = versions()
    extras = load_extras()
    countries = collect(extras)
    source = f"pycountry {v['pycountry']}; countryinfo {v['countryinfo']}"
    lines = [
        "# GENERATED by tests/data_gen/countries.py (`make actor-data`): do not edit by hand;\n",
        "# change tests/data_gen/country_extras.yaml and run it again.\n",
        "# Countries and territories of ISO 3166-1 with their names, demonyms and plurals, and\n",
        "# their capitals (of smaller countries only those no given name's; locations that\n",
        "# stand for their country only when `actors.metonyms` is on).\n",
        f"# Sources: pycountry {v['pycountry']} (ISO 3166-1 names and codes; LGPL-2.1, data from\n",
        "# Debian's iso-codes), countryinfo "
        f"{v['countryinfo']} (demonyms, capitals, populations; MIT),\n",
        "# and tests/data_gen/country_extras.yaml (curated; each item names its source).\n",
        f"# generated-from: pycountry {v['pycountry']}, countryinfo {v['countryinfo']}\n",
        "version: 1\n",
        "actors:\n",
    ]
    for c in countries:
        origin = f"pycountry {v['pycountry']} ({c.origin})" if c.origin else source
        lines.append(_flow({
            "name": c.name, "type": c.type, "code": c.code, "aliases": c.aliases,
            "source": origin + ("; curated" if c.curated else ""),
        }))
    lines.extend(_flow(e) for e in capitals(countries))
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    return generated_file.main(__doc__.split("\n\n")[0], render, OUTPUT, argv)


if __name__ == "__main__":
    sys.exit(main())
