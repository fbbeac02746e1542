"""Writes index/actors/data/regions.yaml: first-level subdivisions of ISO 3166-2
(pycountry's `subdivisions`, LGPL-2.1, data from Debian's iso-codes) as `location` entries,
so that "Texas", "Ontario" or "Guangdong" is typed a place where its articles give no cue of
any kind (dev time only: `make actor-data`, after countries.py; the runtime reads the YAML,
index/actors/regions.py, and a test checks it against a fresh run).

Kept, so that every name names one place and no actor:
- only the subdivisions a reader knows as regions (states, provinces, territories, Länder,
  regions, governorates, prefectures, cantons...), not municipalities, districts, parishes
  or communes, whose names are mostly those of towns and people;
- ISO's name made fit to be read: no bracketed note ("Wales [Cymru GB-CYM]"), an inverted
  form put right ("Asturias, Principado de" -> Asturias), transliteration marks that English
  does not write folded ("Bihār" -> Bihar; "Baden-Württemberg" keeps its umlaut), a
  type word that a country's names share dropped ("Anhui Sheng" -> Anhui), and the Arabic
  article as an alias ("Al Anbar": also "Anbar");
- not a name another shipped entry has (Georgia the country, Washington the capital and
  the United States' metonym, Gaza, Kashmir): that entry keeps it;
- not the name of any country's capital however small (Victoria: an Australian state, the
  capital of the Seychelles and a person's name), nor one of four letters or fewer (Mie,
  Imo) but a federation's state's (Ohio, Iowa, Utah), nor one made only of words of
  direction or kind ("Central", "Northern", "Plateau", "Upper East");
- one entry for a name two countries' subdivisions share (Punjab: India's and Pakistan's),
  its source naming both.

Apart, with the region's country (`country`), a region whose name is another country's
(Georgia, a state of the United States; Niger, a state of Nigeria): the country's entry
keeps the name, and an article's context says which one it means (index/actors/homonyms.py).
Not a country's demonym (Somali, a region of Ethiopia), nor a former country's (Zaire, a
province of Angola: the country in its time's news), nor a country entry that is a region
itself (Northern Ireland, GB-NIR). A neighbour's name (Niger, a state of Nigeria: Nigeria's
news names its neighbour Niger with its states) is said so in its source ("also a
neighbour's name"): only a mention's own slot
reads it as the region ("Shiroro LGA (Niger)", "Minna, Niger"), never the article's other
names. Neighbours: countryinfo's borders."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from newsdesk.index.actors.dictionaries import SHIPPED_DICTIONARIES, load_dictionary
from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.regions import NEAR
from newsdesk.index.actors.regions import REGIONS as OUTPUT
from tests.data_gen import generated_file

# ISO 3166-2 subdivision types that are regions to a reader.
REGION_TYPES = frozenset((
    "State", "Province", "Territory", "Union territory", "Land", "Autonomous community",
    "Autonomous region", "Autonomous republic", "Autonomous province", "Region",
    "Metropolitan region", "Administrative region", "Regional state", "Prefecture",
    "Governorate", "Canton", "Emirate", "Republic", "Oblast", "Voivodship",
    "Federal district", "Federal territory", "Capital territory", "Federal capital territory",
    "Special administrative region", "Geographical unit",
))
# Words of direction, kind or colour: a name made only of them names no one region
# ("Central", "Northern", "Upper East", "Plateau", "White"; "Western Cape" keeps its "Cape").
GENERIC_WORDS = frozenset(str.split("""
north south east west northern southern eastern western central centre center middle
north-east north-west south-east south-west northeast northwest southeast southwest
upper lower greater capital coast coastal island islands lake lakes highland highlands
lowland lowlands plateau mountain mountains river rivers valley delta border interior
national federal special metropolitan region district territory province state
nord sud est ouest norte sur este oeste leste centro littoral
white black red blue green yellow
"""))
MIN_LETTERS = 5  # a name of four letters or fewer is as often a word or a code (Mie, Imo)
# ...but a first-level unit of a federation that ISO types "State" is written as a name
# ("Ohio lawmakers", "a Kano court"): four letters do there. Ohio, Iowa and Utah were left
# out, and their mentions listed as actors typed "other" on a Wikinews corpus.
STATE_MIN_LETTERS = 4
ARABIC_ARTICLE = re.compile(r"^A[lns]h?[ -](?=[A-Z])")  # "Al Anbar", "Ash Sharqiyah"
# Letters outside Latin-1 that only mark a transliteration (ā, ī, ḩ): English writes the
# bare letter. Latin-1's own accents (ü, é, ñ) are how English writes those names too.
LATIN_1 = 0xFF


@dataclass(slots=True)
class Region:
    name: str
    aliases: list[str]
    codes: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)


def fold_marks(name: str) -> str:
    """Transliteration marks dropped from letters outside Latin-1 ("Nāgāland" -> Nagaland,
    "Z̧ufar" -> Zufar), and an ayn's or hamza's mark ("Būr Sa‘īd"), not an elision's
    apostrophe ("L'Oriental")."""
    out = []
    name = unicodedata.normalize("NFC", name)
    for i, ch in enumerate(name):
        if ord(ch) > LATIN_1 and (ch.isalpha() or unicodedata.combining(ch)):
            bare = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c))
            out.append(bare if bare.isascii() else ch)
        elif ch in "‘’ʼ'" and not name[i + 1:i + 2].isupper():
            continue
        else:
            out.append(ch)
    return "".join(out)


def clean_name(name: str) -> str | None:
    """ISO's name as a reader writes it, or None where it cannot be made so."""
    name = re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()  # "Wales [Cymru GB-CYM]"
    if "," in name:
        head, _, tail = name.partition(",")
        # "Asturias, Principado de", "Murcia, Región de": the head is the name; not
        # "Valenciana, Comunidad" (an adjective) nor "wallonne, Région".
        if not tail.split() or not tail.split()[-1].islower() or not head[:1].isupper():
            return None
        name = head.strip()
    name = fold_marks(name)
    return name if name[:1].isupper() else None


