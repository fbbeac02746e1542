"""Writes index/actors/data/languages.txt, the names of languages, so that the extractor and
the clustering read a language's name as no actor ("in Tamil, Sinhala and English", "Hindi
commentary"; index/actors/languages.py), from a maintained data package (dev time only:
`make actor-data`):

- pycountry (LGPL-2.1; data from Debian's iso-codes): ISO 639's languages.

The languages of ISO 639-1 only (those with a two-letter code, about 180: the languages
news names), not the 7,900 of ISO 639-3, many of whose names are common words, places or
surnames ("Even", "Bench", "Kim"). A name's qualifier in brackets is left out ("Tonga
(Tonga Islands)", "Malay (macrolanguage)"), and so is "Modern" ("Modern Greek"); names a
language has several of (pycountry separates them with ";"; its common name: "Bangla")
are listed each. One name a
line, sorted."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.data_gen import generated_file

OUTPUT = Path(__file__).resolve().parents[2] / "index" / "actors" / "data" / "languages.txt"
PACKAGE = "pycountry"
_QUALIFIER = re.compile(r"\s*\([^)]*\)")


def version() -> str:
    from importlib.metadata import version as of

    return of(PACKAGE)


def names() -> list[str]:
    try:
        import pycountry
    except ImportError:
        raise SystemExit(f"{PACKAGE} is not installed: pip install -e '.[test]'") from None
    found: set[str] = set()
    for language in pycountry.languages:
        if not hasattr(language, "alpha_2"):
            continue
        for name in [*language.name.split(";"), getattr(language, "common_name", "")]:
            name = _QUALIFIER.sub("", name).strip().removeprefix("Modern ")
            if name:
                found.add(name)
    return sorted(found)


def render() -> str:
    head = [f"# generated-from: {PACKAGE} {version()} (LGPL-2.1; ISO 639-1 languages), by "
            "tests/data_gen/languages.py",
            "# one language's name a line"]
    return "\n".join([*head, *names()]) + "\n"


if __name__ == "__main__":
    sys.exit(generated_file.main(__doc__.splitlines()[0], render, OUTPUT))
