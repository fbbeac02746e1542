"""A person's surname that starts with a particle is no full name: "El Guerrouj" beside
"Hicham El Guerrouj", "de Gaulle" beside "Charles de Gaulle", "van Persie" beside "Robin
van Persie". Written after the first mention, the surname alone is often the commonest
form of two words or more, which the canonical name of a person otherwise is; where the
corpus also writes a longer name that ends with it, that name is the person's.

A form is particle-led by its first word alone (a name connector that stands apart:
extract.NAME_PARTICLES, "al", "el", "de", "van", "bin" ...), whatever its case; "al-Assad"
is one word and no such form."""

from __future__ import annotations

from newsdesk.index.actors.extract import NAME_PARTICLES


def particle_led(surface: str) -> bool:
    """Whether a surface of two words or more starts with a name particle ("El Guerrouj")."""
    first, space, _ = surface.partition(" ")
    return bool(space) and first.lower() in NAME_PARTICLES


def full_over_particle(best: str, forms: list[tuple[int, str]]) -> str:
    """`best` (a person's commonest clean form), or where it is particle-led the commonest
    of `forms` (count, surface) that ends with it after a word of its own ("Hicham El
    Guerrouj" for "El Guerrouj"); `best` where none does."""
    if not particle_led(best):
        return best
    tail = " " + best.lower()
    fuller = [item for item in forms
              if item[1].lower().endswith(tail) and not particle_led(item[1])]
    return max(fuller)[1] if fuller else best
