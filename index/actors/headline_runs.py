"""Runs of capitalised words too long to be one name: a site's menu or a list of headlines
run together where a scraper lost the page's lines ("Featured Topics Newsletters Events
Podcasts Featured Topics Newsletters", "Bad Memory Joel Khalili Science Everyone Was Wrong
About Why Cats Purr"). A name of six capitalised words or more is rare; one that writes a
function word capitalised (headline case) or repeats three words of itself is none.
("Abdul Aziz Ibn Salman Ibn Abdul Aziz": a name. "Credit Suisse First Boston Asia Ltd", "Handy
Andy Home Improvement Centers Inc": a company's, its last word an organisation's.)"""

from __future__ import annotations

from collections.abc import Callable, Container

# Capitalised words in a row (no lower-case connector among them) from which a run is no
# single name if it is in headline case or repeats itself.
RUN_WORDS = 6

# Words from which a run is no name whatever it writes: BBC's and Reuters' longest names are
# ten ("Pratt and Whitney Government Products Division of United Technologies Corp"). A
# paragraph of names run together (a scraped table, a data dump) made one "name" of 80
# words, and the actor index's parts grow with a name's words squared (reach.py's by_gap:
# a tuple of the others for each word): 1,501 such names in one 1 MB article took a build
# to 420 MB.
LONGEST = 24


def headline_run(surface: str, function_word: Callable[[str], bool],
                 org_words: Container[str]) -> bool:
    """Whether a mention's `surface` is a run of capitalised words no name is: RUN_WORDS or
    more, all capitalised, not ending in an organisation's word (`org_words`, lower case),
    and with a function word capitalised after its first (`function_word`, of a lower-case
    word longer than two letters: "Was", "About", "Why") or three words twice over; or
    more than LONGEST words, whatever they are."""
    words = surface.split()
    if len(words) > LONGEST:
        return True
    if len(words) < RUN_WORDS or not all(word[:1].isupper() for word in words) \
            or words[-1].lower().rstrip(".") in org_words:
        return False
    threes = list(zip(words, words[1:], words[2:], strict=False))
    return len(set(threes)) < len(threes) \
        or any(len(word) > 2 and function_word(word.lower()) for word in words[1:])
