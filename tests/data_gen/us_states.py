"""Writes index/actors/data/us_states.txt, the abbreviations news writes for the states of the
United States after a place's name ("Stanford, Calif.", "Rochester, N.Y.", "Miami, FL"), so
that the extractor reads them as the state (index/actors/state_abbreviations.py), from a
maintained data package (dev time only: `make actor-data`):

- us (BSD-3-Clause; Sunlight Labs): each state's name, its postal code and its Associated
  Press abbreviation.

The 50 states only (no territory, no District of Columbia: "Washington, D.C." is a
dictionary's name, index/actors/comma_names.py); the AP form only where it is no state's
name written whole ("Ohio", "Texas"). One state a line: name, AP form, postal code,
tab-separated."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.data_gen import generated_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "us_states.txt"
PACKAGE = "us"


def version() -> str:
    from importlib.metadata import version as of

    return of(PACKAGE)


def render() -> str:
    try:
        import us
    except ImportError:
        raise SystemExit(f"{PACKAGE} is not installed: pip install {PACKAGE}==4.0.0") from None
    rows = []
    for state in sorted(us.states.STATES, key=lambda s: s.name):
        ap = state.ap_abbr if state.ap_abbr and state.ap_abbr != state.name else ""
        rows.append(f"{state.name}\t{ap}\t{state.abbr}")
    head = [f"# generated-from: {PACKAGE} {version()} (BSD-3-Clause), by "
            "tests/data_gen/us_states.py",
            "# name, AP abbreviation (empty where it is the name), postal code; tab-separated"]
    return "\n".join([*head, *rows]) + "\n"


if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
