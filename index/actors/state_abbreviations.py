"""A US state written as news abbreviates it after a place's name: "Stanford, Calif.",
"Rochester, N.Y.", "Miami, FL". Alone, "Calif", "N.Y." and "Fla" were actors of their own
(#20, #24 and #45 of a health-news corpus's actors, typed other). The abbreviations come
from a maintained package at development time (data/us_states.txt, tests/data_gen/us_states.py:
the Associated Press's forms and the postal codes). Many are words or names too ("Miss.",
"La.", "Ind.", "Mass", "OK", "IN"), so one is read as the state only where the text says so:
written after a capitalised word and a comma, as a place's region is, the AP form with its
stop ("Calif."), the postal code in capitals ("FL"). The mention becomes the state's (a place),
and the name before the comma a place sited in it (pronouns.SITED)."""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from pathlib import Path

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import SITED
from newsdesk.index.actors.records import Mention

US_STATES = Path(__file__).resolve().parent / "data" / "us_states.txt"
LOCATION = "location"
_COUNTRY = "united states"  # (the country of every state the file lists)


@lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, tuple[str, str]]:
    """An abbreviation's name key ("calif", "ny") -> (the state's name key, the forms it is
    written in: "Calif." and "CA", "N.Y." and "NY")."""
    out: dict[str, tuple[str, str]] = {}
    if not US_STATES.is_file():
        return out
    for line in US_STATES.read_text(encoding="utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        name, ap, postal = line.split("\t")
        state = name_key(name)
        for form in (ap, postal):
            if form:
                key = name_key(form)
                forms = out[key][1] if key in out else ""
                out[key] = (state, f"{forms} {form}".strip())
    return out


def _after_place(text: str, start: int) -> bool:
    """Whether a capitalised word and a comma stand right before `start`."""
    if text[start - 2:start] != ", ":
        return False
    word = text[text.rfind(" ", 0, start - 2) + 1:start - 2]
    return word[:1].isupper() and word[-1:].isalpha()


def _written_as(m: Mention, text: str, forms: str, place: Mention | None) -> bool:
    """Whether the mention is written as one of the state's forms: the AP one with its
    stop (the scan may leave the stop out of the mention); the postal code in capitals,
    after a name the article's words say is a place ("in Miami, FL") or before a ZIP code
    ("Jones, OK" is no place's)."""
    surface = m.surface if m.surface.endswith(".") or text[m.end:m.end + 1] != "." \
        else m.surface + "."
    if surface not in forms.split():
        return False
    if "." in surface:
        return True
    return (place is not None and place.end == m.start - 2 and place.location_cue) \
        or text[m.end + 1:m.end + 2].isdigit()


def read_state_abbreviations(found: list[Mention], text: str, keys: set[str],
                             homonyms: Container[str] = ()) -> None:
    """Make each mention of `found` (in the text's order) that abbreviates a US state after
    a place's name and a comma the state's, and that place's name sited in it. `keys`: the
    keys of the text's mentions (none of them a state's: nothing to do, as in most).
    `homonyms`: states' keys that a dictionary gives another entry, a country or a capital
    ("Seattle, Wash." is no mention of Washington, D.C.; "Atlanta, Ga." none of Georgia the
    country): the state's mention takes the key homonyms.py gives a region named as a
    country is, its name and its country's ("washington united states")."""
    table = state_abbreviations()
    if table.keys().isdisjoint(keys):
        return
    previous: Mention | None = None
    for m in found:
        state = table.get(m.key)
        if state is not None and not m.in_title and _after_place(text, m.start) \
                and _written_as(m, text, state[1], previous):
            m.key, m.org_type, m.location_cue = state[0], LOCATION, True
            if m.key in homonyms:
                m.key = f"{m.key} {_COUNTRY}"
            if previous is not None and previous.end == m.start - 2 \
                    and previous.org_type is None and not previous.person_cue:
                previous.org_type = SITED
        previous = m
