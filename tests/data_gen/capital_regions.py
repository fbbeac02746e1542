"""Writes index/actors/data/capital_regions.txt: the first-level regions of ISO 3166-2 that
regions.yaml leaves out only because a country's capital has their name (Victoria: an
Australian state and the Seychelles' capital). No place is typed by them, but a plural
demonym of their people ("Victorians") is told by them as by a shipped region's
(index/actors/region_demonyms.py). Same sources and rules as tests/data_gen/subdivisions.py
(dev time only: `make actor-data`, after it): pycountry (ISO 3166-2; LGPL-2.1) and
countryinfo (capitals; MIT). One name a line."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.data_gen import generated_file, subdivisions

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "capital_regions.txt"
PACKAGE = "pycountry"


def version() -> str:
    return subdivisions.versions()[PACKAGE]


def render() -> str:
    from newsdesk.index.actors.names import name_key

    taken = subdivisions.taken_keys()
    capitals = subdivisions.all_capitals()
    kept = {name_key(r.name) for r in subdivisions.collect_regions(taken, capitals)}
    names = sorted({r.name for r in subdivisions.collect_regions(taken, set())
                    if name_key(r.name) in capitals and name_key(r.name) not in kept})
    head = [f"# generated-from: {PACKAGE} {version()} (LGPL-2.1), countryinfo "
            f"{subdivisions.versions()['countryinfo']} (MIT), by tests/data_gen/capital_regions.py",
            "# regions named as a capital is: their people's plural only (region_demonyms.py)"]
    return "\n".join([*head, *names]) + "\n"


if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
