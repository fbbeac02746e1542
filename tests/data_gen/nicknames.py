"""Writes index/actors/data/nicknames.txt, English given names and their nicknames ("joseph
joe joey", "william bill billy will"), for the cluster step's join of a formal given name
with the nickname a corpus writes (index/actors/nicknames.py), from a maintained data
package (dev time only: `python -m tests.data_gen.nicknames`):

- nicknames (Apache-2.0; Carlton Northern, Nick Crews): a hand-curated dataset of English
  names and their nicknames (github.com/carltonnorthern/nicknames). Only its names.csv is
  read: `pip install --no-deps nicknames==1.0.1`.

Kept: pairs of plain ASCII letters, one formal name a line followed by its nicknames."""

from __future__ import annotations

import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

from tests.data_gen import generated_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "nicknames.txt"
PACKAGE = "nicknames"


def version() -> str:
    from importlib.metadata import version as of

    return of(PACKAGE)


def _pairs() -> list[tuple[str, str]]:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install --no-deps {PACKAGE}==1.0.1")
    path = Path(next(iter(spec.submodule_search_locations))) / "names.csv"
    with path.open(encoding="utf-8", newline="") as f:
        return [(row["name1"], row["name2"]) for row in csv.DictReader(f)
                if row["relationship"] == "has_nickname"]


def render() -> str:
    nicks: dict[str, set[str]] = defaultdict(set)
    for formal, nick in _pairs():
        if formal != nick and all(n.isascii() and n.isalpha() and n.islower()
                                  for n in (formal, nick)):
            nicks[formal].add(nick)
    head = [f"# generated-from: {PACKAGE} {version()} (Apache-2.0), by "
            "tests/data_gen/nicknames.py",
            "# a formal given name, then its nicknames; one formal name a line"]
    return "\n".join([*head, *(f"{formal} {' '.join(sorted(nicks[formal]))}"
                               for formal in sorted(nicks))]) + "\n"


if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
