"""Writes index/actors/data/given_names_wide.txt, the given names beyond given_names.txt
that make a name of no cue a person's (index/actors/given_person.py: "Yuvraj Singh"), from
the same package as tests/data_gen/given_names.py (dev time only: `python -m
tests.data_gen.given_names_wide`, with nomquamgender 0.1.4 installed `--no-deps`).

Kept: names that ten sources list or more and that 1,000 people bear at least, in plain
ASCII letters, less those given_names.txt holds (about 7,500 names). Looser than that
list, which keeps a sentence's first word on the name after it wherever it is one: here a
name is read only where nothing says otherwise, written as a name, and its first word
never in lower case in its articles (given_person.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.data_gen import generated_file, given_names
from tests.data_gen.given_names import listed, names_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "given_names_wide.txt"
# The package and its version, as every generator names them (the committed file's check).
PACKAGE, version = given_names.PACKAGE, given_names.version
WIDE_SOURCES = 10
WIDE_PEOPLE = 1000


def render() -> str:
    return names_file(
        lambda row: row[0] >= WIDE_SOURCES and row[1] >= WIDE_PEOPLE and not listed(row),
        "tests/data_gen/given_names_wide.py",
        f"given names {WIDE_SOURCES} sources list or more, borne by {WIDE_PEOPLE} people "
        "or more, less those of given_names.txt")

if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