def _type_words(names: list[str]) -> set[str]:
    """Last words that three or more of one country's names end with: the local word for
    their kind ("Sheng", "Zizhiqu", "Oblast'"), not part of the name."""
    ends = Counter(n.rsplit(None, 1)[-1] for n in names if " " in n)
    return {w for w, n in ends.items() if n >= 3}


def _generic(name: str) -> bool:
    return all(w in GENERIC_WORDS for w in name.lower().replace("-", " ").split())


def collect_regions(taken: set[str], capitals: set[str]) -> list[Region]:
    """The regions to ship: `taken` holds the name keys other shipped entries have,
    `capitals` the keys of every country's capital (countryinfo's, all sizes)."""
    import pycountry

    by_country: dict[str, list[object]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in REGION_TYPES:
            by_country.setdefault(sub.country_code, []).append(sub)
    found: dict[str, Region] = {}
    owner: dict[str, str] = {}  # a name key -> the key of the region that has it
    refused: set[str] = set()
    for country_code in sorted(by_country):
        subs = sorted(by_country[country_code], key=lambda s: s.code)
        cleaned = [(sub, clean_name(sub.name)) for sub in subs]
        kinds = _type_words([n for _, n in cleaned if n])
        country = pycountry.countries.get(alpha_2=country_code)
        country_name = getattr(country, "common_name", None) or country.name
        for sub, name in cleaned:
            if not name:
                continue
            words = name.split()
            while len(words) > 1 and words[-1] in kinds:
                words.pop()
            name = " ".join(words)
            bare = ARABIC_ARTICLE.sub("", name)
            aliases = [bare] if bare != name else []
            keys = {name_key(n) for n in (name, *aliases)}
            least = STATE_MIN_LETTERS if sub.type == "State" else MIN_LETTERS
            if keys & (taken | capitals | refused) or _generic(bare) \
                    or len(bare.replace(" ", "")) < least:
                refused |= keys  # (a name refused once stays refused: no half of a clash)
                continue
            key = name_key(name)
            region = found.get(key)
            if region is None:
                shared = {owner[k] for k in keys if k in owner}
                if shared:  # one alias is another region's name: neither names one place
                    for other in shared:
                        if (r := found.pop(other, None)) is not None:
                            refused |= {name_key(n) for n in (r.name, *r.aliases)}
                    refused |= keys
                    continue
                region = found[key] = Region(name, aliases)
                owner.update(dict.fromkeys(keys, key))
            region.codes.append(sub.code)
            if country_name not in region.countries:
                region.countries.append(country_name)
    return sorted(found.values(), key=lambda r: name_key(r.name))


# How a homonym's source says whose name it also is (index/actors/regions.py reads it).
FAR = "a country's name"


def collect_homonyms() -> list[tuple[Region, str, bool]]:
    """(the region, its country, whether the country of its name is its country's
    neighbour) of each region named as another shipped country is."""
    import pycountry

    countries: dict[str, str] = {}  # a shipped country's name (not a demonym) -> the country
    for path in SHIPPED_DICTIONARIES:
        for e in load_dictionary(path):
            # (not a former country: Zaire is the country in its time's news; nor GB-NIR,
            # a region itself)
            if e.type == "country" and e.code and pycountry.countries.get(alpha_3=e.code):
                countries[name_key(e.name)] = e.name
                countries.update((name_key(a), e.name) for a in e.aliases
                                 if a[:1].isupper() and not a.endswith(_DEMONYM_ENDS))
    codes, borders = _borders()
    found: dict[str, tuple[Region, str, bool]] = {}
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        name = clean_name(sub.name) if sub.parent_code is None else None
        if not name or sub.type not in REGION_TYPES or name_key(name) not in countries:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        own = getattr(country, "common_name", None) or country.name
        other = countries[name_key(name)]
        if other in (own, country.name) or name_key(name) in found:
            continue
        near = country.alpha_3 in borders.get(codes.get(other, ""), ())
        found[name_key(name)] = (Region(name, [], [sub.code], [own]), own, near)
    return [found[k] for k in sorted(found)]


def _borders() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(a shipped country's name -> its ISO 3166-1 alpha-3 code, of current countries only;
    an alpha-3 code -> its neighbours' codes), from the shipped entries and countryinfo."""
    from countryinfo._cache import load_countries

    codes = {e.name: e.code for path in SHIPPED_DICTIONARIES for e in load_dictionary(path)
             if e.type == "country" and e.code}
    borders = {}
    for record in load_countries()["countries"].values():
        iso = (record.get("ISO") or {}).get("alpha3")
        if iso:
            borders[iso] = set(record.get("borders") or ())
    return codes, borders


# How a demonym ends, of the countries' aliases (Somali, Georgian, Nigerien): no homonym.
_DEMONYM_ENDS = ("an", "ans", "ian", "ish", "ese", "i", "is", "ic", "ien", "iens")


def taken_keys() -> set[str]:
    """The name keys of the shipped dictionaries' entries (countries, capitals, curated news
    actors): a region of the same name is left to them (Georgia, Washington)."""
    return {name_key(n) for path in SHIPPED_DICTIONARIES for e in load_dictionary(path)
            for n in (e.name, *e.aliases)}


def all_capitals() -> set[str]:
    """The keys of every country's capital, however small the country (Victoria)."""
    from countryinfo._cache import load_countries

    out = set()
    for record in load_countries()["countries"].values():
        capital = record.get("capital")
        if isinstance(capital, list):
            capital = capital[0] if capital else None
        if isinstance(capital, str) and capital.strip():
            out.add(name_key(capital))
    return out


def versions() -> dict[str, str]:
    from importlib.metadata import version

    return {"pycountry": version("pycountry"), "countryinfo": version("countryinfo")}


def render() -> str:
    v = versions()
    lines = [
        "# GENERATED by tests/data_gen/subdivisions.py (`make actor-data`): do not edit by hand.\n",
        "# First-level regions of ISO 3166-2 (states, provinces, Länder, prefectures...): a\n",
        "# name the corpus gives no cue of any kind is typed a place by them\n",
        "# (index/actors/regions.py). Which are kept and why: the generator's docstring.\n",
        f"# Sources: pycountry {v['pycountry']} (ISO 3166-2; LGPL-2.1, data from Debian's\n",
        f"# iso-codes); countryinfo {v['countryinfo']} (capitals, left out; MIT).\n",
        f"# generated-from: pycountry {v['pycountry']}, countryinfo {v['countryinfo']}\n",
        "version: 1\n",
        "actors:\n",
    ]
    for r in collect_regions(taken_keys(), all_capitals()):
        entry = {"name": r.name, "type": "location", "aliases": r.aliases,
                 "source": f"pycountry {v['pycountry']} (ISO 3166-2 {', '.join(r.codes)}: "
                           f"a region of {' and '.join(r.countries)})"}
        kept = {k: val for k, val in entry.items() if val}
        lines.append("  - " + json.dumps(kept, ensure_ascii=False) + "\n")
    lines.append("  # Regions named as another country is (index/actors/homonyms.py):\n")
    for r, country, near in collect_homonyms():
        entry = {"name": r.name, "type": "location", "country": country,
                 "source": f"pycountry {v['pycountry']} (ISO 3166-2 {', '.join(r.codes)}: "
                           f"a region of {country}; also {NEAR if near else FAR})"}
        lines.append("  - " + json.dumps(entry, ensure_ascii=False) + "\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    return generated_file.main(__doc__.split("\n\n")[0], render, OUTPUT, argv)


if __name__ == "__main__":
    sys.exit(main())
