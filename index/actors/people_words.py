"""A people's word of a place ("Africans", "Koreans", "Europeans"): the last word of a longer
people's name ("South Africans", "South Koreans") that is no short form of it, as a surname
is of a full name ("Blair" of "Tony Blair"). In an article on South Africans stranded in
Russia, "young Africans" from other countries was made an alias of South Africa."""

from __future__ import annotations

from collections.abc import Container


def peoples_word(word: str, known: Container[str]) -> bool:
    """Whether `word` (lower case) is a people's adjective or plural ending in "n(s)" of a
    name the dictionaries know: "africans" of "africa", "european" of "europe"."""
    stem = word[:-1] if word.endswith("ns") else word
    return stem.endswith("n") and (stem[:-1] in known or stem[:-2] in known)
