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

import re
from collections.abc import Container
from functools import lru_cache
from pathlib import Path

from newsdesk.index.actors.names import name_key
from newsdesk.index.actors.pronouns import SITED
from newsdesk.index.actors.records import Mention
from newsdesk.index.actors.regions import region_keys

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


# Another country's region written as its press abbreviates it after a town: "Regina, Sask.",
# "Yellowknife, N.W.T.", "Windsor, Ont." (no maintained package lists the Canadian Press's or
# Australian forms; pycountry's ISO codes are "ON", "SK"). Read by rule: a capitalised word
# of two to five letters or dotted capitals, with its stop, after "Town, " is the town's
# region, when its letters are those of a shipped region's name in order (regions.yaml).
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")
_CLIPPED = re.compile(r"[A-Z][a-z]{1,4}")


def _letters(written: str) -> str:
    return written.replace(".", "").lower()


def _in_order(letters: str, name: str) -> bool:
    """Whether `letters` begin `name` and the rest are in it in order ("alta": Alberta)."""
    if not name.startswith(letters[0]):
        return False
    at = 0
    for ch in letters[1:]:
        at = name.find(ch, at + 1)
        if at < 0:
            return False
    return True


@lru_cache(maxsize=256)
def region_candidates(letters: str) -> tuple[tuple[str, ...], str]:
    """The region keys whose names an abbreviation's letters ("ont", "nwt") can be cut from,
    and the one its letters begin alone, if one ("sask": Saskatchewan), else ""."""
    names = [(key, key.replace(" ", "")) for key in region_keys()]
    fits = tuple(sorted(key for key, name in names if _in_order(letters, name)))
    begun = [key for key in fits if key.startswith(letters)]
    return fits, begun[0] if len(begun) == 1 else ""


def _region_abbreviation(m: Mention, text: str) -> str | None:
    """The letters of `m` if it is written as a region's abbreviation with its stop after
    "Town, ", else None."""
    surface = m.surface
    if surface.endswith("."):
        # (Initials before a capitalised word are a name's: "Merrill Lynch, E.F. Hutton".)
        if _DOTTED.fullmatch(surface) is None or text[m.end + 1:m.end + 2].isupper():
            return None
    elif text[m.end:m.end + 1] != "." or _CLIPPED.fullmatch(surface) is None \
            and _DOTTED.fullmatch(surface + ".") is None:
        return None
    return _letters(surface) if _after_place(text, m.start) else None


def read_region_abbreviations(found: list[Mention], text: str, skip: Container[str]) -> None:
    """Make each mention of `found` that abbreviates a region after a town's name and a comma
    ("Regina, Sask.") that region's, when one region's name fits it (the one the article names,
    or the only one its letters fit, or begin); drop it where several fit (Que.: Quebec,
    Queensland): a region, no actor, and no place of its own. The town is sited in it. Not a
    name of `skip` (a dictionary's, a place's, a region's: "Paris, Texas."), nor one the
    article writes elsewhere too ("Obama, Bush." names a person written alone before)."""
    drop: list[Mention] = []
    for i, m in enumerate(found):
        # (After ", " first: most mentions are not, one look each. Not a US state's, read
        # before: "Atlanta, Ga.")
        if m.start < 2 or not text.startswith(", ", m.start - 2) or m.in_title \
                or m.org_type == LOCATION or m.key in skip:
            continue
        letters = _region_abbreviation(m, text)
        if letters is None or sum(1 for o in found if o.key == m.key) != 1:
            continue
        fits, begun = region_candidates(letters)
        named = [key for key in fits if any(o.key == key for o in found)]
        region = named[0] if len(named) == 1 else fits[0] if len(fits) == 1 else begun
        if fits and not region:
            drop.append(m)
        elif region:
            m.key, m.org_type, m.location_cue = region, LOCATION, True
            previous = found[i - 1] if i else None
            if previous is not None and previous.end == m.start - 2 \
                    and previous.org_type is None and not previous.person_cue:
                previous.org_type = SITED
    if drop:
        found[:] = [m for m in found if all(m is not d for d in drop)]
